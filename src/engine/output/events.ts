import type { EcsEvent } from '../api';
import { type EngineContext, isoAt } from '../context';
import { arns, uuid } from '../ids';
import type { Rng } from '../kernel';
import type { InstanceState, ServiceState, TaskState } from '../model/types';
import { describeContainerInstance } from './describe-instance';
import { describeTask } from './describe-task';

function envelope(
  ctx: EngineContext,
  detailType: EcsEvent['detail-type'],
  resources: string[],
  detail: Record<string, unknown>,
  ids: Rng = ctx.rng.ids,
): EcsEvent {
  return {
    version: '0',
    id: uuid(ids),
    'detail-type': detailType,
    source: 'aws.ecs',
    account: ctx.account,
    time: isoAt(ctx, ctx.nowMs),
    region: ctx.region,
    resources,
    detail,
  };
}

export function emitTaskStateChange(ctx: EngineContext, task: TaskState): void {
  const detail = describeTask(ctx, task);
  detail.updatedAt = isoAt(ctx, ctx.nowMs);
  ctx.out.events.push(envelope(ctx, 'ECS Task State Change', [task.taskArn], detail));
}

export function emitInstanceStateChange(ctx: EngineContext, instance: InstanceState): void {
  const detail = describeContainerInstance(ctx, instance);
  detail.updatedAt = isoAt(ctx, ctx.nowMs);
  ctx.out.events.push(
    envelope(ctx, 'ECS Container Instance State Change', [instance.containerInstanceArn], detail),
  );
}

/** `ECS Service Action`: INFO/WARN/ERROR by event name (ecs-behavior §16). */
export function emitServiceAction(
  ctx: EngineContext,
  service: ServiceState,
  eventName: string,
  extra: Record<string, unknown> = {},
): void {
  const eventType =
    eventName.endsWith('FAILURE') || eventName.endsWith('VIOLATED')
      ? 'ERROR'
      : eventName === 'SERVICE_TASK_START_IMPAIRED' ||
          eventName === 'SERVICE_DISCOVERY_INSTANCE_UNHEALTHY'
        ? 'WARN'
        : 'INFO';
  ctx.out.events.push(
    envelope(ctx, 'ECS Service Action', [service.serviceArn], {
      eventType,
      eventName,
      clusterArn: arns.cluster(ctx, service.clusterName),
      createdAt: isoAt(ctx, ctx.nowMs),
      ...extra,
    }),
  );
}

/**
 * `ECS Deployment State Change` (ecs-behavior §16): IN_PROGRESS and COMPLETED are INFO,
 * FAILED is ERROR. Its id comes from the deployments' own stream, so a deployment does
 * not shift the ids of the tasks around it.
 */
export function emitDeploymentStateChange(
  ctx: EngineContext,
  service: ServiceState,
  eventName:
    | 'SERVICE_DEPLOYMENT_IN_PROGRESS'
    | 'SERVICE_DEPLOYMENT_COMPLETED'
    | 'SERVICE_DEPLOYMENT_FAILED',
  deploymentId: string,
  reason: string,
): void {
  const event = envelope(
    ctx,
    'ECS Deployment State Change',
    [service.serviceArn],
    {
      eventType: eventName === 'SERVICE_DEPLOYMENT_FAILED' ? 'ERROR' : 'INFO',
      eventName,
      deploymentId,
      updatedAt: isoAt(ctx, ctx.nowMs),
      reason,
    },
    ctx.rng.deployments,
  );
  ctx.out.events.push(event);
}
