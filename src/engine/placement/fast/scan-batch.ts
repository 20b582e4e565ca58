import { applyPlacement } from '../apply-placement';
import { placeTask } from '../place-task';
import type { CandidateInstance, PickRng, PlacementRequest, PlaceOptions } from '../types';
import { mapsHostPorts } from './plan';
import { emptyRecord, toResult } from './record';
import type { BatchResult } from './types';

/**
 * The reference: placeTask over every instance for each task, applying each
 * decision before the next, as the engine does one task at a time. The
 * batch placer must match it exactly; it is also its fallback.
 */
export function scanBatch(
  request: PlacementRequest,
  instances: readonly CandidateInstance[],
  count: number,
  rng: PickRng,
  options: PlaceOptions = {},
): BatchResult {
  const current = instances.slice();
  const indexOfArn = new Map<string, number>();
  // The first instance with an ARN wins, as findIndex would have it.
  for (const [i, instance] of current.entries()) {
    if (!indexOfArn.has(instance.containerInstanceArn)) {
      indexOfArn.set(instance.containerInstanceArn, i);
    }
  }
  const record = emptyRecord(count, mapsHostPorts(request.task));
  for (let k = 0; k < count; k++) {
    const decision = placeTask(request, current, rng, options);
    const i = indexOfArn.get(decision.containerInstanceArn ?? '');
    if (decision.failure || i === undefined) return toResult(record, k, current, decision, 'scan');
    record.chosen[k] = i;
    record.tieAmong[k] = decision.trace.tieBreak?.among ?? 0;
    record.tieIndex[k] = decision.trace.tieBreak?.index ?? 0;
    if (record.hostPorts) record.hostPorts[k] = decision.hostPorts;
    current[i] = applyPlacement(current[i]!, request.task, decision);
  }
  return toResult(record, count, current, undefined, 'scan');
}
