import type { EngineContext } from '../context';
import type { ServiceState } from '../model/types';
import { emitServiceAction } from '../output/events';
import { serviceEvent } from '../output/service-events';
import type { PlacementDecision, PlacementTrace } from '../placement';

type Failure = NonNullable<PlacementDecision['failure']>;

/**
 * Say once that a task cannot be placed, in the console's words (ecs-behavior §4.6);
 * the console hides repeats until the problem is resolved, and so do we.
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
  const detail =
    instanceCount === 0
      ? ' Reason: No Container Instances were found in your cluster.'
      : failure.closestMatch
        ? ` ${failure.closestMatch}`
        : '';
  const message = `${head}${detail}`;
  const summary =
    instanceCount === 0 ? '0/0 instances: no container instances in the cluster' : failure.summary;
  if (service.placementFailure === summary) return;
  service.placementFailure = summary;
  ctx.out.dirtyServices.add(service.serviceName);
  serviceEvent(ctx, service, message);
  emitServiceAction(ctx, service, 'SERVICE_TASK_PLACEMENT_FAILURE', {
    reason: failure.reason,
    containerInstanceArns: [],
  });
}
