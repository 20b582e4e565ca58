import type { EngineContext } from '../context';
import { liveInstances } from './groups';
import { SCALE_IN_DATAPOINTS, scaleInStep, scaleOutStep } from './managed-scaling';
import { type Reservation, reservationOf } from './reservation';
import type { GroupState, ProviderState } from './state';
import { provisioningTasksOf } from './view';

/**
 * "Why has the group not scaled yet?" (pure): a capacity provider's managed scaling
 * (ecs-behavior §13.2) as the next minute will play it if nothing changes before then,
 * read from the functions managed-scaling.ts scales by: the reservation now, the step
 * it would take, the warm-up, the group's bounds and the 15-datapoint scale-in count.
 */

export type CapacityHold =
  /** The provider is not associated with a cluster: nothing publishes its reservation. */
  | 'NotAssociated'
  | 'ManagedScalingDisabled'
  /** Scale-out waits while an instance is within instanceWarmupPeriod of its launch. */
  | 'InstanceWarmup'
  | 'MaxSize'
  | 'MinSize'
  /** Scale-in needs 15 consecutive minutes below target. */
  | 'BelowTargetMinutes'
  /** Managed termination protection: only empty instances terminate. */
  | 'ScaleInProtection';

export interface CapacityProviderExplanation {
  name: string;
  autoScalingGroupName: string;
  clusterName?: string;
  status: 'ENABLED' | 'DISABLED';
  targetCapacity: number;
  minimumScalingStepSize: number;
  maximumScalingStepSize: number;
  instanceWarmupPeriod: number;
  managedTerminationProtection: boolean;
  /** The last minute's CapacityProviderReservation. */
  lastReservation?: { value: number; m: number; n: number; atMs: number };
  /** What the next minute's would be if nothing changes before it: M, N and M / N x 100. */
  reservation?: Reservation;
  group: { minSize: number; maxSize: number; desiredCapacity: number; instances: number };
  /** Instances still within the warm-up, with the ms it has left. */
  warmingUp: { instanceId: string; leftMs: number }[];
  /** Instances protected from scale-in (by managed termination protection or the group). */
  protectedInstances: number;
  minutesBelowTarget: number;
  scaleInDatapoints: number;
  /** Tasks waiting in PROVISIONING for this provider's capacity. */
  provisioningTasks: number;
  /** What the next minute does: the desired capacity it sets, or nothing. */
  next: { action: 'scale-out' | 'scale-in' | 'none'; from: number; to: number };
  /** Scale-out: the instances the tasks need at target, ceil(M x 100 / target) - N, and the step taken. */
  step?: { need: number; instances: number; limitedBy?: 'minimum' | 'maximum' | 'instanceTypes' };
  heldBy?: CapacityHold;
  summary: string;
}

function clusterOf(ctx: EngineContext, provider: string): string | undefined {
  for (const [cluster, c] of Object.entries(ctx.capacity.clusters))
    if (c.capacityProviders.includes(provider)) return cluster;
  return undefined;
}

function warmingUp(ctx: EngineContext, p: ProviderState, group: GroupState) {
  const warmMs = p.managedScaling.instanceWarmupPeriod * 1000;
  return liveInstances(ctx, group)
    .filter((i) => ctx.nowMs - i.launchedAtMs < warmMs)
    .map((i) => ({ instanceId: i.ec2InstanceId, leftMs: i.launchedAtMs + warmMs - ctx.nowMs }));
}

/** The scale-out step with the rule that set it (managed-scaling.ts scaleOutStep gives the number). */
function stepOf(p: ProviderState, group: GroupState, r: Reservation) {
  const ms = p.managedScaling;
  const instances = scaleOutStep(p, group, r);
  const need =
    r.n === 0
      ? Math.ceil(200 / ms.targetCapacity)
      : Math.ceil((r.m * 100) / ms.targetCapacity) - r.n;
  const limitedBy =
    group.instanceTypes.length > 1
      ? ('instanceTypes' as const)
      : need < ms.minimumScalingStepSize
        ? ('minimum' as const)
        : need > ms.maximumScalingStepSize
          ? ('maximum' as const)
          : undefined;
  return { need, instances, ...(limitedBy && { limitedBy }) };
}

const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

