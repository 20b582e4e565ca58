import type { EngineContext } from '../context';
import { healthFailure } from '../elb/messages';
import { hasUnhealthyTarget } from '../elb/targets';
import { setRoute } from '../elb/traffic';
import { stopTask } from '../lifecycle/transitions';
import type { DeploymentState, DeploymentStrategy, ServiceState, TaskState } from '../model/types';
import { serviceEvent, taskList } from '../output/service-events';
import { requestReconcile } from '../scheduler/request';
import { liveTasks, scaleOut } from '../scheduler/scale';
import { hookSucceeds } from './codedeploy';
import { failDeployment, primaryOf } from './deployments';
import { countsAsHealthy } from './health';
import { mayLaunch } from './rolling';
import { nextTrafficPercent, stepBakeMs } from './strategy';
import { countHealthCheckFailure, rollBack } from './task-hooks';

/**
 * ECS's blue/green, linear and canary deployments (ecs-behavior §11): the new revision
 * (green) is scaled to the full desired count in the other target group while the old
 * one (blue) serves; once every green task is healthy, production traffic moves to it (at
 * once, in linear steps, or a canary then the rest), both run through the bake time,
 * then blue is scaled down.
 *
 * Model: TEST_TRAFFIC_SHIFT moves the test route (testListenerRule, or CodeDeploy's test
 * listener) wholly to green once green is healthy, and it and the hook-only stages take
 * no time; the stages named here are the ones a person can watch. Blue tasks that fail
 * while green scales up are not replaced.
 */

/** The deployment's own plan (a CodeDeploy config), else the service's strategy. */
function planOf(service: ServiceState, deployment: DeploymentState): DeploymentStrategy {
  return deployment.plan ?? service.strategy;
}

/**
 * Run the CodeDeploy hooks due before `upTo` (in AppSpec order). A hook whose function
 * fails fails the deployment; it rolls back when the group's auto rollback is on, except
 * for BeforeInstall, which cannot (§10). Returns false when one failed.
 * Model: a hook takes no time.
 */
function runHooks(
  ctx: EngineContext,
  service: ServiceState,
  green: DeploymentState,
  upTo: readonly string[],
): boolean {
  const cd = green.codeDeploy;
  if (!cd) return true;
  while (cd.hooks.length > 0 && upTo.includes(cd.hooks[0]?.event ?? '')) {
    const hook = cd.hooks.shift();
    if (!hook || hookSucceeds(ctx, hook.fn)) continue;
    failDeployment(
      ctx,
      service,
      green,
      `CodeDeploy deployment ${cd.id}: lifecycle hook ${hook.event} (${hook.fn}) failed.`,
    );
    // Before install nothing is deployed: blue is PRIMARY again either way.
    if (cd.autoRollback || hook.event === 'BeforeInstall')
      rollBack(ctx, service, green, 'CodeDeploy hook');
    return false;
  }
  return true;
}

export function isBlueGreen(service: ServiceState): boolean {
  const primary = service.deployments[0];
  return (
    primary !== undefined &&
    primary.strategy !== 'ROLLING' &&
    primary.rolloutState === 'IN_PROGRESS' &&
    primary.stage !== undefined
  );
}

/** Each blue/green pair with the route it shifts: a rule's key, or a listener's for its default. */
function groups(service: ServiceState, side: 'primary' | 'alternate') {
  return service.targets.flatMap((t) =>
    t.alternateTargetGroupArn && t.listenerArn
      ? [
          {
            route: t.listenerArn,
            mine: side === 'alternate' ? t.alternateTargetGroupArn : t.targetGroupArn,
            other: side === 'alternate' ? t.targetGroupArn : t.alternateTargetGroupArn,
          },
        ]
      : [],
  );
}

/**
 * Test traffic (TEST_TRAFFIC_SHIFT, or CodeDeploy's test listener): all of it to the
 * deployment's groups. Model: it stays there after the deployment, so the test route
 * always reaches the newest revision; a rollback moves it back with production.
 */
export function routeTestTraffic(
  ctx: EngineContext,
  service: ServiceState,
  side: DeploymentState['targetSide'],
): void {
  for (const t of service.targets) {
    if (!t.testRoute || !t.alternateTargetGroupArn) continue;
    const mine = side === 'alternate' ? t.alternateTargetGroupArn : t.targetGroupArn;
    setRoute(ctx, t.testRoute, [[mine, 1]]);
  }
}

/**
 * RECONCILE_SERVICE (§11: only when more than one revision is active): a deployment
 * started while a blue/green one is still in progress. Model: the one in progress is
 * abandoned as a rollback would leave it (production and test traffic back on the
 * production side, its tasks stopped), so the new one scales up into the other group
 * with one revision serving.
 */
export function reconcileServiceFirst(ctx: EngineContext, service: ServiceState): void {
  const green = service.deployments.find(
    (d) =>
      d.status === 'PRIMARY' &&
      d.rolloutState === 'IN_PROGRESS' &&
      d.stage !== undefined &&
      d.stage !== 'CLEAN_UP' &&
      d.targetSide !== service.productionSide,
  );
  if (!green) return;
  routeTraffic(ctx, service, green, 0);
  routeTestTraffic(ctx, service, service.productionSide);
  for (const task of ctx.serviceTasks.get(service.serviceName) ?? []) {
    if (task.startedBy === green.id && task.desiredStatus !== 'STOPPED')
      stopTask(
        ctx,
        task,
        'ServiceSchedulerInitiated',
        `Scaling activity initiated by (deployment ${green.id})`,
      );
  }
  delete green.stage;
  delete green.stageUntilMs;
  green.trafficPercent = 0;
  green.updatedAtMs = ctx.nowMs;
  // Model: Berth's words; ECS reports it as the new deployment's lifecycle stage.
  serviceEvent(
    ctx,
    service,
    `(service ${service.serviceName}) deployment ${green.id} is replaced by a new deployment: production traffic is back on the running revision while it starts.`,
  );
}

