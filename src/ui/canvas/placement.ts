import type { DesignDocument } from '../../design';
import type { Position } from '../../store/edits';
import { zonesOf } from '../../store/edits';
import type { BerthNode } from './flow-nodes';
import { freeSlotY, INSTANCE_INSET, INSTANCE_WIDTH, laneIndexAt, laneX } from './geometry';

/** Where an instance lands when let go at `point`: its lane, snapped in, clear of the others. */
export function placeInstance(
  design: DesignDocument,
  nodes: readonly BerthNode[],
  point: Position,
  ignoreId?: string,
): { az: string; position: Position } {
  const zones = zonesOf(design);
  const lane = laneIndexAt(point.x, zones.length);
  const az = zones[lane] ?? `${design.region}a`;
  const taken = nodes
    .filter((n) => n.type === 'instance' && n.data.az === az && n.data.ec2InstanceId !== ignoreId)
    .map((n) => n.position.y);
  return { az, position: { x: laneX(lane) + INSTANCE_INSET, y: freeSlotY(point.y, taken) } };
}

/** The lane with the fewest instances: where a click (not a drag) on the palette puts one. */
export function emptiestLanePoint(design: DesignDocument, nodes: readonly BerthNode[]): Position {
  const zones = zonesOf(design);
  const counts = zones.map(
    (az) => nodes.filter((n) => n.type === 'instance' && n.data.az === az).length,
  );
  const lane = counts.indexOf(Math.min(...counts));
  return { x: laneX(Math.max(lane, 0)) + INSTANCE_WIDTH / 2, y: 0 };
}

/** Node positions after a drag, and the zone of each instance whose lane changed. */
export function draggedLayout(
  design: DesignDocument,
  nodes: readonly BerthNode[],
  dragged: readonly BerthNode[],
): { positions: Record<string, Position>; zones: Record<string, string> } {
  const positions: Record<string, Position> = {};
  const zones: Record<string, string> = {};
  for (const node of dragged) {
    if (node.type === 'service') positions[node.id] = node.position;
    if (node.type !== 'instance') continue;
    const centre = { x: node.position.x + INSTANCE_WIDTH / 2, y: node.position.y };
    const placed = placeInstance(design, nodes, centre, node.data.ec2InstanceId);
    positions[node.id] = placed.position;
    if (placed.az !== node.data.az) zones[node.data.ec2InstanceId] = placed.az;
  }
  return { positions, zones };
}
