import { describe, expect, it } from 'vitest';
import { minutes } from '../testing/builders';
import { simulate } from '../testing/harness';
import { datapoints, WEB_LISTENER, webDesign } from './testing';

const valueAt = (run: ReturnType<typeof simulate>, metric: string, minute: number) =>
  datapoints(run, metric, 'web').find(
    (m) =>
      m.Timestamp === new Date(Date.parse('2026-01-01T00:00:00Z') + minutes(minute)).toISOString(),
  );

describe('service CPUUtilization and MemoryUtilization (AWS/ECS, ClusterName + ServiceName)', () => {
  it('without traffic a service runs at its baseline: 10% CPU and 30% memory by default', () => {
    const run = simulate(webDesign({ desired: 2 })).until(minutes(3));
    const cpu = valueAt(run, 'CPUUtilization', 3);
    expect(cpu).toMatchObject({
      Namespace: 'AWS/ECS',
      Value: 10,
      Unit: 'Percent',
      Period: 60,
      Dimensions: [
        { Name: 'ClusterName', Value: 'test' },
        { Name: 'ServiceName', Value: 'web' },
      ],
    });
    expect(valueAt(run, 'MemoryUtilization', 3)?.Value).toBe(30);
  });

  it('baseline plus the per-request cost of what its targets served, over what the tasks reserve', () => {
    // 2 tasks of 256 CPU / 512 MiB; 100 req/s: (2 x 25.6 + 100 x 2.56) / 512 = 60 %,
    // (2 x 128 + 100 x 1) / 1024 = 34.77 %.
    const run = simulate(
      webDesign({
        desired: 2,
        traffic: [{ listenerArn: WEB_LISTENER, requestsPerSecond: 100 }],
        usage: {
          baselineCpuUnits: 25.6,
          cpuUnitsPerRequestPerSecond: 2.56,
          baselineMemoryMiB: 128,
          memoryMiBPerRequestPerSecond: 1,
        },
      }),
    ).until(minutes(4));
    expect(valueAt(run, 'CPUUtilization', 4)?.Value).toBe(60);
    expect(valueAt(run, 'MemoryUtilization', 4)?.Value).toBe(34.77);
    // RequestCountPerTarget stays as it was: 6,000 requests over 2 healthy targets.
    expect(datapoints(run, 'RequestCountPerTarget').at(-1)?.Value).toBe(3000);
  });

  it('is not capped at 100: the demand shows', () => {
    const run = simulate(
      webDesign({
        desired: 1,
        traffic: [{ listenerArn: WEB_LISTENER, requestsPerSecond: 100 }],
        usage: { baselineCpuUnits: 0, cpuUnitsPerRequestPerSecond: 5.12 },
      }),
    ).until(minutes(3));
    expect(valueAt(run, 'CPUUtilization', 3)?.Value).toBe(200);
  });

  it('has no datapoint while no task runs, and the cluster reservation goes on', () => {
    const run = simulate(webDesign({ desired: 0 })).until(minutes(2));
    expect(datapoints(run, 'CPUUtilization', 'web')).toEqual([]);
    expect(datapoints(run, 'CPUReservation').length).toBe(3);
  });
});
