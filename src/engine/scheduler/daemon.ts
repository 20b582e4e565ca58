import { instanceFilter, serviceRoute } from '../capacity/route';
import { setTaskCapacity } from '../capacity/tasks';
import type { EngineContext } from '../context';
import { deploymentBounds } from '../deployment/bounds';
import { primaryOf } from '../deployment/deployments';
import { countsAsHealthy } from '../deployment/health';
import { mayLaunch } from '../deployment/rolling';
import { setDesiredCount } from '../lifecycle/tallies';
import { stopTask } from '../lifecycle/transitions';
import type { InstanceState, ServiceState, TaskState } from '../model/types';
import { emitServiceAction } from '../output/events';
import { serviceEvent, taskList } from '../output/service-events';
import { checkInstance } from '../placement';
import { candidatePool } from './candidates';
import { clearPlacementFailure, recordPlacementFailure } from './failure';
import { launchTask, placementRequest, serviceLaunchRequest } from './launch';
import { waitForLaunchType } from './launch-type';
import { serviceTasks } from './scale';

function liveOn(ctx: EngineContext, instance: InstanceState): TaskState[] {
  const out: TaskState[] = [];
  for (const arn of instance.taskArns) {
    const task = ctx.tasks.get(arn);
    if (task && task.desiredStatus !== 'STOPPED') out.push(task);
  }
  return out;
}

function isDaemonTask(ctx: EngineContext, task: TaskState): boolean {
  return (
    task.serviceName !== undefined &&
    ctx.services.get(task.serviceName)?.schedulingStrategy === 'DAEMON'
  );
}

/**
 * DAEMON: one task on every ACTIVE instance that satisfies the constraints
 * (ecs-behavior §7.1). Daemon tasks are placed first (their services are scheduled
 * before the others in the same instant) and stopped last: on a DRAINING instance the
 * daemon task waits until every other service task there has gone. A task whose
 * instance stops matching the constraints is stopped with
 * SERVICE_DAEMON_PLACEMENT_CONSTRAINT_VIOLATED. Returns the desired count.
 */
export function reconcileDaemon(ctx: EngineContext, service: ServiceState): number {
  if (waitForLaunchType(ctx, service, 0)) return service.desiredCount;
  // An EC2 daemon runs on the cluster's EC2 instances, an EXTERNAL one on its external ones.
  const route = serviceRoute(ctx, service);
  const launchType = route.kind === 'launchType' ? route.launchType : 'EC2';
  const accept = instanceFilter(ctx, { launchType });
  const launch = serviceLaunchRequest(service);
  const request = placementRequest(launch);
  const started: string[] = [];
  const stopped: string[] = [];
  let desired = 0;
  let failed = false;
  let pool: ReturnType<typeof candidatePool> | undefined;
  // A new revision replaces the daemon's tasks instance by instance, stop first: a daemon's
  // maximumPercent is 100, so the healthy count may fall to minimumHealthyPercent (§7.1, §8.1).
  const primary = primaryOf(service);
  const { lower } = deploymentBounds(
    service.desiredCount,
    service.minimumHealthyPercent,
    service.maximumPercent,
  );
  let healthy = 0;
  for (const task of serviceTasks(ctx, service.serviceName)) {
    if (task.desiredStatus !== 'STOPPED' && countsAsHealthy(ctx, task)) healthy++;
  }
  for (const instance of ctx.instances.values()) {
    if (instance.clusterName !== service.clusterName || instance.status === 'INACTIVE') continue;
    const live = liveOn(ctx, instance);
    const own = live.filter((t) => t.serviceName === service.serviceName);
    if (instance.status === 'DRAINING') {
      const othersLeft = live.some((t) => !isDaemonTask(ctx, t) && t.serviceName !== undefined);
      if (own.length > 0 && othersLeft) desired++;
      if (othersLeft) continue;
      for (const task of own) {
        stopTask(
          ctx,
          task,
          'ServiceSchedulerInitiated',
          `Container instance ${instance.ec2InstanceId} is DRAINING`,
        );
        stopped.push(task.taskId);
      }
      continue;
    }
    pool ??= candidatePool(ctx, service.clusterName, accept);
    const candidate = pool.byArn.get(instance.containerInstanceArn);
    if (own.length > 0) {
      const violation = candidate ? checkInstance(request, candidate, 'memberOf') : undefined;
      if (violation) {
        for (const task of own) {
          stopTask(
            ctx,
            task,
            'ServiceSchedulerInitiated',
            `Placement constraint no longer met: ${violation.detail}`,
          );
          stopped.push(task.taskId);
        }
        emitServiceAction(ctx, service, 'SERVICE_DAEMON_PLACEMENT_CONSTRAINT_VIOLATED', {
          containerInstanceArns: [instance.containerInstanceArn],
        });
        continue;
      }
      desired++;
      const stale = own.filter((t) => t.startedBy !== primary.id);
      if (stale.length === 0 || primary.rolloutState === 'FAILED') continue;
      const counted = stale.filter((t) => countsAsHealthy(ctx, t)).length;
      if (counted > 0 && healthy - counted < lower) continue;
      healthy -= counted;
      for (const task of stale) {
        stopTask(
          ctx,
          task,
          'ServiceSchedulerInitiated',
          `Scaling activity initiated by (deployment ${primary.id})`,
        );
        stopped.push(task.taskId);
      }
      continue;
    }
    if (!candidate) continue;
    // A FAILED deployment launches nothing (§8.2); failing starts wait out the throttle (§7.3).
    if (!mayLaunch(ctx, service)) {
      desired++;
      continue;
    }
    const result = launchTask(
      ctx,
      { candidates: [candidate], byArn: new Map([[candidate.containerInstanceArn, candidate]]) },
      launch,
      (task) => setTaskCapacity(ctx, task, { launchType }),
    );
    if (result.ok) {
      desired++;
      started.push(result.task.taskId);
      pool = undefined; // the instance changed; rebuild the view for the next one
    } else if (result.failure.reason !== 'ATTRIBUTE') {
      // The instance qualifies but is full: the daemon task is owed, and missing.
      desired++;
      failed = true;
      recordPlacementFailure(ctx, service, result.failure, 1, result.trace);
    }
  }
  if (!failed) clearPlacementFailure(ctx, service);
  if (service.desiredCount !== desired) {
    setDesiredCount(ctx, service, desired);
    ctx.out.dirtyServices.add(service.serviceName);
    // A scheduler-computed change, unlike a user's UpdateService (ecs-behavior §16).
    emitServiceAction(ctx, service, 'SERVICE_DESIRED_COUNT_UPDATED');
  }
  if (started.length > 0) {
    serviceEvent(
      ctx,
      service,
      `(service ${service.serviceName}) has started ${started.length} tasks: ${taskList(started)}.`,
    );
  }
  if (stopped.length > 0) {
    serviceEvent(
      ctx,
      service,
      `(service ${service.serviceName}) has stopped ${stopped.length} running tasks: ${taskList(stopped)}.`,
    );
  }
  return desired;
}
