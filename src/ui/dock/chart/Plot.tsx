import { memo } from 'react';
import { Area, CartesianGrid, ComposedChart, Line, Tooltip, XAxis, YAxis } from 'recharts';
import { formatAxisSeconds } from '../../format';
import { STATUS_COLORS } from '../../status';
import { formatCount } from './axis';
import { PLOT_LEFT, PLOT_RIGHT } from './geometry';
import type { Axis, AxisFormat, Row, Series } from './series';

/** Read from the back of a room: no tick label under 14 px. */
const AXIS_TICK = { fontSize: 14, fill: '#374151' };
const TOOLTIP_TEXT = { fontSize: 14 };

export interface PlotProps {
  rows: Row[];
  series: Series[];
  yAxis: Axis;
  xTicks: number[];
  toMs: number;
  width: number;
  height: number;
}

export function formatValue(v: number, format: AxisFormat): string {
  if (format === 'percent') return `${Math.round(v * 10) / 10}%`;
  if (format === 'rate')
    return v >= 100 ? formatCount(Math.round(v)) : String(Math.round(v * 10) / 10);
  return formatCount(v);
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
}: PlotProps) {
  const format = (v: number) => formatValue(v, yAxis.format);
  return (
    <ComposedChart
      width={width}
      height={height}
      data={rows}
      margin={{ top: 8, right: PLOT_RIGHT, bottom: 0, left: 0 }}
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
        height={24}
      />
      <YAxis
        domain={[0, yAxis.max]}
        ticks={yAxis.ticks}
        interval={0}
        allowDecimals={yAxis.format === 'rate'}
        tickFormatter={format}
        tick={AXIS_TICK}
        stroke="#c9d0da"
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
            type="stepAfter"
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
            type="stepAfter"
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
    </ComposedChart>
  );
});
