import type { EngineContext } from '../context';
import { deploymentOf } from '../deployment/deployments';
import { essentialHealthChecks } from '../deployment/health';
import { setCountedHealthy } from '../lifecycle/tallies';
import type { ServiceState, TargetState, TaskState } from '../model/types';
import type { TargetGroupModel } from './model';
import { entersSlowStart } from './split';
import { moveTarget } from './traffic';

/**
 * A service task's life in its target groups (ecs-behavior §14.2, §14.4): registered when
 * it runs, `initial` until its first health checks settle, `draining` for the
 * deregistration delay when the scheduler stops it, gone when it stops.
 */

function notesOf(service: ServiceState): NonNullable<ServiceState['targetNotes']> {
  if (!service.targetNotes) service.targetNotes = { registered: {}, deregistered: {} };
  return service.targetNotes;
}

/** Model: awsvpc tasks get a private IP that Berth derives from the task id. */
export function taskIp(task: TaskState): string {
  const n = Number.parseInt(task.taskId.slice(0, 6), 16);
  return `10.0.${(n >> 8) & 0xff}.${Math.max(1, n & 0xff)}`;
}

function targetPort(task: TaskState, containerPort: number): number {
  if (task.taskDefinition.networkMode !== 'bridge') return containerPort;
  return task.hostPorts.find((p) => p.containerPort === containerPort)?.hostPort ?? containerPort;
}

/**
 * Model: a new ALB or NLB target needs one passing check to be healthy (§14.2); a Classic
 * ELB's, HealthyThreshold of them. A failing target is unhealthy after
 * UnhealthyThreshold checks.
 */
function settlesAfterMs(tg: TargetGroupModel, failing: boolean): number {
  if (failing) return tg.unhealthyThreshold * tg.intervalMs;
  return (tg.lbType === 'classic' ? tg.healthyThreshold : 1) * tg.intervalMs;
}

/** The task runs: it registers in every target group its service names. */
export function registerTargets(ctx: EngineContext, task: TaskState): void {
  const service = task.serviceName === undefined ? undefined : ctx.services.get(task.serviceName);
  if (!service || service.targets.length === 0) return;
  const instance = task.containerInstanceArn
    ? ctx.instances.get(task.containerInstanceArn)
    : undefined;
  const targets: TargetState[] = [];
  const side = deploymentOf(service, task)?.targetSide ?? service.productionSide;
  for (const st of service.targets) {
    const tgArn =
      side === 'alternate' && st.alternateTargetGroupArn
        ? st.alternateTargetGroupArn
        : st.targetGroupArn;
    const tg = ctx.targetGroups.get(tgArn);
    if (!tg) continue;
    targets.push({
      targetGroupArn: tg.arn,
      id: tg.targetType === 'ip' ? taskIp(task) : (instance?.ec2InstanceId ?? ''),
      port: targetPort(task, st.containerPort),
      state: 'initial',
    });
    moveTarget(ctx, tg.arn, undefined, 'initial');
    ctx.queue.push(ctx.nowMs + settlesAfterMs(tg, task.fails === 'FAIL_HEALTH_CHECK'), {
      kind: 'target',
      taskArn: task.taskArn,
      startedAtMs: task.startedAtMs ?? ctx.nowMs,
      targetGroupArn: tg.arn,
      to: task.fails === 'FAIL_HEALTH_CHECK' ? 'unhealthy' : 'healthy',
    });
    const notes = notesOf(service);
    notes.registered[tg.arn] = (notes.registered[tg.arn] ?? 0) + 1;
  }
  if (targets.length > 0) task.targets = targets;
}

/** A target's health settled; false when the task has moved on since. */
export function settleTarget(
  ctx: EngineContext,
  task: TaskState,
  startedAtMs: number,
  targetGroupArn: string,
  to: 'healthy' | 'unhealthy',
): boolean {
  if (task.lastStatus !== 'RUNNING' || task.startedAtMs !== startedAtMs) return false;
  const target = task.targets?.find((t) => t.targetGroupArn === targetGroupArn);
  if (target?.state !== 'initial') return false;
  // Decided before it counts as healthy: it ramps only beside a target that does not.
  const ramps = to === 'healthy' && entersSlowStart(ctx, targetGroupArn, ctx.nowMs);
  moveTarget(ctx, targetGroupArn, 'initial', to);
  target.state = to;
  if (ramps) target.slowStartFromMs = ctx.nowMs;
  return true;
}

export function hasUnhealthyTarget(task: TaskState): boolean {
  return task.targets?.some((t) => t.state === 'unhealthy') ?? false;
}

/**
 * Whether the scheduler counts the task healthy (§2.2): with a load balancer, its targets
 * healthy; with a container health check, HEALTHY; with both, both; with neither, 40 s
 * RUNNING. Kept in the service's tally as it changes.
 */
export function refreshCountedHealthy(ctx: EngineContext, task: TaskState): void {
  const running = task.lastStatus === 'RUNNING' && task.desiredStatus === 'RUNNING';
  const checked = essentialHealthChecks(task.taskDefinition).length > 0;
  const targets = task.targets ?? [];
  const containerOk = checked
    ? task.healthStatus === 'HEALTHY'
    : targets.length > 0 || task.healthSettled === 'HEALTHY';
  const targetsOk = targets.every((t) => t.state === 'healthy');
  setCountedHealthy(ctx, task, running && containerOk && targetsOk);
}

/**
 * The scheduler stops a registered task: its targets drain (§14.4). Returns how long, the
 * longest deregistration delay of its target groups; 0 when it has no targets.
 */
export function beginDeregistration(ctx: EngineContext, task: TaskState): number {
  const targets = task.targets ?? [];
  if (targets.length === 0) return 0;
  const service = task.serviceName === undefined ? undefined : ctx.services.get(task.serviceName);
  let delayMs = 0;
  for (const target of targets) {
    moveTarget(ctx, target.targetGroupArn, target.state, 'draining');
    target.state = 'draining';
    delayMs = Math.max(
      delayMs,
      ctx.targetGroups.get(target.targetGroupArn)?.deregistrationDelayMs ?? 0,
    );
    if (service) {
      const notes = notesOf(service);
      notes.deregistered[target.targetGroupArn] =
        (notes.deregistered[target.targetGroupArn] ?? 0) + 1;
    }
  }
  return delayMs;
}

export function removeTargets(ctx: EngineContext, task: TaskState): void {
  for (const target of task.targets ?? [])
    moveTarget(ctx, target.targetGroupArn, target.state, undefined);
  delete task.targets;
}

/** The worst state of a task's targets, for the canvas: unhealthy, draining, initial, healthy. */
export function worstTargetState(task: TaskState): TargetState['state'] | undefined {
  const order: TargetState['state'][] = ['unhealthy', 'draining', 'initial', 'healthy'];
  const states = new Set((task.targets ?? []).map((t) => t.state));
  return order.find((s) => states.has(s));
}
