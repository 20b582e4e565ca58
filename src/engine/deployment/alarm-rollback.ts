import type { EngineContext } from '../context';
import type { DeploymentState, ServiceState } from '../model/types';
import { requestReconcile } from '../scheduler/request';
import { failDeployment, primaryOf } from './deployments';
import { rollBack } from './task-hooks';

/**
 * CloudWatch alarm rollback (ecs-behavior §9.2): a deployment fails as soon as one of
 * its service's alarms enters ALARM, unless one was in ALARM when it started; after its
 * tasks are in place it stays IN_PROGRESS for a bake time, still watched.
 * Model: the bake time is the longest Period x EvaluationPeriods of its alarms (ECS does
 * not publish how it derives it); the reason text is Berth's.
 */

export function alarmBakeMs(ctx: EngineContext, service: ServiceState): number {
  const names = new Set(service.alarmConfig?.alarmNames ?? []);
  let ms = 0;
  for (const a of ctx.design.alarms ?? [])
    if (names.has(a.AlarmName)) ms = Math.max(ms, a.Period * a.EvaluationPeriods * 1000);
  return ms;
}

/** When a deployment starts: an alarm already in ALARM silences them all for it. */
export function noteAlarmsAtStart(
  ctx: EngineContext,
  service: ServiceState,
  deployment: DeploymentState,
): void {
  if (!service.alarmConfig) return;
  if (service.alarmConfig.alarmNames.some((n) => ctx.alarms.get(n)?.state === 'ALARM'))
    deployment.alarmsIgnored = true;
}

/** Alarms that entered ALARM this minute fail the deployments they watch. */
export function onAlarms(ctx: EngineContext, entered: readonly string[]): void {
  if (entered.length === 0) return;
  for (const service of ctx.services.values()) {
    const config = service.alarmConfig;
    if (!config) continue;
    const hit = config.alarmNames.find((n) => entered.includes(n));
    const deployment = primaryOf(service);
    if (!hit || deployment.rolloutState !== 'IN_PROGRESS' || deployment.alarmsIgnored) continue;
    if (deployment.createdWithService) continue;
    failDeployment(
      ctx,
      service,
      deployment,
      `ECS deployment ${deployment.id} failed: alarm ${hit} is in ALARM.`,
    );
    if (config.rollback) rollBack(ctx, service, deployment, 'alarm');
    requestReconcile(ctx, service.serviceName);
  }
}
