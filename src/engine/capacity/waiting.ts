import type { EngineContext } from '../context';
import { reserveTask } from '../lifecycle/resources';
import { provisioned } from '../lifecycle/transitions';
import type { TaskState } from '../model/types';
import { emitTaskStateChange } from '../output/events';
import { placeTask } from '../placement';
import { candidatePool, refreshCandidate } from '../scheduler/candidates';
import {
  type LaunchRequest,
  newTask,
  placementRequest,
  singlePlacement,
} from '../scheduler/launch';
import { instanceFilter } from './route';
import { setTaskCapacity } from './tasks';

/**
 * Tasks of an Auto Scaling group provider with no room wait in PROVISIONING (ecs-behavior
 * §1.1, §13.2) until capacity registers or frees, and are placed then, oldest first.
 * Model: they wait for as long as it takes (no PROVISIONING quota, no timeout).
 */

const keyOf = (req: Pick<LaunchRequest, 'serviceName' | 'clusterName'>) =>
  req.serviceName ?? `cluster:${req.clusterName}`;

/** `count` tasks of the request, waiting for the provider's capacity. */
export function waitForCapacity(
  ctx: EngineContext,
  req: LaunchRequest,
  count: number,
  provider: string,
): TaskState[] {
  const tasks: TaskState[] = [];
  const key = keyOf(req);
  for (let i = 0; i < count; i++) {
    const task = newTask(ctx, req, undefined, undefined, {});
    setTaskCapacity(ctx, task, {
      launchType: 'EC2',
      capacityProviderName: provider,
      ...(req.serviceName === undefined && {
        placement: {
          group: req.group,
          constraints: [...req.constraints],
          strategies: [...req.strategies],
        },
      }),
    });
    const list = ctx.capacity.waiting[key] ?? [];
    list.push(task.taskArn);
    ctx.capacity.waiting[key] = list;
    ctx.out.dirtyTasks.add(task.taskArn);
    if (task.serviceName !== undefined) ctx.out.dirtyServices.add(task.serviceName);
    emitTaskStateChange(ctx, task);
    tasks.push(task);
  }
  return tasks;
}

/** A task still waiting for capacity: PROVISIONING on no instance, of an Auto Scaling group provider. */
export function isWaiting(ctx: EngineContext, task: TaskState): boolean {
  const record = ctx.capacity.tasks[task.taskArn];
  return (
    task.containerInstanceArn === undefined &&
    record !== undefined &&
    record.launchType !== 'FARGATE' &&
    record.capacityProviderName !== undefined &&
    task.lastStatus === 'PROVISIONING'
  );
}

/** It no longer waits (stopped, or placed). */
export function dropWaiting(ctx: EngineContext, task: TaskState): void {
  const key = task.serviceName ?? `cluster:${task.clusterName}`;
  const list = ctx.capacity.waiting[key];
  if (!list) return;
  const at = list.indexOf(task.taskArn);
  if (at >= 0) list.splice(at, 1);
  if (list.length === 0) delete ctx.capacity.waiting[key];
}

/** Waiting tasks of a service or of a cluster's RunTask calls: how many. */
export function waitingCount(ctx: EngineContext, key: string): number {
  return ctx.capacity.waiting[key]?.length ?? 0;
}

/**
 * Place what waits under `key` where it fits now, oldest first, each through the
 * placement pipeline on its provider's instances. `requestOf` gives a service task's
 * request as the service asks now; a RunTask task keeps its own.
 */
export function placeWaiting(
  ctx: EngineContext,
  key: string,
  requestOf: (task: TaskState) => LaunchRequest,
): number {
  const list = ctx.capacity.waiting[key];
  if (!list || list.length === 0) return 0;
  let placed = 0;
  const pools = new Map<string, ReturnType<typeof candidatePool>>();
  for (const arn of [...list]) {
    const task = ctx.tasks.get(arn);
    const provider = ctx.capacity.tasks[arn]?.capacityProviderName;
    if (!task || provider === undefined || !isWaiting(ctx, task)) {
      if (task) dropWaiting(ctx, task);
      else if (list.includes(arn)) list.splice(list.indexOf(arn), 1);
      continue;
    }
    let pool = pools.get(provider);
    if (!pool) {
      pool = candidatePool(ctx, task.clusterName, instanceFilter(ctx, { provider }));
      pools.set(provider, pool);
    }
    if (pool.candidates.length === 0) continue;
    const request = placementRequest(requestOf(task));
    const rngState = ctx.rng.placement.getState();
    const decision = placeTask(request, pool.candidates, ctx.rng.placement);
    const instanceArn = decision.containerInstanceArn;
    const instance = instanceArn ? ctx.instances.get(instanceArn) : undefined;
    if (!instanceArn || !instance) continue;
    task.containerInstanceArn = instanceArn;
    task.hostPorts = (decision.hostPorts ?? []).map((p) => ({ ...p }));
    // The trace is rebuilt on demand (output/explain.ts), not stored.
    task.placementBatch = singlePlacement(ctx, request, pool.candidates, rngState);
    reserveTask(ctx, instance, task);
    refreshCandidate(ctx, pool, instanceArn);
    dropWaiting(ctx, task);
    provisioned(ctx, task);
    placed++;
  }
  if (list.length === 0) delete ctx.capacity.waiting[key];
  return placed;
}

/** The request a RunTask task was launched with, kept while it waits. */
export function standaloneRequest(ctx: EngineContext, task: TaskState): LaunchRequest {
  const kept = ctx.capacity.tasks[task.taskArn]?.placement;
  return {
    clusterName: task.clusterName,
    taskDefinition: task.taskDefinition,
    group: kept?.group ?? task.group,
    ...(task.startedBy !== undefined && { startedBy: task.startedBy }),
    constraints: kept?.constraints ?? [],
    strategies: kept?.strategies ?? [],
    scheduler: 'runTask',
  };
}
