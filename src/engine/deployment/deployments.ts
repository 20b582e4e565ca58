import type { EngineContext } from '../context';
import type {
  DeploymentState,
  DeploymentStrategy,
  ServiceState,
  TaskDefinitionModel,
  TaskState,
} from '../model/types';
import { emitDeploymentStateChange } from '../output/events';
import { serviceEvent } from '../output/service-events';
import { requestReconcile } from '../scheduler/request';
import { alarmBakeMs, noteAlarmsAtStart } from './alarm-rollback';
import { runsSettled } from './health';

/** The deployment a service is created with; it completes when the service first settles. */
export function initialDeployment(
  id: string,
  taskDefinitionArn: string,
  desiredCount: number,
): DeploymentState {
  return {
    id,
    status: 'PRIMARY',
    taskDefinitionArn,
    desiredCount,
    rolloutState: 'IN_PROGRESS',
    rolloutStateReason: `ECS deployment ${id} in progress.`,
    failedTasks: 0,
    reachedRunning: false,
    createdAtMs: 0,
    updatedAtMs: 0,
    createdWithService: true,
    targetSide: 'primary',
    strategy: 'ROLLING',
  };
}

export function primaryOf(service: ServiceState): DeploymentState {
  const primary = service.deployments[0];
  if (!primary) throw new Error(`service ${service.serviceName} has no deployment`);
  return primary;
}

/** The deployment that started the task, if the service still lists it. */
export function deploymentOf(service: ServiceState, task: TaskState): DeploymentState | undefined {
  return service.deployments.find((d) => d.id === task.startedBy);
}

/** `ecs-svc/` and 19 digits, as DescribeServices prints deployment ids. */
function newDeploymentId(ctx: EngineContext): string {
  let digits = '';
  while (digits.length < 19)
    digits += String(ctx.rng.deployments.nextInt(1_000_000_000)).padStart(9, '0');
  return `ecs-svc/${digits.slice(0, 19)}`;
}

function touch(ctx: EngineContext, service: ServiceState, deployment: DeploymentState): void {
  deployment.updatedAtMs = ctx.nowMs;
  service.steady = false;
  ctx.out.dirtyServices.add(service.serviceName);
}

/**
 * UpdateService with a new task definition (or forceNewDeployment), or a rollback:
 * a new PRIMARY deployment, the old one ACTIVE until its tasks are gone (§8.2).
 */
export function startDeployment(
  ctx: EngineContext,
  service: ServiceState,
  taskDefinition: TaskDefinitionModel,
  rollbackOf?: DeploymentState,
  /** A CodeDeploy deployment's own traffic plan and hooks (§10). */
  codeDeploy?: {
    plan: DeploymentStrategy;
    id: string;
    hooks: { event: string; fn: string }[];
    autoRollback: boolean;
  },
  /** What failed the deployment this one rolls back. */
  rollbackCause: RollbackCause = 'circuit breaker',
): DeploymentState {
  const id = newDeploymentId(ctx);
  for (const d of service.deployments) {
    d.status = 'ACTIVE';
    d.updatedAtMs = ctx.nowMs;
  }
  const deployment: DeploymentState = {
    id,
    status: 'PRIMARY',
    taskDefinitionArn: taskDefinition.arn,
    desiredCount: service.desiredCount,
    rolloutState: 'IN_PROGRESS',
    rolloutStateReason: rollbackOf
      ? rollbackReason(rollbackCause, service.lastCompleted?.id ?? '')
      : `ECS deployment ${id} in progress.`,
    failedTasks: 0,
    reachedRunning: false,
    createdAtMs: ctx.nowMs,
    updatedAtMs: ctx.nowMs,
    targetSide: service.productionSide,
    strategy: 'ROLLING',
  };
  if (rollbackOf) deployment.rollbackOf = rollbackOf.id;
  noteAlarmsAtStart(ctx, service, deployment);
  // ECS's blue/green family needs a second target group to scale the new revision into.
  const plan = codeDeploy?.plan ?? service.strategy;
  const blueGreen =
    plan.type !== 'ROLLING' && service.targets.some((t) => t.alternateTargetGroupArn !== undefined);
  if (codeDeploy) {
    deployment.plan = codeDeploy.plan;
    deployment.codeDeploy = {
      id: codeDeploy.id,
      hooks: codeDeploy.hooks,
      autoRollback: codeDeploy.autoRollback,
    };
  }
  if (blueGreen) {
    deployment.strategy = plan.type;
    deployment.stage = 'SCALE_UP';
    deployment.trafficPercent = 0;
    deployment.targetSide = service.productionSide === 'primary' ? 'alternate' : 'primary';
  }
  service.deployments.unshift(deployment);
  service.taskDefinition = taskDefinition;
  service.deploymentId = id;
  // §7.3: updating the service ends the start throttle at once.
  service.startFailures = 0;
  delete service.launchHoldUntilMs;
  delete service.boundsBlocked;
  touch(ctx, service, deployment);
  emitDeploymentStateChange(
    ctx,
    service,
    'SERVICE_DEPLOYMENT_IN_PROGRESS',
    deployment.id,
    deployment.rolloutStateReason,
  );
  return deployment;
}

