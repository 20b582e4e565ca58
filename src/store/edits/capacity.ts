import {
  type AutoScalingGroup,
  type CapacityProvider,
  type CapacityProviderStrategyItem,
  clusterNameOf,
  type DesignDocument,
  type LaunchTemplate,
  type ManagedScaling,
} from '../../design';
import { agentCluster } from '../../design/capacity-references';
import { uniqueName } from './ids';
import { zonesOfCluster } from './zones';

/**
 * Auto Scaling groups, their launch templates, capacity providers and the strategies
 * that name them, as the inspector edits them: each a CreateAutoScalingGroup,
 * CreateLaunchTemplate, CreateCapacityProvider or CreateCluster input changed in place.
 * Deletes refuse, saying by what, while something still names the resource.
 */

export type Refusable = { design: DesignDocument } | { refusal: string };

const groupsOf = (d: DesignDocument) => d.autoScalingGroups ?? [];
const providersOf = (d: DesignDocument) => d.capacityProviders ?? [];

/** The group a provider's `autoScalingGroupArn` names: its ARN's tail, or the name itself. */
export function groupNameOfRef(ref: string): string {
  const at = ref.indexOf(':autoScalingGroupName/');
  return at < 0 ? ref : ref.slice(at + ':autoScalingGroupName/'.length);
}

export function groupNamed(design: DesignDocument, name: string): AutoScalingGroup | undefined {
  return groupsOf(design).find((g) => g.AutoScalingGroupName === name);
}

export function providerNamed(design: DesignDocument, name: string): CapacityProvider | undefined {
  return providersOf(design).find((p) => p.name === name);
}

export function providersOfGroup(design: DesignDocument, group: string): CapacityProvider[] {
  return providersOf(design).filter(
    (p) => groupNameOfRef(p.autoScalingGroupProvider.autoScalingGroupArn) === group,
  );
}

/** The launch template a group launches from (its own, or its mixed policy's). */
export function templateOfGroup(
  design: DesignDocument,
  group: AutoScalingGroup,
): LaunchTemplate | undefined {
  const spec =
    group.LaunchTemplate ?? group.MixedInstancesPolicy?.LaunchTemplate.LaunchTemplateSpecification;
  if (!spec) return undefined;
  return (design.launchTemplates ?? []).find((t) =>
    spec.LaunchTemplateName !== undefined
      ? t.LaunchTemplateName === spec.LaunchTemplateName
      : t.LaunchTemplateId === spec.LaunchTemplateId,
  );
}

/** The cluster the group's instances register in: ECS_CLUSTER of its user data, else `default`. */
export function groupCluster(design: DesignDocument, group: AutoScalingGroup): string {
  return agentCluster(templateOfGroup(design, group)?.LaunchTemplateData.UserData) ?? 'default';
}

/** The instance type the group launches: the first override's, else its template's. */
export function groupInstanceType(
  design: DesignDocument,
  group: AutoScalingGroup,
): string | undefined {
  const override = group.MixedInstancesPolicy?.LaunchTemplate.Overrides?.find(
    (o) => o.InstanceType !== undefined,
  )?.InstanceType;
  return override ?? templateOfGroup(design, group)?.LaunchTemplateData.InstanceType;
}

/** The ECS-optimized AMI's user data, base64 as EC2 takes it: the agent joins `cluster`. */
export function userDataFor(cluster: string): string {
  return btoa(`#!/bin/bash\necho ECS_CLUSTER=${cluster} >> /etc/ecs/ecs.config\n`);
}

const withGroups = (d: DesignDocument, groups: AutoScalingGroup[]): DesignDocument => ({
  ...d,
  autoScalingGroups: groups,
});

/**
 * CreateLaunchTemplate + CreateAutoScalingGroup: m5.large instances that join `cluster`,
 * across its zones, MinSize 0, MaxSize 10, DesiredCapacity 2.
 */
