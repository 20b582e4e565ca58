import type { Edge, Node } from '@xyflow/react';
import {
  actionTargetGroups,
  type DesignDocument,
  findLoadBalancer,
  findTargetGroup,
  loadBalancerOfTargetGroup,
} from '../../design';
import { serviceKey } from '../../store/edits';
import { clusterFrames } from './frames';
import { FRAME_HEADER } from './geometry';

/** A load balancer above the clusters: its listeners, and edges to the services it sends to. */
export type LoadBalancerNode = Node<
  { name: string; type: 'application' | 'network' | 'classic'; listeners: string[] },
  'loadBalancer'
>;

/** An edge from a load balancer to a service, through these target groups (by Name). */
export type TrafficEdge = Edge<{ serviceName: string; groups: string[] }, 'traffic'>;

export const LB_WIDTH = 230;
const LB_GAP = 28;
const LB_HEIGHT = 96;

const fixed = { draggable: false, selectable: false, deletable: false, focusable: false } as const;

/** The design's load balancers, in a row above the first cluster frame. */
export function loadBalancerNodes(design: DesignDocument): LoadBalancerNode[] {
  const left = clusterFrames(design)[0]?.left ?? 0;
  return (design.loadBalancers ?? []).map((lb, i) => ({
    id: `lb:${lb.Name}`,
    type: 'loadBalancer',
    position: { x: left + i * (LB_WIDTH + LB_GAP), y: -FRAME_HEADER - LB_HEIGHT - 36 },
    zIndex: 3,
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
    ...fixed,
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
        source: `lb:${lbName}`,
        target: serviceKey(s.serviceName),
        data: { serviceName: s.serviceName, groups: [...groups] },
        selectable: false,
      });
    }
  }
  return edges;
}

/** The target groups a listener's default action sends to (for a node's tooltip). */
export function listenerGroups(design: DesignDocument, listenerArn: string): string[] {
  const l = design.listeners?.find((x) => x.ListenerArn === listenerArn);
  return (l?.DefaultActions ?? []).flatMap(actionTargetGroups);
}
