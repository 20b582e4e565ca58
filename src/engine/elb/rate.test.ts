import { describe, expect, it } from 'vitest';
import { rateAt, requestsBetween } from './rate';

const L = 'arn:listener';

describe('traffic rates over time', () => {
  it('a constant rate, then steps', () => {
    const spec = {
      listenerArn: L,
      requestsPerSecond: 100,
      steps: [{ at: 60, requestsPerSecond: 300 }],
    };
    expect(requestsBetween(spec, 0, 60_000)).toBe(6_000);
    expect(requestsBetween(spec, 30_000, 90_000)).toBe(3_000 + 9_000);
    expect(rateAt(spec, 120_000)).toBeCloseTo(300, 6);
  });

  it('a daily curve peaks at its peak and integrates to its mean over a day', () => {
    const spec = { listenerArn: L, daily: { min: 100, max: 900, peakAtSecond: 43_200 } };
    expect(rateAt(spec, 43_200_000)).toBeCloseTo(900, 3);
    expect(rateAt(spec, 0)).toBeCloseTo(100, 3);
    expect(requestsBetween(spec, 0, 86_400_000)).toBeCloseTo(500 * 86_400, 3);
  });

  it('spikes add on top for their duration only', () => {
    const spec = {
      listenerArn: L,
      requestsPerSecond: 10,
      spikes: [{ at: 100, durationSeconds: 20, requestsPerSecond: 1_000 }],
    };
    expect(requestsBetween(spec, 90_000, 130_000)).toBe(10 * 40 + 1_000 * 20);
  });
});
