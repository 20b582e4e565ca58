import type { TaskRequirements } from '../types';
import type { Direction, Scorer } from './scorer';

/**
 * binpack ranks by what the instance has left of `field` after placing the
 * task (least wins), or after stopping one (most wins) (§4.2).
 */
export function binpackScorer(field: string, task: TaskRequirements, direction: Direction): Scorer {
  const sign = direction === 'place' ? -1 : 1;
  if (field === 'cpu') {
    return { score: (i) => i.remainingCpu + sign * task.cpu };
  }
  if (field === 'memory') {
    return { score: (i) => i.remainingMemoryMiB + sign * task.memoryMiB };
  }
  // Not a binpack field; validation reports it, placement treats all alike.
  return { score: () => 0 };
}
