import { formatUsd, niceAxis } from './axis';
import type { ChartInput } from './input';
import type { ChartPlan, ChartQuery, LegendEntry, Row, Series } from './series';

export const COST_KEY = 'cost:totalUsd';
const COLOR = '#0f766e';

export function costQuery(): ChartQuery {
  return { keys: [COST_KEY], compareKeys: [COST_KEY] };
}

/**
 * What the run has cost so far, in US dollars, minute by minute: instance-hours and
 * Fargate's vCPU- and GB-hours priced at the catalog's list prices, which the note dates;
 * the key says the total at the playhead and what the run spends per hour now.
 */
export function costPlan(rows: Row[], input: ChartInput): ChartPlan {
  const series: Series[] = [
    {
      key: COST_KEY,
      name: 'cost so far',
      kind: 'area',
      className: 'series series-cost',
      color: COLOR,
      fillOpacity: 0.25,
    },
  ];
  if (input.comparing)
    series.push({
      key: `compare|${COST_KEY}`,
      name: 'cost so far (other branch)',
      kind: 'compare',
      color: COLOR,
    });
  const legend: LegendEntry[] = [
    {
      id: 'cost.total',
      label: 'cost so far',
      color: COLOR,
      swatch: 'area',
      valueKey: COST_KEY,
      format: 'usd',
    },
  ];
  const cost = input.cost;
  if (cost)
    legend.push({
      id: 'cost.rate',
      label: `now ${formatUsd(cost.usdPerHour)}/h`,
      color: COLOR,
      swatch: 'faint',
      title: 'What the instances and Fargate tasks running now cost per hour',
    });
  let max = 0;
  for (const row of rows) max = Math.max(max, row[COST_KEY] ?? 0, row[`compare|${COST_KEY}`] ?? 0);
  return {
    rows,
    series,
    yAxis: { ...niceAxis(max), format: 'usd' },
    legend,
    // The catalog's timestamp to the day: the prices are dated, not timed.
    ...(cost && { note: `us-east-1 list prices of ${cost.priceDate.slice(0, 10)}` }),
  };
}
