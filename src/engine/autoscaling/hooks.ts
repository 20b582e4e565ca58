import type { AutoscalingCommand } from '../../design';
import { evaluateAlarm } from '../alarms/alarms';
import type { EngineContext } from '../context';
import { deleteScalingPolicy, putScalingPolicy } from './policies';
import { commitProposal } from './scaling';
import { autoscalingOf } from './state';
import { decideTracking, trackingViews } from './target-tracking';
import { parseResourceId, registerScalableTarget } from './targets';

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
    case 'DeleteScheduledAction':
      return {};
  }
}
