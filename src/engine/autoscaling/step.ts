import type { MetricAlarm, StepAdjustment, StepScalingConfiguration } from '../../design';
import { type AlarmState, periodValues } from '../alarms/alarms';
import type { EngineContext } from '../context';
import { DEFAULT_COOLDOWN_S } from './policies';
import { outCooldownLeftMs, type Proposal, runningOf } from './scaling';
import type { PolicyState, ScalableTargetState } from './state';

/**
 * Step scaling (ecs-behavior §12.3): an alarm whose actions name the policy invokes it
 * on entering its state and each minute it stays there; the breach (metric minus the
 * alarm's threshold) picks a step, and the step's adjustment moves the capacity.
 */

/** The step whose range holds the breach: above the threshold [lower, upper), below (lower, upper]. */
export function stepFor(
  steps: readonly StepAdjustment[],
  breach: number,
): StepAdjustment | undefined {
  return steps.find((s) => {
    const lo = s.MetricIntervalLowerBound ?? Number.NEGATIVE_INFINITY;
    const hi = s.MetricIntervalUpperBound ?? Number.POSITIVE_INFINITY;
    return breach >= 0 ? lo <= breach && breach < hi : lo < breach && breach <= hi;
  });
}

/**
 * A percent of the capacity, as §12.3 rounds it: above 1 down (12.7 -> 12), between 0
 * and 1 to 1, between -1 and 0 to -1, below -1 toward zero (-6.67 -> -6); then at least
 * MinAdjustmentMagnitude either way (+25% of 4 = 1, with 2 -> +2).
 */
export function percentAdjustment(
  capacity: number,
  percent: number,
  minMagnitude?: number,
): number {
  const r = (capacity * percent) / 100;
  let n: number;
  if (r > 1) n = Math.floor(r);
  else if (r > 0) n = 1;
  else if (r === 0) n = 0;
  else if (r > -1) n = -1;
  else n = Math.trunc(r);
  if (minMagnitude !== undefined && n !== 0 && Math.abs(n) < minMagnitude)
    n = Math.sign(n) * minMagnitude;
  return n;
}

/** The capacity one step asks for, from `capacity`. */
export function adjustedCapacity(
  config: StepScalingConfiguration,
  step: StepAdjustment,
  capacity: number,
): number {
  switch (config.AdjustmentType) {
    case 'ChangeInCapacity':
      return Math.max(0, capacity + step.ScalingAdjustment);
    case 'ExactCapacity':
      return Math.max(0, step.ScalingAdjustment);
    case 'PercentChangeInCapacity':
      return Math.max(
        0,
        capacity +
          percentAdjustment(capacity, step.ScalingAdjustment, config.MinAdjustmentMagnitude),
      );
  }
}

/**
 * The metric value the policy sees: the alarm's latest period, aggregated by the policy's
 * MetricAggregationType (Average when absent). Model: a latest period with no datapoint
 * (an alarm breaching on missing data) reads as the threshold itself.
 */
export function stepMetric(
  alarm: MetricAlarm,
  state: AlarmState,
  config: StepScalingConfiguration,
): number {
  const value = periodValues(
    { ...alarm, Statistic: config.MetricAggregationType ?? 'Average', EvaluationPeriods: 1 },
    state.minutes,
  )[0];
  return value ?? alarm.Threshold;
}

export interface StepView {
  breach: number;
  step?: StepAdjustment;
  proposal?: Proposal;
}

/**
 * What one invocation asks for. Within a scale-out cooldown a scale-out counts from the
 * capacity the cooldown's scale-out started from, so +2 done and +3 asked gives +1 more
 * (§12.3); otherwise from the RUNNING count (§12.1).
 */
export function stepProposal(
  ctx: EngineContext,
  target: ScalableTargetState,
  policy: PolicyState,
  alarm: MetricAlarm,
  state: AlarmState,
): StepView {
  const config = policy.input.StepScalingPolicyConfiguration;
  const breach = config ? stepMetric(alarm, state, config) - alarm.Threshold : 0;
  const step = config && stepFor(config.StepAdjustments, breach);
  if (!config || !step) return { breach };
  const running = runningOf(ctx, target.serviceName);
  let base = running;
  let wants = adjustedCapacity(config, step, base);
  const cooling = outCooldownLeftMs(ctx, target) > 0 ? target.outCooldown : undefined;
  if (wants > running && cooling) {
    base = cooling.fromCapacity;
    wants = adjustedCapacity(config, step, base);
  }
  if (wants === base) return { breach, step };
  return {
    breach,
    step,
    proposal: {
      direction: wants > base ? 'out' : 'in',
      wants,
      policyName: policy.name,
      alarmName: alarm.AlarmName,
      alarmState: state.state,
      cooldownS: config.Cooldown ?? DEFAULT_COOLDOWN_S,
      base,
    },
  };
}
