import { memo, useDeferredValue, useEffect, useMemo, useRef, useState } from 'react';
import { Area, CartesianGrid, ComposedChart, Line, Tooltip, XAxis, YAxis } from 'recharts';
import { useShallow } from 'zustand/react/shallow';
import type { TaskLastStatus } from '../../../engine';
import { useChartStore } from '../../../store/chart';
import { useDesignStore } from '../../../store/design';
import { useRunStore } from '../../../store/run';
import { formatAxisSeconds } from '../../format';
import { serviceColor } from '../../shared/service-colors';
import { CORE_STATUSES, STATUS_COLORS, STATUS_ORDER } from '../../status';
import { countAxis, formatCount, timeTicks } from './axis';
import { PLOT_LEFT, PLOT_RIGHT } from './geometry';
import { useHistory } from './use-history';

/** RUNNING at the base so the line people watch is flat; the transient states ride on it. */
const STACK_ORDER: readonly TaskLastStatus[] = [
  'RUNNING',
  ...STATUS_ORDER.filter((status) => status !== 'RUNNING' && status !== 'STOPPED'),
  'STOPPED',
];
const STATUS_KEYS = STACK_ORDER.map((s) => `status:${s}`);
const COMPARE = 'compare|';
const NO_SERVICES: readonly string[] = [];
const AXIS_TICK = { fontSize: 13, fill: '#4b5565' };

type Row = Record<string, number>;

interface Series {
  key: string;
  name: string;
  kind:
    | 'area'
    | 'running'
    | 'desired'
    | 'pending'
    | 'healthy'
    | 'band'
    | 'compare'
    | 'served'
    | 'failed';
  /** A band's upper edge: the area fills from `key` up to it. */
  upperKey?: string;
  color: string;
}

