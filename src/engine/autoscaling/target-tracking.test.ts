import { describe, expect, it } from 'vitest';
import type { PutScalingPolicyInput, TargetTrackingConfiguration } from '../../design';
import { minutes } from '../testing/builders';
import { simulate } from '../testing/harness';
import { desiredOf, WEB_LISTENER, WEB_RESOURCE, webDesign } from './testing';

/**
 * web: 2 tasks of 256 CPU units behind an ALB; each request per second costs 2.56 units,
 * nothing at rest. 50 req/s is 25% CPU on 2 tasks; from 5:00, 200 req/s is 100%.
 */
const usage = { baselineCpuUnits: 0, cpuUnitsPerRequestPerSecond: 2.56 };
const spike = (rest: number, from = 300, after?: { at: number; rps: number }) => [
  {
    listenerArn: WEB_LISTENER,
    requestsPerSecond: 50,
    steps: [
      { at: from, requestsPerSecond: rest },
      ...(after ? [{ at: after.at, requestsPerSecond: after.rps }] : []),
    ],
  },
];

const target = (min: number, max: number, extra: Record<string, unknown> = {}) => ({
  ServiceNamespace: 'ecs' as const,
  ResourceId: WEB_RESOURCE,
  ScalableDimension: 'ecs:service:DesiredCount' as const,
  MinCapacity: min,
  MaxCapacity: max,
  ...extra,
});

const cpuPolicy = (
  config: Partial<TargetTrackingConfiguration> = {},
  name = 'cpu50',
): PutScalingPolicyInput & {
  TargetTrackingScalingPolicyConfiguration: TargetTrackingConfiguration;
} => ({
  PolicyName: name,
  ServiceNamespace: 'ecs' as const,
  ResourceId: WEB_RESOURCE,
  ScalableDimension: 'ecs:service:DesiredCount' as const,
  PolicyType: 'TargetTrackingScaling' as const,
  TargetTrackingScalingPolicyConfiguration: {
    TargetValue: 50,
    PredefinedMetricSpecification: { PredefinedMetricType: 'ECSServiceAverageCPUUtilization' },
    ...config,
  },
});

function tracked(extra: Record<string, unknown>, traffic = spike(200)) {
  return webDesign({
    desired: 2,
    traffic,
    usage,
    extra: { scalableTargets: [target(1, 10)], scalingPolicies: [cpuPolicy()], ...extra },
  });
}

/** The desired count at the end of each minute from..to. */
function desiredByMinute(run: ReturnType<typeof simulate>, from: number, to: number): number[] {
  const out: number[] = [];
  for (let m = from; m <= to; m++) out.push(desiredOf(run.until(minutes(m))));
  return out;
}

