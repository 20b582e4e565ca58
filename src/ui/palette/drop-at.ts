import type { ReactFlowInstance } from '@xyflow/react';
import { clusterNameOf } from '../../design';
import { useDesignStore } from '../../store/design';
import { dropInstance } from '../../store/design-actions';
import type { LoadBalancerKind, Position } from '../../store/edits';
import { ON_PREMISES } from '../../store/edits/palette';
import { dropLoadBalancer } from '../../store/lb-actions';
import { shownDesign } from '../../store/live/shown-design';
import {
  dropAutoScalingGroup,
  dropExternalInstance,
  dropFargate,
  dropNamespace,
  dropServiceOn,
  dropStandaloneTask,
  dropTargetGroup,
  usePaletteForms,
} from '../../store/palette-actions';
import { useRunStore } from '../../store/run';
import { newServiceBlocker, requestFit, showNotice, useSessionStore } from '../../store/session';
import type { BerthNode } from '../canvas/flow-nodes';
import { clusterFrames, frameAt, zoneLaneX } from '../canvas/frames';
import { INSTANCE_WIDTH, SERVICE_WIDTH } from '../canvas/geometry';
import { placeLoadBalancer } from '../canvas/lb-graph';
import { placeInstance, placeService } from '../canvas/placement';
import type { DragItem } from '../shared/drag-item';
import type { PaletteKind } from './palette-drag';

/** Anything the palette adds: the shared drag items, a load balancer, the issue 9 cards. */
export type PaletteDrop =
  | DragItem
  | { kind: 'loadBalancer'; type: LoadBalancerKind }
  | { kind: PaletteKind };

type Flow = ReactFlowInstance<BerthNode>;

/**
 * The design as the canvas draws it (script and journal applied, as useShownDesign):
 * its frames and lanes are the ones under the pointer. An instance registered at 0:00
 * adds the on-premises lane, which the document alone does not have.
 */
function drawnDesign() {
  const run = useRunStore.getState();
  return shownDesign(useDesignStore.getState().design, run.timeline.journal, run.nowMs);
}

const NAMES: Record<PaletteDrop['kind'], string> = {
  instance: 'Instance',
  service: 'Service',
  loadBalancer: 'Load balancer',
  autoScalingGroup: 'Auto Scaling group',
  externalInstance: 'External instance',
  fargate: 'Fargate',
  task: 'Task',
  targetGroup: 'Target group',
  namespace: 'Cloud Map namespace',
};

/** The centre of the canvas on screen, in flow coordinates: where a key press adds a card. */
export function canvasCentre(flow: Flow): Position {
  const pane = document.querySelector('.react-flow')?.getBoundingClientRect();
  if (!pane) return { x: 0, y: 0 };
  return flow.screenToFlowPosition({
    x: pane.left + pane.width / 2,
    y: pane.top + pane.height / 2,
  });
}

/** The node of `type` under the flow point, else the nearest one (by its centre). */
function nodeAt<T extends BerthNode['type']>(
  nodes: readonly BerthNode[],
  type: T,
  point: Position,
  nearest: boolean,
): Extract<BerthNode, { type: T }> | undefined {
  let best: BerthNode | undefined;
  let bestDistance = Number.POSITIVE_INFINITY;
  for (const n of nodes) {
    if (n.type !== type) continue;
    const w = n.measured?.width ?? n.width ?? 0;
    const h = n.measured?.height ?? n.height ?? 0;
    const { x, y } = n.position;
    if (point.x >= x && point.x <= x + w && point.y >= y && point.y <= y + h)
      return n as Extract<BerthNode, { type: T }>;
    const distance = Math.hypot(point.x - (x + w / 2), point.y - (y + h / 2));
    if (nearest && distance < bestDistance) [best, bestDistance] = [n, distance];
  }
  return best as Extract<BerthNode, { type: T }> | undefined;
}

