import { describe, expect, it } from 'vitest';
import type { ScriptAction, StepAdjustment, StepScalingConfiguration } from '../../design';
import { minutes } from '../testing/builders';
import { simulate } from '../testing/harness';
import { adjustedCapacity, percentAdjustment, stepFor } from './step';
import { desiredOf, WEB_RESOURCE, webDesign } from './testing';

/** The documented example's steps (§12.3): offsets from a threshold of 50. */
const UP: StepAdjustment[] = [
  { MetricIntervalLowerBound: 0, MetricIntervalUpperBound: 10, ScalingAdjustment: 0 },
  { MetricIntervalLowerBound: 10, MetricIntervalUpperBound: 20, ScalingAdjustment: 10 },
  { MetricIntervalLowerBound: 20, ScalingAdjustment: 30 },
];
const DOWN: StepAdjustment[] = [
  { MetricIntervalLowerBound: -10, MetricIntervalUpperBound: 0, ScalingAdjustment: 0 },
  { MetricIntervalLowerBound: -20, MetricIntervalUpperBound: -10, ScalingAdjustment: -10 },
  { MetricIntervalUpperBound: -20, ScalingAdjustment: -30 },
];
const percent: StepScalingConfiguration = {
  AdjustmentType: 'PercentChangeInCapacity',
  StepAdjustments: UP,
};

describe('step scaling math (ecs-behavior §12.3)', () => {
  it.each([
    [127, 10, undefined, 12], // 12.7 -> 12
    [5, 10, undefined, 1], // 0.5 -> 1
    [5, -10, undefined, -1], // -0.5 -> -1
    [667, -1, undefined, -6], // -6.67 -> -6
    [4, 25, 2, 2], // +25% of 4 = 1, MinAdjustmentMagnitude 2 -> +2
    [4, 0, 2, 0],
  ])('%i tasks, %i%% (min magnitude %s): %i', (capacity, pct, min, expected) => {
    expect(percentAdjustment(capacity, pct, min)).toBe(expected);
  });

  it('the worked example: threshold 50, capacity 10 -> 11 -> 14 -> 13 -> 10', () => {
    let capacity = 10;
    const rows: [number, StepAdjustment[]][] = [
      [60, UP],
      [70, UP],
      [40, DOWN],
      [30, DOWN],
    ];
    const seen: number[] = [];
    for (const [metric, steps] of rows) {
      const step = stepFor(steps, metric - 50);
      if (!step) throw new Error(`no step for ${metric}`);
      capacity = adjustedCapacity({ ...percent, StepAdjustments: steps }, step, capacity);
      seen.push(capacity);
    }
    expect(seen).toEqual([11, 14, 13, 10]);
  });

  it('bounds: above the threshold lower inclusive and upper exclusive, below the reverse', () => {
    expect(stepFor(UP, 10)?.ScalingAdjustment).toBe(10);
    expect(stepFor(UP, 20)?.ScalingAdjustment).toBe(30);
    expect(stepFor(DOWN, -5)?.ScalingAdjustment).toBe(0);
    expect(stepFor(DOWN, -10)?.ScalingAdjustment).toBe(-10);
    expect(stepFor(DOWN, -20)?.ScalingAdjustment).toBe(-30);
  });

  it('ChangeInCapacity and ExactCapacity', () => {
    const step = { ScalingAdjustment: 3 };
    expect(
      adjustedCapacity({ AdjustmentType: 'ChangeInCapacity', StepAdjustments: [step] }, step, 4),
    ).toBe(7);
    expect(
      adjustedCapacity({ AdjustmentType: 'ExactCapacity', StepAdjustments: [step] }, step, 4),
    ).toBe(3);
  });
});

const ARN = (name: string) =>
  `arn:aws:autoscaling:us-east-1:123456789012:scalingPolicy:11111111-2222-3333-4444-555555555555:resource/ecs/${WEB_RESOURCE}:policyName/${name}`;
