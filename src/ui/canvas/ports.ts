import type { InstanceView } from '../../engine';

/** ECS counts at most 100 reserved host ports per instance, the agent's own included (§3.3). */
export const PORT_LIMIT = 100;
/** The agent's default reserved TCP ports on Linux (ecs-behavior §3.3). */
export const AGENT_PORTS: readonly number[] = [22, 2375, 2376, 51678, 51679];

/** Static host ports held by tasks: the reserved ones the agent did not take. */
export function taskPorts(live: InstanceView): { tcp: number[]; udp: number[] } {
  return {
    tcp: live.reservedTcpPorts.filter((p) => !AGENT_PORTS.includes(p)),
    udp: live.reservedUdpPorts,
  };
}
