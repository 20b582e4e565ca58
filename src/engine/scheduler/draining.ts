import type { EngineContext } from '../context';
import { deploymentBounds } from '../deployment/bounds';
import { countsAsHealthy } from '../deployment/health';
import { stopTask } from '../lifecycle/transitions';
import type { ServiceState, TaskState } from '../model/types';
import { serviceEvent, taskList } from '../output/service-events';
import { clearPlacementFailure } from './failure';
import { liveTasks, scaleIn, scaleOut } from './scale';

function onDrainingInstance(ctx: EngineContext, task: TaskState): boolean {
  const host = task.containerInstanceArn ? ctx.instances.get(task.containerInstanceArn) : undefined;
  return host !== undefined && host.status === 'DRAINING';
}

/**
 * Replace the service's tasks on DRAINING instances within minimumHealthyPercent and
 * maximumPercent, as a deployment would (§7.4, §8.1). Pending tasks on a draining
 * instance stop at once. Then, in one pass: tasks elsewhere beyond desiredCount (it came
 * down while draining) scale in; drained RUNNING tasks beyond those that stand in for a
 * missing or not yet healthy task elsewhere stop, as a scale-in would; the rest stop
 * while the healthy count stays at or above ceil(desired x min / 100); and replacements
 * start while RUNNING + PENDING stays under floor(desired x max / 100), counted after
 * those stops. A replacement that is PENDING or not yet healthy (§2.2) is no reason to
 * stop a drained task: it counts toward maximumPercent, not toward minimumHealthyPercent.
 * Returns false when the service has nothing draining.
 */
export function reconcileDraining(ctx: EngineContext, service: ServiceState): boolean {
  const live = liveTasks(ctx, service);
  const draining = live.filter((t) => onDrainingInstance(ctx, t));
  // Nothing draining: the replica pass goes on, and it clears or keeps the deadlock note.
  if (draining.length === 0) return false;
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
  const desired = service.desiredCount;
  const { lower, upper } = deploymentBounds(
    desired,
    service.minimumHealthyPercent,
    service.maximumPercent,
  );
  const staying = live.filter((t) => !onDrainingInstance(ctx, t));
  // More than wanted outside the draining instances: a scale-in, as without draining.
  if (staying.length > desired) scaleIn(ctx, service, staying, staying.length - desired);
  const kept = staying.filter((t) => t.desiredStatus !== 'STOPPED');
  // A drained task stands in for a kept task that is missing or not yet healthy; any
  // more than that are surplus (desiredCount came down) and stop as a scale-in would.
  const keptHealthy = kept.filter((t) => countsAsHealthy(ctx, t)).length;
  let surplus = runningDrained.length - Math.max(0, desired - keptHealthy);
  // The healthy ones are worth keeping: the others stop first.
  const byValue = [...runningDrained].sort(
    (a, b) => Number(countsAsHealthy(ctx, a)) - Number(countsAsHealthy(ctx, b)),
  );
  let healthy = live.filter((t) => t.desiredStatus !== 'STOPPED' && countsAsHealthy(ctx, t)).length;
  let moved = false;
  for (const task of byValue) {
    const wasHealthy = countsAsHealthy(ctx, task);
    if (surplus <= 0 && healthy - (wasHealthy ? 1 : 0) < lower) continue;
    surplus--;
    if (wasHealthy) healthy--;
    stopTask(ctx, task, 'ServiceSchedulerInitiated', reason(task));
    stopped.push(task.taskId);
    moved = true;
  }
  const total = kept.length + runningDrained.filter((t) => t.desiredStatus !== 'STOPPED').length;
  // What is missing outright starts regardless; replacements only while under the upper bound.
  const toStart = Math.max(desired - total, Math.min(desired - kept.length, upper - total), 0);
  if (toStart > 0) {
    scaleOut(ctx, service, toStart);
    moved = true;
  } else if (kept.length >= desired) {
    // Every replacement is placed: nothing waits for a place any more.
    clearPlacementFailure(ctx, service);
  }
  // Replacements still on their way to healthy will let drained tasks stop: not stuck.
  const awaitingHealth = kept.some((t) => !countsAsHealthy(ctx, t));
  if (!moved && !awaitingHealth && !service.boundsBlocked) {
    service.boundsBlocked = true;
    serviceEvent(
      ctx,
      service,
      `service ${service.serviceName} was unable to stop or start tasks during a deployment because of the service deployment configuration. Update the minimumHealthyPercent or maximumPercent value and try again.`,
    );
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
