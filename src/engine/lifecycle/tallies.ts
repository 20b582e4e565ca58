import type { ContainerInstanceStatus } from '../api';
import { TASK_STATES, type TaskLastStatus, type TaskStateCounts } from '../api';
import type { EngineContext } from '../context';
import { noteDiscoveryTask } from '../discovery/endpoints';
import type { TargetTally } from '../elb/traffic';
import type { InstanceState, ServiceState, TaskState } from '../model/types';
import { noteServiceChange, noteTaskCountsChange } from '../output/history';

/**
 * Counts kept as tasks, services and instances change, so that a frame, a minute's
 * metrics and the pruning of old STOPPED tasks cost what changed, not what exists:
 * idle virtual time is then nearly free. Every write of `lastStatus`, `desiredCount`,
 * an instance's status or what it has reserved goes through here; the checkpoint
 * keeps the tallies, and a property test recounts them after random runs.
 */
export interface Tallies {
  /** Tasks in ctx.tasks by lastStatus. */
  byStatus: TaskStateCounts;
  /** By service name: its tasks RUNNING, and PENDING as DescribeServices counts them. */
  services: Map<string, ServiceTally>;
  /**
   * By service name, then deployment id (what its tasks are `startedBy`): the same counts
   * per deployment, for DescribeServices' deployments and the chart. A deployment with no
   * task in a count has no entry, so the map holds what has tasks, not every deployment ever.
   */
  deployments: Map<string, Map<string, DeploymentTally>>;
  /** By cluster name, over its ACTIVE and DRAINING instances. */
  clusters: Map<string, ClusterTally>;
  /** Targets by state, per target group (elb/traffic.ts keeps them). */
  targets: Map<string, TargetTally>;
  /** ARNs of STOPPED tasks in the order they stopped, so by stoppedAtMs; kept from `stoppedHead` on. */
  stopped: string[];
  stoppedHead: number;
}

export interface ServiceTally {
  running: number;
  pending: number;
  /** RUNNING, still wanted, and counted healthy by the scheduler (§2.2). */
  healthy: number;
}

export interface DeploymentTally extends ServiceTally {
  /** `family:revision` of its tasks, to name it after the deployment has left the service. */
  taskDefinition: string;
}

export interface ClusterTally {
  registeredCpu: number;
  reservedCpu: number;
  registeredMemoryMiB: number;
  reservedMemoryMiB: number;
}

export function newTallies(): Tallies {
  return {
    byStatus: Object.fromEntries(TASK_STATES.map((s) => [s, 0])) as TaskStateCounts,
    services: new Map(),
    deployments: new Map(),
    clusters: new Map(),
    targets: new Map(),
    stopped: [],
    stoppedHead: 0,
  };
}

/** Which of a service's counts a status falls in: ECS's pendingCount includes the steps before PENDING. */
function sideOf(status: TaskLastStatus): keyof ServiceTally | undefined {
  if (status === 'RUNNING') return 'running';
  if (status === 'PENDING' || status === 'PROVISIONING' || status === 'ACTIVATING')
    return 'pending';
  return undefined;
}

export function serviceTally(ctx: EngineContext, serviceName: string): ServiceTally {
  let tally = ctx.tallies.services.get(serviceName);
  if (!tally) {
    tally = { running: 0, pending: 0, healthy: 0 };
    ctx.tallies.services.set(serviceName, tally);
  }
  return tally;
}

/** A service task's deployment's counts, when it has tasks or is about to. */
function deploymentTally(ctx: EngineContext, task: TaskState): DeploymentTally | undefined {
  if (task.serviceName === undefined || task.startedBy === undefined) return undefined;
  let byId = ctx.tallies.deployments.get(task.serviceName);
  if (!byId) {
    byId = new Map();
    ctx.tallies.deployments.set(task.serviceName, byId);
  }
  let tally = byId.get(task.startedBy);
  if (!tally) {
    const td = task.taskDefinition;
    tally = { running: 0, pending: 0, healthy: 0, taskDefinition: `${td.family}:${td.revision}` };
    byId.set(task.startedBy, tally);
  }
  return tally;
}

