import type { HistoryWindow } from '../../../worker/run';

/** One point of the chart: `t` in virtual seconds, then each series' value by key. */
export type Row = Record<string, number>;

/** A compared branch's series, in the same row as the shown one's, under this prefix. */
export const COMPARE = 'compare|';

export type SeriesKind =
  | 'area'
  | 'running'
  | 'desired'
  | 'pending'
  | 'healthy'
  | 'band'
  | 'compare'
  | 'served'
  | 'failed'
  | 'targets';

export interface Series {
  key: string;
  name: string;
  kind: SeriesKind;
  color: string;
  /** Areas with the same stack id pile up, in series order. */
  stackId?: string;
  /** A band's upper edge: the area fills from `key` up to it. */
  upperKey?: string;
  /** The class the plot gives it, for tests and the stylesheet: `series-<kind>` when absent. */
  className?: string;
  fillOpacity?: number;
  dashed?: boolean;
  /** A line's width in px, when not its kind's. */
  width?: number;
  /**
   * Each point sums the minute that ends at it (requests, a split): drawn over that minute,
   * as CloudWatch draws a period's datapoint, not from its end on, a minute late.
   */
  minuteBefore?: boolean;
}

/** What the legend shows for one entry: a swatch, a name, and a value read at the playhead. */
export interface LegendEntry {
  id: string;
  label: string;
  color: string;
  swatch: 'area' | 'line' | 'dashed' | 'dotted' | 'band' | 'thick' | 'faint';
  /** The row key whose value at the playhead the entry shows; none for a key to the lines. */
  valueKey?: string;
  format?: AxisFormat;
  /** With `valueKey`, shown as a range `value-upper`. */
  upperKey?: string;
  /** Said after the value: `4 running`, `17.5/s`. */
  unit?: string;
  /** Neighbouring entries of one group share a line, the group's name first (a call: served, failed). */
  group?: string;
  title?: string;
}

export type AxisFormat = 'count' | 'percent' | 'rate' | 'usd';

export interface Axis {
  max: number;
  ticks: number[];
  format: AxisFormat;
}

/** What one mode of the chart asks the worker for. */
export interface ChartQuery {
  keys: string[];
  compareKeys: string[];
}

/** A horizontal line at a value, labelled on the plot: a target, an alarm threshold, a bound. */
export interface ChartLevel {
  id: string;
  value: number;
  label: string;
  color: string;
  /** The target is dashed; thresholds and bounds dotted. */
  style: 'target' | 'threshold' | 'bound';
}

/** A vertical tick at a moment, labelled on the plot: a scaling activity, `2 → 4`. */
export interface ChartMark {
  id: string;
  /** Virtual seconds. */
  t: number;
  label: string;
  /** Said to a screen reader and in the tooltip: who scaled what, when. */
  title: string;
  direction: 'out' | 'in';
}

/** What one mode draws from a window of history. */
export interface ChartPlan {
  rows: Row[];
  series: Series[];
  yAxis: Axis;
  legend: LegendEntry[];
  levels?: ChartLevel[];
  marks?: ChartMark[];
  /** A line under the key: where the numbers come from (the price list's date). */
  note?: string;
}

/**
 * The shown and compared windows as rows, over the longer of the two (the other branch may
 * have played further); `derive` adds each mode's computed keys to a row. Costs columns x
 * series.
 */
export function toRows(
  shown: HistoryWindow | null,
  compared: HistoryWindow | null,
  derive?: (row: Row) => void,
): Row[] {
  const times =
    compared && shown && compared.times.length > shown.times.length
      ? compared.times
      : (shown?.times ?? []);
  return times.map((t, i) => {
    const row: Row = { t: t / 1000 };
    if (shown && i < shown.times.length)
      for (const [key, values] of Object.entries(shown.series)) row[key] = values[i] ?? 0;
    if (compared && i < compared.times.length)
      for (const [key, values] of Object.entries(compared.series))
        row[COMPARE + key] = values[i] ?? 0;
    derive?.(row);
    return row;
  });
}

/** The largest value of any of `keys` over the rows. */
export function maxOf(rows: readonly Row[], keys: readonly string[]): number {
  let max = 0;
  for (const row of rows) for (const key of keys) max = Math.max(max, row[key] ?? 0);
  return max;
}
