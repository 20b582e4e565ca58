import { pruneToModel } from '../../aws-model/walk';
import type { CreateServiceInput } from '../../aws-shapes';
import type { DesignDocument } from '../../document';
import { tagListOf, withoutNulls } from '../../import/ecs/normalize';
import {
  allAttributesOf,
  availabilityZoneOf,
  clusterNameOf,
  resolveTaskDefinition,
  taskDefinitionRefOf,
  taskDefinitionRevisions,
} from '../../resolve';

type Design = Pick<
  DesignDocument,
  'clusters' | 'containerInstances' | 'taskDefinitions' | 'region'
>;

/**
 * The subnets an awsvpc service without its own networkConfiguration gets: one per zone
 * of its cluster, as the ids Berth gives each zone's subnet (the `ecs.subnet-id` its
 * instances report; an instance's own attribute wins).
 *
 * Model: the zones of the cluster's container instances; a cluster with none (Fargate
 * only, or instances an Auto Scaling group brings) takes the region's first three
 * zones, `a` to `c`.
 */
export function defaultSubnetsOf(design: Design, cluster: string): string[] {
  const byZone = new Map<string, string>();
  for (const ci of design.containerInstances) {
    if (clusterNameOf(design, ci.cluster) !== cluster) continue;
    const zone = availabilityZoneOf(ci);
    const subnet = allAttributesOf(ci)['ecs.subnet-id'];
    if (zone !== undefined && subnet !== undefined && !byZone.has(zone)) byZone.set(zone, subnet);
  }
  if (byZone.size === 0) {
    for (const letter of ['a', 'b', 'c']) {
      const zone = `${design.region}${letter}`;
      const subnet = allAttributesOf({ ec2InstanceId: 'i-0', availabilityZone: zone })[
        'ecs.subnet-id'
      ];
      if (subnet !== undefined) byZone.set(zone, subnet);
    }
  }
  return [...byZone.entries()].sort(([a], [b]) => a.localeCompare(b)).map(([, subnet]) => subnet);
}

/**
 * What `aws ecs create-service --cli-input-json` accepts for this service: the cluster
 * by name, the task definition as the `family:revision` it resolves to in the design,
 * and only the fields CreateService has (walking AWS's model: Berth's own fields and
 * unknown ones go). An awsvpc service without a networkConfiguration gets one with a
 * subnet per zone of its cluster (defaultSubnetsOf); no security groups and no public
 * IP setting are made up.
 */
export function createServiceInput(
  design: Design,
  service: CreateServiceInput,
): CreateServiceInput {
  const out = withoutNulls(service) as Record<string, unknown>;
  const cluster = clusterNameOf(design, service.cluster);
  out.cluster = cluster;
  const revision = resolveTaskDefinition(taskDefinitionRevisions(design), service.taskDefinition);
  if (revision) out.taskDefinition = taskDefinitionRefOf(revision);
  if (revision?.input.networkMode === 'awsvpc' && out.networkConfiguration === undefined) {
    out.networkConfiguration = {
      awsvpcConfiguration: { subnets: defaultSubnetsOf(design, cluster) },
    };
  }
  if (out.tags !== undefined && !Array.isArray(out.tags)) {
    const list = tagListOf(out.tags);
    if (list) out.tags = list;
    else delete out.tags;
  }
  const ordered = { cluster, ...out };
  return pruneToModel(ordered, 'CreateServiceRequest') as CreateServiceInput;
}
