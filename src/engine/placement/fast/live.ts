import type { AssignedPort, CandidateInstance, TaskRequirements } from '../types';

/** The batch's own copy of an instance it has placed a task on; changed in place. */
export interface LiveInstance extends CandidateInstance {
  reservedTcpPorts: Set<number>;
  reservedUdpPorts: Set<number>;
  dynamicTcpPorts: Set<number>;
  dynamicUdpPorts: Set<number>;
  taskGroupCounts: Record<string, number>;
}

/**
 * The caller's objects stay untouched. Port sets are copied only when the
 * task maps host ports; otherwise nothing adds to them and the copy shares
 * them, read-only (a Set per instance would cost more than all the tasks).
 * Replacing existing fields keeps the copy on V8's fast path for spreads;
 * candidates without dynamic port sets get them here, as applyPlacement
 * would give them.
 */
export function liveCopy(instance: CandidateInstance, copyPorts: boolean): LiveInstance {
  const live = { ...instance } as LiveInstance;
  live.taskGroupCounts = { ...instance.taskGroupCounts };
  if (copyPorts) {
    live.reservedTcpPorts = new Set(instance.reservedTcpPorts);
    live.reservedUdpPorts = new Set(instance.reservedUdpPorts);
    live.dynamicTcpPorts = new Set(instance.dynamicTcpPorts);
    live.dynamicUdpPorts = new Set(instance.dynamicUdpPorts);
  } else {
    live.dynamicTcpPorts = (instance.dynamicTcpPorts ?? new Set()) as Set<number>;
    live.dynamicUdpPorts = (instance.dynamicUdpPorts ?? new Set()) as Set<number>;
  }
  return live;
}

/**
 * applyPlacement (apply-placement.ts) done in place: a copy per task would
 * cost more than the placement itself. The two must change the same
 * fields the same way; the batch property test compares the results.
 */
export function placeOnLive(
  live: LiveInstance,
  task: TaskRequirements,
  hostPorts: readonly AssignedPort[] | undefined,
): void {
  for (const p of hostPorts ?? []) {
    const into = p.dynamic
      ? p.protocol === 'udp'
        ? live.dynamicUdpPorts
        : live.dynamicTcpPorts
      : p.protocol === 'udp'
        ? live.reservedUdpPorts
        : live.reservedTcpPorts;
    into.add(p.hostPort);
  }
  live.remainingCpu = live.remainingCpu - task.cpu;
  live.remainingMemoryMiB = live.remainingMemoryMiB - task.memoryMiB;
  if (task.gpus) live.remainingGpus = (live.remainingGpus ?? 0) - task.gpus;
  live.eniUsed = live.eniUsed + (task.networkMode === 'awsvpc' ? 1 : 0);
  live.runningTasksCount = live.runningTasksCount + 1;
  live.taskGroupCounts[task.group] = (live.taskGroupCounts[task.group] ?? 0) + 1;
}