/** A deployment whose counts are all back to 0 leaves the map: it has no tasks to count. */
function dropIfEmpty(ctx: EngineContext, task: TaskState, tally: DeploymentTally): void {
  if (tally.running !== 0 || tally.pending !== 0 || tally.healthy !== 0) return;
  const byId = ctx.tallies.deployments.get(task.serviceName ?? '');
  byId?.delete(task.startedBy ?? '');
  if (byId?.size === 0) ctx.tallies.deployments.delete(task.serviceName ?? '');
}

function count(ctx: EngineContext, task: TaskState, status: TaskLastStatus, delta: number): void {
  ctx.tallies.byStatus[status] += delta;
  const side = sideOf(status);
  if (!side || task.serviceName === undefined) return;
  serviceTally(ctx, task.serviceName)[side] += delta;
  const deployment = deploymentTally(ctx, task);
  if (!deployment) return;
  deployment[side] += delta;
  dropIfEmpty(ctx, task, deployment);
}

/** Note, before the counts move, what a chart will have to hear about (history.ts). */
function noteMove(ctx: EngineContext, task: TaskState, from?: TaskLastStatus, to?: TaskLastStatus) {
  noteTaskCountsChange(ctx);
  const fromSide = from && sideOf(from);
  const toSide = to && sideOf(to);
  if (task.serviceName !== undefined && fromSide !== toSide)
    noteServiceChange(ctx, task.serviceName);
}

/** A task has just been put in ctx.tasks. */
export function countTaskAdded(ctx: EngineContext, task: TaskState): void {
  noteMove(ctx, task, undefined, task.lastStatus);
  count(ctx, task, task.lastStatus, 1);
}

/** A task has just been taken out of ctx.tasks. */
export function countTaskRemoved(ctx: EngineContext, task: TaskState): void {
  noteMove(ctx, task, task.lastStatus, undefined);
  count(ctx, task, task.lastStatus, -1);
}

/** The one way lastStatus changes. Tasks stop in time order, so the STOPPED queue stays sorted. */
export function setLastStatus(ctx: EngineContext, task: TaskState, to: TaskLastStatus): void {
  const from = task.lastStatus;
  if (from === to) return;
  noteMove(ctx, task, from, to);
  count(ctx, task, from, -1);
  count(ctx, task, to, 1);
  // Healthy is a RUNNING task's: leaving RUNNING ends it.
  if (task.countedHealthy) setCountedHealthy(ctx, task, false);
  task.lastStatus = to;
  if (to === 'STOPPED') ctx.tallies.stopped.push(task.taskArn);
  noteDiscoveryTask(ctx, task);
}

/**
 * Take from the STOPPED queue the tasks that stopped at or before `atMs`, oldest first;
 * ARNs of tasks no longer kept (a forced deregistration took them) are passed over.
 */
export function takeStoppedUntil(ctx: EngineContext, atMs: number): TaskState[] {
  const t = ctx.tallies;
  const taken: TaskState[] = [];
  while (t.stoppedHead < t.stopped.length) {
    const task = ctx.tasks.get(t.stopped[t.stoppedHead] ?? '');
    if (task && task.lastStatus === 'STOPPED' && (task.stoppedAtMs ?? 0) > atMs) break;
    t.stoppedHead++;
    if (task?.lastStatus === 'STOPPED') taken.push(task);
  }
  // Drop the consumed head now and then, so the array does not grow with the run.
  if (t.stoppedHead > 1024 && t.stoppedHead * 2 > t.stopped.length) {
    t.stopped.splice(0, t.stoppedHead);
    t.stoppedHead = 0;
  }
  return taken;
}

/**
 * Whether the scheduler counts the task healthy (§2.2): set when its health settles
 * HEALTHY (or, with no health check, after 40 s RUNNING), cleared when it turns
 * UNHEALTHY, is asked to stop or leaves RUNNING. The service's healthy count follows.
 */
export function setCountedHealthy(ctx: EngineContext, task: TaskState, healthy: boolean): void {
  if ((task.countedHealthy ?? false) === healthy) return;
  if (healthy) task.countedHealthy = true;
  else delete task.countedHealthy;
  if (task.serviceName === undefined) return;
  noteServiceChange(ctx, task.serviceName);
  serviceTally(ctx, task.serviceName).healthy += healthy ? 1 : -1;
  const deployment = deploymentTally(ctx, task);
  if (deployment) {
    deployment.healthy += healthy ? 1 : -1;
    dropIfEmpty(ctx, task, deployment);
  }
  noteDiscoveryTask(ctx, task);
}

