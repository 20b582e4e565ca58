import type { EngineContext } from '../context';
import { stopTask } from '../lifecycle/transitions';
import type { DeploymentState, ServiceState, TaskState } from '../model/types';
import { emitDeploymentStateChange, emitServiceAction } from '../output/events';
import { serviceEvent } from '../output/service-events';
import { requestReconcile } from '../scheduler/request';
import { routeTestTraffic, routeTraffic } from './blue-green';
import { circuitBreakerThreshold } from './bounds';
import {
  deploymentOf,
  failDeployment,
  primaryOf,
  type RollbackCause,
  rollbackReason,
  startDeployment,
} from './deployments';

/** What a service's deployments and start throttle learn from its tasks' lives. */

function serviceOfTask(ctx: EngineContext, task: TaskState): ServiceState | undefined {
  return task.serviceName === undefined ? undefined : ctx.services.get(task.serviceName);
}

/** Model (§7.3 publishes no curve): after 3 failed starts in a row, 15 s, doubling, at most 15 min. */
export const START_THROTTLE_AFTER = 3;
export const START_THROTTLE_FIRST_MS = 15_000;
export const START_THROTTLE_MAX_MS = 15 * 60_000;

export function startThrottleMs(failuresInARow: number): number {
  if (failuresInARow < START_THROTTLE_AFTER) return 0;
  return Math.min(
    START_THROTTLE_MAX_MS,
    START_THROTTLE_FIRST_MS * 2 ** (failuresInARow - START_THROTTLE_AFTER),
  );
}

export function onTaskRunning(ctx: EngineContext, task: TaskState): void {
  const service = serviceOfTask(ctx, task);
  if (!service) return;
  const deployment = deploymentOf(service, task);
  if (deployment && !deployment.reachedRunning) deployment.reachedRunning = true;
  // Tasks that reach RUNNING, even to die later, are not what the throttle is for (§7.3).
  service.startFailures = 0;
  delete service.launchHoldUntilMs;
}

export function onTaskHealthSettled(
  ctx: EngineContext,
  task: TaskState,
  to: 'HEALTHY' | 'UNHEALTHY',
): void {
  const service = serviceOfTask(ctx, task);
  if (!service) return;
  const deployment = deploymentOf(service, task);
  // resetOnHealthyTask, true by default: a healthy task clears the failure count (§9.1);
  // healthy as the scheduler counts it, its targets included (§2.2).
  if (task.countedHealthy === true && deployment && deployment.failedTasks > 0) {
    deployment.failedTasks = 0;
    ctx.out.dirtyServices.add(service.serviceName);
  }
  requestReconcile(ctx, service.serviceName);
  const graceEndsMs =
    (task.startedAtMs ?? ctx.nowMs) + service.healthCheckGracePeriodSeconds * 1000;
  // Inside the grace period the scheduler ignores it; it looks again when the period ends.
  if (to === 'UNHEALTHY' && graceEndsMs > ctx.nowMs) {
    requestReconcile(ctx, service.serviceName, graceEndsMs);
  }
}

function countFailure(ctx: EngineContext, service: ServiceState, task: TaskState): void {
  const deployment = deploymentOf(service, task);
  if (
    !service.deploymentCircuitBreaker.enable ||
    !deployment ||
    deployment !== primaryOf(service) ||
    deployment.rolloutState !== 'IN_PROGRESS'
  ) {
    return;
  }
  // Stage 1: tasks that never reach RUNNING, until one does; stage 2: failed health checks,
  // counted when the scheduler stops the task for them (countHealthCheckFailure).
  const failedToStart = task.stopCode === 'TaskFailedToStart' && task.startedAtMs === undefined;
  if (deployment.reachedRunning || !failedToStart) return;
  failOne(ctx, service, deployment);
}

/** The scheduler stops a task for a failed health check: stage 2 counts it then (§9.1). */
export function countHealthCheckFailure(
  ctx: EngineContext,
  service: ServiceState,
  task: TaskState,
): void {
  const deployment = deploymentOf(service, task);
  if (
    !service.deploymentCircuitBreaker.enable ||
    !deployment ||
    deployment !== primaryOf(service) ||
    deployment.rolloutState !== 'IN_PROGRESS' ||
    !deployment.reachedRunning
  ) {
    return;
  }
  failOne(ctx, service, deployment);
}