describe('target tracking (ecs-behavior §12.2)', () => {
  it('scales out after 3 of 3 one-minute datapoints above target, to ceil(running x metric / target)', () => {
    const run = simulate(tracked({}));
    // Datapoints above 50 at 6:00, 7:00, 8:00: the high alarm is in ALARM at 8:00.
    expect(desiredByMinute(run, 5, 9)).toEqual([2, 2, 2, 4, 4]);
    const msgs = run.serviceMessages.filter((m) => m.includes('Application Auto Scaling'));
    expect(msgs).toHaveLength(1);
    expect(msgs[0]).toMatch(
      /^\(service web\) Application Auto Scaling set the desired count from 2 to 4: monitor alarm TargetTracking-service\/test\/web-AlarmHigh-[0-9a-f-]{36} in state ALARM triggered policy cpu50\.$/,
    );
    const alarms = run.sim.describe().alarms as { AlarmName: string; Threshold: number }[];
    expect(alarms.map((a) => [a.AlarmName.replace(/-[0-9a-f-]{36}$/, ''), a.Threshold])).toEqual([
      ['TargetTracking-service/test/web-AlarmHigh', 50],
      ['TargetTracking-service/test/web-AlarmLow', 45],
    ]);
  });

  it('holds at MaxCapacity', () => {
    const run = simulate(tracked({ scalableTargets: [target(1, 3)] }));
    expect(desiredByMinute(run, 7, 12)).toEqual([2, 3, 3, 3, 3, 3]);
  });

  it('scales in only after 15 of 15 datapoints below 90% of target, never below MinCapacity', () => {
    // 4 tasks at 200 req/s (50%); from 20:00, 20 req/s: 5%, and ceil(4 x 5 / 50) = 1 < min 2.
    const run = simulate(
      tracked({ scalableTargets: [target(2, 10)] }, spike(200, 300, { at: 1200, rps: 20 })),
    );
    run.until(minutes(34));
    expect(desiredOf(run)).toBe(4);
    run.until(minutes(35));
    expect(desiredOf(run)).toBe(2);
  });

  it('never scales in with DisableScaleIn, and then has no low alarm', () => {
    const run = simulate(
      tracked(
        { scalingPolicies: [cpuPolicy({ DisableScaleIn: true })] },
        spike(200, 300, { at: 1200, rps: 20 }),
      ),
    ).until(minutes(60));
    expect(desiredOf(run)).toBe(4);
    expect(run.sim.describe().alarms).toHaveLength(1);
  });

  it('holds scale-in while DynamicScalingInSuspended', () => {
    const run = simulate(
      tracked(
        {
          scalableTargets: [target(1, 10, { SuspendedState: { DynamicScalingInSuspended: true } })],
        },
        spike(200, 300, { at: 1200, rps: 20 }),
      ),
    ).until(minutes(60));
    expect(desiredOf(run)).toBe(4);
  });

  it('holds scale-in while a deployment is in progress, and scales in once it is done', () => {
    const base = webDesign({ traffic: spike(200), usage });
    const web = base.taskDefinitions[0];
    const slow = {
      ...web,
      containerDefinitions: web?.containerDefinitions.map((c) => ({
        ...c,
        image: 'example/web:2',
      })),
    };
    const run = simulate(
      tracked(
        {
          taskDefinitions: [web, slow],
          services: [{ ...base.services[0], taskDefinition: 'web:1' }],
          // web:2 takes 10 minutes to start: the deployment started at 30:00 lasts past 35:00.
          workloads: [
            { family: 'web', imagePullSeconds: 1, startSeconds: 1, ...usage },
            { family: 'web', revision: 2, imagePullSeconds: 1, startSeconds: 600, ...usage },
          ],
        },
        spike(200, 300, { at: 1200, rps: 20 }),
      ),
    );
    run.until(minutes(30));
    run.apply({ action: 'UpdateService', input: { service: 'web', taskDefinition: 'web:2' } });
    run.until(minutes(38));
    expect(desiredOf(run)).toBe(4);
    run.until(minutes(45));
    expect(desiredOf(run)).toBeLessThan(4);
  });

  it('holds scale-out while DynamicScalingOutSuspended', () => {
    const run = simulate(
      tracked({
        scalableTargets: [target(1, 10, { SuspendedState: { DynamicScalingOutSuspended: true } })],
      }),
    ).until(minutes(20));
    expect(desiredOf(run)).toBe(2);
  });

  it('several policies: any one scales out; scale-in needs all that may scale in', () => {
    // Memory sits at 30% of 512 MiB by default, below 90% of an 80% target: it asks in.
    const memory = cpuPolicy(
      {
        TargetValue: 80,
        PredefinedMetricSpecification: {
          PredefinedMetricType: 'ECSServiceAverageMemoryUtilization',
        },
      },
      'memory40',
    );
    const both = simulate(tracked({ scalingPolicies: [cpuPolicy(), memory] })).until(minutes(8));
    expect(desiredOf(both)).toBe(4);
    // CPU at 25% (50 req/s) asks ceil(2 x 25 / 50) = 1, memory ceil(2 x 30 / 80) = 1: both agree.
    const quiet = simulate(tracked({ scalingPolicies: [cpuPolicy(), memory] }, spike(50))).until(
      minutes(15),
    );
    expect(desiredOf(quiet)).toBe(1);
    // With a memory target of 30, memory is not below 27: no scale-in at all.
    const held = simulate(
      tracked(
        {
          scalingPolicies: [
            cpuPolicy(),
            {
              ...memory,
              TargetTrackingScalingPolicyConfiguration: {
                ...memory.TargetTrackingScalingPolicyConfiguration,
                TargetValue: 30,
              },
            },
          ],
        },
        spike(50),
      ),
    ).until(minutes(30));
    expect(desiredOf(held)).toBe(2);
  });

  it('a script registers the target and puts the policy mid-run, as the API calls do', () => {
    const run = simulate(webDesign({ desired: 2, traffic: spike(200), usage }));
    run.until(minutes(1));
    run.apply({ action: 'RegisterScalableTarget', input: target(1, 10) });
    const put = run.sim.apply({ action: 'PutScalingPolicy', input: cpuPolicy() });
    expect(put.response).toMatchObject({
      PolicyARN: expect.stringMatching(
        /^arn:aws:autoscaling:us-east-1:123456789012:scalingPolicy:[0-9a-f-]{36}:resource\/ecs\/service\/test\/web:policyName\/cpu50$/,
      ),
    });
    expect(desiredByMinute(run, 7, 8)).toEqual([2, 4]);
    const missing = run.sim.apply({
      action: 'PutScalingPolicy',
      input: { ...cpuPolicy(), ResourceId: 'service/test/api' },
    });
    expect(missing.error).toEqual({
      code: 'ObjectNotFoundException',
      message:
        'No scalable target registered for service namespace: ecs, resource ID: service/test/api, scalable dimension: ecs:service:DesiredCount',
    });
  });
});
