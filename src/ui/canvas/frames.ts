import type { DesignDocument } from '../../design';
import { zonesOfCluster } from '../../store/edits';
import { FRAME_GAP, FRAME_PAD, laneIndexAt, lanesWidth, laneX } from './geometry';

/** One cluster as the canvas draws it: a frame with a service band and a lane per zone. */
export interface ClusterFrame {
  clusterName: string;
  zones: readonly string[];
  /** Flow x of the frame's first lane; its band starts there too. */
  left: number;
  /** Width of the band and lanes, the frame's padding not included. */
  width: number;
}

/**
 * Clusters side by side, in the design's order. Only zone counts decide where
 * a frame starts, so a frame never moves because another one grew taller.
 */
export function clusterFrames(
  design: Pick<DesignDocument, 'clusters' | 'region' | 'containerInstances'>,
): ClusterFrame[] {
  let left = 0;
  return design.clusters.map(({ clusterName }) => {
    const zones = zonesOfCluster(design, clusterName);
    const width = lanesWidth(zones.length);
    const frame = { clusterName, zones, left, width };
    left += width + 2 * FRAME_PAD + FRAME_GAP;
    return frame;
  });
}

/** The frame at flow x: the one it falls in, else the nearest. */
export function frameAt(frames: readonly ClusterFrame[], x: number): ClusterFrame | undefined {
  let best: ClusterFrame | undefined;
  let bestGap = Number.POSITIVE_INFINITY;
  for (const frame of frames) {
    const gap = Math.max(frame.left - x, x - (frame.left + frame.width), 0);
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

/** The zone whose lane lies under flow x, clamped to the frame's outermost lanes. */
export function zoneAt(frame: ClusterFrame, x: number): string | undefined {
  return frame.zones[laneIndexAt(x - frame.left, frame.zones.length)];
}
