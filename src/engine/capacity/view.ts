import type { AutoScalingGroupView, CapacityProviderView, CapacityView } from '../api';
import type { EngineContext } from '../context';
import type { GroupState, ProviderState } from './state';

/**
 * The page's view of Auto Scaling groups and capacity providers (api.ts CapacityView).
 * Costs the groups' instances and the tasks waiting for capacity, never every task.
 */

export function groupView(ctx: EngineContext, group: GroupState): AutoScalingGroupView {
  const instances: AutoScalingGroupView['instances'] = [];
  for (const id of group.instanceIds) {
    const i = ctx.capacity.instances[id];
    if (!i) continue;
    instances.push({
      instanceId: i.ec2InstanceId,
      instanceType: i.instanceType,
      availabilityZone: i.availabilityZone,
      lifecycleState: i.lifecycle,
      protectedFromScaleIn: i.protectedFromScaleIn,
      launchedAtMs: i.launchedAtMs,
      ...(i.containerInstanceArn !== undefined && { containerInstanceArn: i.containerInstanceArn }),
    });
  }
  return {
    autoScalingGroupName: group.name,
    minSize: group.minSize,
    maxSize: group.maxSize,
    desiredCapacity: group.desiredCapacity,
    instanceTypes: [...group.instanceTypes],
    availabilityZones: [...group.zones],
    instances,
  };
}

/** Tasks waiting in PROVISIONING for the provider's capacity: a walk of the waiting lists only. */
export function provisioningTasksOf(ctx: EngineContext, providerName: string): number {
  let n = 0;
  for (const list of Object.values(ctx.capacity.waiting))
    for (const arn of list) if (ctx.capacity.tasks[arn]?.capacityProviderName === providerName) n++;
  return n;
}

export function providerView(ctx: EngineContext, p: ProviderState): CapacityProviderView {
  return {
    name: p.name,
    autoScalingGroupName: p.group,
    managedScaling: { ...p.managedScaling },
    managedTerminationProtection: p.managedTerminationProtection,
    ...(p.reservation && { reservation: { ...p.reservation } }),
    minutesBelowTarget: p.belowTarget,
    provisioningTasks: provisioningTasksOf(ctx, p.name),
  };
}

/** Groups and providers now; undefined when the run has neither. */
export function capacityView(ctx: EngineContext): CapacityView | undefined {
  const groups = Object.values(ctx.capacity.groups);
  const providers = Object.values(ctx.capacity.providers);
  if (groups.length === 0 && providers.length === 0) return undefined;
  return {
    groups: groups.map((g) => groupView(ctx, g)),
    providers: providers.map((p) => providerView(ctx, p)),
  };
}

/** A group's counts for the chart: desired, InService, and launched but not yet registered. */
export interface GroupCounts {
  desired: number;
  inService: number;
  pending: number;
}

/**
 * Model: "pending" is an instance still booting (lifecycle Pending): its agent registers it
 * as it boots, so that is "launched and not yet registered". One that booted but found no
 * cluster to register in counts InService, as EC2 Auto Scaling sees it.
 */
export function groupCounts(ctx: EngineContext, group: GroupState): GroupCounts {
  let inService = 0;
  let pending = 0;
  for (const id of group.instanceIds) {
    const lifecycle = ctx.capacity.instances[id]?.lifecycle;
    if (lifecycle === 'InService') inService++;
    else if (lifecycle === 'Pending') pending++;
  }
  return { desired: group.desiredCapacity, inService, pending };
}
