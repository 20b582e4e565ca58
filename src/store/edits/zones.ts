import { availabilityZoneOf, type DesignDocument } from '../../design';

/** Letters shown as lanes for any region; zones in use elsewhere are added. */
const DEFAULT_ZONE_LETTERS = ['a', 'b', 'c'];

/** The design's Availability Zones, in order: one canvas lane each. */
export function zonesOf(design: Pick<DesignDocument, 'region' | 'containerInstances'>): string[] {
  const zones = new Set(DEFAULT_ZONE_LETTERS.map((letter) => `${design.region}${letter}`));
  for (const ci of design.containerInstances) {
    const az = availabilityZoneOf(ci);
    if (az) zones.add(az);
  }
  return [...zones].sort();
}
