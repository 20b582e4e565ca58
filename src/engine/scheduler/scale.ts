import type { EngineContext } from '../context';
import { stopTask } from '../lifecycle/transitions';
import type { ServiceState, TaskState } from '../model/types';
import { serviceEvent, taskList } from '../output/service-events';
import { chooseTasksToStop } from '../placement';
import { candidatePool } from './candidates';
import { clearPlacementFailure, recordPlacementFailure } from './failure';
import { launchBatch, placementRequest, serviceLaunchRequest } from './launch';
import { waitForLaunchType } from './launch-type';

/** Starting and stopping a service's tasks: what reconcile and draining both do. */

const NONE: ReadonlySet<TaskState> = new Set();

export function serviceTasks(ctx: EngineContext, serviceName: string): ReadonlySet<TaskState> {
  return ctx.serviceTasks.get(serviceName) ?? NONE;
}

/** Tasks of the service the scheduler still wants running. */
export function liveTasks(ctx: EngineContext, service: ServiceState): TaskState[] {
  const out: TaskState[] = [];
  for (const task of serviceTasks(ctx, service.serviceName)) {
    if (task.desiredStatus !== 'STOPPED') out.push(task);
  }
  return out;
}

export function scaleOut(ctx: EngineContext, service: ServiceState, missing: number): void {
  const pool = candidatePool(ctx, service.clusterName);
  if (waitForLaunchType(ctx, service, pool.candidates.length)) return;
  const { tasks, failure } = launchBatch(ctx, pool, serviceLaunchRequest(service), missing);
  // What did not fit waits; the next change in the cluster retries it.
  if (failure) {
    recordPlacementFailure(ctx, service, failure.failure, pool.candidates.length, failure.trace);
  } else {
    clearPlacementFailure(ctx, service);
  }
  const started = tasks.map((t) => t.taskId);
  if (started.length > 0) {
    serviceEvent(
      ctx,
      service,
      `(service ${service.serviceName}) has started ${started.length} tasks: ${taskList(started)}.`,
    );
  }
}

export function scaleIn(
  ctx: EngineContext,
  service: ServiceState,
  live: TaskState[],
  extra: number,
): void {
  const pool = candidatePool(ctx, service.clusterName);
  const placed = live.filter((t) => t.containerInstanceArn !== undefined);
  const byArn = new Map(placed.map((t) => [t.taskArn, t]));
  // The stopping tasks keep their place until STOPPED but no longer count for spread:
  // the indexed choice lowers its own counts between stops, at O(log n) a stop.
  const chosen = chooseTasksToStop(
    placed.map((t) => ({ taskArn: t.taskArn, containerInstanceArn: t.containerInstanceArn ?? '' })),
    pool.candidates,
    placementRequest(serviceLaunchRequest(service)),
    extra,
    ctx.rng.scheduler,
  );
  const stopped: string[] = [];
  for (const arn of chosen) {
    const task = byArn.get(arn);
    if (!task) continue;
    stopTask(
      ctx,
      task,
      'ServiceSchedulerInitiated',
      `Scaling activity initiated by (deployment ${service.deploymentId})`,
    );
    stopped.push(task.taskId);
  }
  if (stopped.length > 0) {
    serviceEvent(
      ctx,
      service,
      `(service ${service.serviceName}) has stopped ${stopped.length} running tasks: ${taskList(stopped)}.`,
    );
  }
}
