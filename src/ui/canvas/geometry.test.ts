import { describe, expect, it } from 'vitest';
import { freeSlotY, INSTANCE_SLOT, laneContentTop, nearestFreeSpot } from './geometry';

const box = (x: number, y: number, width = 100, height = 50) => ({ x, y, width, height });

describe('nearestFreeSpot', () => {
  it.each([
    ['nothing in the way: where it was asked', box(10, 10), [], { x: 10, y: 10 }],
    ['a clash near the top edge: just above', box(0, 60), [box(0, 100)], { x: 0, y: 50 }],
    ['a clash near the bottom edge: just below', box(0, 130), [box(0, 100)], { x: 0, y: 150 }],
    ['a tie between above and below: below', box(0, 100), [box(0, 100)], { x: 0, y: 150 }],
    [
      'a gap too small between two: the nearer outside edge',
      box(0, 120),
      [box(0, 100), box(0, 170)],
      { x: 0, y: 50 },
    ],
    ['a gap just big enough: into it', box(0, 170), [box(0, 50), box(0, 200)], { x: 0, y: 150 }],
    ['a box beside, not in line: ignored', box(0, 100), [box(200, 100)], { x: 0, y: 100 }],
  ])('along y, %s', (_what, wanted, taken, expected) => {
    expect(nearestFreeSpot(wanted, taken, 'y')).toEqual(expected);
  });

  it('never goes before the minimum, even when that spot is nearer', () => {
    expect(nearestFreeSpot(box(0, 20), [box(0, 30)], 'y', 0)).toEqual({ x: 0, y: 80 });
  });

  it('works along x for a row of services', () => {
    const row = [box(0, 0, 250), box(250, 0, 250)];
    expect(nearestFreeSpot(box(100, 0, 250), row, 'x', 0)).toEqual({ x: 500, y: 0 });
    expect(nearestFreeSpot(box(600, 0, 250), row, 'x', 0)).toEqual({ x: 600, y: 0 });
  });

  it('leaves the box free of every taken one, whatever the layout (a sweep)', () => {
    for (let seed = 1; seed < 200; seed++) {
      const taken = Array.from({ length: 6 }, (_, i) => box(0, ((seed * 37 + i * 91) % 600) - 50));
      const wanted = box(0, (seed * 53) % 500);
      const { y } = nearestFreeSpot(wanted, taken, 'y');
      for (const t of taken) expect(y + wanted.height <= t.y || t.y + t.height <= y).toBe(true);
    }
  });
});

describe('freeSlotY', () => {
  it('starts at the lane content top and steps a slot past each instance', () => {
    expect(freeSlotY(0, [])).toBe(laneContentTop);
    expect(freeSlotY(0, [laneContentTop])).toBe(laneContentTop + INSTANCE_SLOT);
  });
});
