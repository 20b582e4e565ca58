import { describe, expect, it } from 'vitest';
import type { DeploymentView, ServiceView } from '../../engine';
import { edgeParts, rateText, revisionSplit } from './edge-text';

const deployment = (taskDefinition: string, healthyCount: number): DeploymentView =>
  ({ taskDefinition, healthyCount }) as DeploymentView;

const view = (parts: Partial<ServiceView>): ServiceView =>
  ({ deployments: [], ...parts }) as ServiceView;

describe("a load balancer edge's label", () => {
  it('says each group healthy targets, requests and 503s per second', () => {
    const v = view({
      targetGroups: [
        {
          targetGroupArn: 'a',
          name: 'web',
          initial: 0,
          healthy: 3,
          unhealthy: 0,
          draining: 1,
          servedPerSecond: 100,
          failedPerSecond: 2.5,
        },
      ],
    });
    expect(edgeParts(v, ['web'])).toEqual([
      { name: 'web', targets: '3✓ 1↘', served: '100 req/s', failed: '2.5 503/s' },
    ]);
    expect(rateText(12.4)).toBe('12');
    expect(rateText(0.3)).toBe('0.3');
  });

  it('splits a rolling update by the revisions healthy tasks, a blue/green shift by its share', () => {
    expect(
      revisionSplit(view({ deployments: [deployment('web:2', 2), deployment('web:1', 3)] })),
    ).toBe('web:2 40% / web:1 60%');
    expect(revisionSplit(view({ deployments: [deployment('web:2', 3)] }))).toBeUndefined();
    // Once a minute has been served, by what each revision took (slow start included).
    expect(
      revisionSplit(
        view({
          deployments: [deployment('web:2', 2), deployment('web:1', 2)],
          targetGroups: [
            {
              targetGroupArn: 'a',
              name: 'web',
              initial: 0,
              healthy: 4,
              unhealthy: 0,
              draining: 0,
              servedPerSecond: 100,
              failedPerSecond: 0,
              servedByRevision: { 'web:1': 90, 'web:2': 10 },
            },
          ],
        }),
      ),
    ).toBe('web:2 10% / web:1 90%');
    expect(
      revisionSplit(
        view({
          deployments: [
            { ...deployment('web:2', 3), stage: 'PRODUCTION_TRAFFIC_SHIFT', trafficPercent: 10 },
          ],
        }),
      ),
    ).toBe('new 10%');
  });
});
