import { memo, useDeferredValue, useEffect, useMemo, useRef, useState } from 'react';
import { useChartStore } from '../../../store/chart';
import { useRunStore } from '../../../store/run';
import '../../styles/chart.css';
import { timeTicks } from './axis';
import { ChartLegend } from './ChartLegend';
import { ChartMarks } from './ChartMarks';
import { PLOT_LEFT, PLOT_RIGHT } from './geometry';
import { chartPlan, chartQuery } from './plan';
import { Plot } from './plot-lazy';
import { useChartInput, useDeploymentStatuses } from './use-chart-input';
import { useHistory } from './use-history';

function usePlotSize(ref: React.RefObject<HTMLDivElement | null>): {
  width: number;
  height: number;
} {
  const [size, setSize] = useState({ width: 0, height: 0 });
  useEffect(() => {
    const el = ref.current;
    if (!el) return;
    const observer = new ResizeObserver(([entry]) => {
      if (!entry) return;
      const { width, height } = entry.contentRect;
      setSize((s) =>
        Math.round(s.width) === Math.round(width) && Math.round(s.height) === Math.round(height)
          ? s
          : { width: Math.round(width), height: Math.round(height) },
      );
    });
    observer.observe(el);
    return () => observer.disconnect();
  }, [ref]);
  return size;
}

const EMPTY_TEXT: Record<string, string> = {
  split: 'Press play: each minute of traffic shows how the listener split it.',
  traffic: 'Press play: each minute of traffic shows its requests per second.',
  targets: 'Press play: each minute shows the healthy targets of each group.',
  calls: 'Press play: each minute shows every call between services.',
  scaling: 'Press play: each minute shows the metric the scaling policies track.',
  scalingTasks: 'Press play: the scaled service’s tasks, each scaling activity marked.',
  instances: 'Press play: each Auto Scaling group’s instances over time.',
  reservation: 'Press play: each minute shows the capacity provider’s reservation.',
  cost: 'Press play: what the run has cost so far, minute by minute.',
};

/**
 * The run's history, from the worker, in the mode picked (store/chart.ts): each mode says
 * which series it asks for (plan.ts) and draws them; another branch dashed beside it. The
 * page fetches a window of about one point per two pixel columns a few times a second, on
 * fixed axes: a redraw costs columns x series, never a walk of tasks, and nothing per frame.
 */
export const RunChart = memo(function RunChart() {
  const box = useRef<HTMLDivElement>(null);
  const { width, height } = usePlotSize(box);
  const input = useChartInput();
  const compareBranchId = useChartStore((s) => s.compareBranchId);
  const running = useRunStore((s) => s.counts.RUNNING);
  const query = useMemo(() => chartQuery(input), [input]);
  // One point per two pixel columns: a step curve reads the same, Recharts draws half.
  const columns = Math.max(2, Math.round((width - PLOT_LEFT - PLOT_RIGHT) / 2));
  const history = useHistory(query.keys, query.compareKeys, compareBranchId, columns);
  const statuses = useDeploymentStatuses(
    input.mode === 'deployments' ? input.deploymentService : undefined,
  );
  const plan = useMemo(() => chartPlan(history, input, statuses), [history, input, statuses]);

  const xTicks = useMemo(() => timeTicks(history.toMs).map((t) => t / 1000), [history.toMs]);
  const plot = useMemo(
    () => ({
      rows: plan.rows,
      series: plan.series,
      yAxis: plan.yAxis,
      levels: plan.levels,
      marks: plan.marks,
      xTicks,
      toMs: history.toMs,
    }),
    [plan, xTicks, history.toMs],
  );
  // Drawn in a transition React can pause: the frame in which 2,000 tasks appear (the
  // canvas busy too) must not also wait for every axis, area and label of the chart.
  const shownPlot = useDeferredValue(plot);
  const empty = plan.rows.length < 2;
  return (
    <>
      <ChartLegend entries={plan.legend} rows={plan.rows} />
      {plan.note && (
        <p className="chart-note" data-testid="chart.note">
          {plan.note}
        </p>
      )}
      <div
        ref={box}
        className="task-chart"
        data-testid="dock.chart"
        data-mode={input.mode}
        data-points={plan.rows.length}
        data-running={running}
        data-compare={compareBranchId ?? ''}
        data-marks={plan.marks?.length ?? 0}
      >
        {/* Mounted while empty too, so the first data is a cheap update, not a mount. */}
        {width > 0 && height > 0 && <Plot {...shownPlot} width={width} height={height} />}
        <ChartMarks marks={plan.marks} />
        {empty && (
          <p className="chart-empty">
            {EMPTY_TEXT[input.mode] ?? 'Press play or step to chart tasks over virtual time.'}
          </p>
        )}
      </div>
    </>
  );
});