/** A load balancer lands in the row above the clusters; when that row is out of view the canvas fits. */
function addLoadBalancer(flow: Flow, type: LoadBalancerKind, point: Position): string | undefined {
  const position = placeLoadBalancer(drawnDesign(), point.x);
  const refusal = dropLoadBalancer(type, position);
  if (refusal) return refusal;
  const top = flow.flowToScreenPosition(position);
  const pane = document.querySelector('.react-flow')?.getBoundingClientRect();
  if (pane && top.y < pane.top) requestFit();
  return undefined;
}

function addService(flow: Flow, point: Position): string | undefined {
  const { newService: form, newServiceErrors } = useSessionStore.getState();
  const blocker = newServiceBlocker(newServiceErrors);
  // A drag begun before a field went wrong: the form on screen is not what would be added.
  if (blocker) return `fix ${blocker.field}: ${blocker.error}`;
  const design = drawnDesign();
  const placed = placeService(design, flow.getNodes(), {
    x: point.x - SERVICE_WIDTH / 2,
    y: point.y - 24,
  });
  const { serviceLaunchType } = usePaletteForms.getState();
  return dropServiceOn(form, serviceLaunchType, placed.position, placed.cluster);
}

/** An external instance goes to its cluster's on-premises lane, at the height it was let go. */
function addExternal(flow: Flow, point: Position, cluster: string): string | undefined {
  const design = drawnDesign();
  const frame = clusterFrames(design).find((f) => f.clusterName === cluster);
  const x =
    frame?.zones.includes(ON_PREMISES) === true
      ? zoneLaneX(frame, ON_PREMISES) + INSTANCE_WIDTH / 2
      : point.x;
  const placed = placeInstance(design, flow.getNodes(), { x, y: point.y - 20 }, { cluster });
  return dropExternalInstance(placed.position, cluster);
}

function add(flow: Flow, item: PaletteDrop, point: Position): string | undefined {
  const design = drawnDesign();
  const cluster = frameAt(clusterFrames(design), point.x)?.clusterName ?? clusterNameOf(design);
  switch (item.kind) {
    case 'instance': {
      // The cursor marks the node's top edge, a little below where the pointer grabbed.
      const placed = placeInstance(design, flow.getNodes(), { x: point.x, y: point.y - 20 });
      // The design's instances are EC2 ones in the region's zones (the gate's rule).
      if (placed.az === ON_PREMISES)
        return 'the on-premises lane holds external instances: drop an EC2 instance in an Availability Zone lane.';
      dropInstance(item.instanceType, placed.az, placed.position, placed.cluster);
      return undefined;
    }
    case 'service':
      return addService(flow, point);
    case 'loadBalancer':
      return addLoadBalancer(flow, item.type, point);
    case 'autoScalingGroup':
      return dropAutoScalingGroup(cluster);
    case 'externalInstance':
      return addExternal(flow, point, cluster);
    case 'fargate':
      return dropFargate(cluster);
    case 'task':
      return dropStandaloneTask(usePaletteForms.getState().task, cluster);
    case 'targetGroup': {
      const lb = nodeAt(flow.getNodes(), 'loadBalancer', point, true);
      return dropTargetGroup(lb?.data.name);
    }
    case 'namespace': {
      const service = nodeAt(flow.getNodes(), 'service', point, false);
      return dropNamespace(cluster, service?.data.summary.serviceName);
    }
  }
}

/** Add the item at a flow point (a drop, or the canvas centre); a refusal becomes a notice. */
export function dropPaletteItem(flow: Flow, item: PaletteDrop, point: Position): void {
  const refusal = add(flow, item, point);
  if (refusal) showNotice(`${NAMES[item.kind]} not added: ${refusal}`, 'error');
}

/** A click or Enter on a card: the item lands at the centre of the canvas on screen. */
export function addAtCentre(flow: Flow, item: PaletteDrop): void {
  dropPaletteItem(flow, item, canvasCentre(flow));
}
