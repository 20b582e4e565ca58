import type { InstanceRejection, PlacementExplanation } from '../engine';

type FilterName = InstanceRejection['filter'];

/** What a "Why here?" / "Why not placed?" panel is about. */
export type ExplainTarget = { kind: 'task'; arn: string } | { kind: 'service'; name: string };

/** How one instance took part in the decision, as the canvas marks it. */
export type PlacementMark =
  | { kind: 'chosen' }
  /** Rejected too, but the one ECS names in its "closest matching" sentence. */
  | { kind: 'closest'; filter: FilterName; detail: string }
  | { kind: 'rejected'; filter: FilterName; detail: string }
  /** Passed every filter; a strategy (or the tie-break) preferred another. */
  | { kind: 'outranked'; by: string };

export type PlacementMarks = Readonly<Record<string, PlacementMark>>;

/** The container instance ARN the "closest matching container-instance <id>" sentence names. */
export function closestMatchArn(explanation: PlacementExplanation): string | undefined {
  const ec2Id = explanation.failure?.closestMatchEc2InstanceId;
  if (ec2Id === undefined) return undefined;
  return Object.keys(explanation.instanceNames).find(
    (arn) => explanation.instanceNames[arn] === ec2Id,
  );
}

/** The first strategy step at which a candidate scored worse than the best, else the tie-break. */
function outrankedBy(explanation: PlacementExplanation, arn: string): string {
  for (const step of explanation.trace.strategies) {
    const entry = step.ranked?.find((r) => r.id === arn);
    if (entry && step.best !== undefined && entry.score !== step.best) return step.strategy;
    if (step.strategy === 'random') return 'random';
  }
  return 'tie-break';
}

/**
 * Marks per EC2 instance id. Only what the trace names gets a mark: a trace
 * of a cluster over 100 instances keeps counts, so it marks the chosen one only.
 */
export function placementMarks(explanation: PlacementExplanation | null): PlacementMarks {
  if (!explanation) return {};
  const names = explanation.instanceNames;
  const closest = closestMatchArn(explanation);
  const marks: Record<string, PlacementMark> = {};
  for (const r of explanation.trace.rejected ?? []) {
    const id = names[r.containerInstanceArn];
    if (id === undefined) continue;
    const kind = r.containerInstanceArn === closest ? 'closest' : 'rejected';
    marks[id] = { kind, filter: r.filter, detail: r.detail };
  }
  const candidates = explanation.trace.strategies[0]?.ranked ?? [];
  for (const entry of candidates) {
    const id = names[entry.id];
    if (id !== undefined && id !== explanation.ec2InstanceId)
      marks[id] = { kind: 'outranked', by: outrankedBy(explanation, entry.id) };
  }
  if (explanation.ec2InstanceId !== undefined)
    marks[explanation.ec2InstanceId] = { kind: 'chosen' };
  return marks;
}
