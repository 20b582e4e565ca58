import type { MetricAlarm } from '../../design';
import { autoscalingOf } from '../autoscaling/state';
import { type EngineContext, isoAt } from '../context';

/**
 * CloudWatch metric alarms, evaluated once a simulated minute (ecs-behavior §9.2) on the
 * datapoints Berth emits (AWS/ECS, ECS/ContainerInsights, AWS/ApplicationELB) and those a
 * script puts (PutMetricData). Only datapoints some alarm watches are kept, a minute's
 * aggregate each, so an alarm costs its own metric, not the run's.
 *
 * Model: each minute's datapoints form one aggregate (count, sum, min, max); a period of
 * N minutes combines N of them; an alarm goes to ALARM when DatapointsToAlarm (default
 * EvaluationPeriods) of its last EvaluationPeriods periods breach, to OK when the periods
 * with data do not, and stays INSUFFICIENT_DATA with none. TreatMissingData decides empty
 * periods as CloudWatch's setting names them.
 */

export interface Aggregate {
  n: number;
  sum: number;
  min: number;
  max: number;
}

export interface AlarmState {
  name: string;
  state: 'OK' | 'ALARM' | 'INSUFFICIENT_DATA';
  reason: string;
  updatedAtMs: number;
  /** What arrived since the last evaluation. */
  current: Aggregate | null;
  /** The last minutes' aggregates, oldest first (null: nothing arrived). */
  minutes: (Aggregate | null)[];
}

/** A copy that shares nothing with the run: what a checkpoint keeps. */
export function copyAlarmState(a: AlarmState): AlarmState {
  return {
    ...a,
    current: a.current && { ...a.current },
    minutes: a.minutes.map((m) => m && { ...m }),
  };
}

export function metricKey(
  namespace: string,
  metricName: string,
  dimensions: readonly { Name: string; Value: string }[] = [],
): string {
  const dims = [...dimensions]
    .map((d) => `${d.Name}=${d.Value}`)
    .sort()
    .join(',');
  return `${namespace}|${metricName}|${dims}`;
}

/** The design's alarms, by the metric each watches (pure). */
export function compileAlarms(alarms: readonly MetricAlarm[] = []): Map<string, MetricAlarm[]> {
  const byMetric = new Map<string, MetricAlarm[]>();
  for (const alarm of alarms) {
    const key = metricKey(alarm.Namespace, alarm.MetricName, alarm.Dimensions);
    byMetric.set(key, [...(byMetric.get(key) ?? []), alarm]);
  }
  return byMetric;
}

export function initialAlarmStates(alarms: readonly MetricAlarm[] = []): Map<string, AlarmState> {
  return new Map(
    alarms.map((a) => [
      a.AlarmName,
      {
        name: a.AlarmName,
        state: 'INSUFFICIENT_DATA',
        reason: 'Unchecked: Initial alarm creation',
        updatedAtMs: 0,
        current: null,
        minutes: [],
      },
    ]),
  );
}

function take(state: AlarmState, value: number): void {
  const c = state.current;
  state.current = c
    ? { n: c.n + 1, sum: c.sum + value, min: Math.min(c.min, value), max: Math.max(c.max, value) }
    : { n: 1, sum: value, min: value, max: value };
}

/** A datapoint arrived: the alarms that watch its metric take it, target tracking's too. */
export function recordDatum(
  ctx: EngineContext,
  namespace: string,
  metricName: string,
  dimensions: readonly { Name: string; Value: string }[] | undefined,
  value: number,
): void {
  const key = metricKey(namespace, metricName, dimensions);
  for (const alarm of ctx.alarmsByMetric.get(key) ?? []) {
    const state = ctx.alarms.get(alarm.AlarmName);
    if (state) take(state, value);
  }
  const managed = autoscalingOf(ctx);
  for (const name of managed.watch[key] ?? []) {
    const alarm = managed.alarms.find((a) => a.config.AlarmName === name);
    if (alarm) take(alarm.state, value);
  }
}

function statistic(alarm: MetricAlarm, parts: readonly Aggregate[]): number | undefined {
  if (parts.length === 0) return undefined;
  const n = parts.reduce((a, p) => a + p.n, 0);
  const sum = parts.reduce((a, p) => a + p.sum, 0);
  switch (alarm.Statistic) {
    case 'Sum':
      return sum;
    case 'Average':
      return sum / n;
    case 'Minimum':
      return Math.min(...parts.map((p) => p.min));
    case 'Maximum':
      return Math.max(...parts.map((p) => p.max));
    case 'SampleCount':
      return n;
  }
}

function breaches(alarm: MetricAlarm, value: number): boolean {
  switch (alarm.ComparisonOperator) {
    case 'GreaterThanThreshold':
      return value > alarm.Threshold;
    case 'GreaterThanOrEqualToThreshold':
      return value >= alarm.Threshold;
    case 'LessThanThreshold':
      return value < alarm.Threshold;
    case 'LessThanOrEqualToThreshold':
      return value <= alarm.Threshold;
  }
}

