import type { PlacementExplanation } from '../../engine';
import type { PlacementMark, PlacementMarks } from '../../store/explain-marks';

export interface InstanceRow {
  ec2InstanceId: string;
  /** Absent for an instance the decision did not see (registered after it). */
  mark: PlacementMark | undefined;
}

const ORDER: Readonly<Record<PlacementMark['kind'], number>> = {
  chosen: 0,
  closest: 1,
  outranked: 2,
  rejected: 3,
};

/** Every instance the explanation names: chosen first, then the closest match, the runners-up, the rejected. */
export function instanceRows(
  explanation: PlacementExplanation,
  marks: PlacementMarks,
): InstanceRow[] {
  const rows = Object.values(explanation.instanceNames).map((ec2InstanceId) => ({
    ec2InstanceId,
    mark: marks[ec2InstanceId],
  }));
  const rank = (row: InstanceRow) => (row.mark ? ORDER[row.mark.kind] : 4);
  return rows.sort((a, b) => rank(a) - rank(b));
}

/** Which of the final tie the seeded pick took, in the order the last step ranked them. */
export function tieBreakPick(explanation: PlacementExplanation): string | undefined {
  const tie = explanation.trace.tieBreak;
  const last = explanation.trace.strategies.at(-1);
  if (!tie || !last?.ranked || last.best === undefined) return undefined;
  const tied = last.ranked.filter((r) => r.score === last.best);
  const arn = tied[tie.index]?.id;
  return arn === undefined ? undefined : explanation.instanceNames[arn];
}

export function ordinal(n: number): string {
  const tens = n % 100;
  if (tens >= 11 && tens <= 13) return `${n}th`;
  const suffix = ['th', 'st', 'nd', 'rd'][n % 10] ?? 'th';
  return `${n}${suffix}`;
}
