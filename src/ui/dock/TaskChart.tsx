import { memo, useMemo } from 'react';
import {
  Area,
  AreaChart,
  CartesianGrid,
  ResponsiveContainer,
  Tooltip,
  XAxis,
  YAxis,
} from 'recharts';
import type { TaskLastStatus } from '../../engine';
import { useRunStore } from '../../store/run';
import type { SeriesPoint } from '../../store/series';
import { formatAxisSeconds } from '../format';
import { CORE_STATUSES, STATUS_COLORS, STATUS_ORDER } from '../status';

/** RUNNING at the base so the line people watch is flat; the transient states ride on it. */
const STACK_ORDER: readonly TaskLastStatus[] = [
  'RUNNING',
  ...STATUS_ORDER.filter((status) => status !== 'RUNNING' && status !== 'STOPPED'),
  'STOPPED',
];

/** The lifecycle states worth a layer: the usual four, plus any other that occurred. */
function statusesIn(points: readonly SeriesPoint[]): TaskLastStatus[] {
  return STACK_ORDER.filter(
    (status) => CORE_STATUSES.includes(status) || points.some((p) => p[status] > 0),
  );
}

/**
 * Tasks by lastStatus over virtual time, stacked. The store already bounds the
 * series (toolchain note 8); no animation, no dots, so a 20 Hz feed stays cheap.
 */
export const TaskChart = memo(function TaskChart() {
  const points = useRunStore((s) => s.series.points);
  const statuses = useMemo(() => statusesIn(points), [points]);
  const data = points as SeriesPoint[];
  // A single point draws as a stray dot on an empty axis: say what will appear instead.
  const empty = points.length < 2;
  return (
    <div
      className="task-chart"
      data-testid="dock.chart"
      data-points={points.length}
      data-running={points.at(-1)?.RUNNING ?? 0}
    >
      {empty && <p className="chart-empty">Press play or step to chart tasks over virtual time.</p>}
      {!empty && (
        <ResponsiveContainer width="100%" height="100%">
          <AreaChart data={data} margin={{ top: 6, right: 12, bottom: 0, left: -18 }}>
            <CartesianGrid stroke="#e6eaf0" vertical={false} />
            <XAxis
              dataKey="t"
              type="number"
              domain={['dataMin', 'dataMax']}
              allowDecimals={false}
              tickFormatter={formatAxisSeconds}
              tick={{ fontSize: 12, fill: '#5b6575' }}
              stroke="#c9d0da"
            />
            <YAxis
              allowDecimals={false}
              tick={{ fontSize: 12, fill: '#5b6575' }}
              stroke="#c9d0da"
              width={48}
            />
            <Tooltip
              labelFormatter={(t) => `at ${formatAxisSeconds(Number(t))}`}
              isAnimationActive={false}
            />
            {statuses.map((status) => (
              <Area
                key={status}
                className={`series series-${status}`}
                dataKey={status}
                name={status}
                stackId="tasks"
                type="stepAfter"
                stroke={STATUS_COLORS[status]}
                fill={STATUS_COLORS[status]}
                fillOpacity={0.55}
                isAnimationActive={false}
                dot={false}
                activeDot={false}
              />
            ))}
          </AreaChart>
        </ResponsiveContainer>
      )}
    </div>
  );
});
