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
  type Position,
  type ServiceSummary,
  serviceKey,
  statusOf,
  summarizeService,
} from '../../store/edits';
import { ON_PREMISES } from '../../store/edits/palette';
import type { Selection } from '../../store/session';
import { fargateClusters, type GroupPlace, groupPlaces } from './capacity-design';
import {
  type BootingNode,
  type FargateLaneNode,
  fargateLaneNodes,
  type GroupNode,
  groupNodes,
} from './capacity-nodes';
import { type ClusterFrame, clusterFrames, frameNamed, zoneLaneX } from './frames';
import {
  BAND_HEIGHT,
  FARGATE_GAP,
  FARGATE_MIN_HEIGHT,
  FRAME_HEADER,
  FRAME_PAD,
  freeSlotY,
  GROUP_SLOT,
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
import { type BootingInstance, type CanvasCapacity, NO_CAPACITY } from './live-capacity';
import type { LiveInstance } from './live-instances';
import { type CanvasDetail, SUMMARY_LANE_HEIGHT, SUMMARY_MIN_INSTANCES } from './zone-summary';

/** Node data holds design facts only; live numbers come from the run store (toolchain note 8). */
export type ClusterNode = Node<
  { clusterName: string; instanceCount: number; serviceCount: number },
  'cluster'
>;
export type LaneNode = Node<
  { az: string; cluster: string; count: number; booting: number },
  'lane'
>;
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
  | LoadBalancerNode
  | GroupNode
  | BootingNode
  | FargateLaneNode;

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

function bootingNode(boot: BootingInstance, cluster: string): BootingNode {
  return {
    id: `booting:${boot.instanceId}`,
    type: 'booting',
    position: { x: 0, y: 0 },
    zIndex: 2,
    draggable: false,
    selectable: false,
    deletable: false,
    focusable: false,
    data: {
      instanceId: boot.instanceId,
      group: boot.group,
      cluster,
      instanceType: boot.instanceType,
      az: boot.availabilityZone,
      launchedAtMs: boot.launchedAtMs,
    },
  };
}

function instanceNodes(
  design: DesignDocument,
  frames: readonly ClusterFrame[],
  selection: Selection,
  live: readonly LiveInstance[],
  booting: readonly { boot: BootingInstance; cluster: string }[],
): (InstanceNode | BootingNode)[] {
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
  // Booting instances after those: each takes the slot it will hold once it registers.
  const boots = booting.map(({ boot, cluster }) => ({
    node: bootingNode(boot, cluster) as InstanceNode | BootingNode,
    ci: undefined,
    cluster,
    frame: frameNamed(frames, cluster) ?? frames[0],
    az: boot.availabilityZone,
    at: undefined,
  }));
  const placed: {
    node: InstanceNode | BootingNode | undefined;
    ci: (typeof designed)[number]['ci'] | undefined;
    cluster: string;
    frame: ClusterFrame | undefined;
    az: string;
    at: Position | undefined;
  }[] = [...designed, ...launched, ...boots];
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
    if (node || !ci) return { ...node!, position: { x, y } } as InstanceNode | BootingNode;
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
        // An on-premises server has no EC2 type: it registered its own CPU and memory.
        instanceType: instanceTypeOf(ci) ?? (az === ON_PREMISES ? 'external' : 'custom'),
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

/** A cluster's frame, band and lanes (and its Fargate lanes): the fixed scenery its resources sit on. */
function frameNodes(
  frame: ClusterFrame,
  laneHeight: number,
  fargateHeight: number,
  instances: readonly (InstanceNode | BootingNode)[],
  services: readonly ServiceNode[],
): BerthNode[] {
  const { clusterName: cluster } = frame;
  const own = instances.filter((n) => n.data.cluster === cluster);
  const serviceCount = services.filter((n) => n.data.cluster === cluster).length;
  const fargateRoom = fargateHeight > 0 ? FARGATE_GAP + fargateHeight : 0;
  const clusterNode: ClusterNode = {
    id: `cluster:${cluster}`,
    type: 'cluster',
    position: { x: frame.left - FRAME_PAD, y: -FRAME_HEADER },
    width: frame.outerWidth + 2 * FRAME_PAD,
    height: FRAME_HEADER + LANE_TOP + laneHeight + fargateRoom + FRAME_PAD,
    zIndex: 0,
    data: {
      clusterName: cluster,
      instanceCount: own.filter((n) => n.type === 'instance').length,
      serviceCount,
    },
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
  const lanes: LaneNode[] = frame.zones.map((az, i) => {
    const inLane = own.filter((n) => n.data.az === az);
    return {
      id: `lane:${cluster}:${az}`,
      type: 'lane',
      position: { x: frame.left + laneX(i), y: LANE_TOP },
      width: LANE_WIDTH,
      height: laneHeight,
      zIndex: 0,
      data: {
        az,
        cluster,
        count: inLane.filter((n) => n.type === 'instance').length,
        booting: inLane.filter((n) => n.type === 'booting').length,
      },
      ...fixed,
    };
  });
  const fargate = fargateHeight > 0 ? fargateLaneNodes(frame, laneHeight, fargateHeight) : [];
  return [clusterNode, band, ...lanes, ...fargate];
}

/** Zones the run uses in each cluster: its launched and booting instances', its Fargate tasks'. */
function liveZonesOf(
  live: readonly LiveInstance[],
  booting: readonly { boot: BootingInstance; cluster: string }[],
  capacity: CanvasCapacity,
): Record<string, string[]> {
  const zones: Record<string, string[]> = {};
  const add = (cluster: string, az: string) => {
    if (az === '') return;
    const list = zones[cluster] ?? [];
    zones[cluster] = list;
    if (!list.includes(az)) list.push(az);
  };
  for (const l of live) add(l.clusterName, l.availabilityZone);
  for (const b of booting) add(b.cluster, b.boot.availabilityZone);
  for (const [cluster, list] of Object.entries(capacity.fargateZones))
    for (const az of list) add(cluster, az);
  return zones;
}

const laneOf = (cluster: string, az: string) => `${cluster}\u0000${az}`;

/** The lanes worth a summary: those holding SUMMARY_MIN_INSTANCES or more. */
function summarizedLanes(placed: readonly (InstanceNode | BootingNode)[]): Set<string> {
  const counts = new Map<string, number>();
  for (const n of placed) {
    const key = laneOf(n.data.cluster, n.data.az);
    counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  return new Set([...counts].filter(([, n]) => n >= SUMMARY_MIN_INSTANCES).map(([key]) => key));
}

function clusterOfGroup(places: readonly GroupPlace[], group: string, fallback: string): string {
  return places.find((p) => p.name === group)?.cluster ?? fallback;
}

/**
 * The design as React Flow nodes: per cluster a frame, its band, lanes, Auto Scaling groups
 * and Fargate lanes; then instances (booting ones as ghosts) and services. With `detail`
 * 'zones' the instances of each lane holding several are hidden (the lane draws one summary,
 * ZoneSummaries.tsx) and the lanes are only as tall as what is left, so a fit shows the
 * whole cluster large.
 */
export function toFlowNodes(
  design: DesignDocument,
  selection: Selection,
  selectedLoadBalancer: string | null = null,
  live: readonly LiveInstance[] = [],
  capacity: CanvasCapacity = NO_CAPACITY,
  detail: CanvasDetail = 'instances',
): BerthNode[] {
  const places = groupPlaces(design);
  const fallback = clusterNameOf(design);
  const booting = capacity.booting.map((boot) => ({
    boot,
    cluster: clusterOfGroup(places, boot.group, fallback),
  }));
  const frames = clusterFrames(design, liveZonesOf(live, booting, capacity));
  const placed = instanceNodes(design, frames, selection, live, booting);
  // Hidden, not dropped: they keep their places and selection for when the zoom comes back.
  const grouped = detail === 'zones' ? summarizedLanes(placed) : new Set<string>();
  const instances = placed.map((n) =>
    grouped.has(laneOf(n.data.cluster, n.data.az)) ? { ...n, hidden: true } : n,
  );
  const services = serviceNodes(design, frames, selection);
  // One height for every frame's lanes, so frames side by side line up.
  const laneHeight = Math.max(
    grouped.size > 0 ? SUMMARY_LANE_HEIGHT : LANE_MIN_HEIGHT,
    // Room below the last instance drawn for the next drop.
    ...instances.flatMap((n) => (n.hidden ? [] : [n.position.y + INSTANCE_SLOT + 60 - LANE_TOP])),
    // The groups' column stands beside the lanes.
    ...frames.map((f) => f.groups.length * GROUP_SLOT),
  );
  const usesFargate = fargateClusters(design);
  const scenery = frames.flatMap((f) => {
    const fargate =
      usesFargate.has(f.clusterName) || capacity.fargateZones[f.clusterName] !== undefined
        ? Math.max(FARGATE_MIN_HEIGHT, capacity.fargateHeight)
        : 0;
    return frameNodes(f, laneHeight, fargate, instances, services);
  });
  return [
    ...scenery,
    ...frames.flatMap((f) => groupNodes(f, places, selection)),
    ...instances,
    ...services,
    ...loadBalancerNodes(design, selectedLoadBalancer),
  ];
}
