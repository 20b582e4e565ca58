import type { EngineContext } from '../context';
import type { ServiceState } from '../model/types';

/** Run the service scheduler for this service now; several requests in one instant cost one pass. */
export function requestReconcile(ctx: EngineContext, serviceName: string): void {
  if (ctx.pendingReconciles.has(serviceName)) return;
  ctx.pendingReconciles.add(serviceName);
  ctx.queue.push(ctx.nowMs, { kind: 'reconcile', serviceName });
}

/** Capacity was freed or added in a cluster: services still waiting for a place try again. */
export function requestWaitingReconciles(ctx: EngineContext, clusterName: string): void {
  requestAllReconciles(ctx, (s) => s.clusterName === clusterName);
}

/** Daemons first: ECS places daemon tasks before the others (ecs-behavior §7.1). */
export function requestAllReconciles(
  ctx: EngineContext,
  where: (s: ServiceState) => boolean = () => true,
): void {
  for (const daemonPass of [true, false]) {
    for (const service of ctx.services.values()) {
      if ((service.schedulingStrategy === 'DAEMON') !== daemonPass) continue;
      if (service.status === 'ACTIVE' && where(service)) requestReconcile(ctx, service.serviceName);
    }
  }
}
