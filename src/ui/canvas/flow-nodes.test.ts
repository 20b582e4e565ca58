import { describe, expect, it } from 'vitest';
import { sampleDocument } from '../../store/design-storage';
import { addInstance, emptyDesign } from '../../store/edits';
import { toFlowNodes } from './flow-nodes';
import { LANE_WIDTH, laneX } from './geometry';
import { draggedLayout, placeInstance } from './placement';

describe('toFlowNodes', () => {
  it('draws one lane per zone of the region, the band, and every resource', () => {
    const nodes = toFlowNodes(sampleDocument(), null);
    expect(nodes.filter((n) => n.type === 'lane').map((n) => n.id)).toEqual([
      'lane:us-east-1a',
      'lane:us-east-1b',
      'lane:us-east-1c',
    ]);
    expect(nodes.filter((n) => n.type === 'instance')).toHaveLength(3);
    expect(nodes.filter((n) => n.type === 'service').map((n) => n.id)).toEqual(['service:web']);
  });

  it('puts each instance inside its zone lane', () => {
    const nodes = toFlowNodes(sampleDocument(), null);
    for (const node of nodes) {
      if (node.type !== 'instance') continue;
      const lane = nodes.find((n) => n.id === `lane:${node.data.az}`);
      expect(node.position.x).toBeGreaterThanOrEqual(lane?.position.x ?? Number.NaN);
      expect(node.position.x).toBeLessThan((lane?.position.x ?? 0) + LANE_WIDTH);
    }
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
});
