import { STATUS_COLORS } from '../../status';
import { countAxis } from './axis';
import type { ChartInput } from './input';
import { activityMarks } from './marks';
import {
  type ChartLevel,
  type ChartPlan,
  type ChartQuery,
  COMPARE,
  type LegendEntry,
  maxOf,
  type Row,
  type Series,
} from './series';

const FIELDS = ['desired', 'running', 'pending'] as const;
const INK = 'var(--chart-ink)';
const RUNNING = '#2563eb';

export function scalingTasksQuery(input: ChartInput): ChartQuery {
  const name = input.scaling?.serviceName;
  if (name === undefined) return { keys: [], compareKeys: [] };
  return {
    keys: FIELDS.map((f) => `service:${name}:${f}`),
    compareKeys: [`service:${name}:running`],
  };
}

/**
 * The scaled service's desired, running and pending tasks, each scaling activity a tick
 * labelled `from → to`, its minimum and maximum capacity as dotted bounds while they fit:
 * running follows desired, and pending shows the tasks still waiting for a place.
 */
export function scalingTasksPlan(rows: Row[], input: ChartInput): ChartPlan {
  const facts = input.scaling;
  if (!facts) return { rows, series: [], yAxis: { ...countAxis(0), format: 'count' }, legend: [] };
  const key = (f: string) => `service:${facts.serviceName}:${f}`;
  const series: Series[] = [
    { key: key('desired'), name: 'desired', kind: 'desired', color: INK, width: 3 },
    { key: key('running'), name: 'running', kind: 'running', color: RUNNING, width: 3.5 },
    { key: key('pending'), name: 'pending', kind: 'pending', color: STATUS_COLORS.PENDING },
  ];
  if (input.comparing)
    series.push({
      key: `${COMPARE}${key('running')}`,
      name: 'running (other branch)',
      kind: 'compare',
      color: RUNNING,
    });
  const dataMax = maxOf(rows, [...FIELDS.map(key), `${COMPARE}${key('running')}`]);
  const axis = countAxis(Math.max(dataMax, facts.minCapacity) * 1.2);
  // A far maximum (100 for a service at 4) would flatten the lines: said in the key instead.
  const levels: ChartLevel[] = [
    { id: 'min', value: facts.minCapacity, label: `min ${facts.minCapacity}` },
    { id: 'max', value: facts.maxCapacity, label: `max ${facts.maxCapacity}` },
  ]
    .filter((l) => l.value > 0 && l.value <= axis.max)
    .map((l) => ({ ...l, color: '#6b7280', style: 'bound' }));
  const legend: LegendEntry[] = [
    {
      id: 'tasks.desired',
      label: 'desired',
      color: INK,
      swatch: 'dotted',
      valueKey: key('desired'),
      format: 'count',
    },
    {
      id: 'tasks.running',
      label: 'running',
      color: RUNNING,
      swatch: 'line',
      valueKey: key('running'),
      format: 'count',
    },
    {
      id: 'tasks.pending',
      label: 'pending',
      color: STATUS_COLORS.PENDING,
      swatch: 'line',
      valueKey: key('pending'),
      format: 'count',
    },
    {
      id: 'tasks.bounds',
      label: `min–max ${facts.minCapacity}–${facts.maxCapacity}`,
      color: '#6b7280',
      swatch: 'dotted',
      title: "The scalable target's MinCapacity and MaxCapacity",
    },
  ];
  return {
    rows,
    series,
    yAxis: { ...axis, format: 'count' },
    legend,
    levels,
    marks: activityMarks(facts),
  };
}
