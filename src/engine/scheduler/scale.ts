import { isFargateProvider } from '../capacity/compile';
import { fargateZoneCounts, launchFargate } from '../capacity/fargate';
import { instanceFilter, providerCounts, serviceRoute } from '../capacity/route';
import { unplacedToStop } from '../capacity/scale-in';
import { splitTasks } from '../capacity/strategy';
import { setTaskCapacity } from '../capacity/tasks';
import { waitForCapacity } from '../capacity/waiting';
import type { EngineContext } from '../context';
import { stopTask } from '../lifecycle/transitions';
import type { ServiceState, TaskState } from '../model/types';
import { serviceEvent, taskList } from '../output/service-events';
import { type CandidateInstance, chooseTasksToStop } from '../placement';
import { candidatePool } from './candidates';
import { clearPlacementFailure, recordPlacementFailure } from './failure';
import {
  launchBatch,
  type PlacementFailed,
  placementRequest,
  serviceLaunchRequest,
} from './launch';
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

/**
 * Start `missing` tasks where the service runs (capacity/route.ts): on the cluster's EC2
 * (or external) instances by placement, on Fargate, or split by its capacity provider
 * strategy (§13.1); a provider's task with no room waits in PROVISIONING for capacity.
 */
export function scaleOut(ctx: EngineContext, service: ServiceState, missing: number): void {
  const route = serviceRoute(ctx, service);
  const req = serviceLaunchRequest(service);
  const own = serviceTasks(ctx, service.serviceName);
  const started: TaskState[] = [];
  let failure: PlacementFailed | undefined;
  let instanceCount = 0;
  if (route.kind === 'launchType' && route.launchType === 'FARGATE') {
    started.push(...launchFargate(ctx, req, missing, undefined, fargateZoneCounts(ctx, own)));
  } else if (route.kind === 'launchType') {
    const pool = candidatePool(ctx, service.clusterName, instanceFilter(ctx, route));
    instanceCount = pool.candidates.length;
    if (waitForLaunchType(ctx, service, instanceCount)) return;
    const batch = launchBatch(ctx, pool, req, missing, (task) =>
      setTaskCapacity(ctx, task, { launchType: route.launchType }),
    );
    started.push(...batch.tasks);
    failure = batch.failure;
  } else {
    const zones = fargateZoneCounts(ctx, own);
    const plan = splitTasks(route.items, providerCounts(ctx, own), missing);
    for (const provider of [...new Set(plan)]) {
      const n = plan.filter((p) => p === provider).length;
      if (provider === 'FARGATE' || provider === 'FARGATE_SPOT') {
        started.push(...launchFargate(ctx, req, n, provider, zones));
        continue;
      }
      if (isFargateProvider(provider)) continue;
      const pool = candidatePool(ctx, service.clusterName, instanceFilter(ctx, { provider }));
      const batch =
        pool.candidates.length === 0
          ? { tasks: [] }
          : launchBatch(ctx, pool, req, n, (task) =>
              setTaskCapacity(ctx, task, { launchType: 'EC2', capacityProviderName: provider }),
            );
      started.push(...batch.tasks);
      started.push(...waitForCapacity(ctx, req, n - batch.tasks.length, provider));
    }
  }
  // What did not fit waits; the next change in the cluster retries it.
  if (failure) {
    recordPlacementFailure(ctx, service, failure.failure, instanceCount, failure.trace);
  } else {
    clearPlacementFailure(ctx, service);
  }
  if (started.length > 0) {
    serviceEvent(
      ctx,
      service,
      `(service ${service.serviceName}) has started ${started.length} tasks: ${taskList(started.map((t) => t.taskId))}.`,
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
  const byArn = new Map(live.map((t) => [t.taskArn, t]));
  const request = placementRequest(serviceLaunchRequest(service));
  // The stopping tasks keep their place until STOPPED but no longer count for spread:
  // the indexed choice lowers its own counts between stops, at O(log n) a stop.
  const strategies = (
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
  // Tasks on no instance (Fargate, or waiting for capacity) go first, in their own
  // order (capacity/scale-in.ts); the placement strategies choose among the rest.
  const choose = (
    tasks: readonly TaskState[],
    candidates: readonly CandidateInstance[],
    count: number,
  ) => {
    const off = unplacedToStop(
      ctx,
      service,
      tasks.filter((t) => t.containerInstanceArn === undefined),
      count,
    );
    const on = tasks.filter((t) => t.containerInstanceArn !== undefined);
    return [...off, ...strategies(on, candidates, count - off.length)];
  };
  let chosen: string[];
  if (stopFirst === undefined) chosen = choose(live, pool.candidates, extra);
  else {
    const first = live.filter(stopFirst);
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
    const rest = live.filter((t) => !stopFirst(t));
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
