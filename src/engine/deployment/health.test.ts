import { describe, expect, it } from 'vitest';
import { healthSettlesAfterMs } from './health';

const check = (over: Record<string, number> = {}) => ({
  command: ['CMD-SHELL', 'curl -f http://localhost/ || exit 1'],
  ...over,
});

describe('container health check timing (ecs-behavior §2.1; the model of health.ts)', () => {
  it('defaults: HEALTHY at the first check, 30 s; UNHEALTHY after 3 failures, 90 s', () => {
    expect(healthSettlesAfterMs([check()], false)).toEqual({ afterMs: 30_000, to: 'HEALTHY' });
    expect(healthSettlesAfterMs([check()], true)).toEqual({ afterMs: 90_000, to: 'UNHEALTHY' });
  });

  it('failures inside startPeriod do not count toward retries', () => {
    // Checks at 30, 60, 90...: those at 30 and 60 fall in the 60 s start period.
    expect(healthSettlesAfterMs([check({ startPeriod: 60 })], true)?.afterMs).toBe(150_000);
    expect(
      healthSettlesAfterMs([check({ interval: 10, retries: 2, startPeriod: 25 })], true)?.afterMs,
    ).toBe(40_000);
  });

  it('the task is HEALTHY when its slowest essential container is, UNHEALTHY with the first', () => {
    const checks = [check({ interval: 10 }), check({ interval: 20, retries: 1 })];
    expect(healthSettlesAfterMs(checks, false)?.afterMs).toBe(20_000);
    expect(healthSettlesAfterMs(checks, true)?.afterMs).toBe(20_000);
  });

  it('no health check, nothing to settle', () => {
    expect(healthSettlesAfterMs([], true)).toBeUndefined();
  });
});