export function explainCapacityProvider(
  ctx: EngineContext,
  name: string,
): CapacityProviderExplanation | undefined {
  const p = ctx.capacity.providers[name];
  if (!p) return undefined;
  const group = ctx.capacity.groups[p.group];
  const clusterName = clusterOf(ctx, p.name);
  const ms = p.managedScaling;
  const live = group ? liveInstances(ctx, group) : [];
  const desired = group?.desiredCapacity ?? 0;
  const base: CapacityProviderExplanation = {
    name: p.name,
    autoScalingGroupName: p.group,
    ...(clusterName !== undefined && { clusterName }),
    status: ms.status,
    targetCapacity: ms.targetCapacity,
    minimumScalingStepSize: ms.minimumScalingStepSize,
    maximumScalingStepSize: ms.maximumScalingStepSize,
    instanceWarmupPeriod: ms.instanceWarmupPeriod,
    managedTerminationProtection: p.managedTerminationProtection,
    ...(p.reservation && { lastReservation: { ...p.reservation } }),
    group: {
      minSize: group?.minSize ?? 0,
      maxSize: group?.maxSize ?? 0,
      desiredCapacity: desired,
      instances: live.length,
    },
    warmingUp: [],
    protectedInstances: live.filter((i) => i.protectedFromScaleIn).length,
    minutesBelowTarget: p.belowTarget,
    scaleInDatapoints: SCALE_IN_DATAPOINTS,
    provisioningTasks: provisioningTasksOf(ctx, p.name),
    next: { action: 'none', from: desired, to: desired },
    summary: '',
  };
  const waiting =
    base.provisioningTasks > 0
      ? ` ${plural(base.provisioningTasks, 'task waits', 'tasks wait')} in PROVISIONING for its capacity.`
      : '';
  if (!group || clusterName === undefined)
    return {
      ...base,
      heldBy: 'NotAssociated',
      summary: `${p.name} is not associated with a cluster (PutClusterCapacityProviders), so it publishes no reservation and does not scale.${waiting}`,
    };
  if (ms.status !== 'ENABLED')
    return {
      ...base,
      heldBy: 'ManagedScalingDisabled',
      summary: `Managed scaling is off for ${p.name}: the group ${group.name} keeps its desired capacity ${desired}.${waiting}`,
    };
  const r = reservationOf(ctx, p, group, clusterName);
  const target = ms.targetCapacity;
  const cpr = `CapacityProviderReservation would be ${r.value} (M ${r.m} / N ${r.n})`;
  const out: CapacityProviderExplanation = { ...base, reservation: r };
  if (r.value > target) {
    out.step = stepOf(p, group, r);
    out.warmingUp = warmingUp(ctx, p, group);
    const to = Math.max(group.minSize, Math.min(group.maxSize, r.n + out.step.instances));
    if (out.warmingUp.length > 0) {
      const first = out.warmingUp.reduce((a, b) => (b.leftMs > a.leftMs ? b : a));
      out.heldBy = 'InstanceWarmup';
      out.summary = `${cpr}, above the target ${target}, but scale-out waits for the instance warm-up: ${first.instanceId} has ${Math.ceil(first.leftMs / 1000)} s of its ${ms.instanceWarmupPeriod} s left.${waiting}`;
    } else if (to === desired) {
      out.heldBy = 'MaxSize';
      out.summary = `${cpr}, above the target ${target}, but the group ${group.name} is at its maximum size ${group.maxSize}.${waiting}`;
    } else {
      out.next = { action: 'scale-out', from: desired, to };
      const why =
        out.step.limitedBy === 'maximum'
          ? ` (the tasks need ${out.step.need}; maximumScalingStepSize is ${ms.maximumScalingStepSize})`
          : out.step.limitedBy === 'minimum'
            ? ` (the tasks need ${out.step.need}; minimumScalingStepSize is ${ms.minimumScalingStepSize})`
            : out.step.limitedBy === 'instanceTypes'
              ? ' (several instance types: exactly minimumScalingStepSize)'
              : '';
      const capped = to < r.n + out.step.instances ? `, capped by MaxSize ${group.maxSize}` : '';
      out.summary = `${cpr}, above the target ${target}: the next minute adds ${plural(to - desired, 'instance')}${why}${capped}, desired capacity ${desired} to ${to}.${waiting}`;
    }
    return out;
  }
  if (r.value < target) {
    const count = p.belowTarget + 1;
    if (count < SCALE_IN_DATAPOINTS) {
      out.heldBy = 'BelowTargetMinutes';
      out.summary = `${cpr}, below the target ${target}: scale-in needs ${SCALE_IN_DATAPOINTS} minutes in a row below it; the next minute makes ${count}.${waiting}`;
      return out;
    }
    const step = scaleInStep(p, r);
    const to = Math.max(group.minSize, Math.min(desired, r.n - step));
    if (step === 0 || to === desired) {
      out.heldBy = 'MinSize';
      out.summary = `${cpr}, below the target ${target} for ${count} minutes, but the group ${group.name} is at its minimum size ${group.minSize}.${waiting}`;
      return out;
    }
    out.next = { action: 'scale-in', from: desired, to };
    const free = live.length - out.protectedInstances;
    const protection =
      free < desired - to
        ? ` Only ${plural(free, 'instance')} without scale-in protection can terminate${p.managedTerminationProtection ? ' (managed termination protection keeps instances with tasks)' : ''}.`
        : '';
    if (protection) out.heldBy = 'ScaleInProtection';
    out.summary = `${cpr}, below the target ${target} for ${count} minutes: the next minute lowers the desired capacity from ${desired} to ${to}.${protection}${waiting}`;
    return out;
  }
  out.summary = `${cpr}, at the target ${target}: managed scaling leaves the group at ${desired}.${waiting}`;
  return out;
}
