import type { EngineContext } from '../context';

/** Run the service scheduler for this service now; several requests in one instant cost one pass. */
export function requestReconcile(ctx: EngineContext, serviceName: string): void {
  if (ctx.pendingReconciles.has(serviceName)) return;
  ctx.pendingReconciles.add(serviceName);
  ctx.queue.push(ctx.nowMs, { kind: 'reconcile', serviceName });
}

/** Capacity was freed or added in a cluster: services still waiting for a place try again. */
export function requestWaitingReconciles(ctx: EngineContext, clusterName: string): void {
  for (const service of ctx.services.values()) {
    if (service.clusterName === clusterName && service.status === 'ACTIVE') {
      requestReconcile(ctx, service.serviceName);
    }
  }
}
