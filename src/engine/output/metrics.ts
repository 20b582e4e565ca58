import type { MetricDatum } from '../api';
import { type EngineContext, isoAt } from '../context';
import { serviceCounts } from './describe-service';

/** ECS publishes cluster and service metrics once a minute (ecs-behavior §12.1). */
export const METRIC_PERIOD_MS = 60_000;

/**
 * CPUReservation / MemoryReservation (AWS/ECS, per cluster): reserved over registered
 * on ACTIVE and DRAINING instances; task counts per service (ECS/ContainerInsights).
 */
export function emitMetrics(ctx: EngineContext): void {
  const timestamp = isoAt(ctx, ctx.nowMs);
  const period = METRIC_PERIOD_MS / 1000;
  const push = (m: Omit<MetricDatum, 'Timestamp' | 'Period'>) =>
    ctx.out.metrics.push({ ...m, Timestamp: timestamp, Period: period });
  for (const { clusterName } of ctx.design.clusters) {
    // Sums kept as instances join, leave and reserve (lifecycle/tallies.ts): a minute's
    // datapoints cost the clusters and services, not their instances and tasks.
    const sums = ctx.tallies.clusters.get(clusterName);
    const cpu = sums?.registeredCpu ?? 0;
    const cpuUsed = sums?.reservedCpu ?? 0;
    const mem = sums?.registeredMemoryMiB ?? 0;
    const memUsed = sums?.reservedMemoryMiB ?? 0;
    const dims = [{ Name: 'ClusterName', Value: clusterName }];
    const pct = (used: number, total: number) =>
      total === 0 ? 0 : Math.round((used / total) * 10000) / 100;
    push({
      Namespace: 'AWS/ECS',
      MetricName: 'CPUReservation',
      Dimensions: dims,
      Value: pct(cpuUsed, cpu),
      Unit: 'Percent',
    });
    push({
      Namespace: 'AWS/ECS',
      MetricName: 'MemoryReservation',
      Dimensions: dims,
      Value: pct(memUsed, mem),
      Unit: 'Percent',
    });
  }
  for (const service of ctx.services.values()) {
    const { running, pending } = serviceCounts(ctx, service);
    const dims = [
      { Name: 'ClusterName', Value: service.clusterName },
      { Name: 'ServiceName', Value: service.serviceName },
    ];
    const ns = 'ECS/ContainerInsights';
    push({
      Namespace: ns,
      MetricName: 'RunningTaskCount',
      Dimensions: dims,
      Value: running,
      Unit: 'Count',
    });
    push({
      Namespace: ns,
      MetricName: 'PendingTaskCount',
      Dimensions: dims,
      Value: pending,
      Unit: 'Count',
    });
    push({
      Namespace: ns,
      MetricName: 'DesiredTaskCount',
      Dimensions: dims,
      Value: service.desiredCount,
      Unit: 'Count',
    });
  }
}
