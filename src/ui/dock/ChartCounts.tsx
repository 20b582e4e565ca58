import { memo } from 'react';
import { useChartStore } from '../../store/chart';
import { useRunStore } from '../../store/run';
import { CORE_STATUSES, STATUS_COLORS, STATUS_ORDER } from '../status';

/** Tasks by lastStatus right now, or how to read the per-service lines: the chart's legend. */
export const ChartCounts = memo(function ChartCounts() {
  const mode = useChartStore((s) => s.mode);
  const comparing = useChartStore((s) => s.compareBranchId !== null);
  const counts = useRunStore((s) => s.counts);
  if (mode === 'services') return <LineLegend comparing={comparing} />;
  // The other modes' keys carry values of the series drawn: the chart draws them (ChartLegend).
  if (mode !== 'status') return null;
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

/** Per service, lines in the service's colour: how to read them. */
function LineLegend({ comparing }: { comparing: boolean }) {
  return (
    <ul className="chart-counts line-legend" data-testid="dock.chart.legend">
      <li>
        <span className="line-swatch solid" />
        running
      </li>
      <li>
        <span className="line-swatch dotted" />
        desired
      </li>
      <li>
        <span className="line-swatch solid" style={{ borderColor: STATUS_COLORS.PENDING }} />
        pending
      </li>
      <li title="RUNNING and counted healthy by the scheduler">
        <span className="line-swatch thick" />
        healthy
      </li>
      <li title="During a deployment: at least ceil(desired x min%) healthy, at most floor(desired x max%) running or pending">
        <span className="band-swatch" />
        min-max bounds
      </li>
      {comparing && (
        <li>
          <span className="line-swatch dashed" />
          running, other branch
        </li>
      )}
    </ul>
  );
}
