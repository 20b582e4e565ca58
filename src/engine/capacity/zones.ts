import { allAttributesOf } from '../../design';

/**
 * Which Availability Zone a subnet is in. Model: Berth has no VPC model (docs/engine.md:
 * one made-up subnet per zone, `ecs.subnet-id`). A subnet id that is one of those, or
 * that ends in a zone's name or letter (`subnet-us-east-1b`, `subnet-private-b`), is in
 * that zone; any other takes the zones of the region in order, a, b, c, ..., by its
 * place in the list.
 */
export function zoneOfSubnet(region: string, subnetId: string, index: number): string {
  for (const letter of 'abcdef') {
    const zone = `${region}${letter}`;
    if (madeUpSubnet(zone) === subnetId || subnetId.endsWith(zone)) return zone;
  }
  const letter = /[-_]([a-f])$/.exec(subnetId)?.[1];
  if (letter) return `${region}${letter}`;
  return `${region}${'abcdef'[index % 6]}`;
}

/** Berth's stable subnet id of a zone, the one its instances report. */
export function madeUpSubnet(zone: string): string {
  return allAttributesOf({ ec2InstanceId: 'i-0', availabilityZone: zone })['ecs.subnet-id'] ?? '';
}

/** The zones of a list of subnets, each once, in the list's order. */
export function zonesOfSubnets(region: string, subnets: readonly string[]): string[] {
  const zones: string[] = [];
  subnets.forEach((s, i) => {
    const zone = zoneOfSubnet(region, s, i);
    if (!zones.includes(zone)) zones.push(zone);
  });
  return zones;
}
