import type {
  AutoScalingGroup,
  CapacityProvider,
  DesignDocument,
  LaunchTemplate,
  LaunchTemplateSpecification,
} from '../../design';
import { MANAGED_SCALING_DEFAULTS } from '../../design';
import { ACCOUNT_ID, stableHex } from '../ids';
import type { ClusterCapacity, GroupState, LaunchTemplateState, ProviderState } from './state';
import { agentConfigOf } from './user-data';
import { zonesOfSubnets } from './zones';

/** Model: an instance boots for a minute before its agent registers it (ecs-behavior is silent). */
export const DEFAULT_BOOT_MS = 60_000;

export const FARGATE_PROVIDERS = ['FARGATE', 'FARGATE_SPOT'] as const;

export function isFargateProvider(name: string): boolean {
  return name === 'FARGATE' || name === 'FARGATE_SPOT';
}

export function launchTemplateState(t: LaunchTemplate): LaunchTemplateState {
  const agent = agentConfigOf(t.LaunchTemplateData.UserData);
  const state: LaunchTemplateState = {
    name: t.LaunchTemplateName,
    id: t.LaunchTemplateId ?? `lt-${stableHex(`lt/${t.LaunchTemplateName}`, 17)}`,
    cluster: agent.cluster,
    attributes: agent.attributes,
  };
  if (t.LaunchTemplateData.InstanceType !== undefined)
    state.instanceType = t.LaunchTemplateData.InstanceType;
  return state;
}

/** The template a group names, by name or by id. */
export function findLaunchTemplate(
  templates: Record<string, LaunchTemplateState>,
  spec: LaunchTemplateSpecification,
): LaunchTemplateState | undefined {
  if (spec.LaunchTemplateName !== undefined) return templates[spec.LaunchTemplateName];
  return Object.values(templates).find((t) => t.id === spec.LaunchTemplateId);
}

export function groupArn(region: string, name: string): string {
  const id = stableHex(`asg/${name}`, 32);
  const uuid = `${id.slice(0, 8)}-${id.slice(8, 12)}-${id.slice(12, 16)}-${id.slice(16, 20)}-${id.slice(20, 32)}`;
  return `arn:aws:autoscaling:${region}:${ACCOUNT_ID}:autoScalingGroup:${uuid}:autoScalingGroupName/${name}`;
}

/** A group's name from what a provider names: an ARN or, as ECS also accepts, the name. */
export function groupNameOf(ref: string): string {
  const at = ref.indexOf(':autoScalingGroupName/');
  return at < 0 ? ref : ref.slice(at + ':autoScalingGroupName/'.length);
}

export function groupState(
  region: string,
  g: AutoScalingGroup,
  templates: Record<string, LaunchTemplateState>,
): GroupState {
  const mixed = g.MixedInstancesPolicy?.LaunchTemplate;
  const spec = g.LaunchTemplate ?? mixed?.LaunchTemplateSpecification;
  const template = spec ? findLaunchTemplate(templates, spec) : undefined;
  const overrides = (mixed?.Overrides ?? [])
    .map((o) => o.InstanceType)
    .filter((t): t is string => t !== undefined);
  const instanceTypes =
    overrides.length > 0 ? overrides : template?.instanceType ? [template.instanceType] : [];
  const zones =
    g.AvailabilityZones && g.AvailabilityZones.length > 0
      ? [...g.AvailabilityZones]
      : zonesOfSubnets(
          region,
          (g.VPCZoneIdentifier ?? '').split(',').map((s) => s.trim()),
        );
  return {
    name: g.AutoScalingGroupName,
    arn: groupArn(region, g.AutoScalingGroupName),
    minSize: g.MinSize,
    maxSize: g.MaxSize,
    // EC2 Auto Scaling: DesiredCapacity defaults to MinSize.
    desiredCapacity: g.DesiredCapacity ?? g.MinSize,
    launchTemplate: template?.name ?? '',
    instanceTypes,
    zones: zones.filter((z) => z !== ''),
    protectNew: g.NewInstancesProtectedFromScaleIn ?? false,
    bootMs: g.bootSeconds === undefined ? DEFAULT_BOOT_MS : g.bootSeconds * 1000,
    instanceIds: [],
  };
}

export function providerState(region: string, p: CapacityProvider): ProviderState {
  const ms = p.autoScalingGroupProvider.managedScaling;
  return {
    name: p.name,
    arn: `arn:aws:ecs:${region}:${ACCOUNT_ID}:capacity-provider/${p.name}`,
    group: groupNameOf(p.autoScalingGroupProvider.autoScalingGroupArn),
    managedScaling: {
      // Model: CreateCapacityProvider without managedScaling leaves it off; with the
      // object and no status, on (the console's default).
      status: ms === undefined ? 'DISABLED' : (ms.status ?? 'ENABLED'),
      targetCapacity: ms?.targetCapacity ?? MANAGED_SCALING_DEFAULTS.targetCapacity,
      minimumScalingStepSize:
        ms?.minimumScalingStepSize ?? MANAGED_SCALING_DEFAULTS.minimumScalingStepSize,
      maximumScalingStepSize:
        ms?.maximumScalingStepSize ?? MANAGED_SCALING_DEFAULTS.maximumScalingStepSize,
      instanceWarmupPeriod:
        ms?.instanceWarmupPeriod ?? MANAGED_SCALING_DEFAULTS.instanceWarmupPeriod,
    },
    managedTerminationProtection:
      p.autoScalingGroupProvider.managedTerminationProtection === 'ENABLED',
    belowTarget: 0,
  };
}

/** The design's capacity as run state at 0:00. */
export function compileCapacity(design: DesignDocument): {
  launchTemplates: Record<string, LaunchTemplateState>;
  groups: Record<string, GroupState>;
  providers: Record<string, ProviderState>;
  clusters: Record<string, ClusterCapacity>;
} {
  const launchTemplates: Record<string, LaunchTemplateState> = {};
  for (const t of design.launchTemplates ?? []) {
    launchTemplates[t.LaunchTemplateName] = launchTemplateState(t);
  }
  const groups: Record<string, GroupState> = {};
  for (const g of design.autoScalingGroups ?? []) {
    groups[g.AutoScalingGroupName] = groupState(design.region, g, launchTemplates);
  }
  const providers: Record<string, ProviderState> = {};
  for (const p of design.capacityProviders ?? [])
    providers[p.name] = providerState(design.region, p);
  const clusters: Record<string, ClusterCapacity> = {};
  for (const c of design.clusters) {
    clusters[c.clusterName] = {
      capacityProviders: [...(c.capacityProviders ?? [])],
      defaultStrategy: (c.defaultCapacityProviderStrategy ?? []).map((i) => ({ ...i })),
    };
  }
  return { launchTemplates, groups, providers, clusters };
}
