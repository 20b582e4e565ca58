import { describe, expect, it } from 'vitest';
import { railPercent, timeAtPointer, visibleMarks } from './position';

describe('the timeline rail', () => {
  it('places a time and reads one back under the pointer', () => {
    expect(railPercent(30_000, 60_000)).toBe(50);
    expect(railPercent(90_000, 60_000)).toBe(100);
    expect(timeAtPointer(150, 100, 200, 60_000)).toBe(15_000);
    expect(timeAtPointer(20, 100, 200, 60_000)).toBe(0);
  });

  it('folds events into one mark a pixel column, but keeps every command', () => {
    const marks = [
      { atMs: 1000, kind: 'steady-state', text: 'web' },
      { atMs: 1001, kind: 'steady-state', text: 'web' },
      { atMs: 1000, kind: 'command', text: 'UpdateService' },
      { atMs: 1002, kind: 'command', text: 'UpdateService' },
    ];
    expect(visibleMarks(marks, 60_000, 100).map((m) => [m.kind, m.atMs])).toEqual([
      ['steady-state', 1000],
      ['command', 1000],
      ['command', 1002],
    ]);
  });
});
