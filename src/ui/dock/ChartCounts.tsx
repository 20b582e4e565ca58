import { memo } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { useChartStore } from '../../store/chart';
import { useDesignStore } from '../../store/design';
import { useRunStore } from '../../store/run';
import { serviceColor } from '../shared/service-colors';
import { CORE_STATUSES, STATUS_COLORS, STATUS_ORDER } from '../status';

/** Tasks by lastStatus right now: the chart's legend, with numbers. */
export const ChartCounts = memo(function ChartCounts() {
  const mode = useChartStore((s) => s.mode);
  const comparing = useChartStore((s) => s.compareBranchId !== null);
  const counts = useRunStore((s) => s.counts);
  if (mode === 'services') return <LineLegend comparing={comparing} />;
  if (mode === 'traffic') return <TrafficLegend />;
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

/** Requests per second through each target group, in the minute before each point. */
function TrafficLegend() {
  const groups = useDesignStore(
    useShallow((s) => (s.design.targetGroups ?? []).map((t) => t.Name)),
  );
  return (
    <ul className="chart-counts line-legend" data-testid="dock.chart.legend">
      {groups.map((name, i) => (
        <li
          key={name}
          title={`Requests target group ${name} served, per second, over the minute before`}
        >
          <span className="line-swatch solid" style={{ borderColor: serviceColor(i) }} />
          {name} served/s
        </li>
      ))}
      <li title="Requests the load balancer answered 503: no healthy target in the group">
        <span className="line-swatch solid" style={{ borderColor: '#b42318' }} />
        503/s
      </li>
    </ul>
  );
}

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
