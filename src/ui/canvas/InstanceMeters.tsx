import { memo } from 'react';
import type { InstanceView } from '../../engine';
import { AGENT_PORTS, PORT_LIMIT, taskPorts } from './ports';

function portsTitle(live: InstanceView): string {
  const { tcp, udp } = taskPorts(live);
  const lines = [
    `Reserved host ports: ${live.reservedTcpPorts.length + live.reservedUdpPorts.length} of ${PORT_LIMIT}`,
    `Agent: ${AGENT_PORTS.join(', ')}/tcp`,
    `Tasks: ${[...tcp.map((p) => `${p}/tcp`), ...udp.map((p) => `${p}/udp`)].join(', ') || 'none'}`,
    `Dynamic (not counted): ${live.dynamicPortCount}`,
  ];
  return lines.join('\n');
}

/** Ports of the 100-port limit, and ENI slots when awsvpc tasks are about. */
export const InstanceMeters = memo(function InstanceMeters({
  live,
  showEni,
}: {
  live: InstanceView | undefined;
  showEni: boolean;
}) {
  if (!live) return null;
  const reserved = live.reservedTcpPorts.length + live.reservedUdpPorts.length;
  const eniShown = showEni || live.eniUsed > 0;
  const eniFull = live.eniLimit > 0 && live.eniUsed >= live.eniLimit;
  return (
    <div className="meters">
      <span className="meter" data-testid="instance.ports" title={portsTitle(live)}>
        ports <strong>{reserved}</strong>/{PORT_LIMIT}
        {live.dynamicPortCount > 0 && <small> +{live.dynamicPortCount} dyn</small>}
      </span>
      {eniShown && (
        <span
          className={`meter${eniFull ? ' full' : ''}`}
          data-testid="instance.eni"
          title="awsvpc task slots: ENIs in use of the limit (ENIs - 1, or the trunk limit)"
        >
          eni <strong>{live.eniUsed}</strong>/{live.eniLimit}
        </span>
      )}
    </div>
  );
});
