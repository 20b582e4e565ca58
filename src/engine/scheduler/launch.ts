import type { PlacementConstraint, PlacementStrategy } from '../../design';
import type { EngineContext } from '../context';
import { arns, hexId } from '../ids';
import { reserveTask } from '../lifecycle/resources';
import { startTask } from '../lifecycle/transitions';
import type { TaskDefinitionModel, TaskState } from '../model/types';
import { type PlacementDecision, placeTask } from '../placement';
import { type CandidatePool, refreshCandidate } from './candidates';

export interface LaunchRequest {
  clusterName: string;
  taskDefinition: TaskDefinitionModel;
  group: string;
  serviceName?: string;
  startedBy?: string;
  constraints: readonly PlacementConstraint[];
  strategies: readonly PlacementStrategy[];
  scheduler: 'service' | 'runTask' | 'daemon';
}

export type LaunchResult =
  | { ok: true; task: TaskState }
  | {
      ok: false;
      failure: NonNullable<PlacementDecision['failure']>;
      trace: PlacementDecision['trace'];
    };

/** Place one task through the placement pipeline and, if it fits, start it. */
export function launchTask(
  ctx: EngineContext,
  pool: CandidatePool,
  req: LaunchRequest,
): LaunchResult {
  const td = req.taskDefinition;
  const decision = placeTask(
    {
      task: {
        family: td.family,
        cpu: td.cpu,
        memoryMiB: td.memoryMiB,
        networkMode: td.networkMode,
        portMappings: td.portMappings,
        group: req.group,
        requiredAttributes: td.requiredAttributes,
      },
      constraints: [...td.placementConstraints, ...req.constraints],
      strategies: [...req.strategies],
      scheduler: req.scheduler,
    },
    pool.candidates,
    ctx.rng.placement,
  );
  const instanceArn = decision.containerInstanceArn;
  const instance = instanceArn ? ctx.instances.get(instanceArn) : undefined;
  if (!instanceArn || !instance) {
    const failure = decision.failure ?? {
      reason: 'MISSING' as const,
      summary: 'no container instance',
    };
    return { ok: false, failure, trace: decision.trace };
  }
  const taskId = hexId(ctx.rng.ids);
  const task: TaskState = {
    taskArn: arns.task(ctx, req.clusterName, taskId),
    taskId,
    clusterName: req.clusterName,
    taskDefinition: td,
    group: req.group,
    containerInstanceArn: instanceArn,
    hostPorts: (decision.hostPorts ?? []).map((p) => ({ ...p })),
    lastStatus: 'PROVISIONING',
    desiredStatus: 'RUNNING',
    createdAtMs: ctx.nowMs,
    version: 0,
    placementTrace: decision.trace,
  };
  if (req.serviceName !== undefined) task.serviceName = req.serviceName;
  if (req.startedBy !== undefined) task.startedBy = req.startedBy;
  ctx.tasks.set(task.taskArn, task);
  reserveTask(instance, task);
  refreshCandidate(ctx, pool, instanceArn);
  startTask(ctx, task);
  return { ok: true, task };
}