export function addAutoScalingGroup(
  design: DesignDocument,
  cluster = design.clusters[0]?.clusterName ?? 'default',
): { design: DesignDocument; name: string } {
  const templates = design.launchTemplates ?? [];
  const templateName = uniqueName(
    `${cluster}-node`,
    new Set(templates.map((t) => t.LaunchTemplateName)),
  );
  const name = uniqueName(
    `${cluster}-asg`,
    new Set(groupsOf(design).map((g) => g.AutoScalingGroupName)),
  );
  const template: LaunchTemplate = {
    LaunchTemplateName: templateName,
    LaunchTemplateData: { InstanceType: 'm5.large', UserData: userDataFor(cluster) },
  };
  const group: AutoScalingGroup = {
    AutoScalingGroupName: name,
    MinSize: 0,
    MaxSize: 10,
    DesiredCapacity: 2,
    LaunchTemplate: { LaunchTemplateName: templateName, Version: '$Latest' },
    AvailabilityZones: zonesOfCluster(design, cluster),
  };
  return {
    design: {
      ...design,
      launchTemplates: [...templates, template],
      autoScalingGroups: [...groupsOf(design), group],
    },
    name,
  };
}

/** What the Auto Scaling group form edits; the launch template's fields go to its template. */
export interface GroupPatch {
  MinSize?: number;
  MaxSize?: number;
  DesiredCapacity?: number;
  /** Replaces AvailabilityZones (VPCZoneIdentifier is dropped when zones are given). */
  AvailabilityZones?: string[];
  /** Comma-separated subnet ids; an empty string removes the field. */
  VPCZoneIdentifier?: string;
  NewInstancesProtectedFromScaleIn?: boolean;
  bootSeconds?: number;
  /** LaunchTemplateData.InstanceType of its template (or of its first override). */
  instanceType?: string;
  /** ECS_CLUSTER of its template's user data. */
  cluster?: string;
}

function patchGroupFields(g: AutoScalingGroup, patch: GroupPatch): AutoScalingGroup {
  let next: AutoScalingGroup = { ...g };
  if (patch.MinSize !== undefined) next.MinSize = patch.MinSize;
  if (patch.MaxSize !== undefined) next.MaxSize = patch.MaxSize;
  if (patch.DesiredCapacity !== undefined) next.DesiredCapacity = patch.DesiredCapacity;
  if (patch.NewInstancesProtectedFromScaleIn !== undefined)
    next.NewInstancesProtectedFromScaleIn = patch.NewInstancesProtectedFromScaleIn;
  if (patch.bootSeconds !== undefined) next.bootSeconds = patch.bootSeconds;
  if (patch.AvailabilityZones !== undefined) next.AvailabilityZones = patch.AvailabilityZones;
  if (patch.VPCZoneIdentifier !== undefined) {
    const { VPCZoneIdentifier: _old, ...rest } = next;
    next =
      patch.VPCZoneIdentifier === ''
        ? rest
        : { ...rest, VPCZoneIdentifier: patch.VPCZoneIdentifier };
  }
  const overrides = next.MixedInstancesPolicy?.LaunchTemplate.Overrides;
  const first = overrides?.findIndex((o) => o.InstanceType !== undefined) ?? -1;
  if (patch.instanceType !== undefined && next.MixedInstancesPolicy && overrides && first >= 0) {
    const policy = next.MixedInstancesPolicy;
    next.MixedInstancesPolicy = {
      ...policy,
      LaunchTemplate: {
        ...policy.LaunchTemplate,
        Overrides: overrides.map((o, i) =>
          i === first ? { ...o, InstanceType: patch.instanceType } : o,
        ),
      },
    };
  }
  return next;
}

