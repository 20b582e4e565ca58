import {
  allAttributesOf,
  availabilityZoneOf,
  type CreateServiceInput,
  clusterNameOf,
  type DesignDocument,
  type NetworkConfiguration,
} from '../../design';
import { summarizeService } from './service-summary';
import { zonesOfCluster } from './zones';

/**
 * An awsvpc service's `networkConfiguration.awsvpcConfiguration` (CreateService input):
 * its subnets, security groups and assignPublicIp. Berth has no VPC model; a zone's
 * subnet is the `ecs.subnet-id` its instances report (design/resolve.ts), which the
 * engine reads back as that zone (engine/capacity/zones.ts).
 */

export type AwsvpcConfiguration = NetworkConfiguration['awsvpcConfiguration'];
export type AssignPublicIp = 'ENABLED' | 'DISABLED';

export interface ZoneSubnet {
  zone: string;
  subnetId: string;
}

/** What a person changes; absent fields keep what the service has (or the defaults). */
export interface NetworkPatch {
  subnets?: readonly string[];
  /** An empty list drops the field: the VPC's default security group. */
  securityGroups?: readonly string[];
  assignPublicIp?: AssignPublicIp;
}

/** Berth's subnet of a zone, the `ecs.subnet-id` an instance there reports. */
export function zoneSubnet(zone: string): string {
  return allAttributesOf({ ec2InstanceId: 'i-0', availabilityZone: zone })['ecs.subnet-id'] ?? '';
}

/**
 * One subnet per zone of the service's cluster, in the order of its canvas lanes: the
 * `ecs.subnet-id` the cluster's first instance in the zone reports (its own attribute
 * wins), else the zone's made-up one.
 */
export function zoneSubnetsOf(design: DesignDocument, service: CreateServiceInput): ZoneSubnet[] {
  const cluster = clusterNameOf(design, service.cluster);
  const reported = reportedSubnets(design, cluster);
  return zonesOfCluster(design, cluster).map((zone) => ({
    zone,
    subnetId: reported.get(zone) ?? zoneSubnet(zone),
  }));
}

/** Each zone of the cluster's instances, with the subnet its first instance there reports. */
function reportedSubnets(design: DesignDocument, cluster: string): Map<string, string> {
  const byZone = new Map<string, string>();
  for (const ci of design.containerInstances) {
    if (clusterNameOf(design, ci.cluster) !== cluster) continue;
    const zone = availabilityZoneOf(ci);
    const subnet = allAttributesOf(ci)['ecs.subnet-id'];
    if (zone !== undefined && subnet !== undefined && !byZone.has(zone)) byZone.set(zone, subnet);
  }
  return byZone;
}

/** Whether the service's task definition asks for awsvpc (every Fargate one does). */
export function isAwsvpc(design: DesignDocument, service: CreateServiceInput): boolean {
  return summarizeService(design, service).networkMode === 'awsvpc';
}

/**
 * Model: a service with no networkConfiguration gets, as the AWS export writes it
 * (design/export/ecs/service.ts defaultSubnetsOf), the subnet of each zone its
 * cluster's instances are in, else of the region's a, b and c; and no public IP (the
 * API's default); no security groups, so the VPC's default one.
 */
export function defaultNetworkConfiguration(
  design: DesignDocument,
  service: CreateServiceInput,
): NetworkConfiguration {
  const reported = reportedSubnets(design, clusterNameOf(design, service.cluster));
  const zones =
    reported.size > 0
      ? [...reported.keys()].sort()
      : ['a', 'b', 'c'].map((letter) => `${design.region}${letter}`);
  return {
    awsvpcConfiguration: {
      subnets: zones.map((zone) => reported.get(zone) ?? zoneSubnet(zone)),
      assignPublicIp: 'DISABLED',
    },
  };
}

/** The service's configuration, or the defaults it would export with; `isDefault` says which. */
export function networkOf(
  design: DesignDocument,
  service: CreateServiceInput,
): { awsvpc: AwsvpcConfiguration; isDefault: boolean } {
  const own = service.networkConfiguration?.awsvpcConfiguration;
  if (own) return { awsvpc: own, isDefault: false };
  return {
    awsvpc: defaultNetworkConfiguration(design, service).awsvpcConfiguration,
    isDefault: true,
  };
}

