import { memo } from 'react';
import type { ChartMark } from './series';

/**
 * The chart's ticks as a list a screen reader (and a test) can read: each scaling
 * activity with its moment and `from → to`. The plot draws the same ticks.
 */
export const ChartMarks = memo(function ChartMarks({
  marks,
}: {
  marks: readonly ChartMark[] | undefined;
}) {
  if (!marks || marks.length === 0) return null;
  return (
    <ol className="visually-hidden" aria-label="Scaling activities on the chart">
      {marks.map((m) => (
        <li
          key={m.id}
          data-testid="chart.mark"
          data-t={m.t}
          data-direction={m.direction}
          data-label={m.label}
        >
          {m.title}
        </li>
      ))}
    </ol>
  );
});
