import { placeTask } from '../place-task';
import type {
  CandidateInstance,
  PickRng,
  PlacementDecision,
  PlacementRequest,
  PlaceOptions,
} from '../types';
import { placeBatch } from './place-batch';

/**
 * The full decision of task `k` of a batch, trace included, exactly as
 * placeTask made it in the scan: replays tasks 0..k-1 with the batch
 * placer (cheap), then runs the pipeline once on that state. `freshRng`
 * must return a generator in the state the batch started from.
 */
export function explainBatchTask(
  request: PlacementRequest,
  instances: readonly CandidateInstance[],
  freshRng: () => PickRng,
  k: number,
  options: PlaceOptions = { trace: 'full' },
): PlacementDecision {
  const rng = freshRng();
  const before = placeBatch(request, instances, k, rng);
  return placeTask(request, before.instances, rng, options);
}
