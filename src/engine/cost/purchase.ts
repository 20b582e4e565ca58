import type { GroupInstance } from '../capacity/state';
import type { EngineContext } from '../context';
import type { Purchase } from './state';

function numberField(o: Record<string, unknown> | undefined, name: string): number | undefined {
  const v = o?.[name];
  return typeof v === 'number' && Number.isFinite(v) ? v : undefined;
}

/**
 * On-Demand or Spot, for an instance an Auto Scaling group launches now.
 *
 * - With a MixedInstancesPolicy, its InstancesDistribution decides (EC2 Auto Scaling
 *   refuses a launch template that asks for Spot in a mixed group): On-Demand up to
 *   OnDemandBaseCapacity (default 0), then OnDemandPercentageAboveBaseCapacity percent
 *   (default 100) of the rest. Model: the On-Demand share above the base is rounded up,
 *   so 50% launches On-Demand, Spot, On-Demand, Spot...
 * - Otherwise the launch template's InstanceMarketOptions: MarketType `spot` is Spot.
 *   Model: `capacity-block` is billed as On-Demand (Berth has no Capacity Block price).
 *
 * Counting the group's instances costs one look at each, on a launch only.
 */
export function purchaseOf(ctx: EngineContext, instance: GroupInstance): Purchase {
  const group = ctx.design.autoScalingGroups?.find(
    (g) => g.AutoScalingGroupName === instance.group,
  );
  const mixed = group?.MixedInstancesPolicy;
  if (mixed) {
    const distribution = mixed.InstancesDistribution as Record<string, unknown> | undefined;
    const base = numberField(distribution, 'OnDemandBaseCapacity') ?? 0;
    const percent = numberField(distribution, 'OnDemandPercentageAboveBaseCapacity') ?? 100;
    let onDemand = 0;
    let spot = 0;
    for (const id of ctx.capacity.groups[instance.group]?.instanceIds ?? []) {
      if (id === instance.ec2InstanceId) continue;
      const meter = ctx.cost.billingInstances[id]?.meter;
      if (meter === undefined) continue;
      if (meter.endsWith('/spot')) spot++;
      else onDemand++;
    }
    if (onDemand < base) return 'on-demand';
    const above = onDemand - base + spot + 1;
    return Math.ceil((percent * above) / 100) > onDemand - base ? 'on-demand' : 'spot';
  }
  const templateName = ctx.capacity.groups[instance.group]?.launchTemplate;
  const template = ctx.design.launchTemplates?.find((t) => t.LaunchTemplateName === templateName);
  return template?.LaunchTemplateData.InstanceMarketOptions?.MarketType === 'spot'
    ? 'spot'
    : 'on-demand';
}
