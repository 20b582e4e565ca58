import { describe, expect, it } from 'vitest';
import type { BerthNode } from './flow-nodes';
import { fitOptionsFor, PRESENTER_FIT_MIN_ZOOM, PRESENTER_READ_INSTANCES } from './presenter-fit';

const node = (id: string, type: string, hidden = false) =>
  ({ id, type, hidden, position: { x: 0, y: 0 }, data: {} }) as unknown as BerthNode;
const instances = (n: number, hidden = false) =>
  Array.from({ length: n }, (_, i) => node(`instance:i-${i}`, 'instance', hidden));

describe('zoom to fit in presenter mode', () => {
  it('keeps a presenter chip (28 px) at 16 px or more on screen', () => {
    expect(PRESENTER_FIT_MIN_ZOOM * 28).toBeCloseTo(16);
  });

  it('frames the instances and Fargate lanes of a small design, never under that zoom', () => {
    const nodes = [node('cluster:demo', 'cluster'), node('lane:a', 'lane'), ...instances(3)];
    nodes.push(node('fargate:a', 'fargateLane'));
    expect(fitOptionsFor(nodes, true)).toEqual({
      padding: 0.08,
      minZoom: PRESENTER_FIT_MIN_ZOOM,
      nodes: [
        { id: 'instance:i-0' },
        { id: 'instance:i-1' },
        { id: 'instance:i-2' },
        { id: 'fargate:a' },
      ],
    });
  });

  it('fits everything out of presenter mode, and for a cluster too large to read whole', () => {
    expect(fitOptionsFor(instances(3), false)).toEqual({ padding: 0.08 });
    expect(fitOptionsFor(instances(PRESENTER_READ_INSTANCES + 1), true)).toEqual({
      padding: 0.08,
    });
    // Zone summaries showing (the instances hidden): the summaries' own fit.
    expect(fitOptionsFor(instances(150, true), true)).toEqual({ padding: 0.08 });
  });
});
