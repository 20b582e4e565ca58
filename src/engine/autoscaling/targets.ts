import type { RegisterScalableTargetInput } from '../../design';
import { AwsError } from '../commands/errors';
import type { EngineContext } from '../context';
import { scaleTo } from './activity';
import { autoscalingOf, type ScalableTargetState } from './state';

/** `service/<cluster>/<service>` (§12.1). */
export function parseResourceId(resourceId: string): { clusterName: string; serviceName: string } {
  const [, clusterName = '', serviceName = ''] = resourceId.split('/');
  return { clusterName, serviceName };
}

export function targetOf(ctx: EngineContext, resourceId: string): ScalableTargetState | undefined {
  return autoscalingOf(ctx).targets.find((t) => t.resourceId === resourceId);
}

export function targetOfService(
  ctx: EngineContext,
  serviceName: string,
): ScalableTargetState | undefined {
  return autoscalingOf(ctx).targets.find((t) => t.serviceName === serviceName);
}

/**
 * RegisterScalableTarget: a new target, or new bounds and suspension for one.
 * Model: when the new bounds leave the desired count outside them, it moves to the
 * nearest bound at once, as a scheduled action's new bounds do (§12.4); a desired count
 * set outside them later by UpdateService stays until the next scaling (§12.1).
 */
export function registerScalableTarget(
  ctx: EngineContext,
  input: RegisterScalableTargetInput,
): Record<string, unknown> {
  const { clusterName, serviceName } = parseResourceId(input.ResourceId);
  const service = ctx.services.get(serviceName);
  if (!service || service.clusterName !== clusterName || service.status !== 'ACTIVE')
    throw new AwsError('ValidationException', `ECS service doesn't exist: ${input.ResourceId}`);
  let target = targetOf(ctx, input.ResourceId);
  if (!target) {
    if (input.MinCapacity === undefined || input.MaxCapacity === undefined)
      throw new AwsError(
        'ValidationException',
        'MinCapacity and MaxCapacity are required for registering a new scalable target',
      );
    target = {
      resourceId: input.ResourceId,
      clusterName,
      serviceName,
      min: input.MinCapacity,
      max: input.MaxCapacity,
      suspended: { in: false, out: false, scheduled: false },
      activities: [],
      createdAtMs: ctx.nowMs,
    };
    checkBounds(target.min, target.max);
    autoscalingOf(ctx).targets.push(target);
  } else {
    checkBounds(input.MinCapacity ?? target.min, input.MaxCapacity ?? target.max);
    target.min = input.MinCapacity ?? target.min;
    target.max = input.MaxCapacity ?? target.max;
  }
  const s = input.SuspendedState;
  if (s) {
    target.suspended = {
      in: s.DynamicScalingInSuspended ?? target.suspended.in,
      out: s.DynamicScalingOutSuspended ?? target.suspended.out,
      scheduled: s.ScheduledScalingSuspended ?? target.suspended.scheduled,
    };
  }
  enforceBounds(ctx, target, 'bounds');
  ctx.out.dirtyServices.add(serviceName);
  return {
    ScalableTargetARN: `arn:aws:application-autoscaling:${ctx.region}:${ctx.account}:scalable-target/${target.resourceId.replace(/\//g, '-')}`,
  };
}

function checkBounds(min: number, max: number): void {
  if (min > max)
    throw new AwsError(
      'ValidationException',
      'Minimum capacity cannot be greater than maximum capacity',
    );
}

/** A desired count outside [min, max] moves to the bound it crossed. */
export function enforceBounds(ctx: EngineContext, target: ScalableTargetState, by: string): void {
  const service = ctx.services.get(target.serviceName);
  if (!service) return;
  if (service.desiredCount < target.min)
    scaleTo(ctx, target, target.min, `minimum capacity was set to ${target.min}`, by);
  else if (service.desiredCount > target.max)
    scaleTo(ctx, target, target.max, `maximum capacity was set to ${target.max}`, by);
}

/** DescribeScalableTargets' ScalableTargets. */
export function describeScalableTarget(target: ScalableTargetState): Record<string, unknown> {
  return {
    ServiceNamespace: 'ecs',
    ResourceId: target.resourceId,
    ScalableDimension: 'ecs:service:DesiredCount',
    MinCapacity: target.min,
    MaxCapacity: target.max,
    SuspendedState: {
      DynamicScalingInSuspended: target.suspended.in,
      DynamicScalingOutSuspended: target.suspended.out,
      ScheduledScalingSuspended: target.suspended.scheduled,
    },
  };
}
