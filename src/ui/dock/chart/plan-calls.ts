import { countAxis } from './axis';
import { callColor, failedColor } from './colors';
import type { ChartInput } from './input';
import { lineWidth } from './plan-traffic';
import {
  type ChartPlan,
  type ChartQuery,
  COMPARE,
  type LegendEntry,
  maxOf,
  type Row,
  type Series,
} from './series';

export function callsQuery(input: ChartInput): ChartQuery {
  return {
    keys: input.calls.flatMap((c) => [`call:${c.label}:served`, `call:${c.label}:failed`]),
    compareKeys: input.calls.map((c) => `call:${c.label}:failed`),
  };
}

const nameOf = (c: ChartInput['calls'][number]) => (c.via ? `${c.label} (${c.via})` : c.label);

/**
 * Each call between services, served and failed requests per second, side by side: a DNS
 * client that keeps a stale answer fails while a Service Connect client calling the same
 * server does not. Each call's failures in its own red, named after the call.
 */
export function callsPlan(rows: Row[], input: ChartInput): ChartPlan {
  const series: Series[] = [];
  const legend: LegendEntry[] = [];
  input.calls.forEach((c, i) => {
    const name = nameOf(c);
    series.push({
      key: `call:${c.label}:served`,
      name: `${name} served/s`,
      kind: 'served',
      color: callColor(i),
      width: lineWidth(i),
      minuteBefore: true,
    });
    series.push({
      key: `call:${c.label}:failed`,
      name: `${name} failed/s`,
      kind: 'failed',
      color: failedColor(i),
      width: lineWidth(i),
      minuteBefore: true,
    });
    if (input.comparing)
      series.push({
        key: `${COMPARE}call:${c.label}:failed`,
        name: `${name} failed/s (other branch)`,
        kind: 'compare',
        color: failedColor(i),
        minuteBefore: true,
      });
    legend.push(
      {
        id: `call.${i}.served`,
        group: name,
        label: 'served/s',
        color: callColor(i),
        swatch: 'line',
        valueKey: `call:${c.label}:served`,
        format: 'rate',
        title: `Requests ${c.label} got answered, per second, over the minute before`,
      },
      {
        id: `call.${i}.failed`,
        group: name,
        label: 'failed/s',
        color: failedColor(i),
        swatch: 'line',
        valueKey: `call:${c.label}:failed`,
        format: 'rate',
        title: `Requests of ${c.label} that found no task to answer them, per second`,
      },
    );
  });
  const keys = input.calls.flatMap((c) => [
    `call:${c.label}:served`,
    `call:${c.label}:failed`,
    `${COMPARE}call:${c.label}:failed`,
  ]);
  return { rows, series, yAxis: { ...countAxis(maxOf(rows, keys)), format: 'rate' }, legend };
}
