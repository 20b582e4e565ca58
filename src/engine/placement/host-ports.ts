import { portInUse } from './filters/ports';
import { DEFAULT_DYNAMIC_PORT_RANGE } from './limits';
import type { AssignedPort, CandidateInstance, TaskRequirements } from './types';

/**
 * The host port of every mapping on the chosen instance. Dynamic ports take
 * the lowest free port of the ephemeral range, so runs are reproducible.
 * Model: the agent's real choice is the kernel's; lowest-free is our stand-in (ecs-behavior §3.3).
 */
export function assignHostPorts(
  task: TaskRequirements,
  instance: CandidateInstance,
): AssignedPort[] | undefined {
  if (task.networkMode !== 'bridge' && task.networkMode !== 'host') return undefined;
  const { from, to } = instance.dynamicPortRange ?? DEFAULT_DYNAMIC_PORT_RANGE;
  const taken = { tcp: new Set<number>(), udp: new Set<number>() };
  const next = { tcp: from, udp: from };
  const fixedPort = (m: TaskRequirements['portMappings'][number]) =>
    task.networkMode === 'host' ? m.containerPort : (m.hostPort ?? 0);
  // The task's own static ports may sit inside the ephemeral range.
  for (const m of task.portMappings) if (fixedPort(m) !== 0) taken[m.protocol].add(fixedPort(m));
  return task.portMappings.map((mapping) => {
    const { containerPort, protocol } = mapping;
    const fixed = fixedPort(mapping);
    if (fixed !== 0) return { containerPort, hostPort: fixed, protocol, dynamic: false };
    let port = next[protocol];
    while (port <= to && (portInUse(instance, port, protocol) || taken[protocol].has(port))) port++;
    // The ports filter made sure the range has room; this guards a caller that skipped it.
    if (port > to) {
      throw new RangeError(`no free dynamic ${protocol} port on ${instance.containerInstanceArn}`);
    }
    taken[protocol].add(port);
    next[protocol] = port + 1;
    return { containerPort, hostPort: port, protocol, dynamic: true };
  });
}
