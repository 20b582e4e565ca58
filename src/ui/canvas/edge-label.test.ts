import { describe, expect, it } from 'vitest';
import { edgeLabelPoint } from './edge-label';

describe('edgeLabelPoint', () => {
  it('sits halfway down the gap above the frames, on the curve', () => {
    const p = edgeLabelPoint({ x: 0, y: -120 }, { x: 300, y: 44 }, -46);
    expect(p.y).toBeCloseTo(-83, 3);
    expect(p.x).toBeGreaterThan(0);
    expect(p.x).toBeLessThan(150);
  });

  it('is the middle of a straight drop, and of an edge that does not cross the gap', () => {
    expect(edgeLabelPoint({ x: 10, y: 0 }, { x: 10, y: 100 }, -46)).toEqual({ x: 10, y: 50 });
    expect(edgeLabelPoint({ x: 0, y: 200 }, { x: 100, y: 0 }, -46)).toEqual({ x: 50, y: 100 });
  });
});
