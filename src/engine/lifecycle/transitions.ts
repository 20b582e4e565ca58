import type { TaskLastStatus, TaskStopCode } from '../api';
import { isFargateTask, noteTaskStopped } from '../capacity/tasks';
import { dropWaiting, isWaiting } from '../capacity/waiting';
import type { EngineContext } from '../context';
import { costTaskPulling, costTaskStopped } from '../cost';
import {
  essentialHealthChecks,
  HEALTHY_AFTER_RUNNING_MS,
  healthSettlesAfterMs,
} from '../deployment/health';
import { onTaskHealthSettled, onTaskRunning, onTaskStopped } from '../deployment/task-hooks';
import { noteDiscoveryTask } from '../discovery/endpoints';
import {
  beginDeregistration,
  refreshCountedHealthy,
  registerTargets,
  removeTargets,
  settleTarget,
} from '../elb/targets';
import type { TaskState } from '../model/types';
import { emitTaskStateChange } from '../output/events';
import { requestWaitingReconciles } from '../scheduler/request';
import { DEFAULT_CRASH_AFTER_MS } from './fate';
import { releaseTask } from './resources';
import { setCountedHealthy, setLastStatus } from './tallies';

/**
 * The task lifecycle (ecs-behavior §1.1). States whose work Berth does not model take
 * no time and are not reported: PROVISIONING and DEPROVISIONING only with an ENI
 * (awsvpc); ACTIVATING and DEACTIVATING only with a load balancer (a later issue).
 */

/** Model: attaching or detaching a task ENI takes this long (§1.1 leaves it open). */
export const ENI_ATTACH_MS = 3_000;

function touch(ctx: EngineContext, task: TaskState): void {
  task.version++;
  ctx.out.dirtyTasks.add(task.taskArn);
  if (task.containerInstanceArn) ctx.out.dirtyInstances.add(task.containerInstanceArn);
  if (task.serviceName) ctx.out.dirtyServices.add(task.serviceName);
}

function after(ctx: EngineContext, task: TaskState, delayMs: number, to: TaskLastStatus): void {
  ctx.queue.push(ctx.nowMs + delayMs, {
    kind: 'task',
    taskArn: task.taskArn,
    version: task.version,
    to,
  });
}

function usesEni(task: TaskState): boolean {
  return task.taskDefinition.networkMode === 'awsvpc';
}

/** ECS_CONTAINER_STOP_TIMEOUT's default, used for containers that set no stopTimeout (§1.2). */
export const AGENT_STOP_TIMEOUT_MS = 30_000;

/** The task is gone when its slowest container is: the longest stopTimeout of its containers. */
function stopTimeoutMs(task: TaskState): number {
  return Math.max(
    ...task.taskDefinition.input.containerDefinitions.map((c) =>
      c.stopTimeout === undefined ? AGENT_STOP_TIMEOUT_MS : c.stopTimeout * 1000,
    ),
  );
}

/**
 * A placed task starts here: PROVISIONING (awsvpc) or PENDING. A Fargate task is
 * PROVISIONING while Fargate finds it capacity and attaches its ENI (§6; Model: the
 * design's `fargate.provisioningSeconds`, 15 s by default).
 */
export function startTask(ctx: EngineContext, task: TaskState): void {
  if (usesEni(task) || isFargateTask(ctx, task)) {
    setLastStatus(ctx, task, 'PROVISIONING');
    touch(ctx, task);
    emitTaskStateChange(ctx, task);
    const ms = isFargateTask(ctx, task) ? ctx.capacity.fargateProvisioningMs : ENI_ATTACH_MS;
    after(ctx, task, ms, 'PENDING');
    return;
  }
  enterPending(ctx, task);
}

/**
 * A task that waited in PROVISIONING for capacity has its instance now: it attaches its
 * ENI (awsvpc) and goes on to PENDING as a task placed at once would.
 */
export function provisioned(ctx: EngineContext, task: TaskState): void {
  touch(ctx, task);
  if (usesEni(task)) after(ctx, task, ENI_ATTACH_MS, 'PENDING');
  else enterPending(ctx, task);
}

function enterPending(ctx: EngineContext, task: TaskState): void {
  const timing = ctx.timing(task.taskDefinition);
  setLastStatus(ctx, task, 'PENDING');
  task.pullStartedAtMs = ctx.nowMs;
  costTaskPulling(ctx, task);
  touch(ctx, task);
  emitTaskStateChange(ctx, task);
  const failsAfter = task.fails === 'FAIL_TO_START' ? timing.failure?.afterSeconds : undefined;
  after(
    ctx,
    task,
    failsAfter === undefined ? timing.imagePullMs + timing.startMs : failsAfter * 1000,
    'RUNNING',
  );
}

