import { countAxis } from './axis';
import { failedColor, targetGroupColor } from './colors';
import type { ChartInput } from './input';
import {
  type ChartPlan,
  type ChartQuery,
  COMPARE,
  type LegendEntry,
  maxOf,
  type Row,
  type Series,
} from './series';

const PERCENT_TICKS = [0, 25, 50, 75, 100];

/** A group's colour by its place in the design's `targetGroups`, wherever it is drawn. */
const colorOf = (input: ChartInput, name: string) =>
  targetGroupColor(name, input.targetGroups.indexOf(name));

/**
 * Narrower for each later group or call: two lines at the same value read as a thick line
 * with a thin one inside it, not as one line.
 */
export const lineWidth = (index: number) => Math.max(2, 5 - 2 * index);

const splitKey = (name: string) => `split:${name}`;

export function splitQuery(input: ChartInput): ChartQuery {
  const groups = input.listener?.targetGroups ?? [];
  return {
    keys: groups.flatMap((n) => [`tg:${n}:served`, `tg:${n}:failed`]),
    compareKeys: [],
  };
}

/** Each group's share of the minute's requests through the listener, served or answered 503. */
export function addSplit(groups: readonly string[]) {
  return (row: Row) => {
    let total = 0;
    for (const n of groups) total += (row[`tg:${n}:served`] ?? 0) + (row[`tg:${n}:failed`] ?? 0);
    for (const n of groups) {
      const routed = (row[`tg:${n}:served`] ?? 0) + (row[`tg:${n}:failed`] ?? 0);
      row[splitKey(n)] = total > 0 ? Math.round((routed / total) * 1000) / 10 : 0;
    }
  };
}

/**
 * The listener's requests of each minute split between its target groups, stacked to
 * 100%: a canary reads 10% on the new group, then 100%. A minute's point is known at the
 * minute's end and drawn over the minute it sums: the minute 1:00-2:00 over 1:00-2:00.
 */
export function splitPlan(rows: Row[], input: ChartInput): ChartPlan {
  const groups = input.listener?.targetGroups ?? [];
  const series: Series[] = groups.map((n) => ({
    key: splitKey(n),
    name: `${n} share`,
    kind: 'area',
    stackId: 'split',
    className: 'series series-split',
    color: colorOf(input, n),
    fillOpacity: 0.65,
    minuteBefore: true,
  }));
  const legend: LegendEntry[] = groups.map((n) => ({
    id: `tg.${n}`,
    label: n,
    color: colorOf(input, n),
    swatch: 'area',
    valueKey: splitKey(n),
    format: 'percent',
    title: `Share of the listener's requests that target group ${n} took, over the minute before`,
  }));
  return { rows, series, yAxis: { max: 100, ticks: PERCENT_TICKS, format: 'percent' }, legend };
}

export function requestsQuery(input: ChartInput): ChartQuery {
  return {
    keys: input.targetGroups.flatMap((n) => [`tg:${n}:served`, `tg:${n}:failed`]),
    compareKeys: input.targetGroups.map((n) => `tg:${n}:served`),
  };
}

/** Requests per second through each target group, served and answered 503 (5xx). */
export function requestsPlan(rows: Row[], input: ChartInput): ChartPlan {
  const series: Series[] = [];
  const legend: LegendEntry[] = [];
  input.targetGroups.forEach((n, i) => {
    const color = colorOf(input, n);
    series.push({
      key: `tg:${n}:served`,
      name: `${n} served/s`,
      kind: 'served',
      color,
      width: lineWidth(i),
      minuteBefore: true,
    });
    series.push({
      key: `tg:${n}:failed`,
      name: `${n} 503/s`,
      kind: 'failed',
      color: failedColor(i),
      width: lineWidth(i),
      minuteBefore: true,
    });
    if (input.comparing)
      series.push({
        key: `${COMPARE}tg:${n}:served`,
        name: `${n} served/s (other branch)`,
        kind: 'compare',
        color,
        minuteBefore: true,
      });
    legend.push(
      {
        id: `tg.${n}.served`,
        group: n,
        label: 'served/s',
        color,
        swatch: 'line',
        valueKey: `tg:${n}:served`,
        format: 'rate',
        title: `Requests target group ${n} served, per second, over the minute before`,
      },
      {
        id: `tg.${n}.failed`,
        group: n,
        label: '503/s',
        color: failedColor(i),
        swatch: 'line',
        valueKey: `tg:${n}:failed`,
        format: 'rate',
        title: `Requests the load balancer answered 503 (HTTPCode_ELB_5XX_Count) for ${n}: no healthy target`,
      },
    );
  });
  const keys = input.targetGroups.flatMap((n) => [
    `tg:${n}:served`,
    `tg:${n}:failed`,
    `${COMPARE}tg:${n}:served`,
  ]);
  return { rows, series, yAxis: { ...countAxis(maxOf(rows, keys)), format: 'rate' }, legend };
}

export function targetsQuery(input: ChartInput): ChartQuery {
  const keys = input.targetGroups.map((n) => `tg:${n}:healthy`);
  return { keys, compareKeys: keys };
}

/** Healthy targets per target group (HealthyHostCount), at each minute's end. */
export function targetsPlan(rows: Row[], input: ChartInput): ChartPlan {
  const series: Series[] = [];
  const legend: LegendEntry[] = [];
  input.targetGroups.forEach((n, i) => {
    const color = colorOf(input, n);
    series.push({
      key: `tg:${n}:healthy`,
      name: `${n} healthy targets`,
      kind: 'targets',
      color,
      width: lineWidth(i),
    });
    if (input.comparing)
      series.push({
        key: `${COMPARE}tg:${n}:healthy`,
        name: `${n} healthy targets (other branch)`,
        kind: 'compare',
        color,
        minuteBefore: true,
      });
    legend.push({
      id: `tg.${n}.healthy`,
      label: `${n} healthy targets`,
      color,
      swatch: 'line',
      valueKey: `tg:${n}:healthy`,
      format: 'count',
      title: `HealthyHostCount of ${n} at the end of each minute`,
    });
  });
  const keys = input.targetGroups.flatMap((n) => [`tg:${n}:healthy`, `${COMPARE}tg:${n}:healthy`]);
  return { rows, series, yAxis: { ...countAxis(maxOf(rows, keys)), format: 'count' }, legend };
}
