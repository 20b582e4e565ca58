import { assignHostPorts } from '../host-ports';
import { placeTask } from '../place-task';
import type { CandidateInstance, PickRng, PlacementRequest, PlaceOptions } from '../types';
import { BatchIndex } from './batch-index';
import { planBatch } from './plan';
import { emptyRecord, toResult } from './record';
import { scanBatch } from './scan-batch';
import type { BatchResult } from './types';

/**
 * Places `count` tasks of one request, each seeing the ones before it:
 * the same instances, host ports, failures and rng draws as placeTask
 * over every instance then applyPlacement, task after task (scanBatch),
 * at about O(log n) per task instead of O(n). Every filter, strategy and
 * scheduler is handled; input the scan would treat oddly (scores that are
 * not finite numbers, two instances with one ARN) goes to the scan itself.
 * `options` shapes the trace of the failure decision, if any.
 */
export function placeBatch(
  request: PlacementRequest,
  instances: readonly CandidateInstance[],
  count: number,
  rng: PickRng,
  options: PlaceOptions = {},
): BatchResult {
  const plan = planBatch(request, instances);
  const index = distinctArns(instances)
    ? BatchIndex.build(plan, request.task, instances)
    : undefined;
  if (!index) return scanBatch(request, instances, count, rng, options);
  const record = emptyRecord(count, plan.mapsHostPorts);
  const { chosen, tieAmong, tieIndex, hostPorts } = record;
  for (let k = 0; k < count; k++) {
    const among = index.gatherTies();
    if (among === 0) {
      // Nothing fits now, and a failure changes nothing: the scan's decision stands for the rest.
      const failed = placeTask(request, index.current, rng, options);
      if (!failed.failure) throw new Error('placeBatch: the index lost a candidate the scan finds');
      return toResult(record, k, index.current, failed, 'indexed');
    }
    // The pipeline draws only when more than one candidate is left (narrow, placeTask).
    const pick = among > 1 ? rng.nextInt(among) : 0;
    const i = index.nthTied(pick);
    chosen[k] = i;
    // A random strategy makes that draw itself and leaves the tie-break 1 of 1.
    tieAmong[k] = plan.randomDraws ? 1 : among;
    tieIndex[k] = plan.randomDraws ? 0 : pick;
    const ports = hostPorts ? assignHostPorts(request.task, index.current[i]!) : undefined;
    if (hostPorts) hostPorts[k] = ports;
    index.place(i, ports);
  }
  return toResult(record, count, index.current, undefined, 'indexed');
}

function distinctArns(instances: readonly CandidateInstance[]): boolean {
  const arns = new Set<string>();
  for (const instance of instances) arns.add(instance.containerInstanceArn);
  return arns.size === instances.length;
}
