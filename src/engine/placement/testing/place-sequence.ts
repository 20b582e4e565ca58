import { applyPlacement } from '../apply-placement';
import { placeTask } from '../place-task';
import type { CandidateInstance, PickRng, PlacementDecision, PlacementRequest } from '../types';

export interface Step {
  decision: PlacementDecision;
  /** The chosen instance as it was before this task: what the filters saw. */
  before?: CandidateInstance;
}

/** Places `count` tasks one after another, applying each decision as the engine does. */
export function placeSequence(
  req: PlacementRequest,
  start: readonly CandidateInstance[],
  rng: PickRng,
  count: number,
): { steps: Step[]; instances: CandidateInstance[] } {
  let instances = [...start];
  const steps: Step[] = [];
  for (let n = 0; n < count; n++) {
    const decision = placeTask(req, instances, rng);
    const index = instances.findIndex(
      (i) => i.containerInstanceArn === decision.containerInstanceArn,
    );
    const before = instances[index];
    if (!before) {
      steps.push({ decision });
      continue;
    }
    steps.push({ decision, before });
    instances = instances.map((i, k) => (k === index ? applyPlacement(i, req.task, decision) : i));
  }
  return { steps, instances };
}

/** How many tasks of the group each value of an attribute holds. */
export function countBy(
  instances: readonly CandidateInstance[],
  attribute: string,
  group: string,
): Record<string, number> {
  const out: Record<string, number> = {};
  for (const i of instances) {
    const key = i.attributes[attribute] ?? '(none)';
    out[key] = (out[key] ?? 0) + (i.taskGroupCounts[group] ?? 0);
  }
  return out;
}