/** The container never starts (workloads[].failure FAIL_TO_START): the task stops from PENDING. */
function failToStart(ctx: EngineContext, task: TaskState): void {
  task.desiredStatus = 'STOPPED';
  task.stopCode = 'TaskFailedToStart';
  // Model: ECS's reason names the cause (CannotPullContainerError, ...); Berth's says it is
  // the workload the design describes.
  task.stoppedReason =
    'CannotStartContainerError: the essential container failed to start (the design sets this revision to fail)';
  task.stoppingAtMs = ctx.nowMs;
  touch(ctx, task);
  if (usesEni(task)) onTaskTimer(ctx, task, task.version, 'DEPROVISIONING');
  else enterStopped(ctx, task);
}

function enterRunning(ctx: EngineContext, task: TaskState): void {
  const timing = ctx.timing(task.taskDefinition);
  setLastStatus(ctx, task, 'RUNNING');
  task.pullStoppedAtMs = (task.pullStartedAtMs ?? ctx.nowMs) + timing.imagePullMs;
  task.startedAtMs = ctx.nowMs;
  touch(ctx, task);
  emitTaskStateChange(ctx, task);
  const startedAtMs = ctx.nowMs;
  // Health settles once: a timer for that moment, not one per check.
  const settles = healthSettlesAfterMs(
    essentialHealthChecks(task.taskDefinition),
    task.fails === 'FAIL_HEALTH_CHECK',
  );
  ctx.queue.push(ctx.nowMs + (settles?.afterMs ?? HEALTHY_AFTER_RUNNING_MS), {
    kind: 'health',
    taskArn: task.taskArn,
    startedAtMs,
    to: settles?.to ?? 'HEALTHY',
  });
  if (task.fails === 'CRASH') {
    const afterSeconds = timing.failure?.afterSeconds;
    ctx.queue.push(
      ctx.nowMs + (afterSeconds === undefined ? DEFAULT_CRASH_AFTER_MS : afterSeconds * 1000),
      { kind: 'crash', taskArn: task.taskArn, startedAtMs },
    );
  }
  registerTargets(ctx, task);
  onTaskRunning(ctx, task);
}

/** A target's first health checks settled (elb/targets.ts): the scheduler looks again. */
export function onTargetTimer(
  ctx: EngineContext,
  task: TaskState,
  startedAtMs: number,
  targetGroupArn: string,
  to: 'healthy' | 'unhealthy',
): void {
  if (task.desiredStatus !== 'RUNNING') return;
  if (!settleTarget(ctx, task, startedAtMs, targetGroupArn, to)) return;
  touch(ctx, task);
  refreshCountedHealthy(ctx, task);
  onTaskHealthSettled(ctx, task, to === 'healthy' ? 'HEALTHY' : 'UNHEALTHY');
}

function stillRunningSince(task: TaskState, startedAtMs: number): boolean {
  return (
    task.lastStatus === 'RUNNING' &&
    task.desiredStatus === 'RUNNING' &&
    task.startedAtMs === startedAtMs
  );
}

/**
 * The health check settled (or, without one, the 40 s of §2.2 passed). Only a task with
 * essential health checks reports HEALTHY or UNHEALTHY; the others stay UNKNOWN.
 */
export function onHealthTimer(
  ctx: EngineContext,
  task: TaskState,
  startedAtMs: number,
  to: 'HEALTHY' | 'UNHEALTHY',
): void {
  if (!stillRunningSince(task, startedAtMs)) return;
  if (essentialHealthChecks(task.taskDefinition).length > 0) {
    task.healthStatus = to;
    noteDiscoveryTask(ctx, task);
    touch(ctx, task);
    emitTaskStateChange(ctx, task);
  }
  task.healthSettled = to;
  refreshCountedHealthy(ctx, task);
  onTaskHealthSettled(ctx, task, to);
}

/** An essential container exited (workloads[].failure CRASH): the task stops (§1.4). */
export function onCrashTimer(ctx: EngineContext, task: TaskState, startedAtMs: number): void {
  if (!stillRunningSince(task, startedAtMs)) return;
  stopTask(ctx, task, 'EssentialContainerExited', 'Essential container in task exited');
}

