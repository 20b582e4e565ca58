import type { EngineContext } from '../context';
import { healthFailure } from '../elb/messages';
import { hasUnhealthyTarget } from '../elb/targets';
import { stopTask } from '../lifecycle/transitions';
import type { ServiceState, TaskState } from '../model/types';
import { serviceEvent, taskList } from '../output/service-events';
import { clearPlacementFailure } from '../scheduler/failure';
import { liveTasks, scaleIn, scaleOut } from '../scheduler/scale';
import { deploymentBounds } from './bounds';
import { primaryOf } from './deployments';
import { countsAsHealthy } from './health';
import { countHealthCheckFailure } from './task-hooks';

/**
 * Whether the service may launch tasks now: a FAILED deployment launches none (§8.2), and
 * a service whose tasks keep failing to start waits out its throttle (§7.3).
 */
export function mayLaunch(ctx: EngineContext, service: ServiceState): boolean {
  if (primaryOf(service).rolloutState === 'FAILED') return false;
  return service.launchHoldUntilMs === undefined || ctx.nowMs >= service.launchHoldUntilMs;
}

function unhealthyOutsideGrace(
  ctx: EngineContext,
  service: ServiceState,
  task: TaskState,
): boolean {
  if (task.healthStatus !== 'UNHEALTHY' && !hasUnhealthyTarget(task)) return false;
  const graceMs = service.healthCheckGracePeriodSeconds * 1000;
  return ctx.nowMs >= (task.startedAtMs ?? ctx.nowMs) + graceMs;
}

/** Tasks that give nothing to the lower bound yet: a scale-in during a deployment stops them first. */
const waiting = (ctx: EngineContext) => (task: TaskState) => !countsAsHealthy(ctx, task);

const BOUNDS_MESSAGE = (name: string) =>
  `service ${name} was unable to stop or start tasks during a deployment because of the service deployment configuration. Update the minimumHealthyPercent or maximumPercent value and try again.`;

/**
 * The REPLICA scheduler's pass. With one deployment and every task well, it keeps
 * desiredCount: start what is missing, scale in the extra. Otherwise it rolls: tasks of
 * older deployments and unhealthy tasks are replaced by tasks of the PRIMARY within
 * the bounds (§7.2, §8.1).
 *
 * Model (§8.1 leaves wave sizes open): each pass stops older tasks, those not healthy
 * first, while the healthy count stays at or above the lower bound (a task not yet
 * healthy stops only when the service is at or above it already), then starts PRIMARY
 * tasks while RUNNING + PENDING stays at or below the upper bound. Unhealthy tasks go
 * start-first: they stop once the service has its desired count healthy without them,
 * or, when the upper bound leaves no room for a replacement, one at a time.
 */
