import type { Filter } from './filter';
import type { TaskNeeds } from './needs';

// Placement counts reservations only; CPU shares are soft at run time (§3.1).

export function cpuFilter(needs: TaskNeeds): Filter {
  return {
    name: 'cpu',
    reason: 'RESOURCE:CPU',
    check: (instance) => (instance.remainingCpu < needs.cpu ? 'insufficient CPU' : undefined),
    explain: (instance) => `needs ${needs.cpu} CPU units, ${instance.remainingCpu} free`,
  };
}

/**
 * GPUs are whole devices the agent pins to containers: a task needs its count free
 * (API ResourceRequirement: the GPUs of a task cannot exceed those available).
 */
export function gpuFilter(needs: TaskNeeds): Filter {
  return {
    name: 'gpu',
    reason: 'RESOURCE:GPU',
    check: (instance) =>
      (instance.remainingGpus ?? 0) < needs.gpus ? 'insufficient GPU' : undefined,
    explain: (instance) =>
      `needs ${needs.gpus} GPU${needs.gpus === 1 ? '' : 's'}, ${instance.remainingGpus ?? 0} free`,
  };
}

export function memoryFilter(needs: TaskNeeds): Filter {
  return {
    name: 'memory',
    reason: 'RESOURCE:MEMORY',
    check: (instance) =>
      instance.remainingMemoryMiB < needs.memoryMiB ? 'insufficient memory' : undefined,
    explain: (instance) =>
      `needs ${needs.memoryMiB} MiB memory, ${instance.remainingMemoryMiB} free`,
  };
}
