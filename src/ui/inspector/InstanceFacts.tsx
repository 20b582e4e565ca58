import { memo } from 'react';
import { useRunStore } from '../../store/run';
import { AGENT_PORTS, PORT_LIMIT, taskPorts } from '../canvas/ports';

/** The instance now: tasks, what is left, ports of the 100-port limit, ENI slots. */
export const InstanceFacts = memo(function InstanceFacts({ id }: { id: string }) {
  const live = useRunStore((s) => s.instances[id]);
  if (!live) return null;
  const ports = taskPorts(live);
  const reserved = live.reservedTcpPorts.length + live.reservedUdpPorts.length;
  const taskList = [...ports.tcp.map((p) => `${p}/tcp`), ...ports.udp.map((p) => `${p}/udp`)];
  return (
    <dl className="facts" data-testid="inspector.instance.facts">
      <dt>Status</dt>
      <dd>{live.status}</dd>
      <dt>Tasks</dt>
      <dd>
        {live.runningTasksCount} running · {live.pendingTasksCount} pending
      </dd>
      <dt>Remaining</dt>
      <dd>
        {live.remainingCpu} CPU · {live.remainingMemoryMiB} MiB
      </dd>
      <dt>Ports</dt>
      <dd data-testid="inspector.ports">
        {reserved} of {PORT_LIMIT} reserved
        <br />
        <small>
          agent {AGENT_PORTS.join(', ')} · tasks{' '}
          {taskList.length > 0 ? taskList.join(', ') : 'none'}
          {live.dynamicPortCount > 0 && ` · ${live.dynamicPortCount} dynamic (not counted)`}
        </small>
      </dd>
      <dt>ENIs</dt>
      <dd data-testid="inspector.eni">
        {live.eniUsed} of {live.eniLimit} awsvpc task slots
      </dd>
    </dl>
  );
});
