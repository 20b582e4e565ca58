import { describe, expect, it } from 'vitest';
import type { DesignDocument } from '../../design';
import { sampleDocument } from '../../store/design-storage';
import {
  addInstance,
  addLoadBalancer,
  addService,
  emptyDesign,
  wireService,
} from '../../store/edits';
import { DEFAULT_NEW_SERVICE } from '../../store/session';
import { type BerthNode, toFlowNodes } from './flow-nodes';
import { LANE_WIDTH, laneX } from './geometry';
import { LB_ROW_Y, LB_WIDTH, placeLoadBalancer, trafficEdges } from './lb-graph';
import { draggedLayout, placeInstance, placeService } from './placement';

/** Two clusters, prod with an instance in a and b, batch with one in a. */
function twoClusters(): DesignDocument {
  let design: DesignDocument = {
    ...emptyDesign(),
    clusters: [{ clusterName: 'prod' }, { clusterName: 'batch' }],
  };
  design = addInstance(design, 'm5.large', 'us-east-1a', undefined, 'prod').design;
  design = addInstance(design, 'm5.large', 'us-east-1b', undefined, 'prod').design;
  design = addInstance(design, 'c5.large', 'us-east-1a', undefined, 'batch').design;
  return design;
}

function inside(node: BerthNode, frame: BerthNode | undefined): boolean {
  if (!frame?.width || !frame.height) return false;
  const { x, y } = node.position;
  return (
    x >= frame.position.x &&
    x < frame.position.x + frame.width &&
    y >= frame.position.y &&
    y < frame.position.y + frame.height
  );
}

describe('toFlowNodes', () => {
  it('draws a frame for the cluster, its band, one lane per zone, and every resource', () => {
    const nodes = toFlowNodes(sampleDocument(), null);
    expect(nodes.filter((n) => n.type === 'cluster').map((n) => n.id)).toEqual(['cluster:demo']);
    expect(nodes.filter((n) => n.type === 'lane').map((n) => n.id)).toEqual([
      'lane:demo:us-east-1a',
      'lane:demo:us-east-1b',
      'lane:demo:us-east-1c',
    ]);
    expect(nodes.filter((n) => n.type === 'instance')).toHaveLength(3);
    expect(nodes.filter((n) => n.type === 'service').map((n) => n.id)).toEqual(['service:web']);
  });

  it('puts each instance inside its zone lane', () => {
    const nodes = toFlowNodes(sampleDocument(), null);
    for (const node of nodes) {
      if (node.type !== 'instance') continue;
      const lane = nodes.find((n) => n.id === `lane:demo:${node.data.az}`);
      expect(node.position.x).toBeGreaterThanOrEqual(lane?.position.x ?? Number.NaN);
      expect(node.position.x).toBeLessThan((lane?.position.x ?? 0) + LANE_WIDTH);
    }
  });

  it('gives each cluster its own frame and lanes, side by side, and each instance its own frame', () => {
    const nodes = toFlowNodes(twoClusters(), null);
    const frames = nodes.filter((n) => n.type === 'cluster');
    expect(frames.map((f) => f.data.clusterName)).toEqual(['prod', 'batch']);
    expect(frames.map((f) => f.data.instanceCount)).toEqual([2, 1]);
    const [prod, batch] = frames;
    expect((prod?.position.x ?? 0) + (prod?.width ?? 0)).toBeLessThan(batch?.position.x ?? 0);
    expect(nodes.filter((n) => n.type === 'lane' && n.data.cluster === 'batch')).toHaveLength(3);
    for (const node of nodes) {
      if (node.type !== 'instance') continue;
      const own = frames.find((f) => f.data.clusterName === node.data.cluster);
      const other = frames.find((f) => f.data.clusterName !== node.data.cluster);
      expect(inside(node, own), node.id).toBe(true);
      expect(inside(node, other), node.id).toBe(false);
    }
  });

  it('draws an instance in its lane even when its saved place lies elsewhere', () => {
    const { design, ec2InstanceId } = addInstance(emptyDesign(), 'm5.large', 'us-east-1c', {
      x: 5,
      y: 400,
    });
    const node = toFlowNodes(design, null).find((n) => n.id === `instance:${ec2InstanceId}`);
    expect(node?.position.x).toBeGreaterThanOrEqual(laneX(2));
    expect(node?.position.y).toBe(400);
  });

  it('marks the selected node', () => {
    const nodes = toFlowNodes(sampleDocument(), { kind: 'service', name: 'web' });
    expect(nodes.find((n) => n.id === 'service:web')?.selected).toBe(true);
  });
});