function failOne(ctx: EngineContext, service: ServiceState, deployment: DeploymentState): void {
  deployment.failedTasks++;
  deployment.updatedAtMs = ctx.nowMs;
  ctx.out.dirtyServices.add(service.serviceName);
  if (deployment.failedTasks < circuitBreakerThreshold(service.desiredCount)) return;
  // The first reason is ECS's own (§16); Model: the second is Berth's, in its form.
  const reason = deployment.reachedRunning
    ? 'ECS deployment circuit breaker: tasks failed health checks.'
    : 'ECS deployment circuit breaker: task failed to start.';
  failDeployment(ctx, service, deployment, reason);
  if (service.deploymentCircuitBreaker.rollback) rollBack(ctx, service, deployment);
}

/**
 * A FAILED deployment rolls back: to the last COMPLETED deployment, or for blue/green
 * traffic back to blue (§9.1, §9.2, §11).
 */
export function rollBack(
  ctx: EngineContext,
  service: ServiceState,
  deployment: DeploymentState,
  cause: RollbackCause = 'circuit breaker',
): void {
  if (deployment.strategy !== 'ROLLING') {
    rollBackBlueGreen(ctx, service, deployment, cause);
    return;
  }
  const target = service.lastCompleted;
  // Model: a rollback that fails too stays FAILED rather than rolling back again.
  if (!target || deployment.rollbackOf) return;
  const td = ctx.taskDefinitions.find((t) => t.arn === target.taskDefinitionArn);
  if (!td || target.id === deployment.id) return;
  startDeployment(ctx, service, td, deployment, undefined, cause);
  requestReconcile(ctx, service.serviceName);
}

/**
 * A failed blue/green deployment rolls back by moving production traffic back to blue
 * and scaling green down; blue, which never stopped serving, is PRIMARY again (§11).
 * Model: the rollback is a return to the blue deployment, not a new one.
 */
function rollBackBlueGreen(
  ctx: EngineContext,
  service: ServiceState,
  green: DeploymentState,
  cause: RollbackCause,
): void {
  const blue = service.deployments.find((d) => d !== green && d.targetSide !== green.targetSide);
  if (!blue) return;
  routeTraffic(ctx, service, green, 0);
  routeTestTraffic(ctx, service, blue.targetSide);
  for (const task of ctx.serviceTasks.get(service.serviceName) ?? []) {
    if (task.startedBy === green.id && task.desiredStatus !== 'STOPPED')
      stopTask(ctx, task, 'ServiceSchedulerInitiated', `Rolling back to deployment ${blue.id}`);
  }
  green.status = 'ACTIVE';
  delete green.stage;
  blue.status = 'PRIMARY';
  blue.rolloutState = 'IN_PROGRESS';
  blue.rolloutStateReason = rollbackReason(cause, blue.id);
  blue.updatedAtMs = ctx.nowMs;
  // It completes again, and says so, once green is gone.
  delete blue.createdWithService;
  service.deployments = [blue, ...service.deployments.filter((d) => d !== blue)];
  const td = ctx.taskDefinitions.find((t) => t.arn === blue.taskDefinitionArn);
  if (td) service.taskDefinition = td;
  service.deploymentId = blue.id;
  ctx.out.dirtyServices.add(service.serviceName);
  emitDeploymentStateChange(
    ctx,
    service,
    'SERVICE_DEPLOYMENT_IN_PROGRESS',
    blue.id,
    blue.rolloutStateReason,
  );
  requestReconcile(ctx, service.serviceName);
}

function countStartFailure(ctx: EngineContext, service: ServiceState, task: TaskState): void {
  if (task.stopCode !== 'TaskFailedToStart' || task.startedAtMs !== undefined) return;
  service.startFailures++;
  const holdMs = startThrottleMs(service.startFailures);
  if (holdMs === 0) return;
  service.launchHoldUntilMs = ctx.nowMs + holdMs;
  requestReconcile(ctx, service.serviceName, service.launchHoldUntilMs);
  if (service.startFailures === START_THROTTLE_AFTER) {
    serviceEvent(
      ctx,
      service,
      `service ${service.serviceName} is unable to consistently start tasks successfully.`,
    );
    emitServiceAction(ctx, service, 'SERVICE_TASK_START_IMPAIRED');
  }
}

export function onTaskStopped(ctx: EngineContext, task: TaskState): void {
  const service = serviceOfTask(ctx, task);
  if (!service) return;
  countStartFailure(ctx, service, task);
  countFailure(ctx, service, task);
}
