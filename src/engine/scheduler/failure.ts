import type { EngineContext } from '../context';
import type { ServiceState } from '../model/types';
import { emitServiceAction } from '../output/events';
import { serviceEvent } from '../output/service-events';
import type { PlacementDecision, PlacementTrace } from '../placement';
import { requestReconcile } from './request';

type Failure = NonNullable<PlacementDecision['failure']>;

/** The console hides a repeated event until it is resolved or 6 hours pass (ecs-behavior §16). */
export const REPEAT_AFTER_MS = 6 * 3_600_000;

/**
 * Say that a task cannot be placed, in the console's words (ecs-behavior §4.6): the
 * same sentence once until resolved or 6 hours have passed; the summary the canvas
 * shows follows every change.
 */
export function recordPlacementFailure(
  ctx: EngineContext,
  service: ServiceState,
  failure: Failure,
  instanceCount: number,
  trace: PlacementTrace,
): void {
  service.failedPlacement = {
    atMs: ctx.nowMs,
    reason: failure.reason,
    ...(failure.closestMatch === undefined ? {} : { closestMatch: failure.closestMatch }),
    ...(failure.closestMatchArn === undefined ? {} : { closestMatchArn: failure.closestMatchArn }),
    trace,
  };
  const head = `service ${service.serviceName} was unable to place a task because no container instance met all of its requirements.`;
  // A failure that names its own sentence (a launch type Berth cannot place) says it
  // even in an empty cluster; placement names none when no instance came close.
  const detail = failure.closestMatch
    ? ` ${failure.closestMatch}`
    : instanceCount === 0
      ? ' Reason: No Container Instances were found in your cluster.'
      : '';
  const message = `${head}${detail}`;
  const summary =
    instanceCount === 0 && !failure.closestMatch
      ? '0/0 instances: no container instances in the cluster'
      : failure.summary;
  if (service.placementFailure !== summary) {
    service.placementFailure = summary;
    ctx.out.dirtyServices.add(service.serviceName);
  }
  const shown = service.placementFailureShown;
  if (shown && shown.message === message && ctx.nowMs - shown.atMs < REPEAT_AFTER_MS) return;
  service.placementFailureShown = { message, atMs: ctx.nowMs };
  // Nothing may change in the cluster for hours: look again when the console would repeat it.
  requestReconcile(ctx, service.serviceName, ctx.nowMs + REPEAT_AFTER_MS);
  serviceEvent(ctx, service, message);
  emitServiceAction(ctx, service, 'SERVICE_TASK_PLACEMENT_FAILURE', {
    reason: failure.reason,
    containerInstanceArns: [],
  });
}

/** The service has every task it wants placed: the failure is resolved. */
export function clearPlacementFailure(ctx: EngineContext, service: ServiceState): void {
  if (service.placementFailure === undefined && service.placementFailureShown === undefined) return;
  delete service.placementFailure;
  delete service.failedPlacement;
  delete service.placementFailureShown;
  ctx.out.dirtyServices.add(service.serviceName);
}
