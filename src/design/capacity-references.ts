import type { CapacityProviderStrategyItem } from './aws-shapes';
import { type LaunchTemplateSpecification, MANAGED_SCALING_DEFAULTS } from './capacity-shapes';
import type { DesignDocument } from './document';
import { clusterNameOf } from './resolve';

type Push = (path: string, message: string) => void;

/** ECS's words for the strategy rules (§13.1), where ECS's are known; the others Berth's. */
export const STRATEGY_MESSAGES = {
  both: 'Specifying both a launch type and capacity provider strategy is not supported. Remove one and try again.',
  notAssociated:
    'The specified capacity provider strategy cannot contain a capacity provider that is not associated with the cluster. Associate the capacity provider with the cluster or specify a valid capacity provider and try again.',
  mixed:
    'A capacity provider strategy cannot contain a mix of capacity providers using Auto Scaling groups and Fargate providers. Specify one or the other and try again.',
  // Model: Berth's wording, in ECS's form (ecs-behavior §13.1 gives the rules, not the texts).
  twoBases:
    'The specified capacity provider strategy cannot contain more than one capacity provider with a base value.',
  zeroWeights:
    'The specified capacity provider strategy must contain at least one capacity provider with a weight greater than zero.',
  duplicate: 'The specified capacity provider strategy cannot contain a capacity provider twice.',
} as const;

export const isFargateProviderName = (name: string) =>
  name === 'FARGATE' || name === 'FARGATE_SPOT';

/**
 * Why ECS refuses this strategy in a cluster associated with `associated` (§13.1), or
 * nothing. The same rules for CreateService, RunTask, UpdateService and a cluster's
 * default strategy; `item` says which entry, for a JSON path.
 */
export function strategyRefusal(
  items: readonly CapacityProviderStrategyItem[],
  associated: readonly string[],
): { message: string; item?: number } | undefined {
  const seen = new Set<string>();
  for (const [i, item] of items.entries()) {
    if (seen.has(item.capacityProvider)) return { message: STRATEGY_MESSAGES.duplicate, item: i };
    seen.add(item.capacityProvider);
    if (!associated.includes(item.capacityProvider))
      return { message: STRATEGY_MESSAGES.notAssociated, item: i };
  }
  const fargate = items.filter((i) => isFargateProviderName(i.capacityProvider)).length;
  if (fargate > 0 && fargate < items.length) return { message: STRATEGY_MESSAGES.mixed };
  if (items.filter((i) => (i.base ?? 0) > 0).length > 1)
    return { message: STRATEGY_MESSAGES.twoBases };
  if (items.length > 0 && !items.some((i) => (i.weight ?? 0) > 0))
    return { message: STRATEGY_MESSAGES.zeroWeights };
  return undefined;
}

function templateNamed(design: DesignDocument, spec: LaunchTemplateSpecification): boolean {
  return (design.launchTemplates ?? []).some((t) =>
    spec.LaunchTemplateName !== undefined
      ? t.LaunchTemplateName === spec.LaunchTemplateName
      : t.LaunchTemplateId === spec.LaunchTemplateId,
  );
}

const groupNameOf = (ref: string) => {
  const at = ref.indexOf(':autoScalingGroupName/');
  return at < 0 ? ref : ref.slice(at + ':autoScalingGroupName/'.length);
};

