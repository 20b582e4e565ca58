import { describe, expect, it } from 'vitest';
import type { ScriptAction } from '../../design';
import { coalesceHistory } from '../output/history';
import { minutes } from '../testing/builders';
import { simulate } from '../testing/harness';
import { WEB_LISTENER, WEB_RESOURCE, webDesign } from './testing';

// What the page sees of service auto scaling: each scalable target with its policies,
// their alarms and the recent activities, and each policy's metric once a minute.

const key = {
  ServiceNamespace: 'ecs' as const,
  ResourceId: WEB_RESOURCE,
  ScalableDimension: 'ecs:service:DesiredCount' as const,
};
const target = { ...key, MinCapacity: 1, MaxCapacity: 10 };
/** 2 tasks of 256 units, 2.56 units a request per second: 50 req/s is 25%, 200 req/s from 5:00 is 100%. */
const usage = { baselineCpuUnits: 0, cpuUnitsPerRequestPerSecond: 2.56 };
const traffic = [
  {
    listenerArn: WEB_LISTENER,
    requestsPerSecond: 50,
    steps: [{ at: 300, requestsPerSecond: 200 }],
  },
];

function tracked() {
  return webDesign({
    desired: 2,
    traffic,
    usage,
    extra: {
      scalableTargets: [target],
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

describe('scaling on the snapshot and in frames', () => {
  it('a target tracking policy: its target, metric, managed alarms and activities', () => {
    const run = simulate(tracked()).until(minutes(9));
    const [view] = run.sim.snapshot().scaling ?? [];
    expect(view).toMatchObject({
      resourceId: WEB_RESOURCE,
      serviceName: 'web',
      clusterName: 'test',
      minCapacity: 1,
      maxCapacity: 10,
      desiredCount: 4,
    });
    const [policy] = view?.policies ?? [];
    expect(policy).toMatchObject({
      policyName: 'cpu50',
      policyType: 'TargetTrackingScaling',
      targetValue: 50,
      metricName: 'CPUUtilization',
    });
    expect(
      policy?.alarms.map((a) => [
        a.alarmName.replace(/-[0-9a-f-]{36}$/, ''),
        a.threshold,
        a.comparisonOperator,
      ]),
    ).toEqual([
      ['TargetTracking-service/test/web-AlarmHigh', 50, 'GreaterThanThreshold'],
      ['TargetTracking-service/test/web-AlarmLow', 45, 'LessThanThreshold'],
    ]);
    // At 9:00 four tasks share the 200 req/s: 50%, no longer above the target.
    expect(policy?.alarms.map((a) => a.state)).toEqual(['OK', 'OK']);
    expect(view?.activities).toEqual([
      { atMs: 480_000, from: 2, to: 4, by: 'cpu50', description: 'Setting desired count to 4.' },
    ]);
    // Every frame carries the targets whole.
    expect(run.frames.at(-1)?.scaling).toEqual(run.sim.snapshot().scaling);
  });

  it('the minute value of the policy metric, as a chart series', () => {
    const run = simulate(tracked()).until(minutes(7), 20_000);
    const history = coalesceHistory(run.frames.flatMap((f) => f.history));
    const cpu = history.flatMap((h) =>
      h.scaling ? [[h.atMs / 60_000, h.scaling['web:CPUUtilization']]] : [],
    );
    // The first minute's targets turn healthy a few seconds in; the minute ending at
    // 5:00 still had 50 req/s; from 6:00 the 200 req/s.
    expect(cpu).toEqual([
      [1, 22.08],
      [2, 25],
      [3, 25],
      [4, 25],
      [5, 25],
      [6, 100],
      [7, 100],
    ]);
  });

  it('a step policy acts through the design alarms whose actions name it', () => {
    const arn = `arn:aws:autoscaling:us-east-1:123456789012:scalingPolicy:11111111-2222-3333-4444-555555555555:resource/ecs/${WEB_RESOURCE}:policyName/out`;
    const queue = (at: number, value: number): ScriptAction => ({
      at,
      action: 'PutMetricData',
      input: { Namespace: 'Shop', MetricData: [{ MetricName: 'Queue', Value: value }] },
    });
    const run = simulate(
      webDesign({
        desired: 2,
        extra: {
          scalableTargets: [target],
          scalingPolicies: [
            {
              ...key,
              PolicyName: 'out',
              PolicyType: 'StepScaling',
              StepScalingPolicyConfiguration: {
                AdjustmentType: 'ChangeInCapacity',
                StepAdjustments: [{ MetricIntervalLowerBound: 0, ScalingAdjustment: 1 }],
                Cooldown: 0,
              },
            },
          ],
          alarms: [
            {
              AlarmName: 'queue-high',
              Namespace: 'Shop',
              MetricName: 'Queue',
              Statistic: 'Average',
              Period: 60,
              EvaluationPeriods: 1,
              Threshold: 50,
              ComparisonOperator: 'GreaterThanOrEqualToThreshold',
              AlarmActions: [arn],
            },
            {
              AlarmName: 'unrelated',
              Namespace: 'Shop',
              MetricName: 'Queue',
              Statistic: 'Average',
              Period: 60,
              EvaluationPeriods: 1,
              Threshold: 10,
              ComparisonOperator: 'GreaterThanThreshold',
            },
          ],
          script: [queue(90, 60), queue(150, 20)],
        },
      }),
    ).until(minutes(3), 30_000);
    const [policy] = run.sim.snapshot().scaling?.[0]?.policies ?? [];
    expect(policy).toEqual({
      policyName: 'out',
      policyType: 'StepScaling',
      metricName: 'Queue',
      alarms: [
        {
          alarmName: 'queue-high',
          threshold: 50,
          comparisonOperator: 'GreaterThanOrEqualToThreshold',
          state: 'OK',
        },
      ],
    });
    const history = coalesceHistory(run.frames.flatMap((f) => f.history));
    expect(history.flatMap((h) => (h.scaling ? [[h.atMs, h.scaling['web:Queue']]] : []))).toEqual([
      [120_000, 60],
      [180_000, 20],
    ]);
    expect(run.sim.snapshot().scaling?.[0]?.activities.map((a) => a.to)).toEqual([3]);
  });

  it('a design without scalable targets has none', () => {
    const run = simulate(webDesign()).until(minutes(2));
    expect(run.sim.snapshot().scaling).toBeUndefined();
    expect(run.frames.some((f) => f.scaling)).toBe(false);
  });
});
