import type { Node } from '@xyflow/react';
import type { Selection } from '../../store/session';
import type { GroupPlace } from './capacity-design';
import { type ClusterFrame, groupColumnX } from './frames';
import { FARGATE_GAP, GROUP_SLOT, LANE_TOP, LANE_WIDTH, laneX } from './geometry';

/** An Auto Scaling group: design facts; its sizes and instances come from the run store. */
export type GroupNode = Node<{ place: GroupPlace }, 'autoScalingGroup'>;
/** An instance a group launched that has not registered yet: a ghost in its zone's lane. */
export type BootingNode = Node<
  {
    instanceId: string;
    group: string;
    cluster: string;
    instanceType: string;
    az: string;
    launchedAtMs: number;
  },
  'booting'
>;
/** A zone's Fargate capacity in one cluster: its tasks, grouped by service. */
export type FargateLaneNode = Node<{ az: string; cluster: string }, 'fargateLane'>;

const fixed = { draggable: false, selectable: false, deletable: false, focusable: false } as const;

/** The groups' column at the frame's right edge, top aligned with the lanes. */
export function groupNodes(
  frame: ClusterFrame,
  places: readonly GroupPlace[],
  selection: Selection,
): GroupNode[] {
  return frame.groups.flatMap((name, i) => {
    const place = places.find((p) => p.name === name);
    if (!place) return [];
    const node: GroupNode = {
      id: `asg:${name}`,
      type: 'autoScalingGroup',
      position: { x: groupColumnX(frame), y: LANE_TOP + i * GROUP_SLOT },
      zIndex: 2,
      draggable: false,
      deletable: false,
      selected: selection?.kind === 'autoScalingGroup' && selection.name === name,
      data: { place },
    };
    return [node];
  });
}

/** The Fargate lanes of a frame, one per zone, under its zone lanes. */
export function fargateLaneNodes(
  frame: ClusterFrame,
  laneHeight: number,
  height: number,
): FargateLaneNode[] {
  return frame.zones.map((az, i) => ({
    id: `fargate:${frame.clusterName}:${az}`,
    type: 'fargateLane',
    position: { x: frame.left + laneX(i), y: LANE_TOP + laneHeight + FARGATE_GAP },
    width: LANE_WIDTH,
    height,
    zIndex: 1,
    data: { az, cluster: frame.clusterName },
    ...fixed,
  }));
}
