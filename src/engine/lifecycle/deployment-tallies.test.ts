import { describe, expect, it } from 'vitest';
import type { DeploymentCounts, HistorySample } from '../api';
import { createSimulation } from '../simulation';
import { design, instance, minutes, service, taskDefinition } from '../testing/builders';

/** web:1 runs 4 tasks with min 50% / max 200%; web:2 is registered beside it. */
function rollingDesign() {
  const td = taskDefinition('web');
  return design({
    containerInstances: ['a', 'b', 'c'].map((az, i) =>
      instance({ id: `i-00000000000000${i}d1`, az: `us-east-1${az}` }),
    ),
    taskDefinitions: [
      td,
      {
        ...td,
        containerDefinitions: td.containerDefinitions.map((c) => ({
          ...c,
          image: 'example/web:2',
        })),
      },
    ],
    services: [
      service('web', 4, {
        taskDefinition: 'web:1',
        deploymentConfiguration: { minimumHealthyPercent: 50, maximumPercent: 200 },
      }),
    ],
  });
}

const total = (
  ds: Record<string, DeploymentCounts>,
  key: keyof Omit<DeploymentCounts, 'taskDefinition'>,
) => Object.values(ds).reduce((n, d) => n + d[key], 0);

describe('per-deployment counts in the chart samples (ecs-behavior §8)', () => {
  it('a rolling update of 4 tasks at 50% / 200% stays in its bounds and ends on the new revision', () => {
    const sim = createSimulation(rollingDesign());
    sim.advance(minutes(3));
    sim.apply({
      action: 'UpdateService',
      input: { cluster: 'test', service: 'web', taskDefinition: 'web:2' },
    });
    const samples: HistorySample[] = [];
    for (let t = minutes(3); t < minutes(12); ) {
      t += 10_000;
      samples.push(...sim.advance(t).history);
    }
    const web = samples.flatMap((s) => (s.services?.web ? [s.services.web] : []));
    expect(web.length).toBeGreaterThanOrEqual(3);
    const revisions = new Set<string>();
    for (const counts of web) {
      const ds = counts.deployments ?? {};
      for (const d of Object.values(ds)) revisions.add(d.taskDefinition);
      // The deployments' counts add up to the service's.
      expect(total(ds, 'runningCount')).toBe(counts.runningCount);
      expect(total(ds, 'pendingCount')).toBe(counts.pendingCount);
      expect(total(ds, 'healthyCount')).toBe(counts.healthyCount);
      // §8.1: at most floor(4 x 200%) = 8 running or pending, at least ceil(4 x 50%) = 2 healthy.
      expect(counts.upperBound).toBe(8);
      expect(counts.lowerBound).toBe(2);
      expect(total(ds, 'runningCount') + total(ds, 'pendingCount')).toBeLessThanOrEqual(8);
      expect(total(ds, 'healthyCount')).toBeGreaterThanOrEqual(2);
    }
    expect([...revisions].sort()).toEqual(['web:1', 'web:2']);
    // Both revisions ran side by side at some sample.
    expect(
      web.some(
        (c) => Object.values(c.deployments ?? {}).filter((d) => d.runningCount > 0).length === 2,
      ),
    ).toBe(true);
    const last = web.at(-1)?.deployments ?? {};
    expect(Object.values(last)).toEqual([
      { taskDefinition: 'web:2', runningCount: 4, pendingCount: 0, healthyCount: 4 },
    ]);
    // The frame's service view reads the same kept counts.
    const view = sim.snapshot().services[0];
    expect(
      view?.deployments.map((d) => [d.taskDefinition, d.runningCount, d.healthyCount]),
    ).toEqual([['web:2', 4, 4]]);
  });
});