/** Edits the group and, for the instance type (when no override gives it) and cluster, its template. */
export function updateAutoScalingGroup(
  design: DesignDocument,
  name: string,
  patch: GroupPatch,
): DesignDocument {
  const group = groupNamed(design, name);
  if (!group) return design;
  const next = patchGroupFields(group, patch);
  let d = withGroups(
    design,
    groupsOf(design).map((g) => (g === group ? next : g)),
  );
  const template = templateOfGroup(design, group);
  const typeFromOverride = group.MixedInstancesPolicy?.LaunchTemplate.Overrides?.some(
    (o) => o.InstanceType !== undefined,
  );
  const templateType = typeFromOverride ? undefined : patch.instanceType;
  if (template && (templateType !== undefined || patch.cluster !== undefined)) {
    const data = { ...template.LaunchTemplateData };
    if (templateType !== undefined) data.InstanceType = templateType;
    if (patch.cluster !== undefined) data.UserData = userDataFor(patch.cluster);
    d = {
      ...d,
      launchTemplates: (d.launchTemplates ?? []).map((t) =>
        t === template ? { ...t, LaunchTemplateData: data } : t,
      ),
    };
  }
  return d;
}

/** Refused while a capacity provider uses the group; its template goes when no other group names it. */
export function removeAutoScalingGroup(design: DesignDocument, name: string): Refusable {
  const group = groupNamed(design, name);
  if (!group) return { design };
  const users = providersOfGroup(design, name).map((p) => p.name);
  if (users.length > 0)
    return {
      refusal: `Capacity provider ${users.join(', ')} uses ${name}: delete the capacity provider first.`,
    };
  const groups = groupsOf(design).filter((g) => g !== group);
  const template = templateOfGroup(design, group);
  const shared = template && groups.some((g) => templateOfGroup(design, g) === template);
  const { [`asg:${name}`]: _gone, ...layout } = design.layout;
  return {
    design: {
      ...design,
      autoScalingGroups: groups,
      launchTemplates:
        template && !shared
          ? (design.launchTemplates ?? []).filter((t) => t !== template)
          : design.launchTemplates,
      layout,
    },
  };
}

/** A provider name ECS takes: letters, digits, - and _, not starting with aws, ecs or fargate. */
function providerBaseName(group: string): string {
  const clean = group.replace(/[^a-zA-Z0-9_-]/g, '-');
  const base = `${clean}-cp`;
  return /^(aws|ecs|fargate)/i.test(base) ? `cp-${base}` : base;
}

/**
 * CreateCapacityProvider for the group (managed scaling ENABLED at targetCapacity 100;
 * managed termination protection only when the group protects new instances, as ECS
 * requires), then PutClusterCapacityProviders with it added to the cluster's list.
 */
export function addCapacityProvider(
  design: DesignDocument,
  groupName: string,
  cluster = design.clusters[0]?.clusterName ?? 'default',
): { design: DesignDocument; name: string } {
  const group = groupNamed(design, groupName);
  const name = uniqueName(
    providerBaseName(groupName),
    new Set(providersOf(design).map((p) => p.name)),
  );
  const provider: CapacityProvider = {
    name,
    autoScalingGroupProvider: {
      autoScalingGroupArn: groupName,
      managedScaling: { status: 'ENABLED', targetCapacity: 100 },
      managedTerminationProtection:
        group?.NewInstancesProtectedFromScaleIn === true ? 'ENABLED' : 'DISABLED',
    },
  };
  const target = clusterNameOf(design, cluster);
  return {
    design: {
      ...design,
      capacityProviders: [...providersOf(design), provider],
      clusters: design.clusters.map((c) =>
        c.clusterName === target
          ? { ...c, capacityProviders: [...(c.capacityProviders ?? []), name] }
          : c,
      ),
    },
    name,
  };
}

export interface ProviderPatch {
  managedScaling?: ManagedScaling;
  managedTerminationProtection?: 'ENABLED' | 'DISABLED';
}

