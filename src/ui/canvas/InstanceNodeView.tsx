import type { NodeProps } from '@xyflow/react';
import { memo } from 'react';
import { useRunStore } from '../../store/run';
import type { InstanceNode } from './flow-nodes';
import { ResourceBar } from './ResourceBar';
import { TaskChip } from './TaskChip';

const NO_TASKS: readonly string[] = [];

/** An EC2 container instance: design facts from props, live numbers from the run store. */
export const InstanceNodeView = memo(function InstanceNodeView({
  data,
  selected,
}: NodeProps<InstanceNode>) {
  const id = data.ec2InstanceId;
  const live = useRunStore((s) => s.instances[id]);
  const taskArns = useRunStore((s) => s.instanceTasks[id]) ?? NO_TASKS;
  const cpuTotal = live?.registeredCpu ?? data.registeredCpu;
  const memTotal = live?.registeredMemoryMiB ?? data.registeredMemoryMiB;
  const status = live?.status ?? 'NOT RUNNING';
  return (
    <div
      className={`node instance-node${selected ? ' selected' : ''}`}
      data-testid={`instance.${id}`}
      data-status={status}
    >
      <header className="node-header">
        <span className="node-kind">EC2</span>
        <span className="node-title">{data.instanceType}</span>
        <span className={`pill status-${status.toLowerCase().replace(' ', '-')}`}>{status}</span>
      </header>
      <div className="node-id">{id}</div>
      <ResourceBar
        label="CPU"
        used={live ? live.registeredCpu - live.remainingCpu : 0}
        total={cpuTotal}
        unit="units"
        testId="instance.cpu"
      />
      <ResourceBar
        label="Mem"
        used={live ? live.registeredMemoryMiB - live.remainingMemoryMiB : 0}
        total={memTotal}
        unit="MiB"
        testId="instance.memory"
      />
      <div className="chips" data-testid="instance.tasks">
        {taskArns.length === 0 ? (
          <span className="chips-empty">No tasks</span>
        ) : (
          taskArns.map((arn) => <TaskChip key={arn} arn={arn} />)
        )}
      </div>
    </div>
  );
});
