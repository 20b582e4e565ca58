import type { CandidateInstance } from '../types';
import type { Scorer } from './scorer';

const NO_VALUE = '(none)';

/**
 * spread counts the tasks of the group per distinct value of `field` over
 * every instance given, not only the candidates, so a full AZ still counts
 * its tasks (§4.2). Model: instances lacking the attribute share the value
 * '(none)' rather than being left out (ecs-behavior §4.2).
 */
export function spreadScorer(
  field: string,
  group: string,
  all: readonly CandidateInstance[],
): Scorer {
  if (field === 'instanceId' || field === 'host') {
    return { score: (i) => i.taskGroupCounts[group] ?? 0 };
  }
  if (!field.startsWith('attribute:')) return { score: () => 0 };
  const name = field.slice('attribute:'.length);
  const value = (i: CandidateInstance) => i.attributes[name] ?? NO_VALUE;
  const totals = new Map<string, number>();
  for (const instance of all) {
    const count = instance.taskGroupCounts[group] ?? 0;
    const key = value(instance);
    totals.set(key, (totals.get(key) ?? 0) + count);
  }
  return { score: (i) => totals.get(value(i)) ?? 0, value };
}
