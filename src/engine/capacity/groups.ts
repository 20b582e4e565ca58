import { registerContainerInstance } from '../commands/container-instances';
import { AwsError } from '../commands/errors';
import { terminateInstance } from '../commands/terminate-instance';
import type { EngineContext } from '../context';
import { costInstanceLaunched, costInstanceTerminated } from '../cost';
import { stableHex } from '../ids';
import type { GroupInstance, GroupState } from './state';

/**
 * EC2 Auto Scaling groups: keep DesiredCapacity instances (within MinSize and MaxSize),
 * launched across the group's zones, each booting `bootSeconds` (Model: 60 s) before its
 * agent registers it in the cluster its launch template's user data names.
 */

/** The group's instances that are not terminating, in launch order. */
export function liveInstances(ctx: EngineContext, group: GroupState): GroupInstance[] {
  const out: GroupInstance[] = [];
  for (const id of group.instanceIds) {
    const instance = ctx.capacity.instances[id];
    if (instance && instance.lifecycle !== 'Terminating') out.push(instance);
  }
  return out;
}

function zoneCounts(group: GroupState, live: readonly GroupInstance[]): Map<string, number> {
  const counts = new Map<string, number>(group.zones.map((z) => [z, 0]));
  for (const i of live) counts.set(i.availabilityZone, (counts.get(i.availabilityZone) ?? 0) + 1);
  return counts;
}

/** EC2 Auto Scaling balances zones: each launch goes to the zone with the fewest, the first listed on a tie. */
function launchZone(group: GroupState, counts: Map<string, number>): string | undefined {
  let best: string | undefined;
  for (const z of group.zones) {
    if (best === undefined || (counts.get(z) ?? 0) < (counts.get(best) ?? 0)) best = z;
  }
  return best;
}

function launch(ctx: EngineContext, group: GroupState, zone: string): GroupInstance {
  const n = ctx.capacity.launched++;
  const ec2InstanceId = `i-0${stableHex(`asg/${group.name}/${n}`, 16)}`;
  const template = ctx.capacity.launchTemplates[group.launchTemplate];
  const instance: GroupInstance = {
    ec2InstanceId,
    group: group.name,
    // Model: with several Overrides, every launch takes the first (the `prioritized` allocation).
    instanceType: group.instanceTypes[0] ?? 'unknown',
    availabilityZone: zone,
    lifecycle: 'Pending',
    launchedAtMs: ctx.nowMs,
    protectedFromScaleIn: group.protectNew,
    cluster: template?.cluster ?? 'default',
  };
  ctx.capacity.instances[ec2InstanceId] = instance;
  group.instanceIds.push(ec2InstanceId);
  costInstanceLaunched(ctx, instance);
  ctx.queue.push(ctx.nowMs + group.bootMs, { kind: 'capacity', what: 'boot', ec2InstanceId });
  return instance;
}

/**
 * Which instance a scale-in terminates. Model (EC2 Auto Scaling's default policy, without
 * launch templates to compare or billing hours): never a protected one; from the zone with
 * the most instances; there, one still booting first, then the oldest.
 */
function toTerminate(group: GroupState, live: readonly GroupInstance[]): GroupInstance | undefined {
  const counts = zoneCounts(group, live);
  const free = live.filter((i) => !i.protectedFromScaleIn);
  let best: GroupInstance | undefined;
  const rank = (i: GroupInstance) => [
    counts.get(i.availabilityZone) ?? 0,
    i.lifecycle === 'Pending' ? 1 : 0,
  ];
  for (const i of free) {
    if (!best) {
      best = i;
      continue;
    }
    const [za, pa] = rank(i);
    const [zb, pb] = rank(best);
    if ((za ?? 0) > (zb ?? 0) || (za === zb && (pa ?? 0) > (pb ?? 0))) best = i;
  }
  return best;
}

/** Launch or terminate until the group has its desired capacity (protected instances stay). */
export function reconcileGroup(ctx: EngineContext, group: GroupState): void {
  let live = liveInstances(ctx, group);
  const counts = zoneCounts(group, live);
  while (live.length < group.desiredCapacity) {
    const zone = launchZone(group, counts);
    if (zone === undefined) return;
    live.push(launch(ctx, group, zone));
    counts.set(zone, (counts.get(zone) ?? 0) + 1);
  }
  while (live.length > group.desiredCapacity) {
    const victim = toTerminate(group, live);
    if (!victim) return;
    terminateGroupInstance(ctx, victim);
    live = liveInstances(ctx, group);
  }
}

export function reconcileGroups(ctx: EngineContext): void {
  for (const group of Object.values(ctx.capacity.groups)) reconcileGroup(ctx, group);
}

/** The instance leaves its group: its container instance (if it registered) is terminated too. */
export function terminateGroupInstance(ctx: EngineContext, instance: GroupInstance): void {
  instance.lifecycle = 'Terminating';
  forgetInstance(ctx, instance);
  if (
    instance.containerInstanceArn !== undefined &&
    ctx.instanceArnByEc2Id.has(instance.ec2InstanceId)
  ) {
    terminateInstance(ctx, { ec2InstanceId: instance.ec2InstanceId });
  }
}

function forgetInstance(ctx: EngineContext, instance: GroupInstance): void {
  costInstanceTerminated(ctx, instance.ec2InstanceId);
  const group = ctx.capacity.groups[instance.group];
  if (group) group.instanceIds = group.instanceIds.filter((id) => id !== instance.ec2InstanceId);
  delete ctx.capacity.instances[instance.ec2InstanceId];
}

/**
 * An instance of a group was terminated from outside (a TerminateInstance fault, a failed
 * zone): the group forgets it and, its desired capacity unchanged, launches a replacement.
 */
export function onInstanceLost(ctx: EngineContext, ec2InstanceId: string): void {
  const instance = ctx.capacity.instances[ec2InstanceId];
  if (!instance || instance.lifecycle === 'Terminating') return;
  forgetInstance(ctx, instance);
  const group = ctx.capacity.groups[instance.group];
  if (group) reconcileGroup(ctx, group);
}

/**
 * The instance has booted: its agent registers it (RegisterContainerInstance). Model: an
 * instance whose user data names a cluster the design does not have runs, unregistered.
 */
export function onBooted(ctx: EngineContext, ec2InstanceId: string): void {
  const instance = ctx.capacity.instances[ec2InstanceId];
  if (instance?.lifecycle !== 'Pending') return;
  instance.lifecycle = 'InService';
  const group = ctx.capacity.groups[instance.group];
  const template = group ? ctx.capacity.launchTemplates[group.launchTemplate] : undefined;
  if (!ctx.design.clusters.some((c) => c.clusterName === instance.cluster)) return;
  try {
    const attributes = Object.entries(template?.attributes ?? {}).map(([name, value]) => ({
      name,
      value,
    }));
    const response = registerContainerInstance(ctx, {
      cluster: instance.cluster,
      ec2InstanceId,
      instanceType: instance.instanceType,
      availabilityZone: instance.availabilityZone,
      ...(attributes.length > 0 && { attributes }),
    });
    const ci = response.containerInstance as { containerInstanceArn?: string } | undefined;
    if (ci?.containerInstanceArn !== undefined)
      instance.containerInstanceArn = ci.containerInstanceArn;
  } catch (error) {
    // An instance type Berth does not know cannot register; it stays unregistered.
    if (!(error instanceof AwsError)) throw error;
  }
}