function usePlotWidth(ref: React.RefObject<HTMLDivElement | null>): {
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

/**
 * The run's history, from the worker: tasks stacked by lastStatus, or desired, running and
 * pending per service; another branch dashed beside it. Every change is recorded there,
 * so stepping in 10 s jumps and playing at 1x draw the same curve; the page fetches a
 * window of about one point per pixel column a few times a second, on fixed axes.
 */
export const RunChart = memo(function RunChart() {
  const box = useRef<HTMLDivElement>(null);
  const { width, height } = usePlotWidth(box);
  const mode = useChartStore((s) => s.mode);
  const picked = useChartStore((s) => s.services);
  const compareBranchId = useChartStore((s) => s.compareBranchId);
  const allServices = useDesignStore(
    useShallow((s) => s.design.services.map((x) => x.serviceName)),
  );
  const running = useRunStore((s) => s.counts.RUNNING);
  const groups = useDesignStore(
    useShallow((s) => (s.design.targetGroups ?? []).map((t) => t.Name)),
  );
  const trafficGroups = mode === 'traffic' ? groups : NO_SERVICES;
  // Stable between frames, so the data below is rebuilt only when the history is.
  const services = useMemo(
    () => (mode === 'services' ? (picked.length > 0 ? picked : allServices) : NO_SERVICES),
    [mode, picked, allServices],
  );

  const keys = useMemo(
    () =>
      mode === 'status'
        ? STATUS_KEYS
        : mode === 'traffic'
          ? trafficGroups.flatMap((n) => [`tg:${n}:served`, `tg:${n}:failed`])
          : services.flatMap((n) => [
              `service:${n}:desired`,
              `service:${n}:running`,
              `service:${n}:pending`,
              `service:${n}:healthy`,
              `service:${n}:lower`,
              `service:${n}:upper`,
            ]),
    [mode, services, trafficGroups],
  );
  const compareKeys = useMemo(
    () =>
      mode === 'status'
        ? ['status:RUNNING']
        : mode === 'traffic'
          ? trafficGroups.map((n) => `tg:${n}:served`)
          : services.map((n) => `service:${n}:running`),
    [mode, services, trafficGroups],
  );
  // One point per two pixel columns: a step curve reads the same, Recharts draws half.
  const columns = Math.max(2, Math.round((width - PLOT_LEFT - PLOT_RIGHT) / 2));
  const history = useHistory(keys, compareKeys, compareBranchId, columns);

  const { rows, series, yAxis } = useMemo(() => {
    const shown = history.shown;
    const rows: Row[] = [];
    let max = 0;
    // Rows over the longer of the two: the other branch may have played further.
    const compared = history.compared;
    const times =
      compared && shown && compared.times.length > shown.times.length
        ? compared.times
        : (shown?.times ?? []);
    times.forEach((t, i) => {
      const row: Row = { t: t / 1000 };
      let stack = 0;
      if (shown && i < shown.times.length) {
        for (const key of Object.keys(shown.series)) {
          const v = shown.series[key]?.[i] ?? 0;
          row[key] = v;
          if (mode === 'status') stack += v;
          else max = Math.max(max, v);
        }
      }
      if (compared && i < compared.times.length) {
        for (const key of Object.keys(compared.series)) {
          const v = compared.series[key]?.[i] ?? 0;
          row[COMPARE + key] = v;
          max = Math.max(max, v);
        }
      }
      max = Math.max(max, stack);
      rows.push(row);
    });
    const series: Series[] = [];
    if (mode === 'status') {
      for (const status of STACK_ORDER) {
        const key = `status:${status}`;
        if (CORE_STATUSES.includes(status) || rows.some((r) => (r[key] ?? 0) > 0))
          series.push({ key, name: status, kind: 'area', color: STATUS_COLORS[status] });
      }
      if (compareBranchId !== null)
        series.push({
          key: `${COMPARE}status:RUNNING`,
          name: 'RUNNING (other branch)',
          kind: 'compare',
          color: '#1f2937',
        });
    } else if (mode === 'traffic') {
      trafficGroups.forEach((name, i) => {
        series.push({
          key: `tg:${name}:served`,
          name: `${name} served/s`,
          kind: 'served',
          color: serviceColor(i),
        });
        series.push({
          key: `tg:${name}:failed`,
          name: `${name} 503/s`,
          kind: 'failed',
          color: '#b42318',
        });
        if (compareBranchId !== null)
          series.push({
            key: `${COMPARE}tg:${name}:served`,
            name: `${name} served/s (other branch)`,
            kind: 'compare',
            color: serviceColor(i),
          });
      });
    } else {
      for (const name of services) {
        const color = serviceColor(allServices.indexOf(name));
        // The deployment bounds, drawn only while they differ from the desired count.
        const lower = `service:${name}:lower`;
        const upper = `service:${name}:upper`;
        const desired = `service:${name}:desired`;
        if (rows.some((r) => r[lower] !== r[desired] || r[upper] !== r[desired]))
          series.push({
            key: lower,
            upperKey: upper,
            name: `${name} min-max bounds`,
            kind: 'band',
            color,
          });
        series.push({
          key: `service:${name}:healthy`,
          name: `${name} healthy`,
          kind: 'healthy',
          color,
        });
        series.push({
          key: `service:${name}:desired`,
          name: `${name} desired`,
          kind: 'desired',
          color,
        });
        series.push({
          key: `service:${name}:running`,
          name: `${name} running`,
          kind: 'running',
          color,
        });
        series.push({
          key: `service:${name}:pending`,
          name: `${name} pending`,
          kind: 'pending',
          color,
        });
        if (compareBranchId !== null)
          series.push({
            key: `${COMPARE}service:${name}:running`,
            name: `${name} running (other branch)`,
            kind: 'compare',
            color,
          });
      }
    }
    return { rows, series, yAxis: countAxis(max) };
  }, [history, mode, services, allServices, compareBranchId, trafficGroups]);

  const xTicks = useMemo(() => timeTicks(history.toMs).map((t) => t / 1000), [history.toMs]);
  const plot = useMemo(
    () => ({ rows, series, yAxis, xTicks, toMs: history.toMs }),
    [rows, series, yAxis, xTicks, history.toMs],
  );
  // Drawn in a transition React can pause: the frame in which 2,000 tasks appear (the
  // canvas busy too) must not also wait for every axis, area and label of the chart.
  const shownPlot = useDeferredValue(plot);
  const empty = rows.length < 2;
  return (
    <div
      ref={box}
      className="task-chart"
      data-testid="dock.chart"
      data-mode={mode}
      data-points={rows.length}
      data-running={running}
      data-compare={compareBranchId ?? ''}
    >
      {/* Mounted while empty too, so the first data is a cheap update, not a mount. */}
      {width > 0 && height > 0 && <Plot {...shownPlot} width={width} height={height} />}
      {empty && <p className="chart-empty">Press play or step to chart tasks over virtual time.</p>}
    </div>
  );
});

interface PlotProps {
  rows: Row[];
  series: Series[];
  yAxis: { max: number; ticks: number[] };
  xTicks: number[];
  toMs: number;
  width: number;
  height: number;
}

/**
 * Recharts redraws everything it holds whenever it renders: only new data (a few times
 * a second) or a resize may reach it, never the 20 frames a second the run streams.
 */
const Plot = memo(function Plot({ rows, series, yAxis, xTicks, toMs, width, height }: PlotProps) {
  return (
    <ComposedChart
      width={width}
      height={height}
      data={rows}
      margin={{ top: 6, right: PLOT_RIGHT, bottom: 0, left: 0 }}
    >
      <CartesianGrid stroke="#e6eaf0" vertical={false} />
      <XAxis
        dataKey="t"
        type="number"
        domain={[0, toMs / 1000]}
        ticks={xTicks}
        interval={0}
        allowDataOverflow
        tickFormatter={formatAxisSeconds}
        tick={AXIS_TICK}
        stroke="#c9d0da"
        height={22}
      />
      <YAxis
        domain={[0, yAxis.max]}
        ticks={yAxis.ticks}
        interval={0}
        allowDecimals={false}
        tickFormatter={formatCount}
        tick={AXIS_TICK}
        stroke="#c9d0da"
        width={PLOT_LEFT}
      />
      <Tooltip
        labelFormatter={(t) => `at ${formatAxisSeconds(Number(t))}`}
        isAnimationActive={false}
      />
      {series.map((s) =>
        s.kind === 'band' ? (
          <Area
            key={s.key}
            className="series series-band"
            dataKey={(row: Row) => [row[s.key] ?? 0, row[s.upperKey ?? s.key] ?? 0]}
            name={s.name}
            type="stepAfter"
            stroke="none"
            fill={s.color}
            fillOpacity={0.12}
            isAnimationActive={false}
            dot={false}
            activeDot={false}
          />
        ) : s.kind === 'area' ? (
          <Area
            key={s.key}
            className={`series series-${s.name}`}
            dataKey={s.key}
            name={s.name}
            stackId="tasks"
            type="stepAfter"
            stroke={s.color}
            fill={s.color}
            fillOpacity={0.55}
            isAnimationActive={false}
            dot={false}
            activeDot={false}
          />
        ) : (
          <Line
            key={s.key}
            className={`series series-${s.kind}`}
            dataKey={s.key}
            name={s.name}
            type="stepAfter"
            stroke={s.kind === 'pending' ? STATUS_COLORS.PENDING : s.color}
            strokeWidth={
              s.kind === 'healthy' ? 3.5 : s.kind === 'desired' || s.kind === 'pending' ? 1.5 : 2.5
            }
            strokeOpacity={s.kind === 'desired' ? 0.7 : s.kind === 'healthy' ? 0.45 : 1}
            strokeDasharray={s.kind === 'compare' ? '7 5' : s.kind === 'desired' ? '2 3' : '0'}
            isAnimationActive={false}
            dot={false}
            activeDot={false}
          />
        ),
      )}
    </ComposedChart>
  );
});
