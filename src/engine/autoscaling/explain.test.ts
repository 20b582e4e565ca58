import { describe, expect, it } from 'vitest';
import { restoreContext } from '../checkpoint';
import { minutes } from '../testing/builders';
import { simulate } from '../testing/harness';
import { explainScaling } from './explain';
import { WEB_LISTENER, WEB_RESOURCE, webDesign } from './testing';

const key = {
  ServiceNamespace: 'ecs' as const,
  ResourceId: WEB_RESOURCE,
  ScalableDimension: 'ecs:service:DesiredCount' as const,
};

function design(max: number) {
  return webDesign({
    desired: 2,
    usage: { baselineCpuUnits: 0, cpuUnitsPerRequestPerSecond: 2.56 },
    traffic: [
      {
        listenerArn: WEB_LISTENER,
        requestsPerSecond: 50,
        steps: [{ at: 300, requestsPerSecond: 200 }],
      },
    ],
    extra: {
      scalableTargets: [{ ...key, MinCapacity: 1, MaxCapacity: max }],
      scalingPolicies: [
        {
          ...key,
          PolicyName: 'cpu50',
          PolicyType: 'TargetTrackingScaling',
          TargetTrackingScalingPolicyConfiguration: {
            TargetValue: 50,
            PredefinedMetricSpecification: {
              PredefinedMetricType: 'ECSServiceAverageCPUUtilization',
            },
          },
        },
      ],
    },
  });
}

/** The run's state at `m` minutes, as a context the pure function reads. */
const at = (max: number, m: number) =>
  restoreContext(simulate(design(max)).until(minutes(m)).sim.checkpoint());

describe('explainScaling: why has it not scaled yet?', () => {
  it("shows the high alarm's datapoints so far while it waits for 3 of 3", () => {
    const why = explainScaling(at(10, 7), 'web');
    const high = why?.policies[0]?.alarms[0];
    expect(high).toMatchObject({ state: 'OK', datapointsToAlarm: 3, breaching: 2 });
    expect(high?.datapoints.slice(-2)).toEqual([100, 100]);
    expect(why?.summary).toMatch(
      /^No alarm asks for scaling yet \(TargetTracking-service\/test\/web-AlarmHigh-.*: 2 of 3 datapoints breaching/,
    );
    expect(why?.model).toContain("Berth's model");
  });

  it('names the bound that holds it, and the cooldown left', () => {
    // At 9:00, 3 tasks run at 66.67%; within the cooldown the ask counts from the 2 it
    // started from: ceil(2 x 66.67 / 50) = 3, at max.
    const why = explainScaling(at(3, 9), 'web');
    expect(why).toMatchObject({ desiredCount: 3, maxCapacity: 3, heldBy: 'MaxCapacity' });
    expect(why?.scaleOutCooldownLeftMs).toBe(minutes(4));
    expect(why?.summary).toBe('cpu50 asks for 3 tasks, but it is at its maximum capacity.');
    expect(why?.activities[0]).toMatchObject({
      Description: 'Setting desired count to 3.',
      StatusCode: 'Successful',
      StartTime: '2026-01-01T00:08:00.000Z',
    });
  });

  it('is undefined for a service without a scalable target', () => {
    expect(explainScaling(at(3, 1), 'api')).toBeUndefined();
  });
});
