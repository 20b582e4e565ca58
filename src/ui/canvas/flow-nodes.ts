import type { Node } from '@xyflow/react';
import {
  availabilityZoneOf,
  clusterNameOf,
  type DesignDocument,
  instanceTypeOf,
  registeredResourcesOf,
} from '../../design';
import {
  type CustomAttribute,
  customAttributesOf,
  type InstanceStatus,
  instanceKey,
  type ServiceSummary,
  serviceKey,
  statusOf,
  summarizeService,
} from '../../store/edits';
import type { Selection } from '../../store/session';
import { type ClusterFrame, clusterFrames, frameNamed, zoneLaneX } from './frames';
import {
  BAND_HEIGHT,
  FRAME_HEADER,
  FRAME_PAD,
  freeSlotY,
  INSTANCE_INSET,
  INSTANCE_SLOT,
  LANE_MIN_HEIGHT,
  LANE_TOP,
  LANE_WIDTH,
  laneContentTop,
  laneX,
  NODE_HANDLE,
  SERVICE_GAP,
  SERVICE_WIDTH,
} from './geometry';
import { type LoadBalancerNode, loadBalancerNodes } from './lb-graph';
import type { LiveInstance } from './live-instances';

/** Node data holds design facts only; live numbers come from the run store (toolchain note 8). */
export type ClusterNode = Node<
  { clusterName: string; instanceCount: number; serviceCount: number },
  'cluster'
>;
export type LaneNode = Node<{ az: string; cluster: string; count: number }, 'lane'>;
export type BandNode = Node<{ cluster: string; count: number }, 'band'>;
export type InstanceNode = Node<
  {
    ec2InstanceId: string;
    /** The cluster's name (never its ARN): the frame the instance is drawn in. */
    cluster: string;
    instanceType: string;
    az: string;
    registeredCpu: number;
    registeredMemoryMiB: number;
    /** As the design records it; the live status wins once the run has the instance. */
    status: InstanceStatus;
    customAttributes: readonly CustomAttribute[];
    /** Some task definition uses awsvpc, so ENI slots matter. */
    showEni: boolean;
    /** Not in the design: the run launched it (an Auto Scaling group); drawn, not editable. */
    live?: true;
  },
  'instance'
>;
export type ServiceNode = Node<{ summary: ServiceSummary; cluster: string }, 'service'>;
export type BerthNode =
  | ClusterNode
  | LaneNode
  | BandNode
  | InstanceNode
  | ServiceNode
  | LoadBalancerNode;

const fixed = { draggable: false, selectable: false, deletable: false, focusable: false } as const;

function liveNode(live: LiveInstance, selection: Selection, showEni: boolean): InstanceNode {
  return {
    id: instanceKey(live.ec2InstanceId),
    type: 'instance',
    position: { x: 0, y: 0 },
    zIndex: 2,
    draggable: false,
    selected: selection?.kind === 'instance' && selection.id === live.ec2InstanceId,
    data: {
      ec2InstanceId: live.ec2InstanceId,
      cluster: live.clusterName,
      instanceType: live.instanceType,
      az: live.availabilityZone,
      registeredCpu: live.registeredCpu,
      registeredMemoryMiB: live.registeredMemoryMiB,
      status: live.status,
      customAttributes: [],
      showEni,
      live: true,
    },
  };
}

function instanceNodes(
  design: DesignDocument,
  frames: readonly ClusterFrame[],
  selection: Selection,
  live: readonly LiveInstance[],
): InstanceNode[] {
  const showEni = design.taskDefinitions.some((t) => t.networkMode === 'awsvpc');
  const designed = design.containerInstances.map((ci) => {
    const cluster = clusterNameOf(design, ci.cluster);
    const frame = frameNamed(frames, cluster) ?? frames[0];
    const az = availabilityZoneOf(ci) ?? frame?.zones[0] ?? '';
    return {
      node: undefined as InstanceNode | undefined,
      ci,
      cluster,
      frame,
      az,
      at: design.layout[instanceKey(ci.ec2InstanceId)],
    };
  });
  // Instances the run launched take the free slots after the design's own.
  const launched = live.map((l) => {
    const frame = frameNamed(frames, l.clusterName) ?? frames[0];
    return {
      node: liveNode(l, selection, showEni),
      ci: undefined,
      cluster: l.clusterName,
      frame,
      az: l.availabilityZone,
      at: undefined,
    };
  });
  const placed = [...designed, ...launched];
  // Taken y per lane, so an instance without a saved place does not land on one with.
  const takenY = new Map<string, number[]>();
  const laneKey = (cluster: string, az: string) => `${cluster}\u0000${az}`;
  for (const p of placed) {
    if (!p.at) continue;
    const key = laneKey(p.cluster, p.az);
    takenY.set(key, [...(takenY.get(key) ?? []), p.at.y]);
  }
  return placed.map(({ node, ci, cluster, frame, az, at }) => {
    const key = laneKey(cluster, az);
    const taken = takenY.get(key) ?? [];
    // No saved place: the next free slot from the top of its lane.
    const y = at?.y ?? freeSlotY(laneContentTop, taken);
    if (!at) takenY.set(key, [...taken, y]);
    // x always follows the lane, so an instance is drawn in its own cluster's frame and zone.
    const x = (frame ? zoneLaneX(frame, az) : 0) + INSTANCE_INSET;
    if (node || !ci) return { ...node!, position: { x, y } };
    const resources = registeredResourcesOf(ci);
    return {
      id: instanceKey(ci.ec2InstanceId),
      type: 'instance',
      position: { x, y },
      dragHandle: `.${NODE_HANDLE}`,
      zIndex: 2,
      selected: selection?.kind === 'instance' && selection.id === ci.ec2InstanceId,
      data: {
        ec2InstanceId: ci.ec2InstanceId,
        cluster,
        instanceType: instanceTypeOf(ci) ?? 'custom',
        az,
        registeredCpu: resources?.cpu ?? 0,
        registeredMemoryMiB: resources?.memoryMiB ?? 0,
        status: statusOf(ci),
        customAttributes: customAttributesOf(ci),
        showEni,
      },
    };
  });
}

