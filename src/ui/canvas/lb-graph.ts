import type { Edge, Node } from '@xyflow/react';
import {
  actionTargetGroups,
  type DesignDocument,
  findLoadBalancer,
  findTargetGroup,
  loadBalancerOfTargetGroup,
} from '../../design';
import { loadBalancerKey, serviceKey } from '../../store/edits';
import { clusterFrames } from './frames';
import { FRAME_HEADER, NODE_HANDLE } from './geometry';

/** A load balancer above the clusters: its listeners, and edges to the services it sends to. */
export type LoadBalancerNode = Node<
  { name: string; type: 'application' | 'network' | 'classic'; listeners: string[] },
  'loadBalancer'
>;

/** An edge from a load balancer to a service, through these target groups (by Name). */
export type TrafficEdge = Edge<
  {
    lbName: string;
    serviceName: string;
    groups: string[];
    /** Its place among its load balancer's edges, and their number: labels stack by it. */
    lane: number;
    lanes: number;
  },
  'traffic'
>;

export const LB_WIDTH = 230;
const LB_GAP = 28;
const LB_HEIGHT = 96;
/** Flow y of the row of load balancers, in the gap above the first cluster frame's label. */
export const LB_ROW_Y = -FRAME_HEADER - LB_HEIGHT - 36;

const slotX = (left: number, i: number) => left + i * (LB_WIDTH + LB_GAP);

const overlapsX = (x: number, taken: readonly number[]) =>
  taken.some((t) => Math.abs(t - x) < LB_WIDTH + LB_GAP);

/** Where each load balancer sits: its saved place, else the next free slot of the row. */
function loadBalancerPositions(design: DesignDocument): Map<string, { x: number; y: number }> {
  const left = clusterFrames(design)[0]?.left ?? 0;
  const lbs = design.loadBalancers ?? [];
  const positions = new Map<string, { x: number; y: number }>();
  for (const lb of lbs) {
    const at = design.layout[loadBalancerKey(lb.Name)];
    if (at) positions.set(lb.Name, at);
  }
  const rowTaken = () =>
    [...positions.values()].filter((p) => Math.abs(p.y - LB_ROW_Y) < LB_HEIGHT).map((p) => p.x);
  let slot = 0;
  for (const lb of lbs) {
    if (positions.has(lb.Name)) continue;
    while (overlapsX(slotX(left, slot), rowTaken())) slot++;
    positions.set(lb.Name, { x: slotX(left, slot), y: LB_ROW_Y });
  }
  return positions;
}

/**
 * A dropped load balancer's place: in the row, centred under the pointer's x, moved
 * right past any load balancer already there, so a drop anywhere lines up with the rest.
 */
export function placeLoadBalancer(design: DesignDocument, pointerX: number) {
  const taken = [...loadBalancerPositions(design).values()]
    .filter((p) => Math.abs(p.y - LB_ROW_Y) < LB_HEIGHT)
    .map((p) => p.x);
  let x = Math.round(pointerX - LB_WIDTH / 2);
  while (overlapsX(x, taken)) {
    const blocker = taken.find((t) => Math.abs(t - x) < LB_WIDTH + LB_GAP) ?? x;
    x = blocker + LB_WIDTH + LB_GAP;
  }
  return { x, y: LB_ROW_Y };
}

/** The design's load balancers: selectable, deletable, moved by their header. */
export function loadBalancerNodes(
  design: DesignDocument,
  selectedName: string | null = null,
): LoadBalancerNode[] {
  const positions = loadBalancerPositions(design);
  return (design.loadBalancers ?? []).map((lb) => ({
    id: loadBalancerKey(lb.Name),
    type: 'loadBalancer',
    position: positions.get(lb.Name) ?? { x: 0, y: LB_ROW_Y },
    dragHandle: `.${NODE_HANDLE}`,
    zIndex: 3,
    selected: selectedName === lb.Name,
    data: {
      name: lb.Name,
      type: lb.Type ?? 'application',
      listeners:
        lb.Type === 'classic'
          ? (lb.Listeners ?? []).map((l) => `${l.Protocol}:${l.LoadBalancerPort}`)
          : (design.listeners ?? [])
              .filter((l) => findLoadBalancer(design, l.LoadBalancerArn) === lb)
              .map((l) => `${l.Protocol ?? 'HTTP'}:${l.Port}`),
    },
  }));
}

/**
 * One edge per load balancer and service it reaches: through a service's target groups
 * (its own, and a blue/green pair's alternate), or its Classic ELB.
 */
export function trafficEdges(design: DesignDocument): TrafficEdge[] {
  const edges: TrafficEdge[] = [];
  for (const s of design.services) {
    const byLb = new Map<string, Set<string>>();
    const add = (lbName: string | undefined, group: string) => {
      if (!lbName) return;
      const set = byLb.get(lbName) ?? new Set<string>();
      set.add(group);
      byLb.set(lbName, set);
    };
    for (const entry of s.loadBalancers ?? []) {
      if (entry.loadBalancerName !== undefined) {
        const lb = findLoadBalancer(design, entry.loadBalancerName);
        add(lb?.Name, lb?.Name ?? entry.loadBalancerName);
        continue;
      }
      const refs = [entry.targetGroupArn, entry.advancedConfiguration?.alternateTargetGroupArn];
      const pair = design.codeDeploy?.deploymentGroups.find(
        (g) => g.ecsServices[0]?.serviceName === s.serviceName,
      );
      for (const t of pair?.loadBalancerInfo.targetGroupPairInfoList[0]?.targetGroups ?? [])
        refs.push(t.name);
      const primary = entry.targetGroupArn
        ? findTargetGroup(design, entry.targetGroupArn)
        : undefined;
      const lb = primary ? loadBalancerOfTargetGroup(design, primary) : undefined;
      for (const ref of refs) {
        const tg = ref === undefined ? undefined : findTargetGroup(design, ref);
        if (tg) add((loadBalancerOfTargetGroup(design, tg) ?? lb)?.Name, tg.Name);
      }
    }
    for (const [lbName, groups] of byLb) {
      edges.push({
        id: `edge:${lbName}:${s.serviceName}`,
        type: 'traffic',
        source: loadBalancerKey(lbName),
        target: serviceKey(s.serviceName),
        data: { lbName, serviceName: s.serviceName, groups: [...groups], lane: 0, lanes: 1 },
      });
    }
  }
  // Each load balancer's edges, in the design's service order, take a label row each.
  const byLb = new Map<string, TrafficEdge[]>();
  for (const e of edges) {
    const lbName = e.data?.lbName ?? '';
    byLb.set(lbName, [...(byLb.get(lbName) ?? []), e]);
  }
  for (const group of byLb.values())
    group.forEach((e, lane) => {
      if (e.data) e.data = { ...e.data, lane, lanes: group.length };
    });
  return edges;
}

/** The target groups a listener's default action sends to (for a node's tooltip). */
export function listenerGroups(design: DesignDocument, listenerArn: string): string[] {
  const l = design.listeners?.find((x) => x.ListenerArn === listenerArn);
  return (l?.DefaultActions ?? []).flatMap(actionTargetGroups);
}
