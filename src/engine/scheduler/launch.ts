import type { NetworkConfiguration, PlacementConstraint, PlacementStrategy } from '../../design';
import type { EngineContext } from '../context';
import { arns, hexId } from '../ids';
import { restoreRng } from '../kernel';
import { drawFate } from '../lifecycle/fate';
import { reserveTask } from '../lifecycle/resources';
import { countTaskAdded } from '../lifecycle/tallies';
import { startTask } from '../lifecycle/transitions';
import { taskGpuCount } from '../model/task-definition';
import type { PlacementBatch, ServiceState, TaskDefinitionModel, TaskState } from '../model/types';
import type { CandidateInstance } from '../placement';
import {
  type AssignedPort,
  explainBatchTask,
  type PlacementDecision,
  type PlacementRequest,
  type PlacementTrace,
  placeBatch,
  placeTask,
} from '../placement';
import { CandidateSnapshots } from '../placement/fast/snapshots';
import { type CandidatePool, refreshCandidate, setCandidates } from './candidates';

export interface LaunchRequest {
  clusterName: string;
  taskDefinition: TaskDefinitionModel;
  group: string;
  serviceName?: string;
  startedBy?: string;
  constraints: readonly PlacementConstraint[];
  strategies: readonly PlacementStrategy[];
  scheduler: 'service' | 'runTask' | 'daemon';
  /** awsvpc subnets (CreateService / RunTask networkConfiguration): a Fargate task's zone. */
  networkConfiguration?: NetworkConfiguration;
}

export type PlacementFailed = {
  ok: false;
  failure: NonNullable<PlacementDecision['failure']>;
  trace: PlacementTrace;
};

export type LaunchResult = { ok: true; task: TaskState } | PlacementFailed;

/** What the service scheduler asks for when it places a task of this service. */
export function serviceLaunchRequest(service: ServiceState): LaunchRequest {
  const daemon = service.schedulingStrategy === 'DAEMON';
  const network = service.source.networkConfiguration as NetworkConfiguration | undefined;
  return {
    ...(network && { networkConfiguration: network }),
    clusterName: service.clusterName,
    taskDefinition: service.taskDefinition,
    group: `service:${service.serviceName}`,
    serviceName: service.serviceName,
    startedBy: service.deploymentId,
    constraints: service.placementConstraints,
    strategies: daemon ? [] : service.placementStrategy,
    scheduler: daemon ? 'daemon' : 'service',
  };
}

export function placementRequest(req: LaunchRequest): PlacementRequest {
  const td = req.taskDefinition;
  const gpus = taskGpuCount(td);
  return {
    task: {
      family: td.family,
      cpu: td.cpu,
      memoryMiB: td.memoryMiB,
      ...(gpus > 0 && { gpus }),
      networkMode: td.networkMode,
      portMappings: td.portMappings,
      group: req.group,
      requiredAttributes: td.requiredAttributes,
    },
    constraints: [...td.placementConstraints, ...req.constraints],
    strategies: [...req.strategies],
    scheduler: req.scheduler,
  };
}

/**
 * A new task of the request, counted and in its service, not yet anywhere: the caller
 * puts it on an instance, on Fargate, or in the wait for capacity. Ids and fate are drawn
 * here, in that order, for every kind alike.
 */
export function newTask(
  ctx: EngineContext,
  req: LaunchRequest,
  instanceArn: string | undefined,
  hostPorts: readonly AssignedPort[] | undefined,
  explain: Pick<TaskState, 'placementBatch'> | object,
): TaskState {
  const taskId = hexId(ctx.rng.ids);
  const task: TaskState = {
    taskArn: arns.task(ctx, req.clusterName, taskId),
    taskId,
    clusterName: req.clusterName,
    taskDefinition: req.taskDefinition,
    group: req.group,
    ...(instanceArn !== undefined && { containerInstanceArn: instanceArn }),
    hostPorts: (hostPorts ?? []).map((p) => ({ ...p })),
    lastStatus: 'PROVISIONING',
    desiredStatus: 'RUNNING',
    healthStatus: 'UNKNOWN',
    createdAtMs: ctx.nowMs,
    version: 0,
    ...explain,
  };
  const fails = drawFate(ctx, req.taskDefinition);
  if (fails) task.fails = fails;
  if (req.serviceName !== undefined) {
    task.serviceName = req.serviceName;
    const own = ctx.serviceTasks.get(req.serviceName) ?? new Set<TaskState>();
    ctx.serviceTasks.set(req.serviceName, own);
    own.add(task);
  }
  if (req.startedBy !== undefined) task.startedBy = req.startedBy;
  ctx.tasks.set(task.taskArn, task);
  countTaskAdded(ctx, task);
  return task;
}

