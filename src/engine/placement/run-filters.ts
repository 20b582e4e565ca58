import type { ClosestMatch } from './failure';
import type { Filter } from './filters/filter';
import type { CandidateInstance, InstanceRejection, RejectionCount } from './types';

export interface FilterOutcome {
  survivors: CandidateInstance[];
  counts: RejectionCount[];
  rejected?: InstanceRejection[];
  closest?: ClosestMatch;
}

/**
 * Runs every instance through the filters; the first filter to reject an
 * instance is the one recorded. Counts come out in pipeline order.
 */
export function runFilters(
  filters: readonly Filter[],
  instances: readonly CandidateInstance[],
  full: boolean,
): FilterOutcome {
  const survivors: CandidateInstance[] = [];
  const rejected: InstanceRejection[] = [];
  const byLabel = new Map<string, { stage: number; count: RejectionCount }>();
  let closest: ClosestMatch | undefined;
  let closestStage = -1;
  for (const instance of instances) {
    let stage = 0;
    let label: string | undefined;
    for (; stage < filters.length; stage++) {
      label = filters[stage]!.check(instance);
      if (label !== undefined) break;
    }
    if (label === undefined) {
      survivors.push(instance);
      continue;
    }
    const filter = filters[stage]!;
    const entry = byLabel.get(label);
    if (entry) entry.count.count++;
    else
      byLabel.set(label, {
        stage,
        count: { label, filter: filter.name, reason: filter.reason, count: 1 },
      });
    if (full) {
      rejected.push({
        containerInstanceArn: instance.containerInstanceArn,
        filter: filter.name,
        detail: filter.explain(instance),
      });
    }
    if (stage > closestStage) {
      closestStage = stage;
      closest = {
        containerInstanceArn: instance.containerInstanceArn,
        filter: filter.name,
        reason: filter.reason,
        label,
      };
    }
  }
  const counts = [...byLabel.values()].sort((a, b) => a.stage - b.stage).map((e) => e.count);
  const outcome: FilterOutcome = { survivors, counts };
  if (full) outcome.rejected = rejected;
  if (closest) outcome.closest = closest;
  return outcome;
}
