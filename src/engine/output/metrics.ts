import { evaluateAlarms, recordDatum } from '../alarms/alarms';
import type { MetricDatum } from '../api';
import { type MinuteServed, serviceUtilization } from '../autoscaling/utilization';
import { type EngineContext, isoAt } from '../context';
import { onAlarms } from '../deployment/alarm-rollback';
import { emitCallMetrics } from '../discovery/metrics';
import { advanceTraffic, trafficTargetGroups } from '../elb/traffic';
import { serviceCounts } from './describe-service';
import { noteTraffic } from './history';

/** ECS publishes cluster and service metrics once a minute (ecs-behavior §12.1). */
export const METRIC_PERIOD_MS = 60_000;

type Push = (m: Omit<MetricDatum, 'Timestamp' | 'Period'>) => void;

/**
 * CPUReservation / MemoryReservation (AWS/ECS, per cluster): reserved over registered
 * on ACTIVE and DRAINING instances; task counts per service (ECS/ContainerInsights);
 * the load balancers' minute; then each service's CPUUtilization and MemoryUtilization
 * (AWS/ECS), which need the requests its targets served in that minute.
 */
export function emitMetrics(ctx: EngineContext): void {
  const timestamp = isoAt(ctx, ctx.nowMs);
  const period = METRIC_PERIOD_MS / 1000;
  const push: Push = (m) => {
    recordDatum(ctx, m.Namespace, m.MetricName, m.Dimensions, m.Value);
    ctx.out.metrics.push({ ...m, Timestamp: timestamp, Period: period });
  };
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
  const served = emitTrafficMetrics(ctx, push);
  emitCallMetrics(ctx, push);
  emitUtilization(ctx, push, served);
  // The minute's datapoints are in: the alarms judge it, and fail what they watch.
  onAlarms(ctx, evaluateAlarms(ctx));
}

/**
 * AWS/ApplicationELB for the minute that ended (ecs-behavior §14): per target group
 * RequestCount, RequestCountPerTarget, HealthyHostCount and UnHealthyHostCount; per load
 * balancer RequestCount and HTTPCode_ELB_5XX_Count, the 503s of groups with no healthy target.
 * Model: the values are the fluid model's, rounded to whole requests.
 */
function emitTrafficMetrics(ctx: EngineContext, push: Push): MinuteServed {
  const minute = new Map<string, { served: number; byRevision: Record<string, number> }>();
  if (ctx.listenerTraffic.size === 0) return minute;
  const perLb = new Map<string, { requests: number; failed: number }>();
  const chart: Record<string, { served: number; failed: number; healthy: number }> = {};
  for (const arn of trafficTargetGroups(ctx)) {
    advanceTraffic(ctx, arn);
    // A group that nothing reached yet (the first minute) reports zeros.
    const acc = ctx.traffic.get(arn) ?? { lastMs: ctx.nowMs, served: 0, failed: 0 };
    ctx.traffic.set(arn, acc);
    const tg = ctx.targetGroups.get(arn);
    if (!acc || !tg) continue;
    const served = Math.round(acc.served);
    const failed = Math.round(acc.failed);
    acc.served = 0;
    acc.failed = 0;
    const was = acc.lastMinute;
    const byRevision: Record<string, number> = {};
    for (const [revision, n] of Object.entries(acc.byRevision ?? {}))
      if (Math.round(n) > 0) byRevision[revision] = Math.round(n);
    delete acc.byRevision;
    acc.lastMinute = { served, failed, byRevision };
    minute.set(arn, { served, byRevision });
    // The services behind it show the new minute on their edges.
    if (
      was?.served !== served ||
      was?.failed !== failed ||
      JSON.stringify(was?.byRevision) !== JSON.stringify(byRevision)
    )
      for (const service of ctx.services.values())
        if (
          service.targets.some((t) => t.targetGroupArn === arn || t.alternateTargetGroupArn === arn)
        )
          ctx.out.dirtyServices.add(service.serviceName);
    const tally = ctx.tallies.targets.get(arn);
    chart[tg.name] = { served, failed, healthy: tally?.healthy ?? 0 };
    const group = { Name: 'TargetGroup', Value: arn.slice(arn.indexOf('targetgroup/')) };
    const lb = tg.loadBalancerDimension;
    const both = lb ? [group, { Name: 'LoadBalancer', Value: lb }] : [group];
    const ns = 'AWS/ApplicationELB';
    push({
      Namespace: ns,
      MetricName: 'RequestCount',
      Dimensions: both,
      Value: served,
      Unit: 'Count',
    });
    push({
      Namespace: ns,
      MetricName: 'RequestCountPerTarget',
      Dimensions: [group],
      Value: Math.round(served / Math.max(1, tally?.healthy ?? 0)),
      Unit: 'Count',
    });
    push({
      Namespace: ns,
      MetricName: 'HealthyHostCount',
      Dimensions: both,
      Value: tally?.healthy ?? 0,
      Unit: 'Count',
    });
    push({
      Namespace: ns,
      MetricName: 'UnHealthyHostCount',
      Dimensions: both,
      Value: tally?.unhealthy ?? 0,
      Unit: 'Count',
    });
    if (lb) {
      const sums = perLb.get(lb) ?? { requests: 0, failed: 0 };
      sums.requests += served + failed;
      sums.failed += failed;
      perLb.set(lb, sums);
    }
  }
  for (const [lb, sums] of perLb) {
    const dims = [{ Name: 'LoadBalancer', Value: lb }];
    push({
      Namespace: 'AWS/ApplicationELB',
      MetricName: 'RequestCount',
      Dimensions: dims,
      Value: sums.requests,
      Unit: 'Count',
    });
    push({
      Namespace: 'AWS/ApplicationELB',
      MetricName: 'HTTPCode_ELB_5XX_Count',
      Dimensions: dims,
      Value: sums.failed,
      Unit: 'Count',
    });
  }
  noteTraffic(ctx, chart);
  return minute;
}

/** Service CPUUtilization and MemoryUtilization (autoscaling/utilization.ts has the model). */
function emitUtilization(ctx: EngineContext, push: Push, served: MinuteServed): void {
  for (const service of ctx.services.values()) {
    const u = serviceUtilization(ctx, service, served);
    if (!u) continue;
    const dims = [
      { Name: 'ClusterName', Value: service.clusterName },
      { Name: 'ServiceName', Value: service.serviceName },
    ];
    push({
      Namespace: 'AWS/ECS',
      MetricName: 'CPUUtilization',
      Dimensions: dims,
      Value: u.cpuPercent,
      Unit: 'Percent',
    });
    push({
      Namespace: 'AWS/ECS',
      MetricName: 'MemoryUtilization',
      Dimensions: dims,
      Value: u.memoryPercent,
      Unit: 'Percent',
    });
  }
}
