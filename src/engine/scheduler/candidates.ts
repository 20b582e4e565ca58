import type { EngineContext } from '../context';
import type { InstanceState } from '../model/types';
import type { CandidateInstance } from '../placement';

/**
 * The placement view of a cluster's instances. Built once per scheduling pass and
 * updated in place as tasks are placed, so a pass over many tasks stays linear.
 */
export interface CandidatePool {
  candidates: CandidateInstance[];
  byArn: Map<string, CandidateInstance>;
}

function toCandidate(ctx: EngineContext, instance: InstanceState): CandidateInstance {
  const taskGroupCounts: Record<string, number> = {};
  let runningTasksCount = 0;
  for (const arn of instance.taskArns) {
    const task = ctx.tasks.get(arn);
    if (!task) continue;
    taskGroupCounts[task.group] = (taskGroupCounts[task.group] ?? 0) + 1;
    if (task.lastStatus === 'RUNNING') runningTasksCount++;
  }
  return {
    containerInstanceArn: instance.containerInstanceArn,
    ec2InstanceId: instance.ec2InstanceId,
    status: instance.status,
    agentConnected: instance.agentConnected,
    agentVersion: instance.agentVersion,
    registeredAtMs: ctx.startEpochMs + instance.registeredAtMs,
    attributes: instance.attributes,
    registeredCpu: instance.registeredCpu,
    registeredMemoryMiB: instance.registeredMemoryMiB,
    remainingCpu: instance.remainingCpu,
    remainingMemoryMiB: instance.remainingMemoryMiB,
    ...(instance.gpuIds.length > 0 && { remainingGpus: instance.remainingGpus }),
    reservedTcpPorts: new Set(instance.reservedTcpPorts),
    reservedUdpPorts: new Set(instance.reservedUdpPorts),
    dynamicTcpPorts: new Set(instance.dynamicTcpPorts),
    dynamicUdpPorts: new Set(instance.dynamicUdpPorts),
    eniLimit: instance.eniLimit,
    eniUsed: instance.eniUsed,
    runningTasksCount,
    taskGroupCounts,
  };
}

/**
 * The cluster's instances a task may go on: `accept` narrows them to a launch type's or a
 * capacity provider's (capacity/route.ts instanceFilter); by default, every one.
 */
export function candidatePool(
  ctx: EngineContext,
  clusterName: string,
  accept?: (instance: InstanceState) => boolean,
): CandidatePool {
  const candidates: CandidateInstance[] = [];
  const byArn = new Map<string, CandidateInstance>();
  for (const instance of ctx.instances.values()) {
    if (instance.clusterName !== clusterName || instance.status === 'INACTIVE') continue;
    if (accept && !accept(instance)) continue;
    const c = toCandidate(ctx, instance);
    candidates.push(c);
    byArn.set(c.containerInstanceArn, c);
  }
  return { candidates, byArn };
}

/** Refresh one candidate after a task was placed on (or removed from) its instance. */
export function refreshCandidate(
  ctx: EngineContext,
  pool: CandidatePool,
  instanceArn: string,
): void {
  const instance = ctx.instances.get(instanceArn);
  const index = pool.candidates.findIndex((c) => c.containerInstanceArn === instanceArn);
  if (!instance || index < 0) return;
  const fresh = toCandidate(ctx, instance);
  pool.candidates[index] = fresh;
  pool.byArn.set(instanceArn, fresh);
}

/** Take the instances a batch placement left behind as the pool's view. */
export function setCandidates(pool: CandidatePool, candidates: CandidateInstance[]): void {
  pool.candidates = candidates;
  pool.byArn = new Map(candidates.map((c) => [c.containerInstanceArn, c]));
}
