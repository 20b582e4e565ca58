import { formatClock } from '../../format';
import type { ScalingFacts } from './input';
import type { ChartMark, Row } from './series';

/** Scale-out green, scale-in orange: the two directions tell apart across a room. */
export const MARK_COLORS = { out: '#059669', in: '#c2410c' } as const;

/** Each scaling activity of the service as a tick at its moment, labelled `from → to`. */
export function activityMarks(facts: ScalingFacts): ChartMark[] {
  return facts.activities
    .filter((a) => a.from !== a.to)
    .map((a, i) => ({
      id: `activity.${i}`,
      t: a.atMs / 1000,
      label: `${a.from} → ${a.to}`,
      title: `${formatClock(a.atMs)} ${a.by}: desired count ${a.from} → ${a.to}`,
      direction: a.to > a.from ? 'out' : 'in',
    }));
}

/**
 * Where a series steps in the rows, as ticks labelled `from → to`: an Auto Scaling group's
 * desired capacity, whose activities the view does not list. Costs the rows, once a redraw.
 */
export function stepMarks(
  rows: readonly Row[],
  key: string,
  who: string,
  prefix = '',
): ChartMark[] {
  const marks: ChartMark[] = [];
  let last: number | undefined;
  for (const row of rows) {
    const v = row[key];
    if (v === undefined) continue;
    if (last !== undefined && v !== last) {
      const t = row.t ?? 0;
      marks.push({
        id: `${key}.${marks.length}`,
        t,
        label: `${prefix}${last} → ${v}`,
        title: `${formatClock(t * 1000)} ${who}: ${last} → ${v}`,
        direction: v > last ? 'out' : 'in',
      });
    }
    last = v;
  }
  return marks;
}
