import type { AutoscalingCommand } from '../../design';
import { evaluateAlarm } from '../alarms/alarms';
import type { EngineContext } from '../context';
import { deleteScalingPolicy, policyOfArn, putScalingPolicy } from './policies';
import { commitProposal, judgeProposal } from './scaling';
import { deleteScheduledAction, putScheduledAction, runScheduledActions } from './scheduled';
import { autoscalingOf } from './state';
import { stepProposal } from './step';
import { decideTracking, trackingViews } from './target-tracking';
import { parseResourceId, registerScalableTarget, targetOf } from './targets';

const policyResource = (arn: string) => /resource\/ecs\/([^:]+)/.exec(arn)?.[1] ?? '';

/** The clock events of this part of the engine (context.ts puts them in EngineEvent). */
export interface AutoscalingEvent {
  kind: 'autoscaling';
  what: string;
}

/**
 * Once, when the run starts at 0 (not on restore): the design's targets, policies and
 * scheduled actions, registered as their API calls would, in that order.
 */
export function startAutoscaling(ctx: EngineContext): void {
  for (const input of ctx.design.scalableTargets ?? []) registerScalableTarget(ctx, input);
  for (const input of ctx.design.scalingPolicies ?? []) putScalingPolicy(ctx, input);
  for (const input of ctx.design.scheduledActions ?? []) putScheduledAction(ctx, input);
}

/** The design's alarms' actions that name step policies, for the state each alarm is in now. */
function invokeStepPolicies(ctx: EngineContext): void {
  for (const alarm of ctx.design.alarms ?? []) {
    const state = ctx.alarms.get(alarm.AlarmName);
    if (!state) continue;
    const actions =
      state.state === 'ALARM'
        ? alarm.AlarmActions
        : state.state === 'OK'
          ? alarm.OKActions
          : alarm.InsufficientDataActions;
    for (const arn of actions ?? []) {
      const policy = policyOfArn(ctx, arn);
      if (!policy || (policy.input.PolicyType ?? 'StepScaling') !== 'StepScaling') continue;
      const target = targetOf(ctx, policy.resourceId);
      const service = target && ctx.services.get(target.serviceName);
      if (!target || !service) continue;
      const { proposal } = stepProposal(ctx, target, policy, alarm, state);
      if (!proposal) continue;
      const verdict = judgeProposal(ctx, target, service, proposal);
      if (verdict.to !== undefined) commitProposal(ctx, target, proposal, verdict.to);
    }
  }
}

/** Its timers, as simulation.ts hands them over: Berth's scaling runs on the minute, so none. */
export function onAutoscalingEvent(_ctx: EngineContext, _event: AutoscalingEvent): void {}

/**
 * Every simulated minute, after the minute's metrics are out and the design's alarms
 * have judged it: target tracking's alarms judge it too, then each scalable target scales.
 */
export function autoscalingMinute(ctx: EngineContext): void {
  const state = autoscalingOf(ctx);
  for (const alarm of state.alarms)
    if (evaluateAlarm(alarm.config, alarm.state, ctx.nowMs))
      ctx.out.dirtyServices.add(parseResourceId(policyResource(alarm.policyArn)).serviceName);
  // Scheduled actions first: they run whatever the cooldowns (§12.4), and the dynamic
  // policies then scale within the bounds they set.
  runScheduledActions(ctx);
  // Model: CloudWatch invokes an Auto Scaling action on entering the state and once a
  // minute while it stays (CloudWatch's rule for Auto Scaling actions).
  invokeStepPolicies(ctx);
  for (const target of state.targets) {
    const service = ctx.services.get(target.serviceName);
    if (!service) continue;
    const { proposal, verdict } = decideTracking(ctx, target, service, trackingViews(ctx, target));
    if (proposal && verdict?.to !== undefined) commitProposal(ctx, target, proposal, verdict.to);
  }
}

/** Its script actions, applied now (commands/index.ts): the AWS response. */
export function applyAutoscalingCommand(
  ctx: EngineContext,
  command: AutoscalingCommand,
): Record<string, unknown> {
  switch (command.action) {
    case 'RegisterScalableTarget':
      return registerScalableTarget(ctx, command.input);
    case 'PutScalingPolicy':
      return putScalingPolicy(ctx, command.input);
    case 'DeleteScalingPolicy':
      return deleteScalingPolicy(ctx, command.input);
    case 'PutScheduledAction':
      return putScheduledAction(ctx, command.input);
    case 'DeleteScheduledAction':
      return deleteScheduledAction(ctx, command.input);
  }
}
