import { memo } from 'react';
import {
  Area,
  CartesianGrid,
  ComposedChart,
  Line,
  ReferenceLine,
  Tooltip,
  XAxis,
  YAxis,
} from 'recharts';
import { formatAxisSeconds } from '../../format';
import { STATUS_COLORS } from '../../status';
import { formatValue } from './axis';
import { PLOT_LEFT, PLOT_RIGHT, PLOT_TOP, PLOT_X_AXIS } from './geometry';
import { MARK_COLORS } from './marks';
import {
  MARK_LINE_PX,
  type PlacedLevel,
  type PlacedMark,
  placeLevels,
  placeMarks,
} from './reference-layout';
import type { Axis, ChartLevel, ChartMark, Row, Series } from './series';

/** Read from the back of a room: no tick label under 14 px. */
const AXIS_TICK = { fontSize: 14, fill: 'var(--chart-tick)' };
const TOOLTIP_TEXT = { fontSize: 14 };

export interface PlotProps {
  rows: Row[];
  series: Series[];
  yAxis: Axis;
  xTicks: number[];
  toMs: number;
  width: number;
  height: number;
  levels?: readonly ChartLevel[] | undefined;
  marks?: readonly ChartMark[] | undefined;
}

const TOP = PLOT_TOP;
const X_AXIS = PLOT_X_AXIS;
const NONE: readonly never[] = [];

interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
}

/** The label text style: bold 14 px with a white halo, legible over lines and grid. */
const labelText = (color: string) => ({
  fill: color,
  fontSize: 14,
  fontWeight: 700,
  stroke: 'var(--chart-halo)',
  strokeWidth: 4,
  paintOrder: 'stroke' as const,
});

function levelLabel(level: PlacedLevel) {
  return ({ viewBox }: { viewBox?: Box }) =>
    viewBox && level.text !== '' ? (
      <text
        className="chart-level-label"
        x={viewBox.x + 6}
        y={viewBox.y - 5}
        {...labelText(level.color)}
      >
        {level.text}
      </text>
    ) : null;
}

function markLabel(mark: PlacedMark) {
  return ({ viewBox }: { viewBox?: Box }) =>
    viewBox && mark.row !== null ? (
      <text
        className={`chart-mark-label ${mark.direction}`}
        x={mark.side === 'right' ? viewBox.x + 4 : viewBox.x - 4}
        y={viewBox.y + 14 + mark.row * MARK_LINE_PX}
        textAnchor={mark.side === 'right' ? 'start' : 'end'}
        {...labelText(MARK_COLORS[mark.direction])}
      >
        {mark.label}
      </text>
    ) : null;
}

const readKey = (key: string) => (row: Row) => row[key] ?? 0;

function strokeWidth(kind: Series['kind']): number {
  if (kind === 'healthy') return 3.5;
  if (kind === 'desired' || kind === 'pending') return 1.5;
  if (kind === 'served' || kind === 'failed' || kind === 'targets') return 3;
  return 2.5;
}

function strokeDash(s: Series): string {
  if (s.kind === 'compare' || s.dashed) return '7 5';
  if (s.kind === 'desired') return '2 3';
  return '0';
}

/**
 * Recharts redraws everything it holds whenever it renders: only new data (a few times
 * a second) or a resize may reach it, never the 20 frames a second the run streams.
 */
export const Plot = memo(function Plot({
  rows,
  series,
  yAxis,
  xTicks,
  toMs,
  width,
  height,
  levels = NONE,
  marks = NONE,
}: PlotProps) {
  const format = (v: number) => formatValue(v, yAxis.format);
  const placedLevels = placeLevels(levels, yAxis.max, height - TOP - X_AXIS);
  const placedMarks = placeMarks(marks, toMs / 1000, width - PLOT_LEFT - PLOT_RIGHT);
  return (
    <ComposedChart
      width={width}
      height={height}
      data={rows}
      margin={{ top: TOP, right: PLOT_RIGHT, bottom: 0, left: 0 }}
    >
      <CartesianGrid stroke="var(--chart-grid)" vertical={false} />
      <XAxis
        dataKey="t"
        type="number"
        domain={[0, toMs / 1000]}
        ticks={xTicks}
        interval={0}
        allowDataOverflow
        tickFormatter={formatAxisSeconds}
        tick={AXIS_TICK}
        stroke="var(--chart-axis)"
        height={X_AXIS}
      />
      <YAxis
        domain={[0, yAxis.max]}
        ticks={yAxis.ticks}
        interval={0}
        allowDecimals={yAxis.format === 'rate'}
        tickFormatter={format}
        tick={AXIS_TICK}
        stroke="var(--chart-axis)"
        width={PLOT_LEFT}
      />
      <Tooltip
        labelFormatter={(t) => `at ${formatAxisSeconds(Number(t))}`}
        formatter={(v) =>
          Array.isArray(v) ? v.map((x) => format(Number(x))).join('–') : format(Number(v))
        }
        contentStyle={TOOLTIP_TEXT}
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
            className={s.className ?? `series series-${s.name}`}
            dataKey={readKey(s.key)}
            name={s.name}
            {...(s.stackId !== undefined && { stackId: s.stackId })}
            type={s.minuteBefore ? 'stepBefore' : 'stepAfter'}
            stroke={s.color}
            strokeWidth={1.5}
            fill={s.color}
            fillOpacity={s.fillOpacity ?? 0.55}
            isAnimationActive={false}
            dot={false}
            activeDot={false}
          />
        ) : (
          <Line
            key={s.key}
            className={s.className ?? `series series-${s.kind}`}
            dataKey={readKey(s.key)}
            name={s.name}
            type={s.minuteBefore ? 'stepBefore' : 'stepAfter'}
            stroke={s.kind === 'pending' ? STATUS_COLORS.PENDING : s.color}
            strokeWidth={s.width ?? strokeWidth(s.kind)}
            strokeOpacity={s.kind === 'desired' ? 0.7 : s.kind === 'healthy' ? 0.55 : 1}
            strokeDasharray={strokeDash(s)}
            isAnimationActive={false}
            dot={false}
            activeDot={false}
          />
        ),
      )}
      {placedLevels.map((l) => (
        <ReferenceLine
          key={l.id}
          className={`chart-level ${l.style}`}
          y={l.value}
          stroke={l.color}
          strokeWidth={l.style === 'target' ? 2.5 : 2}
          strokeDasharray={l.style === 'target' ? '10 6' : '3 4'}
          label={levelLabel(l)}
        />
      ))}
      {placedMarks.map((m) => (
        <ReferenceLine
          key={m.id}
          className={`chart-mark ${m.direction}`}
          x={m.t}
          stroke={MARK_COLORS[m.direction]}
          strokeWidth={2.5}
          label={markLabel(m)}
        />
      ))}
    </ComposedChart>
  );
});
