import type { EngineContext } from '../context';
import { stopTask } from '../lifecycle/transitions';
import type { ServiceState, TaskState } from '../model/types';
import { serviceEvent, taskList } from '../output/service-events';
import { type CandidateInstance, chooseTasksToStop } from '../placement';
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

/**
 * Stop `extra` of the `live` tasks, each chosen as the placement strategies choose for a
 * scale-in (§4.2). With `stopFirst`, the tasks it picks go before the others, the strategies
 * choosing within each kind; those chosen first no longer count for the second choice.
 */
export function scaleIn(
  ctx: EngineContext,
  service: ServiceState,
  live: TaskState[],
  extra: number,
  stopFirst?: (task: TaskState) => boolean,
): void {
  const pool = candidatePool(ctx, service.clusterName);
  const placed = live.filter((t) => t.containerInstanceArn !== undefined);
  const byArn = new Map(placed.map((t) => [t.taskArn, t]));
  const request = placementRequest(serviceLaunchRequest(service));
  // The stopping tasks keep their place until STOPPED but no longer count for spread:
  // the indexed choice lowers its own counts between stops, at O(log n) a stop.
  const choose = (
    tasks: readonly TaskState[],
    candidates: readonly CandidateInstance[],
    count: number,
  ) =>
    count <= 0 || tasks.length === 0
      ? []
      : chooseTasksToStop(
          tasks.map((t) => ({
            taskArn: t.taskArn,
            containerInstanceArn: t.containerInstanceArn ?? '',
          })),
          candidates,
          request,
          count,
          ctx.rng.scheduler,
        );
  let chosen: string[];
  if (stopFirst === undefined) chosen = choose(placed, pool.candidates, extra);
  else {
    const first = placed.filter(stopFirst);
    chosen = choose(first, pool.candidates, Math.min(extra, first.length));
    const gone = new Map<string, number>();
    for (const arn of chosen) {
      const at = byArn.get(arn)?.containerInstanceArn ?? '';
      gone.set(at, (gone.get(at) ?? 0) + 1);
    }
    const group = request.task.group;
    const after = pool.candidates.map((c) => {
      const n = gone.get(c.containerInstanceArn);
      if (n === undefined) return c;
      const counts = { ...c.taskGroupCounts, [group]: (c.taskGroupCounts[group] ?? n) - n };
      return { ...c, taskGroupCounts: counts };
    });
    const rest = placed.filter((t) => !stopFirst(t));
    chosen = [...chosen, ...choose(rest, after, extra - chosen.length)];
  }
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