function checkGroups(design: DesignDocument, push: Push): void {
  const names = new Set<string>();
  (design.launchTemplates ?? []).forEach((t, i) => {
    if (names.has(t.LaunchTemplateName))
      push(`launchTemplates[${i}].LaunchTemplateName`, `${t.LaunchTemplateName} appears twice`);
    names.add(t.LaunchTemplateName);
  });
  const groups = new Set<string>();
  (design.autoScalingGroups ?? []).forEach((g, i) => {
    const at = `autoScalingGroups[${i}]`;
    if (groups.has(g.AutoScalingGroupName))
      push(`${at}.AutoScalingGroupName`, `${g.AutoScalingGroupName} appears twice`);
    groups.add(g.AutoScalingGroupName);
    const mixed = g.MixedInstancesPolicy?.LaunchTemplate;
    const spec = g.LaunchTemplate ?? mixed?.LaunchTemplateSpecification;
    const specAt = g.LaunchTemplate
      ? `${at}.LaunchTemplate`
      : `${at}.MixedInstancesPolicy.LaunchTemplate.LaunchTemplateSpecification`;
    if (spec && !templateNamed(design, spec)) {
      const ref = spec.LaunchTemplateName ?? spec.LaunchTemplateId ?? '';
      push(specAt, `launch template ${ref} is not in launchTemplates`);
      return;
    }
    const template = (design.launchTemplates ?? []).find((t) =>
      spec?.LaunchTemplateName !== undefined
        ? t.LaunchTemplateName === spec.LaunchTemplateName
        : t.LaunchTemplateId === spec?.LaunchTemplateId,
    );
    const overrides = mixed?.Overrides?.filter((o) => o.InstanceType !== undefined) ?? [];
    if (overrides.length === 0 && template?.LaunchTemplateData.InstanceType === undefined) {
      push(specAt, 'the launch template gives no InstanceType (and no Overrides do)');
    }
    if (mixed?.Overrides?.some((o) => o.WeightedCapacity !== undefined)) {
      // §13.2: a group a capacity provider uses must not use instance weighting.
      const used = (design.capacityProviders ?? []).some(
        (p) =>
          groupNameOf(p.autoScalingGroupProvider.autoScalingGroupArn) === g.AutoScalingGroupName,
      );
      if (used)
        push(
          `${at}.MixedInstancesPolicy.LaunchTemplate.Overrides`,
          'uses WeightedCapacity: a capacity provider cannot use a group with instance weighting',
        );
    }
    g.AvailabilityZones?.forEach((z, j) => {
      if (!z.startsWith(design.region))
        push(`${at}.AvailabilityZones[${j}]`, `${z} is not in region ${design.region}`);
    });
  });
}

function checkProviders(design: DesignDocument, push: Push): void {
  const groups = new Map(
    (design.autoScalingGroups ?? []).map((g) => [g.AutoScalingGroupName, g] as const),
  );
  const names = new Set<string>();
  const byGroup = new Map<string, string>();
  (design.capacityProviders ?? []).forEach((p, i) => {
    const at = `capacityProviders[${i}]`;
    if (names.has(p.name)) push(`${at}.name`, `${p.name} appears twice`);
    names.add(p.name);
    const asg = p.autoScalingGroupProvider;
    const groupName = groupNameOf(asg.autoScalingGroupArn);
    const group = groups.get(groupName);
    if (!group) {
      push(
        `${at}.autoScalingGroupProvider.autoScalingGroupArn`,
        `Auto Scaling group ${groupName} is not in autoScalingGroups`,
      );
      return;
    }
    const other = byGroup.get(groupName);
    if (other !== undefined)
      push(
        `${at}.autoScalingGroupProvider.autoScalingGroupArn`,
        `Auto Scaling group ${groupName} is already used by capacity provider ${other}`,
      );
    byGroup.set(groupName, p.name);
    const ms = asg.managedScaling;
    const scaling = ms !== undefined && (ms.status ?? 'ENABLED') === 'ENABLED';
    const min = ms?.minimumScalingStepSize ?? MANAGED_SCALING_DEFAULTS.minimumScalingStepSize;
    const max = ms?.maximumScalingStepSize ?? MANAGED_SCALING_DEFAULTS.maximumScalingStepSize;
    if (min > max)
      push(
        `${at}.autoScalingGroupProvider.managedScaling.minimumScalingStepSize`,
        `must be at most maximumScalingStepSize (${max})`,
      );
    if (asg.managedTerminationProtection === 'ENABLED') {
      if (!scaling)
        push(
          `${at}.autoScalingGroupProvider.managedTerminationProtection`,
          'needs managedScaling ENABLED',
        );
      else if (group.NewInstancesProtectedFromScaleIn !== true)
        push(
          `${at}.autoScalingGroupProvider.managedTerminationProtection`,
          'The managed termination protection setting for the capacity provider is invalid. To enable managed termination protection for a capacity provider, the Auto Scaling group must have instance protection from scale in enabled.',
        );
    }
  });
}

