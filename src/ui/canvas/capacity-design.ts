import { clusterNameOf, type DesignDocument, requestedLaunchType } from '../../design';
import { agentCluster } from '../../design/capacity-references';

/** An Auto Scaling group as the canvas places it: in one cluster's frame, with its providers. */
export interface GroupPlace {
  name: string;
  cluster: string;
  /** The capacity providers that scale it (usually one). */
  providers: readonly string[];
  /** As the design creates it: what the node shows before the run has the group. */
  minSize: number;
  maxSize: number;
  desiredCapacity: number;
}

type CapacityFacts = Pick<
  DesignDocument,
  'clusters' | 'autoScalingGroups' | 'launchTemplates' | 'capacityProviders'
>;

/** The cluster a group's instances register in: its launch template's ECS_CLUSTER. */
function templateCluster(
  design: CapacityFacts,
  group: NonNullable<DesignDocument['autoScalingGroups']>[number],
): string | undefined {
  const spec =
    group.LaunchTemplate ?? group.MixedInstancesPolicy?.LaunchTemplate.LaunchTemplateSpecification;
  const template = (design.launchTemplates ?? []).find(
    (t) =>
      (spec?.LaunchTemplateName !== undefined &&
        t.LaunchTemplateName === spec.LaunchTemplateName) ||
      (spec?.LaunchTemplateId !== undefined && t.LaunchTemplateId === spec.LaunchTemplateId),
  );
  return agentCluster(template?.LaunchTemplateData.UserData) ?? (template ? 'default' : undefined);
}

/**
 * Each group of the design and the frame it is drawn in: the cluster one of its providers
 * is associated with, else the cluster its user data registers in, else the first. A group
 * the design drops mid-run is not drawn (the run's CreateAutoScalingGroup is not a command).
 */
export function groupPlaces(design: CapacityFacts): GroupPlace[] {
  const known = new Set(design.clusters.map((c) => c.clusterName));
  return (design.autoScalingGroups ?? []).map((group) => {
    const name = group.AutoScalingGroupName;
    const providers = (design.capacityProviders ?? [])
      .filter((p) => {
        const ref = p.autoScalingGroupProvider.autoScalingGroupArn;
        return ref === name || ref.endsWith(`/${name}`);
      })
      .map((p) => p.name);
    const associated = design.clusters.find((c) =>
      providers.some((p) => c.capacityProviders?.includes(p)),
    )?.clusterName;
    const registers = templateCluster(design, group);
    const cluster =
      associated ??
      (registers !== undefined && known.has(registers) ? registers : undefined) ??
      design.clusters[0]?.clusterName ??
      'default';
    return {
      name,
      cluster,
      providers,
      minSize: group.MinSize,
      maxSize: group.MaxSize,
      desiredCapacity: group.DesiredCapacity ?? group.MinSize,
    };
  });
}

/** The clusters a service runs Fargate tasks in: launchType FARGATE or a FARGATE* strategy (own or the cluster's). */
export function fargateClusters(
  design: Pick<DesignDocument, 'clusters' | 'services'>,
): ReadonlySet<string> {
  const out = new Set<string>();
  for (const service of design.services) {
    const cluster = clusterNameOf(design, service.cluster);
    const defaults = design.clusters.find(
      (c) => c.clusterName === cluster,
    )?.defaultCapacityProviderStrategy;
    if (requestedLaunchType(service, defaults) === 'FARGATE') out.add(cluster);
  }
  // A cluster with Fargate on shows its lanes before any service runs there.
  for (const c of design.clusters)
    if (c.capacityProviders?.some((p) => p === 'FARGATE' || p === 'FARGATE_SPOT'))
      out.add(c.clusterName);
  return out;
}
