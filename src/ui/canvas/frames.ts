import type { DesignDocument } from '../../design';
import { zonesOfCluster } from '../../store/edits';
import { groupPlaces } from './capacity-design';
import {
  FRAME_GAP,
  FRAME_PAD,
  GROUP_GAP,
  GROUP_WIDTH,
  laneIndexAt,
  lanesWidth,
  laneX,
} from './geometry';

/** One cluster as the canvas draws it: a frame with a service band and a lane per zone. */
export interface ClusterFrame {
  clusterName: string;
  zones: readonly string[];
  /** Flow x of the frame's first lane; its band starts there too. */
  left: number;
  /** Width of the band and lanes, the frame's padding not included. */
  width: number;
  /** The Auto Scaling groups drawn in its column at the right edge, in the design's order. */
  groups: readonly string[];
  /** Width of band, lanes and the groups' column: the frame's inside. */
  outerWidth: number;
}

type FrameFacts = Pick<
  DesignDocument,
  | 'clusters'
  | 'region'
  | 'containerInstances'
  | 'autoScalingGroups'
  | 'launchTemplates'
  | 'capacityProviders'
>;

/**
 * Clusters side by side, in the design's order. Only zone counts and whether a
 * cluster has Auto Scaling groups decide where a frame starts, so a frame never
 * moves because another one grew taller. `liveZones` adds the zones the run
 * uses that no instance of the design is in (a group's or a Fargate task's subnets).
 */
export function clusterFrames(
  design: FrameFacts,
  liveZones?: Readonly<Record<string, readonly string[]>>,
): ClusterFrame[] {
  const places = groupPlaces(design);
  let left = 0;
  return design.clusters.map(({ clusterName }) => {
    const own = zonesOfCluster(design, clusterName);
    const extra = (liveZones?.[clusterName] ?? []).filter((z) => !own.includes(z));
    const zones = extra.length === 0 ? own : [...own, ...extra].sort();
    const width = lanesWidth(zones.length);
    const groups = places.filter((p) => p.cluster === clusterName).map((p) => p.name);
    const outerWidth = width + (groups.length > 0 ? GROUP_GAP + GROUP_WIDTH : 0);
    const frame = { clusterName, zones, left, width, groups, outerWidth };
    left += outerWidth + 2 * FRAME_PAD + FRAME_GAP;
    return frame;
  });
}

/** The frame at flow x: the one it falls in, else the nearest. */
export function frameAt(frames: readonly ClusterFrame[], x: number): ClusterFrame | undefined {
  let best: ClusterFrame | undefined;
  let bestGap = Number.POSITIVE_INFINITY;
  for (const frame of frames) {
    const gap = Math.max(frame.left - x, x - (frame.left + frame.outerWidth), 0);
    if (gap < bestGap) [best, bestGap] = [frame, gap];
  }
  return best;
}

export function frameNamed(
  frames: readonly ClusterFrame[],
  clusterName: string,
): ClusterFrame | undefined {
  return frames.find((f) => f.clusterName === clusterName);
}

/** Flow x of a zone's lane inside its frame (the frame's first lane when the zone is not there). */
export function zoneLaneX(frame: ClusterFrame, az: string): number {
  return frame.left + laneX(Math.max(frame.zones.indexOf(az), 0));
}

/** Flow x of the groups' column: right of the last lane. */
export function groupColumnX(frame: ClusterFrame): number {
  return frame.left + frame.width + GROUP_GAP;
}

/** The zone whose lane lies under flow x, clamped to the frame's outermost lanes. */
export function zoneAt(frame: ClusterFrame, x: number): string | undefined {
  return frame.zones[laneIndexAt(x - frame.left, frame.zones.length)];
}