describe('placement', () => {
  it('drops an instance into the lane under the pointer, clear of the others', () => {
    const design = sampleDocument();
    const nodes = toFlowNodes(design, null);
    const first = nodes.find((n) => n.type === 'instance' && n.data.az === 'us-east-1b');
    const placed = placeInstance(design, nodes, { x: laneX(1) + 50, y: first?.position.y ?? 0 });
    expect(placed.az).toBe('us-east-1b');
    expect(placed.position.y).toBeGreaterThan(first?.position.y ?? 0);
  });

  it('drops an instance into the frame under the pointer, and names that cluster', () => {
    const design = twoClusters();
    const nodes = toFlowNodes(design, null);
    const lane = nodes.find((n) => n.id === 'lane:batch:us-east-1b');
    const placed = placeInstance(design, nodes, { x: (lane?.position.x ?? 0) + 40, y: 0 });
    expect(placed).toMatchObject({ cluster: 'batch', az: 'us-east-1b' });
  });

  it('changes the zone of an instance dragged into another lane', () => {
    const { design, ec2InstanceId } = addInstance(emptyDesign(), 'm5.large', 'us-east-1a');
    const nodes = toFlowNodes(design, null);
    const node = nodes.find((n) => n.id === `instance:${ec2InstanceId}`);
    if (!node) throw new Error('no node');
    const moved = { ...node, position: { x: laneX(2), y: 400 } };
    const { zones, positions } = draggedLayout(design, nodes, [moved]);
    expect(zones).toEqual({ [ec2InstanceId]: 'us-east-1c' });
    expect(positions[node.id]?.x).toBeGreaterThanOrEqual(laneX(2));
  });

  it('keeps an instance dragged onto another cluster in its own frame', () => {
    const design = twoClusters();
    const nodes = toFlowNodes(design, null);
    const node = nodes.find((n) => n.type === 'instance' && n.data.cluster === 'prod');
    const batchLane = nodes.find((n) => n.id === 'lane:batch:us-east-1c');
    if (!node || !batchLane) throw new Error('no node');
    const moved = { ...node, position: { x: batchLane.position.x, y: 400 } };
    const { positions } = draggedLayout(design, nodes, [moved]);
    const prodFrame = nodes.find((n) => n.id === 'cluster:prod');
    expect(inside({ ...node, position: positions[node.id] ?? node.position }, prodFrame)).toBe(
      true,
    );
  });

  it('puts a service dropped on another one beside it, not on top', () => {
    const design = addService(emptyDesign(), DEFAULT_NEW_SERVICE, { x: 100, y: 44 }).design;
    const nodes = toFlowNodes(design, null);
    const placed = placeService(design, nodes, { x: 120, y: 50 });
    expect(Math.abs(placed.position.x - 100)).toBeGreaterThanOrEqual(250);
  });
});

describe('load balancers on the canvas', () => {
  const two = () => {
    const one = addLoadBalancer(
      addService(emptyDesign(), DEFAULT_NEW_SERVICE).design,
      'application',
    );
    return addLoadBalancer(one.design, 'network').design;
  };

  it('sit in a row above the clusters, selectable and deletable, the selected one marked', () => {
    const lbs = toFlowNodes(two(), null, 'nlb').filter((n) => n.type === 'loadBalancer');
    expect(lbs.map((n) => n.id)).toEqual(['lb:alb', 'lb:nlb']);
    expect(lbs.map((n) => n.position.y)).toEqual([LB_ROW_Y, LB_ROW_Y]);
    expect((lbs[1]?.position.x ?? 0) - (lbs[0]?.position.x ?? 0)).toBeGreaterThanOrEqual(LB_WIDTH);
    expect(lbs.map((n) => n.selected)).toEqual([false, true]);
    expect(lbs.every((n) => n.selectable !== false && n.deletable !== false)).toBe(true);
  });

  it('a drop lines up with the row and moves past one already there', () => {
    const design = two();
    const [first] = toFlowNodes(design, null).filter((n) => n.type === 'loadBalancer');
    const placed = placeLoadBalancer(design, (first?.position.x ?? 0) + 20);
    expect(placed.y).toBe(LB_ROW_Y);
    const xs = toFlowNodes(design, null)
      .filter((n) => n.type === 'loadBalancer')
      .map((n) => n.position.x);
    expect(xs.every((x) => Math.abs(x - placed.x) >= LB_WIDTH)).toBe(true);
  });

  it('an edge per wired service names its load balancer', () => {
    const wired = wireService(two(), 'alb', 'web');
    if (!('design' in wired)) throw new Error(wired.refusal);
    expect(trafficEdges(wired.design)).toMatchObject([
      {
        id: 'edge:alb:web',
        source: 'lb:alb',
        target: 'service:web',
        data: { lbName: 'alb', serviceName: 'web', groups: ['alb-targets'] },
      },
    ]);
  });
});

describe('instances the run launched', () => {
  it('are drawn in their cluster frame and zone lane, below the design instances, and cannot be dragged', () => {
    const design = twoClusters();
    const nodes = toFlowNodes(design, null, null, [
      {
        ec2InstanceId: 'i-0asg000000000001',
        clusterName: 'prod',
        instanceType: 'c7g.large',
        availabilityZone: 'us-east-1a',
        registeredCpu: 2048,
        registeredMemoryMiB: 3993,
        status: 'ACTIVE',
      },
    ]);
    const launched = nodes.find((n) => n.id === 'instance:i-0asg000000000001');
    const ownLane = nodes.find((n) => n.id === 'lane:prod:us-east-1a');
    const designed = nodes.find(
      (n) =>
        n.type === 'instance' &&
        n.data.cluster === 'prod' &&
        n.data.az === 'us-east-1a' &&
        n.id !== launched?.id,
    );
    expect(launched?.type).toBe('instance');
    expect(launched?.draggable).toBe(false);
    expect(launched?.type === 'instance' && launched.data.live).toBe(true);
    expect(inside(launched!, ownLane)).toBe(true);
    expect(launched!.position.y).toBeGreaterThan(designed!.position.y);
    const lane = nodes.find((n) => n.id === 'lane:prod:us-east-1a');
    expect(lane?.type === 'lane' && lane.data.count).toBe(2);
  });
});