/** Which clusters each managed-scaling provider is associated with: only one (§13.2). */
function checkClusters(design: DesignDocument, push: Push): void {
  const providers = new Set((design.capacityProviders ?? []).map((p) => p.name));
  const managedIn = new Map<string, string>();
  design.clusters.forEach((c, i) => {
    const at = `clusters[${i}]`;
    const associated = c.capacityProviders ?? [];
    associated.forEach((name, j) => {
      if (!isFargateProviderName(name) && !providers.has(name))
        push(
          `${at}.capacityProviders[${j}]`,
          `capacity provider ${name} is not in capacityProviders`,
        );
      const p = (design.capacityProviders ?? []).find((x) => x.name === name);
      const ms = p?.autoScalingGroupProvider.managedScaling;
      if (ms && (ms.status ?? 'ENABLED') === 'ENABLED') {
        const other = managedIn.get(name);
        if (other !== undefined && other !== c.clusterName)
          push(
            `${at}.capacityProviders[${j}]`,
            `capacity provider ${name} has managed scaling and is already associated with cluster ${other}`,
          );
        managedIn.set(name, c.clusterName);
      }
    });
    const strategy = c.defaultCapacityProviderStrategy ?? [];
    const refusal = strategyRefusal(strategy, associated);
    if (refusal)
      push(
        `${at}.defaultCapacityProviderStrategy${refusal.item === undefined ? '' : `[${refusal.item}].capacityProvider`}`,
        refusal.message,
      );
  });
  (design.launchTemplates ?? []).forEach((t, i) => {
    const cluster = agentCluster(t.LaunchTemplateData.UserData);
    if (cluster !== undefined && !design.clusters.some((c) => c.clusterName === cluster))
      push(
        `launchTemplates[${i}].LaunchTemplateData.UserData`,
        `ECS_CLUSTER=${cluster} names a cluster that is not in clusters`,
      );
  });
}

const BASE64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';

/** Base64 to text, byte by byte (the agent's keys are ASCII), or undefined when it is not base64. */
export function decodeBase64(text: string): string | undefined {
  const clean = text.replace(/\s+/g, '');
  if (clean.length === 0 || clean.length % 4 !== 0 || !/^[A-Za-z0-9+/]+={0,2}$/.test(clean)) {
    return undefined;
  }
  let bits = 0;
  let value = 0;
  let out = '';
  for (const ch of clean.replace(/=+$/, '')) {
    value = ((value << 6) | BASE64.indexOf(ch)) & 0xffffff;
    bits += 6;
    if (bits >= 8) {
      bits -= 8;
      out += String.fromCharCode((value >> bits) & 0xff);
    }
  }
  return out;
}

/** The cluster an instance's user data names (ECS_CLUSTER), base64 (as EC2 takes it) or plain text. */
export function agentCluster(userData: string | undefined): string | undefined {
  if (userData === undefined) return undefined;
  const text = decodeBase64(userData) ?? userData;
  return /ECS_CLUSTER=["']?([A-Za-z0-9_-]+)/.exec(text)?.[1];
}

/** Services' launch type and strategy together, and their strategies, against their cluster. */
function checkServices(design: DesignDocument, push: Push): void {
  design.services.forEach((s, i) => {
    const at = `services[${i}]`;
    const strategy = s.capacityProviderStrategy;
    if (strategy === undefined) return;
    if (s.launchType !== undefined) {
      push(`${at}.capacityProviderStrategy`, STRATEGY_MESSAGES.both);
      return;
    }
    const name = clusterNameOf(design, s.cluster);
    const cluster = design.clusters.find((c) => c.clusterName === name);
    const refusal = strategyRefusal(strategy, cluster?.capacityProviders ?? []);
    if (refusal)
      push(
        `${at}.capacityProviderStrategy${refusal.item === undefined ? '' : `[${refusal.item}].capacityProvider`}`,
        refusal.message,
      );
    if (s.schedulingStrategy === 'DAEMON')
      push(
        `${at}.capacityProviderStrategy`,
        'is not supported with the DAEMON scheduling strategy',
      );
  });
}

/** Cross-references of the capacity fields: what the gate refuses, with the JSON path. */
export function checkCapacity(design: DesignDocument, push: Push): void {
  checkGroups(design, push);
  checkProviders(design, push);
  checkClusters(design, push);
  checkServices(design, push);
}