/** Where the i-th service of a cluster sits when it has no saved place: a row in its band. */
export function defaultServicePosition(frame: ClusterFrame | undefined, i: number) {
  return { x: (frame?.left ?? 0) + 16 + i * (SERVICE_WIDTH + SERVICE_GAP), y: 44 };
}

function serviceNodes(
  design: DesignDocument,
  frames: readonly ClusterFrame[],
  selection: Selection,
): ServiceNode[] {
  const perCluster = new Map<string, number>();
  return design.services.map((service) => {
    const cluster = clusterNameOf(design, service.cluster);
    const i = perCluster.get(cluster) ?? 0;
    perCluster.set(cluster, i + 1);
    return {
      id: serviceKey(service.serviceName),
      type: 'service',
      dragHandle: `.${NODE_HANDLE}`,
      position:
        design.layout[serviceKey(service.serviceName)] ??
        defaultServicePosition(frameNamed(frames, cluster), i),
      zIndex: 2,
      selected: selection?.kind === 'service' && selection.name === service.serviceName,
      data: { summary: summarizeService(design, service), cluster },
    };
  });
}

/** A cluster's frame, band and lanes: the fixed scenery its resources sit on. */
function frameNodes(
  frame: ClusterFrame,
  laneHeight: number,
  instances: readonly InstanceNode[],
  services: readonly ServiceNode[],
): BerthNode[] {
  const { clusterName: cluster } = frame;
  const own = instances.filter((n) => n.data.cluster === cluster);
  const serviceCount = services.filter((n) => n.data.cluster === cluster).length;
  const clusterNode: ClusterNode = {
    id: `cluster:${cluster}`,
    type: 'cluster',
    position: { x: frame.left - FRAME_PAD, y: -FRAME_HEADER },
    width: frame.width + 2 * FRAME_PAD,
    height: FRAME_HEADER + LANE_TOP + laneHeight + FRAME_PAD,
    zIndex: 0,
    data: { clusterName: cluster, instanceCount: own.length, serviceCount },
    ...fixed,
  };
  const band: BandNode = {
    id: `band:${cluster}`,
    type: 'band',
    position: { x: frame.left, y: 0 },
    width: frame.width,
    height: BAND_HEIGHT,
    zIndex: 0,
    data: { cluster, count: serviceCount },
    ...fixed,
  };
  const lanes: LaneNode[] = frame.zones.map((az, i) => ({
    id: `lane:${cluster}:${az}`,
    type: 'lane',
    position: { x: frame.left + laneX(i), y: LANE_TOP },
    width: LANE_WIDTH,
    height: laneHeight,
    zIndex: 0,
    data: { az, cluster, count: own.filter((n) => n.data.az === az).length },
    ...fixed,
  }));
  return [clusterNode, band, ...lanes];
}

/** The design as React Flow nodes: per cluster a frame, its band and lanes; then instances and services. */
export function toFlowNodes(
  design: DesignDocument,
  selection: Selection,
  selectedLoadBalancer: string | null = null,
  live: readonly LiveInstance[] = [],
): BerthNode[] {
  const frames = clusterFrames(design);
  const instances = instanceNodes(design, frames, selection, live);
  const services = serviceNodes(design, frames, selection);
  // One height for every frame's lanes, so frames side by side line up.
  const laneHeight = Math.max(
    LANE_MIN_HEIGHT,
    // Room below the last instance for the next drop.
    ...instances.map((n) => n.position.y + INSTANCE_SLOT + 60 - LANE_TOP),
  );
  const scenery = frames.flatMap((f) => frameNodes(f, laneHeight, instances, services));
  return [
    ...scenery,
    ...instances,
    ...services,
    ...loadBalancerNodes(design, selectedLoadBalancer),
  ];
}
