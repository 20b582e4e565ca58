import { recordDatum } from '../alarms/alarms';
import { type EngineContext, isoAt } from '../context';
import { liveInstances, reconcileGroup } from './groups';
import { type Reservation, reservationOf } from './reservation';
import type { GroupState, ProviderState } from './state';

/**
 * Managed scaling (ecs-behavior §13.2), once a simulated minute per Auto Scaling group
 * provider associated with a cluster: CapacityProviderReservation is published, then the
 * two alarms ECS creates act on it. Scale-out on one datapoint above targetCapacity (not
 * while an instance is within instanceWarmupPeriod of its launch); scale-in after 15
 * consecutive datapoints below it; a datapoint above cancels the count.
 */

/** The scale-in alarm's datapoints (§13.2: 15 of 15 one-minute datapoints). */
export const SCALE_IN_DATAPOINTS = 15;

function clusterOfProvider(ctx: EngineContext, name: string): string | undefined {
  for (const [cluster, c] of Object.entries(ctx.capacity.clusters)) {
    if (c.capacityProviders.includes(name)) return cluster;
  }
  return undefined;
}

function publish(ctx: EngineContext, cluster: string, provider: string, value: number): void {
  const dims = [
    { Name: 'ClusterName', Value: cluster },
    { Name: 'CapacityProviderName', Value: provider },
  ];
  recordDatum(ctx, 'AWS/ECS/ManagedScaling', 'CapacityProviderReservation', dims, value);
  ctx.out.metrics.push({
    Namespace: 'AWS/ECS/ManagedScaling',
    MetricName: 'CapacityProviderReservation',
    Dimensions: dims,
    Timestamp: isoAt(ctx, ctx.nowMs),
    Value: value,
    Unit: 'Percent',
    Period: 60,
  });
}

/**
 * Managed termination protection: ECS protects the instances running a task that is not a
 * daemon's and unprotects the empty ones, so only empty instances terminate (§13.2).
 * Model: ECS moves the setting as tasks come and go; Berth once a minute, before scaling.
 */
function protectBusy(ctx: EngineContext, group: GroupState): void {
  for (const gi of liveInstances(ctx, group)) {
    const instance = gi.containerInstanceArn
      ? ctx.instances.get(gi.containerInstanceArn)
      : undefined;
    if (!instance) continue;
    let busy = false;
    for (const arn of instance.taskArns) {
      const task = ctx.tasks.get(arn);
      if (!task) continue;
      const daemon =
        task.serviceName !== undefined &&
        ctx.services.get(task.serviceName)?.schedulingStrategy === 'DAEMON';
      if (!daemon) {
        busy = true;
        break;
      }
    }
    gi.protectedFromScaleIn = busy;
  }
}

/**
 * How many instances a scale-out adds (§13.2): from zero, ECS goes to 200% (two instances
 * at target 100; Model: ceil(200 / target) at another target); else what the tasks need
 * at the target, ceil(M x 100 / target) - N, at least minimumScalingStepSize and at most
 * maximumScalingStepSize. With several instance types, exactly minimumScalingStepSize.
 * Model: several zones alone do not force the minimum step.
 */
export function scaleOutStep(p: ProviderState, group: GroupState, r: Reservation): number {
  const ms = p.managedScaling;
  if (group.instanceTypes.length > 1) return ms.minimumScalingStepSize;
  const need =
    r.n === 0
      ? Math.ceil(200 / ms.targetCapacity)
      : Math.ceil((r.m * 100) / ms.targetCapacity) - r.n;
  if (need < ms.minimumScalingStepSize) return ms.minimumScalingStepSize;
  return Math.min(ms.maximumScalingStepSize, need);
}

/**
 * How many instances a scale-in removes. Model (§13.2: "more than one instance and less
 * than 50%", vague): toward ceil(M x 100 / target), at most max(1, floor((N - 1) / 2)) a
 * minute. The steps do not apply to scale-in (API: ManagedScaling).
 */
export function scaleInStep(p: ProviderState, r: Reservation): number {
  const wanted = r.m === 0 ? 0 : Math.ceil((r.m * 100) / p.managedScaling.targetCapacity);
  const excess = r.n - wanted;
  if (excess <= 0) return 0;
  return Math.min(excess, Math.max(1, Math.floor((r.n - 1) / 2)));
}

function warming(ctx: EngineContext, p: ProviderState, group: GroupState): boolean {
  const warmMs = p.managedScaling.instanceWarmupPeriod * 1000;
  return liveInstances(ctx, group).some((i) => ctx.nowMs - i.launchedAtMs < warmMs);
}

function setDesired(ctx: EngineContext, group: GroupState, desired: number): void {
  const bounded = Math.max(group.minSize, Math.min(group.maxSize, desired));
  if (bounded === group.desiredCapacity) return;
  group.desiredCapacity = bounded;
  reconcileGroup(ctx, group);
}

export function capacityProviderMinute(ctx: EngineContext): void {
  for (const p of Object.values(ctx.capacity.providers)) {
    const group = ctx.capacity.groups[p.group];
    const cluster = clusterOfProvider(ctx, p.name);
    if (!group || cluster === undefined) continue;
    if (p.managedTerminationProtection) protectBusy(ctx, group);
    if (p.managedScaling.status !== 'ENABLED') continue;
    const r = reservationOf(ctx, p, group, cluster);
    p.reservation = { ...r, atMs: ctx.nowMs };
    publish(ctx, cluster, p.name, r.value);
    const target = p.managedScaling.targetCapacity;
    if (r.value > target) {
      p.belowTarget = 0;
      if (!warming(ctx, p, group)) setDesired(ctx, group, r.n + scaleOutStep(p, group, r));
    } else if (r.value < target) {
      p.belowTarget++;
      if (p.belowTarget >= SCALE_IN_DATAPOINTS) {
        const step = scaleInStep(p, r);
        if (step > 0) setDesired(ctx, group, Math.min(group.desiredCapacity, r.n - step));
      }
    } else p.belowTarget = 0;
  }
}
