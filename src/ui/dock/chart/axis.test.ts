import { describe, expect, it } from 'vitest';
import { countAxis, formatCount, formatUsd, niceAxis, timeDomainEnd, timeTicks } from './axis';

describe('chart axes', () => {
  it('grows the time domain in steps, so ticks hold still while a run plays', () => {
    expect(timeDomainEnd(0)).toBe(60_000);
    expect(timeDomainEnd(61_000)).toBe(120_000);
    expect(timeDomainEnd(119_000)).toBe(120_000);
    expect(timeDomainEnd(3_600_000)).toBe(3_600_000);
    expect(timeDomainEnd(3_600_001)).toBe(7_200_000);
  });

  it('ticks time at round steps', () => {
    expect(timeTicks(60_000)).toEqual([0, 10_000, 20_000, 30_000, 40_000, 50_000, 60_000]);
    expect(timeTicks(3_600_000)).toEqual([
      0, 600_000, 1_200_000, 1_800_000, 2_400_000, 3_000_000, 3_600_000,
    ]);
  });

  it('rounds counts up to a nice maximum', () => {
    expect(countAxis(3)).toEqual({ max: 4, ticks: [0, 1, 2, 3, 4] });
    expect(countAxis(7)).toEqual({ max: 8, ticks: [0, 2, 4, 6, 8] });
    expect(countAxis(1930).max).toBe(2000);
    expect(countAxis(2000).ticks).toEqual([0, 500, 1000, 1500, 2000]);
  });

  it('labels never need more than four characters', () => {
    expect(formatCount(950)).toBe('950');
    expect(formatCount(2000)).toBe('2k');
    expect(formatCount(1500)).toBe('1.5k');
    expect(formatCount(12_000)).toBe('12k');
    expect(formatCount(250_000)).toBe('250k');
    expect(formatCount(1_200_000)).toBe('1.2M');
  });
});

describe('dollars on the axis', () => {
  it('keeps half cents apart and rounds the rest to the cent', () => {
    expect(niceAxis(0.0195).ticks.map(formatUsd)).toEqual([
      '$0.00',
      '$0.005',
      '$0.01',
      '$0.015',
      '$0.02',
    ]);
    expect(formatUsd(12.5)).toBe('$12.50');
    expect(formatUsd(1234)).toBe('$1.2k');
  });
});
