import type { TaskLastStatus } from '../../../engine';
import { serviceColor } from '../../shared/service-colors';
import { CORE_STATUSES, STATUS_COLORS, STATUS_ORDER } from '../../status';
import { countAxis } from './axis';
import type { ChartInput } from './input';
import { type ChartPlan, type ChartQuery, COMPARE, maxOf, type Row, type Series } from './series';

/** RUNNING at the base so the line people watch is flat; the transient states ride on it. */
const STACK_ORDER: readonly TaskLastStatus[] = [
  'RUNNING',
  ...STATUS_ORDER.filter((status) => status !== 'RUNNING' && status !== 'STOPPED'),
  'STOPPED',
];
const STATUS_KEYS = STACK_ORDER.map((s) => `status:${s}`);
const STACK = 'stack:status';

export function statusQuery(): ChartQuery {
  return { keys: STATUS_KEYS, compareKeys: ['status:RUNNING'] };
}

export const addStatusStack = (row: Row) => {
  let sum = 0;
  for (const key of STATUS_KEYS) sum += row[key] ?? 0;
  row[STACK] = sum;
};

/** Tasks stacked by lastStatus; the other branch's RUNNING dashed. */
export function statusPlan(rows: Row[], input: ChartInput): ChartPlan {
  const series: Series[] = [];
  for (const status of STACK_ORDER) {
    const key = `status:${status}`;
    if (CORE_STATUSES.includes(status) || rows.some((r) => (r[key] ?? 0) > 0))
      series.push({
        key,
        name: status,
        kind: 'area',
        stackId: 'tasks',
        className: `series series-${status}`,
        color: STATUS_COLORS[status],
      });
  }
  if (input.comparing)
    series.push({
      key: `${COMPARE}status:RUNNING`,
      name: 'RUNNING (other branch)',
      kind: 'compare',
      color: 'var(--chart-ink)',
    });
  const max = maxOf(rows, [STACK, `${COMPARE}status:RUNNING`]);
  return { rows, series, yAxis: { ...countAxis(max), format: 'count' }, legend: [] };
}

const SERVICE_FIELDS = ['desired', 'running', 'pending', 'healthy', 'lower', 'upper'] as const;

export function servicesQuery(input: ChartInput): ChartQuery {
  return {
    keys: input.services.flatMap((n) => SERVICE_FIELDS.map((f) => `service:${n}:${f}`)),
    compareKeys: input.services.map((n) => `service:${n}:running`),
  };
}

/** Per service, desired / running / pending / healthy lines and the min-max band. */
export function servicesPlan(rows: Row[], input: ChartInput): ChartPlan {
  const series: Series[] = [];
  const keys: string[] = [];
  for (const name of input.services) {
    const color = serviceColor(input.allServices.indexOf(name));
    const key = (f: string) => `service:${name}:${f}`;
    keys.push(...SERVICE_FIELDS.map(key), `${COMPARE}${key('running')}`);
    // The deployment bounds, drawn only while they differ from the desired count.
    if (
      rows.some(
        (r) => r[key('lower')] !== r[key('desired')] || r[key('upper')] !== r[key('desired')],
      )
    )
      series.push({
        key: key('lower'),
        upperKey: key('upper'),
        name: `${name} min-max bounds`,
        kind: 'band',
        color,
      });
    series.push({ key: key('healthy'), name: `${name} healthy`, kind: 'healthy', color });
    series.push({ key: key('desired'), name: `${name} desired`, kind: 'desired', color });
    series.push({ key: key('running'), name: `${name} running`, kind: 'running', color });
    series.push({ key: key('pending'), name: `${name} pending`, kind: 'pending', color });
    if (input.comparing)
      series.push({
        key: `${COMPARE}${key('running')}`,
        name: `${name} running (other branch)`,
        kind: 'compare',
        color,
      });
  }
  return {
    rows,
    series,
    yAxis: { ...countAxis(maxOf(rows, keys)), format: 'count' },
    legend: [],
  };
}