/** Create the task on its instance, reserve what it needs, and start its lifecycle. */
function createTask(
  ctx: EngineContext,
  req: LaunchRequest,
  instanceArn: string,
  hostPorts: readonly AssignedPort[] | undefined,
  explain: Pick<TaskState, 'placementBatch'>,
  onCreated?: (task: TaskState) => void,
): TaskState | undefined {
  const instance = ctx.instances.get(instanceArn);
  if (!instance) return undefined;
  const task = newTask(ctx, req, instanceArn, hostPorts, explain);
  onCreated?.(task);
  reserveTask(ctx, instance, task);
  startTask(ctx, task);
  return task;
}

function failed(decision: PlacementDecision): PlacementFailed {
  const failure = decision.failure ?? {
    reason: 'MISSING' as const,
    summary: 'no container instance',
  };
  return { ok: false, failure, trace: decision.trace };
}

// Per run, not run state: which candidate objects placements already keep (snapshots.ts).
const snapshotsByRun = new WeakMap<EngineContext, CandidateSnapshots>();

/** The candidates as a placement saw them, shared with earlier placements where unchanged. */
function keptCandidates(
  ctx: EngineContext,
  candidates: readonly CandidateInstance[],
): CandidateInstance[] {
  let snapshots = snapshotsByRun.get(ctx);
  if (!snapshots) {
    snapshots = new CandidateSnapshots();
    snapshotsByRun.set(ctx, snapshots);
  }
  return snapshots.keep(candidates);
}

/**
 * What it takes to rebuild one placement's trace on demand: a batch of one, from the
 * generator state the placement started with. Call it before the placement changes the
 * candidates (refreshCandidate writes into the pool's list). A stored trace would cost
 * about 6.5 KB a task in every checkpoint, listing most of the cluster.
 */
export function singlePlacement(
  ctx: EngineContext,
  request: PlacementRequest,
  candidates: readonly CandidateInstance[],
  rngState: readonly number[],
): NonNullable<TaskState['placementBatch']> {
  return { batch: { request, instances: keptCandidates(ctx, candidates), rngState }, index: 0 };
}

/** Place one task through the placement pipeline and, if it fits, start it. */
export function launchTask(
  ctx: EngineContext,
  pool: CandidatePool,
  req: LaunchRequest,
  onCreated?: (task: TaskState) => void,
): LaunchResult {
  const request = placementRequest(req);
  const rngState = ctx.rng.placement.getState();
  const decision = placeTask(request, pool.candidates, ctx.rng.placement);
  const arn = decision.containerInstanceArn;
  const task = arn
    ? createTask(
        ctx,
        req,
        arn,
        decision.hostPorts,
        { placementBatch: singlePlacement(ctx, request, pool.candidates, rngState) },
        onCreated,
      )
    : undefined;
  if (!arn || !task) return failed(decision);
  refreshCandidate(ctx, pool, arn);
  return { ok: true, task };
}

/**
 * Place `count` tasks of one request at once with the indexed batch placer: the same
 * placements and draws as launchTask one by one (the B1 benchmark checks it), at a
 * bucket update per task instead of a scan of every instance. Each task's trace is
 * rebuilt on demand by replaying the batch from the generator state it started with.
 */
export function launchBatch(
  ctx: EngineContext,
  pool: CandidatePool,
  req: LaunchRequest,
  count: number,
  onCreated?: (task: TaskState) => void,
): { tasks: TaskState[]; failure?: PlacementFailed } {
  const request = placementRequest(req);
  const before = pool.candidates;
  const rngState = ctx.rng.placement.getState();
  const result = placeBatch(request, before, count, ctx.rng.placement);
  const batch: PlacementBatch = { request, instances: keptCandidates(ctx, before), rngState };
  const tasks: TaskState[] = [];
  for (let k = 0; k < result.placedCount; k++) {
    const candidate = before[result.chosen[k] ?? -1];
    if (!candidate) continue;
    const placementBatch = { batch, index: k };
    const task = createTask(
      ctx,
      req,
      candidate.containerInstanceArn,
      result.hostPorts?.[k],
      { placementBatch },
      onCreated,
    );
    if (task) tasks.push(task);
  }
  setCandidates(pool, result.instances);
  return result.failed ? { tasks, failure: failed(result.failed) } : { tasks };
}

/** The trace of a task placed in a batch: replay the batch up to it (explainBatchTask). */
export function batchTaskTrace(
  placement: NonNullable<TaskState['placementBatch']>,
): PlacementTrace {
  const { batch, index } = placement;
  return explainBatchTask(batch.request, batch.instances, () => restoreRng(batch.rngState), index, {
    trace: 'auto',
  }).trace;
}
