import { clusterNameOf, type DesignDocument } from '../../design';
import type { Position } from '../../store/edits';
import type { BootingNode } from './capacity-nodes';
import type { BerthNode, InstanceNode, ServiceNode } from './flow-nodes';
import { defaultServicePosition } from './flow-nodes';
import { type ClusterFrame, clusterFrames, frameAt, frameNamed, zoneAt, zoneLaneX } from './frames';
import {
  BAND_HEIGHT,
  type Box,
  INSTANCE_INSET,
  INSTANCE_SLOT,
  INSTANCE_WIDTH,
  laneContentTop,
  nearestFreeSpot,
  SERVICE_GAP,
  SERVICE_WIDTH,
} from './geometry';

/** Room a node takes: what React Flow measured when it has, else the slot it is drawn for. */
function boxOf(node: BerthNode, width: number, minHeight: number, gap: number): Box {
  const height = Math.max(minHeight, (node.measured?.height ?? 0) + gap);
  return { x: node.position.x, y: node.position.y, width: width + gap, height };
}

/** Where a service's top edge may sit: inside its band, under the band's label. */
const SERVICE_TOP = 40;
const SERVICE_SLOT_HEIGHT = 130;
/** The band's lower part stays free for what a service grows: target groups and a deployment bar. */
const DEPLOYMENT_ROOM = 80;
const SERVICE_LOWEST = BAND_HEIGHT - SERVICE_SLOT_HEIGHT - DEPLOYMENT_ROOM - 8;

function frameFor(frames: ClusterFrame[], point: Position, cluster?: string) {
  const named = cluster === undefined ? undefined : frameNamed(frames, cluster);
  return named ?? frameAt(frames, point.x) ?? frames[0];
}

/**
 * Where an instance lands when let go at `point`: the lane under it (inside
 * `cluster`'s frame when given, else the frame under the point), snapped in,
 * at the nearest place clear of the instances already there.
 */
export function placeInstance(
  design: DesignDocument,
  nodes: readonly BerthNode[],
  point: Position,
  options: { ignoreId?: string; cluster?: string } = {},
): { cluster: string; az: string; position: Position } {
  const frame = frameFor(clusterFrames(design), point, options.cluster);
  const cluster = frame?.clusterName ?? clusterNameOf(design);
  const az = (frame && zoneAt(frame, point.x)) ?? `${design.region}a`;
  const x = (frame ? zoneLaneX(frame, az) : 0) + INSTANCE_INSET;
  // A booting instance holds the slot it will register into.
  const taken = nodes
    .filter(
      (n): n is InstanceNode | BootingNode =>
        (n.type === 'instance' || n.type === 'booting') &&
        n.data.cluster === cluster &&
        n.data.az === az &&
        (n.type === 'booting' || n.data.ec2InstanceId !== options.ignoreId),
    )
    .map((n) => boxOf(n, INSTANCE_WIDTH, INSTANCE_SLOT, 0));
  const wanted = {
    x,
    y: Math.max(point.y, laneContentTop),
    width: INSTANCE_WIDTH,
    height: INSTANCE_SLOT,
  };
  return { cluster, az, position: nearestFreeSpot(wanted, taken, 'y', laneContentTop) };
}

/**
 * Where a service lands: in its cluster's band (the frame under the point for
 * a new one), at the nearest place along the band clear of the other services.
 */
export function placeService(
  design: DesignDocument,
  nodes: readonly BerthNode[],
  point: Position,
  options: { ignoreName?: string; cluster?: string } = {},
): { cluster: string; position: Position } {
  const frame = frameFor(clusterFrames(design), point, options.cluster);
  const cluster = frame?.clusterName ?? clusterNameOf(design);
  const y = Math.min(Math.max(point.y, SERVICE_TOP), SERVICE_LOWEST);
  const taken = nodes
    .filter(
      (n): n is ServiceNode =>
        n.type === 'service' &&
        n.data.cluster === cluster &&
        n.data.summary.serviceName !== options.ignoreName,
    )
    .map((n) => boxOf(n, SERVICE_WIDTH, SERVICE_SLOT_HEIGHT, SERVICE_GAP));
  const left = (frame?.left ?? 0) + 16;
  const wanted = {
    x: Math.max(point.x, left),
    y,
    width: SERVICE_WIDTH + SERVICE_GAP,
    height: SERVICE_SLOT_HEIGHT,
  };
  return { cluster, position: nearestFreeSpot(wanted, taken, 'x', left) };
}

/** Where a click (not a drag) on the palette puts a service: after its cluster's row. */
export function nextServicePoint(design: DesignDocument, cluster?: string): Position {
  const frames = clusterFrames(design);
  const name = cluster ?? clusterNameOf(design);
  const count = design.services.filter((s) => clusterNameOf(design, s.cluster) === name).length;
  return defaultServicePosition(frameNamed(frames, name) ?? frames[0], count);
}

/** The lane of the first cluster with the fewest instances: where a palette click puts one. */
export function emptiestLanePoint(design: DesignDocument, nodes: readonly BerthNode[]): Position {
  const frame = clusterFrames(design)[0];
  if (!frame) return { x: 0, y: 0 };
  const counts = frame.zones.map(
    (az) =>
      nodes.filter(
        (n) => n.type === 'instance' && n.data.cluster === frame.clusterName && n.data.az === az,
      ).length,
  );
  const lane = counts.indexOf(Math.min(...counts));
  return { x: zoneLaneX(frame, frame.zones[Math.max(lane, 0)] ?? '') + INSTANCE_WIDTH / 2, y: 0 };
}

/**
 * Node positions after a drag, and the zone of each instance whose lane
 * changed. A node stays in its own cluster's frame: moving an instance to
 * another cluster would be a deregistration, not a move.
 */
export function draggedLayout(
  design: DesignDocument,
  nodes: readonly BerthNode[],
  dragged: readonly BerthNode[],
): { positions: Record<string, Position>; zones: Record<string, string> } {
  const positions: Record<string, Position> = {};
  const zones: Record<string, string> = {};
  for (const node of dragged) {
    if (node.type === 'service') {
      const placed = placeService(design, nodes, node.position, {
        ignoreName: node.data.summary.serviceName,
        cluster: node.data.cluster,
      });
      positions[node.id] = placed.position;
    }
    if (node.type !== 'instance') continue;
    const centre = { x: node.position.x + INSTANCE_WIDTH / 2, y: node.position.y };
    const placed = placeInstance(design, nodes, centre, {
      ignoreId: node.data.ec2InstanceId,
      cluster: node.data.cluster,
    });
    positions[node.id] = placed.position;
    if (placed.az !== node.data.az) zones[node.data.ec2InstanceId] = placed.az;
  }
  return { positions, zones };
}