export type RollbackCause = 'circuit breaker' | 'alarm' | 'CodeDeploy hook';

/**
 * The reason a rollback deployment gives: the circuit breaker's is ECS's text (§16);
 * Model: an alarm's and a CodeDeploy hook's are Berth's, in the same form.
 */
export function rollbackReason(cause: RollbackCause, toId: string): string {
  return `ECS deployment ${cause}: rolling back to deploymentId ${toId}.`;
}

/** The circuit breaker or an alarm stopped the deployment (§9.1). */
export function failDeployment(
  ctx: EngineContext,
  service: ServiceState,
  deployment: DeploymentState,
  reason: string,
): void {
  deployment.rolloutState = 'FAILED';
  deployment.rolloutStateReason = reason;
  touch(ctx, service, deployment);
  emitDeploymentStateChange(ctx, service, 'SERVICE_DEPLOYMENT_FAILED', deployment.id, reason);
}

/**
 * After a scheduler pass: deployments with no task left leave the list (INACTIVE), the
 * older ones' desired counts follow their remaining tasks, and the PRIMARY completes once
 * it alone runs the desired count, each task RUNNING and, with health checks, HEALTHY:
 * the service's steady state (§8.2).
 */
export function settleDeployments(
  ctx: EngineContext,
  service: ServiceState,
  tasks: Iterable<TaskState>,
): void {
  const primary = primaryOf(service);
  const left = new Map<string, number>();
  let primaryHealthy = 0;
  let primaryLive = 0;
  for (const task of tasks) {
    if (task.lastStatus === 'STOPPED') continue;
    const id = task.startedBy ?? '';
    if (task.desiredStatus !== 'STOPPED') left.set(id, (left.get(id) ?? 0) + 1);
    else if (!left.has(id)) left.set(id, 0);
    if (id === primary.id && task.desiredStatus !== 'STOPPED') {
      primaryLive++;
      if (runsSettled(task)) primaryHealthy++;
    }
  }
  const kept = service.deployments.filter((d) => d === primary || left.has(d.id));
  if (kept.length !== service.deployments.length) ctx.out.dirtyServices.add(service.serviceName);
  service.deployments = kept;
  for (const d of kept) {
    if (d === primary) continue;
    const count = left.get(d.id) ?? 0;
    if (d.desiredCount !== count) {
      d.desiredCount = count;
      d.updatedAtMs = ctx.nowMs;
      ctx.out.dirtyServices.add(service.serviceName);
    }
  }
  if (primary.desiredCount !== service.desiredCount) {
    primary.desiredCount = service.desiredCount;
    primary.updatedAtMs = ctx.nowMs;
  }
  // A blue/green deployment is done only once it has moved all production traffic and
  // baked (§11): blue lost before then (a StopTask, a crash) leaves green alone, and
  // completing there left the listener split, the rest answered 503 for good.
  const shifted = primary.stage === undefined || primary.stage === 'CLEAN_UP';
  const done =
    primary.rolloutState === 'IN_PROGRESS' &&
    shifted &&
    kept.length === 1 &&
    primaryLive === service.desiredCount &&
    primaryHealthy === service.desiredCount &&
    service.placementFailure === undefined;
  if (!done) return;
  // §9.2: with alarms, the deployment stays IN_PROGRESS, watched, for its bake time.
  if (service.alarmConfig && !primary.alarmsIgnored && !primary.createdWithService) {
    if (primary.bakeUntilMs === undefined) {
      primary.bakeUntilMs = ctx.nowMs + alarmBakeMs(ctx, service);
      requestReconcile(ctx, service.serviceName, primary.bakeUntilMs);
    }
    if (ctx.nowMs < primary.bakeUntilMs) return;
  }
  primary.rolloutState = 'COMPLETED';
  primary.rolloutStateReason = `ECS deployment ${primary.id} completed.`;
  primary.updatedAtMs = ctx.nowMs;
  ctx.out.dirtyServices.add(service.serviceName);
  const first = primary.createdWithService === true;
  service.lastCompleted = { id: primary.id, taskDefinitionArn: primary.taskDefinitionArn };
  // Model: the deployment a service is created with completes quietly; those that
  // UpdateService or a rollback start say so, as ECS's deployment events do (§16).
  if (first) return;
  serviceEvent(
    ctx,
    service,
    `(service ${service.serviceName}) deployment ${primary.id} deployment completed.`,
  );
  emitDeploymentStateChange(
    ctx,
    service,
    'SERVICE_DEPLOYMENT_COMPLETED',
    primary.id,
    primary.rolloutStateReason,
  );
}
