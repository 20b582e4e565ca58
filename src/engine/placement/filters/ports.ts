import { DEFAULT_DYNAMIC_PORT_RANGE, MAX_RESERVED_PORTS } from '../limits';
import type { CandidateInstance, Protocol } from '../types';
import type { Filter } from './filter';
import type { HostPort, TaskNeeds } from './needs';

export const PORT_IN_USE = 'host port in use';
export const PORT_LIMIT = 'reserved ports limit';
const NO_DYNAMIC_PORT = 'no free dynamic port';

export function reservedPorts(
  instance: CandidateInstance,
  protocol: Protocol,
): ReadonlySet<number> {
  return protocol === 'udp' ? instance.reservedUdpPorts : instance.reservedTcpPorts;
}

export function dynamicPorts(
  instance: CandidateInstance,
  protocol: Protocol,
): ReadonlySet<number> | undefined {
  return protocol === 'udp' ? instance.dynamicUdpPorts : instance.dynamicTcpPorts;
}

export function portInUse(instance: CandidateInstance, port: number, protocol: Protocol): boolean {
  return (
    reservedPorts(instance, protocol).has(port) ||
    (dynamicPorts(instance, protocol)?.has(port) ?? false)
  );
}

function inUseStatic(instance: CandidateInstance, needs: TaskNeeds): HostPort | undefined {
  if (needs.duplicatePort) return needs.duplicatePort;
  return needs.staticPorts.find((p) => portInUse(instance, p.port, p.protocol));
}

/** Model: the 100 reserved ports count TCP and UDP together (ecs-behavior §3.3). */
function reservedCount(instance: CandidateInstance): number {
  return instance.reservedTcpPorts.size + instance.reservedUdpPorts.size;
}

function freeDynamicPorts(instance: CandidateInstance, protocol: Protocol, wanted: number): number {
  const { from, to } = instance.dynamicPortRange ?? DEFAULT_DYNAMIC_PORT_RANGE;
  const size = to - from + 1;
  const reserved = reservedPorts(instance, protocol);
  const dynamic = dynamicPorts(instance, protocol);
  // Cheap bound first: the exact count walks the sets, almost never needed.
  const upperUse = reserved.size + (dynamic?.size ?? 0);
  if (size - upperUse >= wanted) return size - upperUse;
  let used = 0;
  for (const port of reserved) if (port >= from && port <= to) used++;
  for (const port of dynamic ?? []) if (port >= from && port <= to && !reserved.has(port)) used++;
  return size - used;
}

function dynamicShort(instance: CandidateInstance, needs: TaskNeeds): Protocol | undefined {
  if (
    needs.dynamicTcp > 0 &&
    freeDynamicPorts(instance, 'tcp', needs.dynamicTcp) < needs.dynamicTcp
  ) {
    return 'tcp';
  }
  if (
    needs.dynamicUdp > 0 &&
    freeDynamicPorts(instance, 'udp', needs.dynamicUdp) < needs.dynamicUdp
  ) {
    return 'udp';
  }
  return undefined;
}

/**
 * Static host ports: one task per port and protocol per instance, and at most
 * 100 reserved ports including the agent's; dynamic ports only need a free
 * port in the ephemeral range (§3.3, §5).
 */
export function portsFilter(needs: TaskNeeds): Filter {
  return {
    name: 'ports',
    reason: 'RESOURCE:PORTS',
    check: (instance) => {
      if (inUseStatic(instance, needs)) return PORT_IN_USE;
      if (reservedCount(instance) + needs.staticPorts.length > MAX_RESERVED_PORTS) {
        return PORT_LIMIT;
      }
      return dynamicShort(instance, needs) ? NO_DYNAMIC_PORT : undefined;
    },
    explain: (instance) => {
      const clash = inUseStatic(instance, needs);
      if (clash === needs.duplicatePort && clash) {
        return `host port ${clash.port}/${clash.protocol} requested twice by the task`;
      }
      if (clash) return `host port ${clash.port}/${clash.protocol} in use`;
      const count = reservedCount(instance);
      if (count + needs.staticPorts.length > MAX_RESERVED_PORTS) {
        return `needs ${needs.staticPorts.length} more reserved ports, ${count} of ${MAX_RESERVED_PORTS} in use`;
      }
      const { from, to } = instance.dynamicPortRange ?? DEFAULT_DYNAMIC_PORT_RANGE;
      return `no free dynamic port in ${from}-${to}/${dynamicShort(instance, needs) ?? 'tcp'}`;
    },
  };
}
