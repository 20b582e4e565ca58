import type { CandidateInstance, PlacementDecision, TaskRequirements } from './types';

/**
 * The instance after the decided task is on it: resources, ports, ENI slot
 * and group counts taken. Returns a new object; for callers that keep
 * CandidateInstance values and for tests that place tasks in sequence.
 */
export function applyPlacement(
  instance: CandidateInstance,
  task: TaskRequirements,
  decision: PlacementDecision,
): CandidateInstance {
  const reservedTcpPorts = new Set(instance.reservedTcpPorts);
  const reservedUdpPorts = new Set(instance.reservedUdpPorts);
  const dynamicTcpPorts = new Set(instance.dynamicTcpPorts);
  const dynamicUdpPorts = new Set(instance.dynamicUdpPorts);
  for (const p of decision.hostPorts ?? []) {
    const into = p.dynamic
      ? p.protocol === 'udp'
        ? dynamicUdpPorts
        : dynamicTcpPorts
      : p.protocol === 'udp'
        ? reservedUdpPorts
        : reservedTcpPorts;
    into.add(p.hostPort);
  }
  const placed: CandidateInstance = {
    ...instance,
    remainingCpu: instance.remainingCpu - task.cpu,
    remainingMemoryMiB: instance.remainingMemoryMiB - task.memoryMiB,
    reservedTcpPorts,
    reservedUdpPorts,
    dynamicTcpPorts,
    dynamicUdpPorts,
    eniUsed: instance.eniUsed + (task.networkMode === 'awsvpc' ? 1 : 0),
    runningTasksCount: instance.runningTasksCount + 1,
    taskGroupCounts: {
      ...instance.taskGroupCounts,
      [task.group]: (instance.taskGroupCounts[task.group] ?? 0) + 1,
    },
  };
  // Only a GPU task touches the count, so an instance without GPUs keeps its shape.
  if (task.gpus) placed.remainingGpus = (instance.remainingGpus ?? 0) - task.gpus;
  return placed;
}
