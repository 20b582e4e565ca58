import { memo } from 'react';
import { useRunStore } from '../../store/run';
import { CORE_STATUSES, STATUS_COLORS, STATUS_ORDER } from '../status';

/** Tasks by lastStatus right now: the chart's legend, with numbers. */
export const ChartCounts = memo(function ChartCounts() {
  const counts = useRunStore((s) => s.counts);
  const shown = STATUS_ORDER.filter(
    (status) => CORE_STATUSES.includes(status) || counts[status] > 0,
  );
  return (
    <ul className="chart-counts">
      {shown.map((status) => (
        <li key={status} data-testid={`dock.chart.count.${status}`} data-count={counts[status]}>
          <span className="legend-swatch" style={{ background: STATUS_COLORS[status] }} />
          <span className="chart-count-label">{status}</span>
          <strong>{counts[status]}</strong>
        </li>
      ))}
    </ul>
  );
});
