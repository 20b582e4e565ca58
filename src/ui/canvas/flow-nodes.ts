import type { Node } from '@xyflow/react';
import {
  availabilityZoneOf,
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
  zonesOf,
} from '../../store/edits';
import type { Selection } from '../../store/session';
import {
  BAND_HEIGHT,
  freeSlotY,
  INSTANCE_INSET,
  INSTANCE_SLOT,
  LANE_MIN_HEIGHT,
  LANE_TOP,
  LANE_WIDTH,
  laneContentTop,
  lanesWidth,
  laneX,
  NODE_HANDLE,
  SERVICE_GAP,
  SERVICE_WIDTH,
} from './geometry';

/** Node data holds design facts only; live numbers come from the run store (toolchain note 8). */
export type LaneNode = Node<{ az: string; count: number }, 'lane'>;
export type BandNode = Node<{ count: number }, 'band'>;
export type InstanceNode = Node<
  {
    ec2InstanceId: string;
    instanceType: string;
    az: string;
    registeredCpu: number;
    registeredMemoryMiB: number;
    /** As the design records it; the live status wins once the run has the instance. */
    status: InstanceStatus;
    customAttributes: readonly CustomAttribute[];
    /** Some task definition uses awsvpc, so ENI slots matter. */
    showEni: boolean;
  },
  'instance'
>;
export type ServiceNode = Node<{ summary: ServiceSummary }, 'service'>;
export type BerthNode = LaneNode | BandNode | InstanceNode | ServiceNode;

const fixed = { draggable: false, selectable: false, deletable: false, focusable: false } as const;

function instanceNodes(
  design: DesignDocument,
  zones: readonly string[],
  selection: Selection,
): InstanceNode[] {
  const showEni = design.taskDefinitions.some((t) => t.networkMode === 'awsvpc');
  const placedY = new Map<string, number[]>(zones.map((az) => [az, []]));
  const placed = design.containerInstances.map((ci) => ({
    ci,
    at: design.layout[instanceKey(ci.ec2InstanceId)],
  }));
  for (const { ci, at } of placed) if (at) placedY.get(availabilityZoneOf(ci) ?? '')?.push(at.y);
  return placed.map(({ ci, at }) => {
    const az = availabilityZoneOf(ci) ?? zones[0] ?? '';
    const lane = Math.max(zones.indexOf(az), 0);
    let position = at;
    if (!position) {
      // No saved position: the next free slot from the top of its lane.
      const taken = placedY.get(az) ?? [];
      position = { x: laneX(lane) + INSTANCE_INSET, y: freeSlotY(laneContentTop, taken) };
      taken.push(position.y);
    }
    const resources = registeredResourcesOf(ci);
    return {
      id: instanceKey(ci.ec2InstanceId),
      type: 'instance',
      position,
      dragHandle: `.${NODE_HANDLE}`,
      zIndex: 2,
      selected: selection?.kind === 'instance' && selection.id === ci.ec2InstanceId,
      data: {
        ec2InstanceId: ci.ec2InstanceId,
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

function serviceNodes(design: DesignDocument, selection: Selection): ServiceNode[] {
  return design.services.map((service, i) => ({
    id: serviceKey(service.serviceName),
    type: 'service',
    dragHandle: `.${NODE_HANDLE}`,
    position: design.layout[serviceKey(service.serviceName)] ?? {
      x: 16 + i * (SERVICE_WIDTH + SERVICE_GAP),
      y: 44,
    },
    zIndex: 2,
    selected: selection?.kind === 'service' && selection.name === service.serviceName,
    data: { summary: summarizeService(design, service) },
  }));
}

/** The design as React Flow nodes: service band, zone lanes, then instances and services. */
export function toFlowNodes(design: DesignDocument, selection: Selection): BerthNode[] {
  const zones = zonesOf(design);
  const instances = instanceNodes(design, zones, selection);
  const laneHeight = Math.max(
    LANE_MIN_HEIGHT,
    // Room below the last instance for the next drop.
    ...instances.map((n) => n.position.y + INSTANCE_SLOT + 60 - LANE_TOP),
  );
  const band: BandNode = {
    id: 'band:services',
    type: 'band',
    position: { x: 0, y: 0 },
    width: lanesWidth(zones.length),
    height: BAND_HEIGHT,
    zIndex: 0,
    data: { count: design.services.length },
    ...fixed,
  };
  const lanes: LaneNode[] = zones.map((az, i) => ({
    id: `lane:${az}`,
    type: 'lane',
    position: { x: laneX(i), y: LANE_TOP },
    width: LANE_WIDTH,
    height: laneHeight,
    zIndex: 0,
    data: { az, count: instances.filter((n) => n.data.az === az).length },
    ...fixed,
  }));
  return [band, ...lanes, ...instances, ...serviceNodes(design, selection)];
}
