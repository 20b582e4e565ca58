import type { MetricAlarm } from '../../design';
import { type AlarmState, judge, periodValues } from '../alarms/alarms';
import type { EngineContext } from '../context';
import { describeScalingActivities } from './activity';
import { policiesOf, policyOfArn } from './policies';
import {
  deploying,
  type Hold,
  inCooldownLeftMs,
  judgeProposal,
  outCooldownLeftMs,
  type Proposal,
  runningOf,
  type Verdict,
} from './scaling';
import { stepProposal } from './step';
import { decideTracking, trackingViews } from './target-tracking';
import { targetOfService } from './targets';

/**
 * "Why hasn't it scaled yet?" (pure): each policy with its alarms' datapoints so far, the
 * cooldown left, and what holds the service, read from the same functions the engine
 * scales by, so the answer is what the next minute will do if nothing changes.
 */

export interface AlarmProgress {
  alarmName: string;
  state: AlarmState['state'];
  threshold: number;
  comparisonOperator: MetricAlarm['ComparisonOperator'];
  evaluationPeriods: number;
  datapointsToAlarm: number;
  /** The periods' values, oldest first; null: no datapoint. */
  datapoints: (number | null)[];
  breaching: number;
}

export interface PolicyExplanation {
  policyName: string;
  policyType: 'TargetTrackingScaling' | 'StepScaling';
  targetValue?: number;
  metric?: number;
  alarms: AlarmProgress[];
  proposal?: Proposal;
  verdict?: Verdict;
}

export interface ScalingExplanation {
  resourceId: string;
  minCapacity: number;
  maxCapacity: number;
  desiredCount: number;
  runningCount: number;
  suspended: { in: boolean; out: boolean; scheduled: boolean };
  deploymentInProgress: boolean;
  scaleOutCooldownLeftMs: number;
  scaleInCooldownLeftMs: number;
  policies: PolicyExplanation[];
  /** What holds a policy that asks, the first one found. */
  heldBy?: Hold;
  /** A sentence for the page. */
  summary: string;
  /** Target tracking's capacity formula is Berth's, not AWS's: the page says so. */
  model: string;
  activities: Record<string, unknown>[];
}

const MODEL =
  "Target tracking's capacity is Berth's model (AWS does not publish it): ceil(running x metric / target), from the running count.";

function progress(alarm: MetricAlarm, state: AlarmState): AlarmProgress {
  const periods = periodValues(alarm, state.minutes);
  return {
    alarmName: alarm.AlarmName,
    state: state.state,
    threshold: alarm.Threshold,
    comparisonOperator: alarm.ComparisonOperator,
    evaluationPeriods: alarm.EvaluationPeriods,
    datapointsToAlarm: alarm.DatapointsToAlarm ?? alarm.EvaluationPeriods,
    datapoints: [...periods].reverse().map((v) => v ?? null),
    breaching: judge(alarm, periods, state.state).breaching,
  };
}

const HOLDS: Record<Hold, string> = {
  MaxCapacity: 'it is at its maximum capacity',
  MinCapacity: 'it is at its minimum capacity',
  DynamicScalingOutSuspended: 'dynamic scale-out is suspended',
  DynamicScalingInSuspended: 'dynamic scale-in is suspended',
  ScaleInCooldown: 'the scale-in cooldown has not ended',
  DeploymentInProgress: 'scale-in waits while a deployment is in progress',
  AlreadyThere: 'the capacity it asks for is already desired',
};

export function explainScaling(
  ctx: EngineContext,
  serviceName: string,
): ScalingExplanation | undefined {
  const target = targetOfService(ctx, serviceName);
  const service = ctx.services.get(serviceName);
  if (!target || !service) return undefined;
  const views = trackingViews(ctx, target);
  const policies: PolicyExplanation[] = [];
  for (const v of views) {
    const alarms = [v.high, v.low].flatMap((a) => (a ? [progress(a.config, a.state)] : []));
    const proposal = v.out ?? v.in;
    policies.push({
      policyName: v.policy.name,
      policyType: 'TargetTrackingScaling',
      targetValue: v.config.TargetValue,
      ...(v.metric !== undefined && { metric: v.metric }),
      alarms,
      ...(proposal && { proposal, verdict: judgeProposal(ctx, target, service, proposal) }),
    });
  }
  for (const policy of policiesOf(ctx, target.resourceId)) {
    if ((policy.input.PolicyType ?? 'StepScaling') !== 'StepScaling') continue;
    const entry: PolicyExplanation = {
      policyName: policy.name,
      policyType: 'StepScaling',
      alarms: [],
    };
    for (const alarm of ctx.design.alarms ?? []) {
      const state = ctx.alarms.get(alarm.AlarmName);
      const actions = [alarm.AlarmActions, alarm.OKActions, alarm.InsufficientDataActions].flat();
      if (!state || !actions.some((a) => a !== undefined && policyOfArn(ctx, a) === policy))
        continue;
      entry.alarms.push(progress(alarm, state));
      const invokes =
        state.state === 'ALARM'
          ? alarm.AlarmActions
          : state.state === 'OK'
            ? alarm.OKActions
            : alarm.InsufficientDataActions;
      if (!invokes?.some((a) => policyOfArn(ctx, a) === policy) || entry.proposal) continue;
      const { proposal } = stepProposal(ctx, target, policy, alarm, state);
      if (proposal) {
        entry.proposal = proposal;
        entry.verdict = judgeProposal(ctx, target, service, proposal);
      }
    }
    policies.push(entry);
  }
  const tracking = decideTracking(ctx, target, service, views);
  const asking = [
    ...(tracking.proposal && tracking.verdict
      ? [{ p: tracking.proposal, v: tracking.verdict }]
      : []),
    ...policies.flatMap((p) =>
      p.policyType === 'StepScaling' && p.proposal && p.verdict
        ? [{ p: p.proposal, v: p.verdict }]
        : [],
    ),
  ];
  const acting = asking.find((a) => a.v.to !== undefined);
  const held = asking.find((a) => a.v.hold !== undefined);
  let summary: string;
  if (acting)
    summary = `${acting.p.policyName} asks to scale ${acting.p.direction} to ${acting.v.to} at the next minute.`;
  else if (held?.v.hold)
    summary = `${held.p.policyName} asks for ${held.p.wants} tasks, but ${HOLDS[held.v.hold]}.`;
  else {
    const waiting = policies
      .flatMap((p) => p.alarms)
      .filter((a) => a.state !== 'ALARM')
      .map((a) => `${a.alarmName}: ${a.breaching} of ${a.datapointsToAlarm} datapoints breaching`);
    summary =
      waiting.length > 0
        ? `No alarm asks for scaling yet (${waiting.join('; ')}).`
        : 'No policy asks for scaling.';
  }
  return {
    resourceId: target.resourceId,
    minCapacity: target.min,
    maxCapacity: target.max,
    desiredCount: service.desiredCount,
    runningCount: runningOf(ctx, serviceName),
    suspended: { ...target.suspended },
    deploymentInProgress: deploying(service),
    scaleOutCooldownLeftMs: outCooldownLeftMs(ctx, target),
    scaleInCooldownLeftMs: inCooldownLeftMs(ctx, target),
    policies,
    ...(held?.v.hold && !acting && { heldBy: held.v.hold }),
    summary,
    model: MODEL,
    activities: describeScalingActivities(ctx, target).slice(0, 10),
  };
}
