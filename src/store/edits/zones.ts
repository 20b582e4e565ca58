import { availabilityZoneOf, clusterNameOf, type DesignDocument } from '../../design';

/** Letters shown as lanes for any region; zones in use elsewhere are added. */
const DEFAULT_ZONE_LETTERS = ['a', 'b', 'c'];

type ZoneFacts = Pick<DesignDocument, 'region' | 'containerInstances'>;

function zonesAmong(region: string, instances: ZoneFacts['containerInstances']): string[] {
  const zones = new Set(DEFAULT_ZONE_LETTERS.map((letter) => `${region}${letter}`));
  for (const ci of instances) {
    const az = availabilityZoneOf(ci);
    if (az) zones.add(az);
  }
  return [...zones].sort();
}

/** The design's Availability Zones, in order, over every cluster. */
export function zonesOf(design: ZoneFacts): string[] {
  return zonesAmong(design.region, design.containerInstances);
}

/** One cluster's Availability Zones, in order: one canvas lane each inside its frame. */
export function zonesOfCluster(
  design: ZoneFacts & Pick<DesignDocument, 'clusters'>,
  clusterName: string,
): string[] {
  const own = design.containerInstances.filter(
    (ci) => clusterNameOf(design, ci.cluster) === clusterName,
  );
  return zonesAmong(design.region, own);
}