/** Production traffic: `percent` to the deployment's groups, the rest to the others. */
export function routeTraffic(
  ctx: EngineContext,
  service: ServiceState,
  deployment: DeploymentState,
  percent: number,
): void {
  for (const g of groups(service, deployment.targetSide)) {
    setRoute(ctx, g.route, [
      [g.other, 100 - percent],
      [g.mine, percent],
    ]);
  }
}

function shift(ctx: EngineContext, service: ServiceState, green: DeploymentState, percent: number) {
  green.trafficPercent = percent;
  green.updatedAtMs = ctx.nowMs;
  routeTraffic(ctx, service, green, percent);
  ctx.out.dirtyServices.add(service.serviceName);
  // Model: Berth's words; ECS reports the shift as the deployment's lifecycle stage.
  serviceEvent(
    ctx,
    service,
    `(service ${service.serviceName}) deployment ${green.id} shifted ${percent}% of production traffic to the new revision.`,
  );
  const bake = stepBakeMs(planOf(service, green), percent);
  if (percent >= 100) {
    green.stage = 'BAKE_TIME';
    green.stageUntilMs = ctx.nowMs + planOf(service, green).bakeTimeMs;
  } else {
    green.stage = 'PRODUCTION_TRAFFIC_SHIFT';
    green.stageUntilMs = ctx.nowMs + bake;
  }
  requestReconcile(ctx, service.serviceName, green.stageUntilMs);
}

function cleanUp(
  ctx: EngineContext,
  service: ServiceState,
  green: DeploymentState,
  blue: TaskState[],
) {
  green.stage = 'CLEAN_UP';
  delete green.stageUntilMs;
  service.productionSide = green.targetSide;
  const stopped: string[] = [];
  for (const task of blue) {
    stopTask(
      ctx,
      task,
      'ServiceSchedulerInitiated',
      `Scaling activity initiated by (deployment ${green.id})`,
    );
    stopped.push(task.taskId);
  }
  if (stopped.length > 0)
    serviceEvent(
      ctx,
      service,
      `(service ${service.serviceName}) has stopped ${stopped.length} running tasks: ${taskList(stopped)}.`,
    );
}

export function reconcileBlueGreen(ctx: EngineContext, service: ServiceState): void {
  const green = primaryOf(service);
  const desired = service.desiredCount;
  const live = liveTasks(ctx, service);
  const mine = live.filter((t) => t.startedBy === green.id);
  const blue = live.filter((t) => t.startedBy !== green.id);
  const graceMs = service.healthCheckGracePeriodSeconds * 1000;
  const sick = mine.filter(
    (t) =>
      (t.healthStatus === 'UNHEALTHY' || hasUnhealthyTarget(t)) &&
      ctx.nowMs >= (t.startedAtMs ?? ctx.nowMs) + graceMs,
  );
  for (const task of sick) {
    task.failedHealthCheck = true;
    const { message, stoppedReason } = healthFailure(ctx, service, task);
    serviceEvent(ctx, service, message);
    stopTask(ctx, task, 'ServiceSchedulerInitiated', stoppedReason);
  }
  const good = mine.filter((t) => !sick.includes(t));
  // §7.2: a green task lost at any stage is replaced (a crash after the shift too), so the
  // service never runs down to nothing while traffic is on green.
  if (good.length < desired && mayLaunch(ctx, service))
    scaleOut(ctx, service, desired - good.length);
  switch (green.stage) {
    case 'SCALE_UP': {
      if (!runHooks(ctx, service, green, ['BeforeInstall'])) return;
      // §11: the new revision is scaled to 100% of the desired count before any shift.
      const healthy = good.filter((t) => countsAsHealthy(ctx, t)).length;
      if (healthy < desired) break;
      if (!runHooks(ctx, service, green, ['AfterInstall'])) return;
      routeTestTraffic(ctx, service, green.targetSide);
      if (!runHooks(ctx, service, green, ['AfterAllowTestTraffic', 'BeforeAllowTraffic'])) return;
      shift(ctx, service, green, nextTrafficPercent(planOf(service, green), 0));
      break;
    }
    case 'PRODUCTION_TRAFFIC_SHIFT':
      if (ctx.nowMs >= (green.stageUntilMs ?? 0))
        shift(
          ctx,
          service,
          green,
          nextTrafficPercent(planOf(service, green), green.trafficPercent ?? 0),
        );
      break;
    default:
      break;
  }
  if (green.stage === 'BAKE_TIME' && !runHooks(ctx, service, green, ['AfterAllowTraffic'])) return;
  if (green.stage === 'BAKE_TIME' && ctx.nowMs >= (green.stageUntilMs ?? 0))
    cleanUp(ctx, service, green, blue);
  // Back in CLEAN_UP after a newer deployment failed and rolled back to this one: that
  // deployment's tasks (say an unhealthy one the newer deployment never replaced) go too,
  // or they would hold this deployment IN_PROGRESS for good.
  else if (green.stage === 'CLEAN_UP' && blue.length > 0) cleanUp(ctx, service, green, blue);
  // After the pass: a breaker that trips rolls traffic back (task-hooks.ts).
  for (const task of sick) countHealthCheckFailure(ctx, service, task);
}
