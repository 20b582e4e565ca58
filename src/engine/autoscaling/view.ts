import type { MetricAlarm } from '../../design';
import { type AlarmState, periodValues } from '../alarms/alarms';
import type { ScalableTargetView } from '../api';
import type { EngineContext } from '../context';
import { managedAlarm, policiesOf, policyOfArn } from './policies';
import { autoscalingOf, type PolicyState, type ScalableTargetState } from './state';

/**
 * The page's view of service auto scaling (api.ts ScalableTargetView), and the minute's
 * value of each policy's metric for the charts. Costs the targets, their policies and
 * the design's alarms, never the tasks.
 */

/** The activities a view carries: the most recent, oldest first. */
export const ACTIVITIES_SHOWN = 50;

/** The alarms a policy acts through, with their state now. */
interface PolicyAlarm {
  config: MetricAlarm;
  state: AlarmState | undefined;
}

/**
 * Target tracking: its managed alarms (high first). Step scaling: the design's alarms
 * whose actions name the policy (ARN matched as autoscaling/explain.ts and hooks.ts do).
 */
export function policyAlarms(ctx: EngineContext, policy: PolicyState): PolicyAlarm[] {
  if (policy.input.PolicyType === 'TargetTrackingScaling') {
    return policy.alarmNames.flatMap((name) => {
      const a = managedAlarm(ctx, name);
      return a ? [{ config: a.config, state: a.state }] : [];
    });
  }
  const out: PolicyAlarm[] = [];
  for (const alarm of ctx.design.alarms ?? []) {
    const actions = [alarm.AlarmActions, alarm.OKActions, alarm.InsufficientDataActions].flat();
    if (actions.some((a) => a !== undefined && policyOfArn(ctx, a) === policy))
      out.push({ config: alarm, state: ctx.alarms.get(alarm.AlarmName) });
  }
  return out;
}

/** The latest minute's value of what the alarm watches (its statistic over that minute), if any. */
export function latestMinuteValue(alarm: PolicyAlarm): number | undefined {
  if (!alarm.state) return undefined;
  return periodValues(
    { ...alarm.config, Period: 60, EvaluationPeriods: 1 },
    alarm.state.minutes,
  )[0];
}

function targetView(ctx: EngineContext, target: ScalableTargetState): ScalableTargetView {
  const policies = policiesOf(ctx, target.resourceId).map((policy) => {
    const alarms = policyAlarms(ctx, policy);
    const tt = policy.input.TargetTrackingScalingPolicyConfiguration;
    const tracking = policy.input.PolicyType === 'TargetTrackingScaling';
    const metricName = alarms[0]?.config.MetricName;
    return {
      policyName: policy.name,
      policyType: tracking ? ('TargetTrackingScaling' as const) : ('StepScaling' as const),
      ...(tracking && tt && { targetValue: tt.TargetValue }),
      ...(metricName !== undefined && { metricName }),
      alarms: alarms.map((a) => ({
        alarmName: a.config.AlarmName,
        threshold: a.config.Threshold,
        comparisonOperator: a.config.ComparisonOperator,
        state: a.state?.state ?? ('INSUFFICIENT_DATA' as const),
      })),
    };
  });
  return {
    resourceId: target.resourceId,
    serviceName: target.serviceName,
    clusterName: target.clusterName,
    minCapacity: target.min,
    maxCapacity: target.max,
    desiredCount: ctx.services.get(target.serviceName)?.desiredCount ?? 0,
    policies,
    activities: target.activities.slice(-ACTIVITIES_SHOWN).map((a) => ({
      atMs: a.atMs,
      from: a.from,
      to: a.to,
      by: a.by,
      description: a.description,
    })),
  };
}

/** Every scalable target now; undefined when the run has none. */
export function scalingView(ctx: EngineContext): ScalableTargetView[] | undefined {
  const targets = autoscalingOf(ctx).targets;
  if (targets.length === 0) return undefined;
  return targets.map((t) => targetView(ctx, t));
}

/**
 * The minute's value of each scaling policy's metric, by `<serviceName>:<MetricName>` (the
 * CloudWatch metric its alarms watch: CPUUtilization, MemoryUtilization,
 * RequestCountPerTarget, or a customized metric's name). Read after the minute's alarms
 * have judged it, so it is the value the policies scale by; a metric with no datapoint
 * this minute (no task running) has none.
 */
export function scalingMetrics(ctx: EngineContext): Record<string, number> {
  const out: Record<string, number> = {};
  for (const target of autoscalingOf(ctx).targets) {
    for (const policy of policiesOf(ctx, target.resourceId)) {
      // Target tracking's high alarm and a step policy's alarms watch the policy's metric.
      for (const alarm of policyAlarms(ctx, policy)) {
        const key = `${target.serviceName}:${alarm.config.MetricName}`;
        if (key in out) continue;
        const value = latestMinuteValue(alarm);
        if (value !== undefined) out[key] = value;
      }
    }
  }
  return out;
}
