import type { EngineContext } from '../context';
import { stopTask } from '../lifecycle/transitions';
import type { ServiceState, TaskState } from '../model/types';
import { serviceEvent, taskList } from '../output/service-events';
import { liveTasks, scaleIn, scaleOut } from './scale';

/** §2.2: with no load balancer and no health check, a task counts as healthy after 40 s RUNNING. */
export const HEALTHY_AFTER_RUNNING_MS = 40_000;

export function isHealthy(ctx: EngineContext, task: TaskState): boolean {
  return (
    task.lastStatus === 'RUNNING' &&
    ctx.nowMs - (task.startedAtMs ?? ctx.nowMs) >= HEALTHY_AFTER_RUNNING_MS
  );
}

function onDrainingInstance(ctx: EngineContext, task: TaskState): boolean {
  const host = task.containerInstanceArn ? ctx.instances.get(task.containerInstanceArn) : undefined;
  return host !== undefined && host.status === 'DRAINING';
}

/**
 * Replace the service's tasks on DRAINING instances within minimumHealthyPercent and
 * maximumPercent, as a deployment would (§7.4, §8.1): start replacements while
 * RUNNING + PENDING stays under floor(desired x max / 100), stop drained tasks while
 * the healthy count stays at or above ceil(desired x min / 100). Pending tasks on a
 * draining instance stop at once. Returns false when the service has nothing draining.
 */
export function reconcileDraining(ctx: EngineContext, service: ServiceState): boolean {
  const live = liveTasks(ctx, service);
  const draining = live.filter((t) => onDrainingInstance(ctx, t));
  if (draining.length === 0) {
    delete service.boundsBlocked;
    return false;
  }
  const reason = (t: TaskState) =>
    `Container instance ${ctx.instances.get(t.containerInstanceArn ?? '')?.ec2InstanceId ?? ''} is DRAINING`;
  const stopped: string[] = [];
  for (const task of draining) {
    if (task.lastStatus === 'RUNNING') continue;
    stopTask(ctx, task, 'ServiceSchedulerInitiated', reason(task));
    stopped.push(task.taskId);
  }
  const runningDrained = draining.filter(
    (t) => t.lastStatus === 'RUNNING' && t.desiredStatus !== 'STOPPED',
  );
  const staying = live.filter((t) => !onDrainingInstance(ctx, t));
  const desired = service.desiredCount;
  const total = staying.length + runningDrained.length;
  if (total > desired) {
    // More than wanted anyway: the drained tasks are the ones to go.
    const extra = runningDrained.slice(0, total - desired);
    for (const task of extra) {
      stopTask(ctx, task, 'ServiceSchedulerInitiated', reason(task));
      stopped.push(task.taskId);
    }
    if (total - extra.length > desired)
      scaleIn(ctx, service, staying, total - extra.length - desired);
  } else {
    const upper = Math.floor((desired * service.maximumPercent) / 100);
    const lower = Math.ceil((desired * service.minimumHealthyPercent) / 100);
    // What is missing outright starts regardless; replacements only while under the upper bound.
    const toStart = Math.max(desired - total, Math.min(desired - staying.length, upper - total), 0);
    if (toStart > 0) scaleOut(ctx, service, toStart);
    let healthy = live.filter((t) => t.desiredStatus !== 'STOPPED' && isHealthy(ctx, t)).length;
    let blocked = toStart === 0;
    for (const task of runningDrained) {
      if (healthy - (isHealthy(ctx, task) ? 1 : 0) < lower) continue;
      if (isHealthy(ctx, task)) healthy--;
      stopTask(ctx, task, 'ServiceSchedulerInitiated', reason(task));
      stopped.push(task.taskId);
      blocked = false;
    }
    const pendingReplacements = staying.some((t) => t.lastStatus !== 'RUNNING') || toStart > 0;
    if (blocked && !pendingReplacements && !service.boundsBlocked) {
      service.boundsBlocked = true;
      serviceEvent(
        ctx,
        service,
        `service ${service.serviceName} was unable to stop or start tasks during a deployment because of the service deployment configuration. Update the minimumHealthyPercent or maximumPercent value and try again.`,
      );
    }
  }
  if (stopped.length > 0) {
    serviceEvent(
      ctx,
      service,
      `(service ${service.serviceName}) has stopped ${stopped.length} running tasks: ${taskList(stopped)}.`,
    );
  }
  return true;
}
