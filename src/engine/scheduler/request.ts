import type { EngineContext } from '../context';
import type { ServiceState } from '../model/types';

/** Run the service scheduler for this service at `atMs` (now); requests for one instant cost one pass. */
export function requestReconcile(ctx: EngineContext, serviceName: string, atMs = ctx.nowMs): void {
  const key = reconcileKey(serviceName, atMs);
  if (ctx.pendingReconciles.has(key)) return;
  ctx.pendingReconciles.add(key);
  ctx.queue.push(atMs, { kind: 'reconcile', serviceName });
}

export function reconcileKey(serviceName: string, atMs: number): string {
  return `${atMs}/${serviceName}`;
}

/**
 * Capacity was freed or added in a cluster: services still waiting for a place try again,
 * and so do RunTask's tasks waiting for capacity (§13.2), in their own pass.
 */
export function requestWaitingReconciles(ctx: EngineContext, clusterName: string): void {
  requestAllReconciles(ctx, (s) => s.clusterName === clusterName);
  const key = `cluster:${clusterName}`;
  if ((ctx.capacity.waiting[key]?.length ?? 0) === 0) return;
  const pending = reconcileKey(key, ctx.nowMs);
  if (ctx.pendingReconciles.has(pending)) return;
  ctx.pendingReconciles.add(pending);
  ctx.queue.push(ctx.nowMs, { kind: 'capacity', what: 'place-waiting', cluster: clusterName });
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