/** The whole awsvpcConfiguration the patch makes: the first edit writes the defaults with it. */
export function awsvpcWith(
  design: DesignDocument,
  service: CreateServiceInput,
  patch: NetworkPatch,
): AwsvpcConfiguration {
  const { awsvpc } = networkOf(design, service);
  const { securityGroups: _old, ...rest } = awsvpc;
  const securityGroups = patch.securityGroups ?? awsvpc.securityGroups ?? [];
  return {
    ...rest,
    subnets: [...(patch.subnets ?? awsvpc.subnets)],
    ...(securityGroups.length > 0 && { securityGroups: [...securityGroups] }),
    assignPublicIp: patch.assignPublicIp ?? awsvpc.assignPublicIp ?? 'DISABLED',
  };
}

/** The design with the service's networkConfiguration patched; unchanged for an unknown name. */
export function setServiceNetwork(
  design: DesignDocument,
  name: string,
  patch: NetworkPatch,
): DesignDocument {
  const service = design.services.find((s) => s.serviceName === name);
  if (!service) return design;
  const networkConfiguration = {
    ...(service.networkConfiguration ?? {}),
    awsvpcConfiguration: awsvpcWith(design, service, patch),
  };
  return {
    ...design,
    services: design.services.map((s) => (s === service ? { ...s, networkConfiguration } : s)),
  };
}

/** A zone's subnet checked or unchecked; the others keep their order (the spread's tie order). */
export function subnetsWithZone(
  subnets: readonly string[],
  subnetId: string,
  checked: boolean,
): string[] {
  if (!checked) return subnets.filter((s) => s !== subnetId);
  return subnets.includes(subnetId) ? [...subnets] : [...subnets, subnetId];
}

/** The zones' subnets the list has, then `others` in place of the rest. */
export function subnetsWithOthers(
  subnets: readonly string[],
  zoneSubnets: readonly ZoneSubnet[],
  others: readonly string[],
): string[] {
  const zoneIds = new Set(zoneSubnets.map((z) => z.subnetId));
  const kept = subnets.filter((s) => zoneIds.has(s));
  return [...kept, ...others.filter((s) => !kept.includes(s))];
}

/** The subnets that are none of the zones' own, as the free-text field shows them. */
export function otherSubnets(
  subnets: readonly string[],
  zoneSubnets: readonly ZoneSubnet[],
): string[] {
  const zoneIds = new Set(zoneSubnets.map((z) => z.subnetId));
  return subnets.filter((s) => !zoneIds.has(s));
}

export type IdsChecked = { ok: true; value: string[] } | { ok: false; error: string };

/** Comma-separated ids (spaces around them ignored), each once, in the order typed. */
export function splitIds(text: string): string[] {
  const ids = text
    .split(',')
    .map((s) => s.trim())
    .filter((s) => s !== '');
  return [...new Set(ids)];
}

function checkIds(text: string, pattern: RegExp, what: string): IdsChecked {
  const ids = splitIds(text);
  const bad = ids.find((id) => !pattern.test(id));
  if (bad !== undefined) return { ok: false, error: `${bad} is not ${what}` };
  return { ok: true, value: ids };
}

/** EC2 ids are the prefix and 8 or 17 lowercase hex digits (`sg-0123abcd`). */
export const checkSecurityGroups = (text: string): IdsChecked =>
  checkIds(
    text,
    /^sg-(?:[0-9a-f]{8}|[0-9a-f]{17})$/,
    'a security group id (sg- and 8 or 17 hex digits)',
  );

/**
 * Subnets more loosely: `subnet-` and letters, digits or hyphens, as the designs Berth
 * ships name them (`subnet-private-a`); the engine finds a zone in the name's end.
 */
export const checkSubnets = (text: string): IdsChecked =>
  checkIds(text, /^subnet-[A-Za-z0-9-]+$/, 'a subnet id (subnet- and letters, digits or -)');
