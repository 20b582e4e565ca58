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
