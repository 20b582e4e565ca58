import type { TargetTrackingConfiguration } from '../../design';
import { periodValues } from '../alarms/alarms';
import type { EngineContext } from '../context';
import type { ServiceState } from '../model/types';
import { DEFAULT_COOLDOWN_S, managedAlarm, policiesOf } from './policies';
import {
  judgeProposal,
  outCooldownLeftMs,
  type Proposal,
  runningOf,
  type Verdict,
} from './scaling';
import type { ManagedAlarm, PolicyState, ScalableTargetState } from './state';

/**
 * Target tracking for an ECS service (ecs-behavior §12.2), once a minute after the
 * managed alarms have judged it.
 *
 * Model (AWS does not publish the formula): the capacity a policy asks for is
 * ceil(base x metric / target), where the metric is the alarm's latest one-minute value
 * and base is the RUNNING count (§12.1), or, within a scale-out cooldown, the capacity
 * the scale-out that started it counted from. Rounding up keeps it conservative both
 * ways: it adds enough and never removes too much. It asks for a scale-out while its high
 * alarm (3 of 3 minutes above target) is in ALARM, a scale-in while its low alarm (15 of
 * 15 minutes below 90% of target) is. At zero running tasks, one datapoint above 0 asks
 * for 1 task (§12.2: "scales out by the minimum amount").
 * Several policies: any one asking out scales out, scale-in needs every policy that may
 * scale in to ask it, and the largest capacity asked wins.
 */

export interface TrackingView {
  policy: PolicyState;
  config: TargetTrackingConfiguration;
  high?: ManagedAlarm;
  low?: ManagedAlarm;
  /** The latest one-minute value of the metric, if it has one. */
  metric?: number;
  out?: Proposal;
  in?: Proposal;
}

function latest(alarm: ManagedAlarm | undefined): number | undefined {
  if (!alarm) return undefined;
  return periodValues({ ...alarm.config, EvaluationPeriods: 1 }, alarm.state.minutes)[0];
}

export function trackingViews(ctx: EngineContext, target: ScalableTargetState): TrackingView[] {
  const running = runningOf(ctx, target.serviceName);
  const cooling = outCooldownLeftMs(ctx, target) > 0 ? target.outCooldown : undefined;
  const views: TrackingView[] = [];
  for (const policy of policiesOf(ctx, target.resourceId)) {
    const config = policy.input.TargetTrackingScalingPolicyConfiguration;
    if (policy.input.PolicyType !== 'TargetTrackingScaling' || !config) continue;
    const [highName, lowName] = policy.alarmNames;
    const high = highName === undefined ? undefined : managedAlarm(ctx, highName);
    const low = lowName === undefined ? undefined : managedAlarm(ctx, lowName);
    const metric = latest(high);
    const view: TrackingView = {
      policy,
      config,
      ...(high && { high }),
      ...(low && { low }),
      ...(metric !== undefined && { metric }),
    };
    const proposal = (direction: 'out' | 'in', wants: number, base: number): Proposal => ({
      direction,
      wants,
      policyName: policy.name,
      alarmName: (direction === 'out' ? high : low)?.config.AlarmName ?? '',
      cooldownS:
        (direction === 'out' ? config.ScaleOutCooldown : config.ScaleInCooldown) ??
        DEFAULT_COOLDOWN_S,
      base,
    });
    if (metric !== undefined) {
      if (running === 0 && metric > 0) view.out = proposal('out', 1, 0);
      else if (high?.state.state === 'ALARM') {
        const base = cooling?.fromCapacity ?? running;
        view.out = proposal('out', Math.ceil((base * metric) / config.TargetValue), base);
      }
      if (low?.state.state === 'ALARM' && !config.DisableScaleIn)
        view.in = proposal('in', Math.ceil((running * metric) / config.TargetValue), running);
    }
    views.push(view);
  }
  return views;
}

/** The one proposal of all the service's target tracking policies, and where it lands. */
export function decideTracking(
  ctx: EngineContext,
  target: ScalableTargetState,
  service: ServiceState,
  views: readonly TrackingView[],
): { proposal?: Proposal; verdict?: Verdict } {
  const largest = (ps: Proposal[]) =>
    ps.reduce<Proposal | undefined>((a, p) => (a && a.wants >= p.wants ? a : p), undefined);
  const out = largest(views.flatMap((v) => (v.out ? [v.out] : [])));
  if (out) return { proposal: out, verdict: judgeProposal(ctx, target, service, out) };
  const mayScaleIn = views.filter((v) => !v.config.DisableScaleIn);
  if (mayScaleIn.length === 0 || !mayScaleIn.every((v) => v.in)) return {};
  const inn = largest(mayScaleIn.flatMap((v) => (v.in ? [v.in] : [])));
  if (!inn) return {};
  return { proposal: inn, verdict: judgeProposal(ctx, target, service, inn) };
}