/**
 * The values of the alarm's last EvaluationPeriods periods, newest first (undefined: no
 * datapoint in it), from the minutes it keeps. Pure: "why hasn't it scaled?" reads it too.
 */
export function periodValues(
  alarm: MetricAlarm,
  minutes: readonly (Aggregate | null)[],
): (number | undefined)[] {
  const perPeriod = alarm.Period / 60;
  const periods: (number | undefined)[] = [];
  for (
    let end = minutes.length;
    end > 0 && periods.length < alarm.EvaluationPeriods;
    end -= perPeriod
  ) {
    const parts = minutes
      .slice(Math.max(0, end - perPeriod), end)
      .filter((m): m is Aggregate => m !== null);
    periods.push(statistic(alarm, parts));
  }
  return periods;
}

/** The state the periods put the alarm in, and how many breach. */
export function judge(
  alarm: MetricAlarm,
  periods: readonly (number | undefined)[],
  was: AlarmState['state'],
): { next: AlarmState['state']; breaching: number } {
  const missing = alarm.TreatMissingData ?? 'missing';
  let breaching = 0;
  let evaluated = 0;
  for (const v of periods) {
    if (v === undefined) {
      if (missing === 'breaching') {
        breaching++;
        evaluated++;
      } else if (missing === 'notBreaching') evaluated++;
      continue;
    }
    evaluated++;
    if (breaches(alarm, v)) breaching++;
  }
  const m = alarm.DatapointsToAlarm ?? alarm.EvaluationPeriods;
  let next: AlarmState['state'];
  if (breaching >= m) next = 'ALARM';
  else if (evaluated > 0) next = 'OK';
  else next = missing === 'ignore' ? was : 'INSUFFICIENT_DATA';
  return { next, breaching };
}

/** Close one alarm's minute and evaluate it; true when its state changed. */
export function evaluateAlarm(alarm: MetricAlarm, state: AlarmState, nowMs: number): boolean {
  state.minutes.push(state.current);
  state.current = null;
  const keep = (alarm.Period / 60) * alarm.EvaluationPeriods;
  if (state.minutes.length > keep) state.minutes.splice(0, state.minutes.length - keep);
  const periods = periodValues(alarm, state.minutes);
  const { next, breaching } = judge(alarm, periods, state.state);
  if (next === state.state) return false;
  const m = alarm.DatapointsToAlarm ?? alarm.EvaluationPeriods;
  const latest = periods.find((v) => v !== undefined);
  state.reason =
    next === 'ALARM'
      ? `Threshold Crossed: ${breaching} out of the last ${alarm.EvaluationPeriods} datapoints [${latest ?? ''}] was ${alarm.ComparisonOperator.replace(
          /([A-Z])/g,
          ' $1',
        )
          .trim()
          .toLowerCase()} (${alarm.Threshold}).`
      : next === 'OK'
        ? `Threshold Crossed: no ${m} of the last ${alarm.EvaluationPeriods} datapoints breached the threshold (${alarm.Threshold}).`
        : 'Insufficient Data: no datapoints were received.';
  state.state = next;
  state.updatedAtMs = nowMs;
  return true;
}

/** Close the minute and evaluate every alarm; returns the names that entered ALARM now. */
export function evaluateAlarms(ctx: EngineContext): string[] {
  const entered: string[] = [];
  for (const alarm of ctx.design.alarms ?? []) {
    const state = ctx.alarms.get(alarm.AlarmName);
    if (!state || !evaluateAlarm(alarm, state, ctx.nowMs)) continue;
    // The services whose deployments watch it show the new state.
    for (const service of ctx.services.values())
      if (service.alarmConfig?.alarmNames.includes(alarm.AlarmName))
        ctx.out.dirtyServices.add(service.serviceName);
    if (state.state === 'ALARM') entered.push(alarm.AlarmName);
  }
  return entered;
}

/** DescribeAlarms' MetricAlarms, as the CLI prints them: the design's, then target tracking's. */
export function describeAlarms(ctx: EngineContext): Record<string, unknown>[] {
  const describe = (a: MetricAlarm, s: AlarmState | undefined) => ({
    ...a,
    StateValue: s?.state ?? 'INSUFFICIENT_DATA',
    StateReason: s?.reason ?? '',
    StateUpdatedTimestamp: isoAt(ctx, s?.updatedAtMs ?? 0),
  });
  return [
    ...(ctx.design.alarms ?? []).map((a) => describe(a, ctx.alarms.get(a.AlarmName))),
    ...autoscalingOf(ctx).alarms.map((a) => describe(a.config, a.state)),
  ];
}
