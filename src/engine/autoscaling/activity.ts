import { setServiceDesiredCount } from '../commands/update-service';
import { type EngineContext, isoAt } from '../context';
import { stableHex } from '../ids';
import { serviceEvent } from '../output/service-events';
import { autoscalingOf, type ScalableTargetState, type ScalingActivity } from './state';

/** Application Auto Scaling keeps six weeks of activities; Berth keeps the last 100 per target. */
const ACTIVITIES_KEPT = 100;

/** A UUID-shaped id, stable for the run: no draw, so scaling shifts no other id. */
function activityId(resourceId: string, seq: number): string {
  const h = stableHex(`${resourceId}#${seq}`, 32);
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-a${h.slice(17, 20)}-${h.slice(20)}`;
}

/**
 * Set the service's desired count as Application Auto Scaling does, through UpdateService
 * (§12), and log the activity in its words: `Setting desired count to 4.`, the cause, and
 * `Successfully set desired count to 4. Change successfully fulfilled by ecs.`.
 * Model: the activity takes no time (StartTime = EndTime); the service event is Berth's
 * wording, since ECS's console shows scaling activities apart from service events.
 */
export function scaleTo(
  ctx: EngineContext,
  target: ScalableTargetState,
  to: number,
  cause: string,
  by: string,
): ScalingActivity | undefined {
  const service = ctx.services.get(target.serviceName);
  if (!service || service.desiredCount === to) return undefined;
  const from = service.desiredCount;
  setServiceDesiredCount(ctx, service, to);
  const state = autoscalingOf(ctx);
  state.activitySeq++;
  const activity: ScalingActivity = {
    activityId: activityId(target.resourceId, state.activitySeq),
    description: `Setting desired count to ${to}.`,
    cause,
    atMs: ctx.nowMs,
    statusCode: 'Successful',
    statusMessage: `Successfully set desired count to ${to}. Change successfully fulfilled by ecs.`,
    from,
    to,
    by,
  };
  target.activities.push(activity);
  if (target.activities.length > ACTIVITIES_KEPT) target.activities.shift();
  serviceEvent(
    ctx,
    service,
    `(service ${service.serviceName}) Application Auto Scaling set the desired count from ${from} to ${to}: ${cause}.`,
  );
  return activity;
}

/** An activity that changes the bounds only (a scheduled action's): `Setting min capacity to 4.` */
export function logBoundsActivity(
  ctx: EngineContext,
  target: ScalableTargetState,
  change: string,
  cause: string,
  by: string,
): void {
  const service = ctx.services.get(target.serviceName);
  const desired = service?.desiredCount ?? 0;
  const state = autoscalingOf(ctx);
  state.activitySeq++;
  target.activities.push({
    activityId: activityId(target.resourceId, state.activitySeq),
    description: `Setting ${change}.`,
    cause,
    atMs: ctx.nowMs,
    statusCode: 'Successful',
    statusMessage: `Successfully set ${change}. Change successfully fulfilled by ecs.`,
    from: desired,
    to: desired,
    by,
  });
  if (target.activities.length > ACTIVITIES_KEPT) target.activities.shift();
  if (service) ctx.out.dirtyServices.add(service.serviceName);
}

/** DescribeScalingActivities' ScalingActivities, newest first, as the CLI prints them. */
export function describeScalingActivities(
  ctx: EngineContext,
  target: ScalableTargetState,
): Record<string, unknown>[] {
  return [...target.activities].reverse().map((a) => ({
    ActivityId: a.activityId,
    ServiceNamespace: 'ecs',
    ResourceId: target.resourceId,
    ScalableDimension: 'ecs:service:DesiredCount',
    Description: a.description,
    Cause: a.cause,
    StartTime: isoAt(ctx, a.atMs),
    EndTime: isoAt(ctx, a.atMs),
    StatusCode: a.statusCode,
    StatusMessage: a.statusMessage,
  }));
}