export function reconcileReplica(ctx: EngineContext, service: ServiceState): void {
  const primary = primaryOf(service);
  const desired = service.desiredCount;
  let live = liveTasks(ctx, service);
  const unhealthy = new Set(live.filter((t) => unhealthyOutsideGrace(ctx, service, t)));
  const older = live.filter((t) => t.startedBy !== primary.id);
  if (older.length === 0 && unhealthy.size === 0) {
    delete service.boundsBlocked;
    // Nothing left to place (say desiredCount came down to what fits): resolved.
    if (live.length >= desired) clearPlacementFailure(ctx, service);
    if (live.length < desired && mayLaunch(ctx, service))
      scaleOut(ctx, service, desired - live.length);
    else if (live.length > desired) {
      // While a deployment is in progress its lower bound holds (§8.1): tasks not yet
      // healthy stop first. Otherwise the strategies alone choose (§4.2).
      const inProgress = primary.rolloutState === 'IN_PROGRESS';
      scaleIn(ctx, service, live, live.length - desired, inProgress ? waiting(ctx) : undefined);
    }
    return;
  }

  const { lower, upper } = deploymentBounds(
    desired,
    service.minimumHealthyPercent,
    service.maximumPercent,
  );
  const isGood = (t: TaskState) => t.startedBy === primary.id && !unhealthy.has(t);
  // desiredCount came down during the deployment: the PRIMARY's extra tasks scale in,
  // those not yet healthy first, so the healthy count keeps to the lower bound (§8.1).
  const good = live.filter(isGood);
  if (good.length > desired) {
    scaleIn(ctx, service, good, good.length - desired, waiting(ctx));
  }
  live = live.filter((t) => t.desiredStatus !== 'STOPPED');

  const healthyNow = (t: TaskState) => !unhealthy.has(t) && countsAsHealthy(ctx, t);
  let healthy = live.filter(healthyNow).length;
  const stopped: string[] = [];
  const stop = (task: TaskState, reason: string) => {
    stopTask(ctx, task, 'ServiceSchedulerInitiated', reason);
    stopped.push(task.taskId);
  };

  // Older tasks, those that give nothing to the healthy count first.
  if (primary.rolloutState !== 'FAILED') {
    const retiring = live
      .filter((t) => t.startedBy !== primary.id && !unhealthy.has(t))
      .sort((a, b) => Number(healthyNow(a)) - Number(healthyNow(b)));
    for (const task of retiring) {
      const counts = healthyNow(task);
      // Even a task not yet healthy stays while the service is under its lower bound: it
      // is on its way to healthy, and what replaces it would start from nothing.
      if (healthy - (counts ? 1 : 0) < lower) break;
      if (counts) healthy--;
      stop(task, `Scaling activity initiated by (deployment ${primary.id})`);
    }
  }

  // Unhealthy tasks, start-first.
  const sick = live.filter((t) => unhealthy.has(t));
  const failedChecks: string[] = [];
  const healthFailures: TaskState[] = [];
  const stopSick = (task: TaskState) => {
    task.failedHealthCheck = true;
    healthFailures.push(task);
    const { message, stoppedReason } = healthFailure(ctx, service, task);
    stop(task, stoppedReason);
    failedChecks.push(message);
  };
  if (sick.length > 0 && healthy >= desired) {
    for (const task of sick) stopSick(task);
  }

  live = live.filter((t) => t.desiredStatus !== 'STOPPED');
  const goodNow = live.filter(isGood).length;
  const room = upper - live.length;
  const wanted = desired - goodNow;
  let started = 0;
  if (wanted > 0 && room > 0 && mayLaunch(ctx, service)) {
    started = Math.min(wanted, room);
    scaleOut(ctx, service, started);
  } else if (wanted <= 0) {
    clearPlacementFailure(ctx, service);
  }
  // A task not yet healthy, new or old, will move the bounds when it is: no deadlock yet.
  const onTheWay = live.some((t) => !unhealthy.has(t) && !countsAsHealthy(ctx, t));
  // No room for a replacement and none coming: an unhealthy task makes room, one at a time.
  const sickLeft = sick.filter((t) => t.desiredStatus !== 'STOPPED');
  const sickStopping = [...live, ...sick].some(
    (t) =>
      t.failedHealthCheck === true && t.desiredStatus === 'STOPPED' && t.lastStatus !== 'STOPPED',
  );
  if (started === 0 && !onTheWay && sickLeft.length > 0 && room <= 0 && !sickStopping) {
    const first = sickLeft[0];
    if (first) stopSick(first);
  }

  for (const message of failedChecks) serviceEvent(ctx, service, message);
  // After the pass: a breaker that trips may start a rollback, which changes the PRIMARY.
  for (const task of healthFailures) countHealthCheckFailure(ctx, service, task);
  if (stopped.length > 0) {
    serviceEvent(
      ctx,
      service,
      `(service ${service.serviceName}) has stopped ${stopped.length} running tasks: ${taskList(stopped)}.`,
    );
  }
  const moved = stopped.length > 0 || started > 0;
  // Not stuck while any task is on its way to healthy: an older one the lower bound keeps
  // lets one stop once it gets there, a new one lets an older one stop (§8.1).
  const awaitingHealth = live.some(
    (t) => t.desiredStatus !== 'STOPPED' && !unhealthy.has(t) && !countsAsHealthy(ctx, t),
  );
  if (moved || awaitingHealth || !mayLaunch(ctx, service)) {
    if (moved) delete service.boundsBlocked;
    return;
  }
  if (!service.boundsBlocked) {
    service.boundsBlocked = true;
    serviceEvent(ctx, service, BOUNDS_MESSAGE(service.serviceName));
  }
}
