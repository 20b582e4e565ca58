import { describe, expect, it } from 'vitest';
import { zeroCounts } from './run-data';
import { addPoint, emptySeries } from './series';

const counts = (running: number) => ({ ...zeroCounts(), RUNNING: running });

describe('chart series', () => {
  it('keeps at most one point per step of virtual time', () => {
    let series = emptySeries();
    for (let ms = 0; ms <= 3000; ms += 250) series = addPoint(series, ms, counts(ms));
    expect(series.points.map((p) => p.t)).toEqual([0, 1, 2, 3]);
  });

  it('stays under its cap for any run length, halving resolution as it goes', () => {
    let series = emptySeries();
    for (let s = 0; s < 10_000; s++) series = addPoint(series, s * 1000, counts(s), 100);
    expect(series.points.length).toBeLessThanOrEqual(100);
    expect(series.stepMs).toBeGreaterThan(1000);
    expect(series.points[0]?.t).toBe(0);
    // The newest point is never more than one step behind.
    expect(9999 - (series.points.at(-1)?.t ?? 0)).toBeLessThanOrEqual(series.stepMs / 1000);
  });

  it('returns the same series when nothing is added, so the chart does not redraw', () => {
    const series = addPoint(emptySeries(), 0, counts(1));
    expect(addPoint(series, 500, counts(2))).toBe(series);
  });
});