export function setDesiredCount(ctx: EngineContext, service: ServiceState, desired: number): void {
  if (service.desiredCount === desired) return;
  noteServiceChange(ctx, service.serviceName);
  service.desiredCount = desired;
}

function clusterTally(ctx: EngineContext, clusterName: string): ClusterTally {
  let tally = ctx.tallies.clusters.get(clusterName);
  if (!tally) {
    tally = { registeredCpu: 0, reservedCpu: 0, registeredMemoryMiB: 0, reservedMemoryMiB: 0 };
    ctx.tallies.clusters.set(clusterName, tally);
  }
  return tally;
}

/** Add (1) or take away (-1) all an instance counts for in its cluster's sums. */
function countInstance(ctx: EngineContext, instance: InstanceState, sign: 1 | -1): void {
  const c = clusterTally(ctx, instance.clusterName);
  c.registeredCpu += sign * instance.registeredCpu;
  c.reservedCpu += sign * (instance.registeredCpu - instance.remainingCpu);
  c.registeredMemoryMiB += sign * instance.registeredMemoryMiB;
  c.reservedMemoryMiB += sign * (instance.registeredMemoryMiB - instance.remainingMemoryMiB);
}

/** A new instance has just been put in ctx.instances. */
export function countInstanceAdded(ctx: EngineContext, instance: InstanceState): void {
  if (instance.status !== 'INACTIVE') countInstance(ctx, instance, 1);
}

/** The one way an instance's status changes; INACTIVE instances leave their cluster's sums. */
export function setInstanceStatus(
  ctx: EngineContext,
  instance: InstanceState,
  status: ContainerInstanceStatus,
): void {
  const wasCounted = instance.status !== 'INACTIVE';
  const counted = status !== 'INACTIVE';
  if (wasCounted && !counted) countInstance(ctx, instance, -1);
  instance.status = status;
  if (!wasCounted && counted) countInstance(ctx, instance, 1);
}

/** The one way an instance's remaining CPU and memory change (sign -1 reserves, 1 releases). */
export function changeRemaining(
  ctx: EngineContext,
  instance: InstanceState,
  cpu: number,
  memoryMiB: number,
  sign: 1 | -1,
): void {
  instance.remainingCpu += sign * cpu;
  instance.remainingMemoryMiB += sign * memoryMiB;
  if (instance.status === 'INACTIVE') return;
  const c = clusterTally(ctx, instance.clusterName);
  c.reservedCpu -= sign * cpu;
  c.reservedMemoryMiB -= sign * memoryMiB;
}

/** Each of a service's deployments with tasks, by id; empty when none has any. */
export function deploymentTallies(
  ctx: EngineContext,
  serviceName: string,
): ReadonlyMap<string, DeploymentTally> {
  return ctx.tallies.deployments.get(serviceName) ?? NO_DEPLOYMENTS;
}

const NO_DEPLOYMENTS: ReadonlyMap<string, DeploymentTally> = new Map();

/** The tallies counted afresh from the entities: for a checkpoint taken before they were kept. */
export function recountTallies(ctx: EngineContext): Tallies {
  const saved = ctx.tallies;
  ctx.tallies = newTallies();
  try {
    for (const task of ctx.tasks.values()) {
      count(ctx, task, task.lastStatus, 1);
      if (task.countedHealthy && task.serviceName !== undefined) {
        serviceTally(ctx, task.serviceName).healthy++;
        const deployment = deploymentTally(ctx, task);
        if (deployment) deployment.healthy++;
      }
    }
    for (const instance of ctx.instances.values()) countInstanceAdded(ctx, instance);
    ctx.tallies.stopped = [...ctx.tasks.values()]
      .filter((t) => t.lastStatus === 'STOPPED')
      .sort((a, b) => (a.stoppedAtMs ?? 0) - (b.stoppedAtMs ?? 0))
      .map((t) => t.taskArn);
    return ctx.tallies;
  } finally {
    ctx.tallies = saved;
  }
}