/** UpdateCapacityProvider: managedScaling's fields merge into what the provider has. */
export function updateCapacityProvider(
  design: DesignDocument,
  name: string,
  patch: ProviderPatch,
): DesignDocument {
  return {
    ...design,
    capacityProviders: providersOf(design).map((p) => {
      if (p.name !== name) return p;
      const asg = { ...p.autoScalingGroupProvider };
      if (patch.managedScaling)
        asg.managedScaling = { ...(asg.managedScaling ?? {}), ...patch.managedScaling };
      if (patch.managedTerminationProtection)
        asg.managedTerminationProtection = patch.managedTerminationProtection;
      return { ...p, autoScalingGroupProvider: asg };
    }),
  };
}

/** What names a capacity provider in a strategy: services' and clusters' default. */
export function providerUsers(design: DesignDocument, name: string): string[] {
  const named = (items: readonly CapacityProviderStrategyItem[] | undefined) =>
    (items ?? []).some((i) => i.capacityProvider === name);
  return [
    ...design.services
      .filter((s) => named(s.capacityProviderStrategy))
      .map((s) => `service ${s.serviceName}'s capacity provider strategy`),
    ...design.clusters
      .filter((c) => named(c.defaultCapacityProviderStrategy))
      .map((c) => `cluster ${c.clusterName}'s default capacity provider strategy`),
  ];
}

/** DeleteCapacityProvider: refused while a strategy names it; it leaves its clusters' lists. */
export function removeCapacityProvider(design: DesignDocument, name: string): Refusable {
  const users = providerUsers(design, name);
  if (users.length > 0)
    return { refusal: `${name} is in ${users.join(' and ')}: take it out of there first.` };
  return {
    design: {
      ...design,
      capacityProviders: providersOf(design).filter((p) => p.name !== name),
      clusters: design.clusters.map((c) => {
        if (!c.capacityProviders?.includes(name)) return c;
        return { ...c, capacityProviders: c.capacityProviders.filter((n) => n !== name) };
      }),
    },
  };
}

/** Items with neither a base nor a weight say nothing: they leave the strategy. */
function meaningful(
  items: readonly CapacityProviderStrategyItem[],
): CapacityProviderStrategyItem[] {
  return items.filter((i) => (i.base ?? 0) > 0 || (i.weight ?? 0) > 0);
}

/**
 * PutClusterCapacityProviders: the cluster's providers (FARGATE, FARGATE_SPOT or the
 * design's) and its default strategy; an empty strategy removes the field.
 */
export function setClusterCapacityProviders(
  design: DesignDocument,
  cluster: string,
  capacityProviders: readonly string[],
  strategy: readonly CapacityProviderStrategyItem[],
): DesignDocument {
  const items = meaningful(strategy);
  return {
    ...design,
    clusters: design.clusters.map((c) => {
      if (c.clusterName !== cluster) return c;
      const { capacityProviders: _p, defaultCapacityProviderStrategy: _s, ...rest } = c;
      return {
        ...rest,
        ...(capacityProviders.length > 0 ? { capacityProviders: [...capacityProviders] } : {}),
        ...(items.length > 0 ? { defaultCapacityProviderStrategy: items } : {}),
      };
    }),
  };
}

/** How a service gets capacity: a launch type, or a capacity provider strategy (not both). */
export type ServiceCapacity =
  | { launchType: 'EC2' | 'FARGATE' | 'EXTERNAL' }
  | { capacityProviderStrategy: CapacityProviderStrategyItem[] };

export function setServiceCapacity(
  design: DesignDocument,
  serviceName: string,
  capacity: ServiceCapacity,
): DesignDocument {
  return {
    ...design,
    services: design.services.map((s) => {
      if (s.serviceName !== serviceName) return s;
      const { launchType: _l, capacityProviderStrategy: _c, ...rest } = s;
      if ('launchType' in capacity) return { ...rest, launchType: capacity.launchType };
      const items = meaningful(capacity.capacityProviderStrategy);
      // No items: the cluster's default strategy applies, as CreateService with neither.
      return items.length > 0 ? { ...rest, capacityProviderStrategy: items } : rest;
    }),
  };
}
