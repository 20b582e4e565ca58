import { placementFailure } from './failure';
import { taskNeeds } from './filters/needs';
import { buildFilters } from './filters/pipeline';
import { assignHostPorts } from './host-ports';
import { runFilters } from './run-filters';
import { effectiveStrategies } from './strategies/defaults';
import { narrow } from './strategies/narrow';
import { fullTrace } from './trace-detail';
import type {
  CandidateInstance,
  PickRng,
  PlacementDecision,
  PlacementRequest,
  PlacementTrace,
  PlaceOptions,
} from './types';

const instanceArn = (i: CandidateInstance) => i.containerInstanceArn;
const itself = (i: CandidateInstance) => i;

/**
 * Chooses the instance for one task: filters (hard), strategies (soft, in
 * order), then the seeded rng among the ties (§4.1). Pure: the caller
 * applies the decision to its instances before placing the next task.
 */
export function placeTask(
  request: PlacementRequest,
  instances: readonly CandidateInstance[],
  rng: PickRng,
  options: PlaceOptions = {},
): PlacementDecision {
  const full = fullTrace(options, instances.length);
  const filtered = runFilters(buildFilters(request, taskNeeds(request.task)), instances, full);
  const { strategies, defaulted } = effectiveStrategies(request.strategies, request.scheduler);
  const trace: PlacementTrace = {
    instanceCount: instances.length,
    rejectedCounts: filtered.counts,
    candidateCount: filtered.survivors.length,
    defaultStrategies: defaulted,
    strategies: [],
  };
  if (filtered.rejected) trace.rejected = filtered.rejected;
  if (filtered.survivors.length === 0) {
    return {
      failure: placementFailure(instances.length, filtered.counts, filtered.closest),
      trace,
    };
  }

  const { kept, steps } = narrow({
    items: filtered.survivors,
    idOf: instanceArn,
    instanceOf: itself,
    strategies,
    task: request.task,
    all: instances,
    direction: 'place',
    rng,
    full,
  });
  trace.strategies = steps;
  // Model: ties left after the strategies go to the seeded rng; ECS leaves them open (ecs-behavior §4.2).
  const index = kept.length > 1 ? rng.nextInt(kept.length) : 0;
  trace.tieBreak = { among: kept.length, index };
  const chosen = kept[index]!;
  const decision: PlacementDecision = { containerInstanceArn: chosen.containerInstanceArn, trace };
  const hostPorts = assignHostPorts(request.task, chosen);
  if (hostPorts) decision.hostPorts = hostPorts;
  return decision;
}
