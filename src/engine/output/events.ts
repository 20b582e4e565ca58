import type { EcsEvent } from '../api';
import { type EngineContext, isoAt } from '../context';
import { arns, uuid } from '../ids';
import type { InstanceState, ServiceState, TaskState } from '../model/types';
import { describeContainerInstance } from './describe-instance';
import { describeTask } from './describe-task';

function envelope(
  ctx: EngineContext,
  detailType: EcsEvent['detail-type'],
  resources: string[],
  detail: Record<string, unknown>,
): EcsEvent {
  return {
    version: '0',
    id: uuid(ctx.rng.ids),
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
    eventName.endsWith('FAILURE') || eventName.endsWith('VIOLATED') ? 'ERROR' : 'INFO';
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
