import { describe, expect, it } from 'vitest';
import type { DeploymentCounts, ServiceCounts } from '../../engine';
import { allDeploymentsKey, History } from './history';

const OLD = 'ecs-svc/1111111111111111111';
const NEW = 'ecs-svc/2222222222222222222';

const dep = (taskDefinition: string, running: number, pending = 0, healthy = running) =>
  ({
    taskDefinition,
    runningCount: running,
    pendingCount: pending,
    healthyCount: healthy,
  }) satisfies DeploymentCounts;

function web(deployments: Record<string, DeploymentCounts>): ServiceCounts {
  const sum = (k: 'runningCount' | 'pendingCount' | 'healthyCount') =>
    Object.values(deployments).reduce((n, d) => n + d[k], 0);
  return {
    desiredCount: 4,
    runningCount: sum('runningCount'),
    pendingCount: sum('pendingCount'),
    healthyCount: sum('healthyCount'),
    lowerBound: 2,
    upperBound: 8,
    deployments,
  };
}

/** web:1 runs 4; web:2 starts 4 at 60 s; web:1's tasks stop at 120 s and it leaves the samples. */
function rolled(): History {
  const h = new History();
  h.add({ atMs: 0, services: { web: web({ [OLD]: dep('web:1', 4) }) } });
  h.add({
    atMs: 60_000,
    services: { web: web({ [OLD]: dep('web:1', 4), [NEW]: dep('web:2', 0, 4) }) },
  });
  h.add({
    atMs: 90_000,
    services: { web: web({ [OLD]: dep('web:1', 4), [NEW]: dep('web:2', 4) }) },
  });
  h.add({ atMs: 120_000, services: { web: web({ [NEW]: dep('web:2', 4) }) } });
  return h;
}

describe('History keys', () => {
  it('keeps each deployment as deployment:<service>:<id>:running|pending|healthy', () => {
    const h = rolled();
    expect(h.valueAt(`deployment:web:${OLD}:running`, 30_000)).toBe(4);
    expect(h.valueAt(`deployment:web:${NEW}:pending`, 60_000)).toBe(4);
    expect(h.valueAt(`deployment:web:${NEW}:running`, 60_000)).toBe(0);
    expect(h.valueAt(`deployment:web:${NEW}:healthy`, 90_000)).toBe(4);
    // Absent from a later sample of its service: no task left.
    expect(h.valueAt(`deployment:web:${OLD}:running`, 120_000)).toBe(0);
    expect(h.valueAt(`deployment:web:${OLD}:healthy`, 120_000)).toBe(0);
    expect(h.valueAt('service:web:running', 90_000)).toBe(8);
  });

  it('expands deployment:<service>:*:<field> to every deployment recorded, oldest first, with its revision', () => {
    const win = rolled().window(0, 180_000, 6, [
      allDeploymentsKey('web', 'running'),
      allDeploymentsKey('web', 'pending'),
      'service:web:upper',
    ]);
    expect(win.times).toEqual([30_000, 60_000, 90_000, 120_000, 150_000, 180_000]);
    expect(Object.keys(win.series)).toEqual([
      `deployment:web:${OLD}:running`,
      `deployment:web:${NEW}:running`,
      `deployment:web:${OLD}:pending`,
      `deployment:web:${NEW}:pending`,
      'service:web:upper',
    ]);
    expect(win.series[`deployment:web:${OLD}:running`]).toEqual([4, 4, 4, 0, 0, 0]);
    expect(win.series[`deployment:web:${NEW}:running`]).toEqual([0, 0, 4, 4, 4, 4]);
    expect(win.series[`deployment:web:${NEW}:pending`]).toEqual([0, 4, 0, 0, 0, 0]);
    expect(win.labels).toEqual({
      [`deployment:web:${OLD}`]: 'web:1',
      [`deployment:web:${NEW}`]: 'web:2',
    });
  });

  it('lists only the deployments recorded by the end of the window, and none for a service without', () => {
    const h = rolled();
    const early = h.window(0, 30_000, 3, [allDeploymentsKey('web', 'running')]);
    expect(Object.keys(early.series)).toEqual([`deployment:web:${OLD}:running`]);
    const none = h.window(0, 30_000, 3, [allDeploymentsKey('api', 'running')]);
    expect(none.series).toEqual({});
    expect(none.labels).toBeUndefined();
  });

  it('a branch cut before the new deployment has only the old one', () => {
    const branch = rolled().until(59_999);
    expect(branch.deploymentsOf('web')).toEqual([[OLD, 'web:1']]);
    expect(branch.valueAt(`deployment:web:${OLD}:running`, 200_000)).toBe(4);
  });

  it('keeps a target group minute as requests per second and its healthy targets', () => {
    const h = new History();
    h.add({
      atMs: 60_000,
      traffic: {
        blue: { served: 10_800, failed: 0, healthy: 3 },
        green: { served: 1_200, failed: 60, healthy: 1 },
      },
    });
    // A sample recorded before healthy targets were: the series is left as it was.
    h.add({ atMs: 120_000, traffic: { blue: { served: 0, failed: 0 } } });
    expect(h.valueAt('tg:blue:served', 60_000)).toBe(180);
    expect(h.valueAt('tg:green:served', 60_000)).toBe(20);
    expect(h.valueAt('tg:green:failed', 60_000)).toBe(1);
    expect(h.valueAt('tg:blue:healthy', 60_000)).toBe(3);
    expect(h.valueAt('tg:green:healthy', 60_000)).toBe(1);
    expect(h.valueAt('tg:blue:healthy', 120_000)).toBe(3);
    expect(h.valueAt('tg:blue:served', 120_000)).toBe(0);
  });

  it('keeps a call minute as call:<client → endpoint>:served|failed per second', () => {
    const h = new History();
    h.add({
      atMs: 60_000,
      calls: {
        'dns-client → api.berth.local': { served: 5_400, failed: 600 },
        'sc-client → api:8080': { served: 6_000, failed: 0 },
      },
    });
    expect(h.valueAt('call:dns-client → api.berth.local:failed', 60_000)).toBe(10);
    expect(h.valueAt('call:dns-client → api.berth.local:served', 60_000)).toBe(90);
    expect(h.valueAt('call:sc-client → api:8080:served', 60_000)).toBe(100);
    expect(h.valueAt('call:sc-client → api:8080:failed', 60_000)).toBe(0);
  });
});