const key = {
  ServiceNamespace: 'ecs' as const,
  ResourceId: WEB_RESOURCE,
  ScalableDimension: 'ecs:service:DesiredCount' as const,
};
const queue = (at: number, value: number): ScriptAction => ({
  at,
  action: 'PutMetricData',
  input: { Namespace: 'Shop', MetricData: [{ MetricName: 'Queue', Value: value }] },
});
const alarm = (name: string, op: string, policy: string) => ({
  AlarmName: name,
  Namespace: 'Shop',
  MetricName: 'Queue',
  Statistic: 'Average',
  Period: 60,
  EvaluationPeriods: 1,
  Threshold: 50,
  ComparisonOperator: op,
  AlarmActions: [ARN(policy)],
});

function stepped(
  out: StepScalingConfiguration,
  inn: StepScalingConfiguration | undefined,
  values: number[],
) {
  return webDesign({
    desired: 10,
    extra: {
      scalableTargets: [{ ...key, MinCapacity: 1, MaxCapacity: 40 }],
      scalingPolicies: [
        {
          ...key,
          PolicyName: 'out',
          PolicyType: 'StepScaling',
          StepScalingPolicyConfiguration: out,
        },
        ...(inn
          ? [
              {
                ...key,
                PolicyName: 'in',
                PolicyType: 'StepScaling',
                StepScalingPolicyConfiguration: inn,
              },
            ]
          : []),
      ],
      alarms: [
        alarm('queue-high', 'GreaterThanOrEqualToThreshold', 'out'),
        ...(inn ? [alarm('queue-low', 'LessThanOrEqualToThreshold', 'in')] : []),
      ],
      // One value a minute from 2:30 on: the alarms judge it at 3:00, 4:00, ...
      script: values.map((v, i) => queue(150 + i * 60, v)),
    },
  });
}

function desiredByMinute(run: ReturnType<typeof simulate>, from: number, to: number): number[] {
  const out: number[] = [];
  for (let m = from; m <= to; m++) out.push(desiredOf(run.until(minutes(m))));
  return out;
}

describe('step scaling invoked by alarms', () => {
  it('plays the worked example on a running service, from its running count', () => {
    const run = simulate(
      stepped(
        { ...percent, Cooldown: 0 },
        { AdjustmentType: 'PercentChangeInCapacity', StepAdjustments: DOWN, Cooldown: 0 },
        [60, 70, 40, 30, 45],
      ),
    );
    expect(desiredByMinute(run, 2, 7)).toEqual([10, 11, 14, 13, 10, 10]);
    expect(run.serviceMessages.filter((m) => m.includes('Auto Scaling'))[0]).toBe(
      '(service web) Application Auto Scaling set the desired count from 10 to 11: monitor alarm queue-high in state ALARM triggered policy out.',
    );
  });

  it('the cooldown example: +2 done, +3 asked during the cooldown gives +1 more', () => {
    const run = simulate(
      stepped(
        {
          AdjustmentType: 'ChangeInCapacity',
          StepAdjustments: [
            { MetricIntervalLowerBound: 0, MetricIntervalUpperBound: 20, ScalingAdjustment: 2 },
            { MetricIntervalLowerBound: 20, ScalingAdjustment: 3 },
          ],
        },
        undefined,
        [60, 75, 75, 75, 75, 75, 75, 75, 75],
      ),
    );
    // 3:00 +2 (10 -> 12); 4:00 +3 from 10 = 13, a scale-out that starts the 300 s cooldown
    // again; at 9:00 it has ended and +3 counts from the 13 running: 16.
    expect(desiredByMinute(run, 3, 9)).toEqual([12, 13, 13, 13, 13, 13, 16]);
  });

  it('invokes the policy each minute the alarm stays in ALARM, not only on entering it', () => {
    const run = simulate(
      stepped(
        {
          AdjustmentType: 'ChangeInCapacity',
          StepAdjustments: [{ MetricIntervalLowerBound: 0, ScalingAdjustment: 1 }],
          Cooldown: 0,
        },
        undefined,
        [60, 60, 60],
      ),
    );
    expect(desiredByMinute(run, 3, 5)).toEqual([11, 12, 13]);
  });
});
