import { countAxis, niceAxis, percentAxis } from './axis';
import type { ChartInput, ScalingFacts } from './input';
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

/** The series the engine records once a simulated minute for a policy's metric. */
export const scalingKey = (service: string, metricName: string) =>
  `scaling:${service}:${metricName}`;

const METRIC_LABELS: Record<string, string> = {
  CPUUtilization: 'CPU',
  MemoryUtilization: 'Memory',
  RequestCountPerTarget: 'Requests per target',
};
const PERCENT_METRICS = new Set(['CPUUtilization', 'MemoryUtilization']);
const METRIC_COLORS = ['#2563eb', '#7c3aed', '#0d9488'];
const TARGET_COLOR = 'var(--chart-ink)';
const THRESHOLD_COLORS = { out: '#b91c1c', in: '#b45309' } as const;

const EMPTY: ChartQuery = { keys: [], compareKeys: [] };

/** The metrics the service's policies track or alarm on, once each, in policy order. */
export function metricNamesOf(facts: ScalingFacts): string[] {
  const names: string[] = [];
  for (const p of facts.policies)
    if (p.metricName !== undefined && !names.includes(p.metricName)) names.push(p.metricName);
  return names;
}

export function scalingQuery(input: ChartInput): ChartQuery {
  const facts = input.scaling;
  if (!facts) return EMPTY;
  const keys = metricNamesOf(facts).map((m) => scalingKey(facts.serviceName, m));
  return { keys, compareKeys: keys.slice(0, 1) };
}

/** Scale-out alarms compare greater, scale-in alarms less. */
const directionOf = (operator: string): 'out' | 'in' =>
  operator.startsWith('Greater') ? 'out' : 'in';
const operatorText = (operator: string) =>
  operator.startsWith('Greater')
    ? operator.endsWith('OrEqualToThreshold')
      ? '≥'
      : '>'
    : operator.endsWith('OrEqualToThreshold')
      ? '≤'
      : '<';

function valueText(metricName: string, v: number): string {
  const n = Math.round(v * 10) / 10;
  return PERCENT_METRICS.has(metricName) ? `${n}%` : String(n);
}

/**
 * Each policy's target, dashed, and its alarms' thresholds, dotted and labelled with what
 * they trigger; a threshold on the target (target tracking's scale-out alarm) joins its label.
 */
export function scalingLevels(facts: ScalingFacts): ChartLevel[] {
  const several = metricNamesOf(facts).length > 1;
  const levels: ChartLevel[] = [];
  for (const p of facts.policies) {
    if (p.metricName === undefined) continue;
    const metric = p.metricName;
    const prefix = several ? `${METRIC_LABELS[metric] ?? metric} ` : '';
    const target = p.targetValue;
    const onTarget = p.alarms.filter(
      (a) => target !== undefined && Math.abs(a.threshold - target) < 1e-9,
    );
    if (target !== undefined)
      levels.push({
        id: `target.${p.policyName}`,
        value: target,
        label: `${prefix}target ${valueText(metric, target)}${onTarget.length > 0 ? ' = scale-out alarm' : ''}`,
        color: TARGET_COLOR,
        style: 'target',
      });
    for (const a of p.alarms) {
      if (onTarget.includes(a)) continue;
      const direction = directionOf(a.comparisonOperator);
      levels.push({
        id: `alarm.${a.alarmName}`,
        value: a.threshold,
        label: `${prefix}scale-${direction} alarm ${operatorText(a.comparisonOperator)} ${valueText(metric, a.threshold)}`,
        color: THRESHOLD_COLORS[direction],
        style: 'threshold',
      });
    }
  }
  return levels;
}

/**
 * The metric each policy of the service watches, minute by minute, against its target
 * (dashed) and its alarms' thresholds (dotted, labelled), each scaling activity a tick
 * labelled `from → to`: why the service grew, and when.
 */
export function scalingPlan(rows: Row[], input: ChartInput): ChartPlan {
  const facts = input.scaling;
  if (!facts) return { rows, series: [], yAxis: { ...countAxis(0), format: 'count' }, legend: [] };
  const metrics = metricNamesOf(facts);
  const percent = metrics.every((m) => PERCENT_METRICS.has(m));
  const series: Series[] = metrics.map((m, i) => ({
    key: scalingKey(facts.serviceName, m),
    name: METRIC_LABELS[m] ?? m,
    kind: 'running',
    className: 'series series-metric',
    color: METRIC_COLORS[i % METRIC_COLORS.length] ?? '#2563eb',
    width: 3.5,
  }));
  const first = series[0];
  if (input.comparing && first)
    series.push({
      key: `${COMPARE}${first.key}`,
      name: `${first.name} (other branch)`,
      kind: 'compare',
      color: first.color,
    });
  const levels = scalingLevels(facts);
  const top = Math.max(
    maxOf(
      rows,
      series.map((s) => s.key),
    ),
    ...levels.map((l) => l.value * 1.15),
  );
  const axis = percent ? percentAxis(top) : niceAxis(top, 1);
  const legend: LegendEntry[] = metrics.map((m, i) => ({
    id: `metric.${m}`,
    label: `${facts.serviceName} ${METRIC_LABELS[m] ?? m}`,
    color: series[i]?.color ?? '#2563eb',
    swatch: 'line',
    valueKey: scalingKey(facts.serviceName, m),
    format: PERCENT_METRICS.has(m) ? 'percent' : 'rate',
    title: `${m}: the minute's average, as the policy's alarms read it`,
  }));
  for (const l of levels)
    if (l.style === 'target')
      legend.push({ id: l.id, label: l.label, color: l.color, swatch: 'dashed' });
  return {
    rows,
    series,
    yAxis: { ...axis, format: percent ? 'percent' : 'rate' },
    legend,
    levels,
    marks: activityMarks(facts),
  };
}