function enterStopped(ctx: EngineContext, task: TaskState): void {
  removeTargets(ctx, task);
  setLastStatus(ctx, task, 'STOPPED');
  costTaskStopped(ctx, task);
  task.stoppedAtMs = ctx.nowMs;
  if (task.stoppingAtMs === undefined) task.stoppingAtMs = ctx.nowMs;
  touch(ctx, task);
  releaseTask(ctx, task);
  emitTaskStateChange(ctx, task);
  noteTaskStopped(ctx, task);
  onTaskStopped(ctx, task);
  // What it held is free now, whether a timer got it here or a stop while PENDING did
  // (no timer then): the cluster's waiting services, its own among them, look again.
  requestWaitingReconciles(ctx, task.clusterName);
}

/** A timer fired: move the task on, unless something changed it since the timer was set. */
export function onTaskTimer(
  ctx: EngineContext,
  task: TaskState,
  version: number,
  to: TaskLastStatus,
): void {
  if (task.version !== version) return;
  switch (to) {
    case 'PENDING':
      enterPending(ctx, task);
      break;
    case 'RUNNING':
      if (task.fails === 'FAIL_TO_START') failToStart(ctx, task);
      else enterRunning(ctx, task);
      break;
    case 'STOPPING':
      // The deregistration delay is over: the target is gone, the stop signal goes.
      signalStop(ctx, task);
      break;
    case 'DEPROVISIONING':
      setLastStatus(ctx, task, 'DEPROVISIONING');
      touch(ctx, task);
      emitTaskStateChange(ctx, task);
      after(ctx, task, ENI_ATTACH_MS, 'STOPPED');
      break;
    case 'STOPPED':
      enterStopped(ctx, task);
      break;
    default:
      break;
  }
}

/**
 * Ask a task to stop: desiredStatus flips to STOPPED at once while lastStatus walks
 * down (§1.1). A task that never ran stops without the stop signal.
 */
export function stopTask(
  ctx: EngineContext,
  task: TaskState,
  stopCode: TaskStopCode,
  stoppedReason: string,
): void {
  if (task.desiredStatus === 'STOPPED') return;
  task.desiredStatus = 'STOPPED';
  setCountedHealthy(ctx, task, false);
  task.stopCode = stopCode;
  task.stoppedReason = stoppedReason;
  task.stoppingAtMs = ctx.nowMs;
  if (task.lastStatus === 'RUNNING') {
    // §14.4: behind a load balancer the target drains first, then the stop signal.
    // Model: a task whose essential container already exited has nothing to drain.
    const drainMs = stopCode === 'EssentialContainerExited' ? 0 : beginDeregistration(ctx, task);
    if (drainMs > 0) {
      setLastStatus(ctx, task, 'DEACTIVATING');
      touch(ctx, task);
      emitTaskStateChange(ctx, task);
      after(ctx, task, drainMs, 'STOPPING');
      return;
    }
    signalStop(ctx, task);
    return;
  }
  // A task still waiting for capacity has no ENI to detach.
  const waited = isWaiting(ctx, task);
  if (waited) dropWaiting(ctx, task);
  const next: TaskLastStatus = usesEni(task) && !waited ? 'DEPROVISIONING' : 'STOPPED';
  touch(ctx, task);
  if (next === 'STOPPED') enterStopped(ctx, task);
  else onTaskTimer(ctx, task, task.version, 'DEPROVISIONING');
}

/** SIGTERM, then SIGKILL when the stop timeout runs out: STOPPING until the container exits. */
function signalStop(ctx: EngineContext, task: TaskState): void {
  removeTargets(ctx, task);
  setLastStatus(ctx, task, 'STOPPING');
  touch(ctx, task);
  emitTaskStateChange(ctx, task);
  // Model: the container exits after stopSeconds of its workload, or is killed when
  // its stop timeout runs out (§1.2); one that ignores SIGTERM always is.
  const timing = ctx.timing(task.taskDefinition);
  const exitsAfterMs = timing.ignoresSigterm ? Number.POSITIVE_INFINITY : timing.stopMs;
  const next: TaskLastStatus = usesEni(task) ? 'DEPROVISIONING' : 'STOPPED';
  after(ctx, task, Math.min(exitsAfterMs, stopTimeoutMs(task)), next);
}

/** The instance is gone: its tasks stop at once, with no stop signal to wait for. */
export function killTask(
  ctx: EngineContext,
  task: TaskState,
  stopCode: TaskStopCode,
  reason: string,
): void {
  if (task.lastStatus === 'STOPPED') return;
  if (task.desiredStatus !== 'STOPPED') {
    task.desiredStatus = 'STOPPED';
    task.stopCode = stopCode;
    task.stoppedReason = reason;
  }
  enterStopped(ctx, task);
}
