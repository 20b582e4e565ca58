import { describe, expect, it } from 'vitest';
import { checkStepAdjustments } from './autoscaling-references';
import { parseSchedule } from './autoscaling-shapes';
import { parseDesign } from './parse';

const key = {
  ServiceNamespace: 'ecs',
  ResourceId: 'service/prod/web',
  ScalableDimension: 'ecs:service:DesiredCount',
};
const POLICY_ARN =
  'arn:aws:autoscaling:us-east-1:123456789012:scalingPolicy:0000-1111:resource/ecs/service/prod/web:policyName/out';

function doc(extra: Record<string, unknown>) {
  return {
    formatVersion: 1,
    name: 't',
    seed: 1,
    region: 'us-east-1',
    clusters: [{ clusterName: 'prod' }],
    taskDefinitions: [
      { family: 'web', containerDefinitions: [{ name: 'web', image: 'x', memory: 512 }] },
    ],
    services: [{ cluster: 'prod', serviceName: 'web', taskDefinition: 'web', desiredCount: 2 }],
    scalableTargets: [{ ...key, MinCapacity: 1, MaxCapacity: 10 }],
    ...extra,
  };
}

const step = (steps: unknown[], extra: Record<string, unknown> = {}) => ({
  ...key,
  PolicyName: 'out',
  PolicyType: 'StepScaling',
  StepScalingPolicyConfiguration: {
    AdjustmentType: 'ChangeInCapacity',
    StepAdjustments: steps,
    ...extra,
  },
});
const alarm = {
  AlarmName: 'high',
  Namespace: 'Shop',
  MetricName: 'Queue',
  Statistic: 'Average',
  Period: 60,
  EvaluationPeriods: 1,
  Threshold: 50,
  ComparisonOperator: 'GreaterThanThreshold',
  AlarmActions: [POLICY_ARN],
};
const tt = (spec: Record<string, unknown>) => ({
  ...key,
  PolicyName: 'tt',
  PolicyType: 'TargetTrackingScaling',
  TargetTrackingScalingPolicyConfiguration: { TargetValue: 50, ...spec },
});

const refusal = (d: unknown) => {
  const r = parseDesign(d);
  return r.ok ? [] : r.issues.map((i) => `${i.path}: ${i.message}`);
};

describe('the gate on autoscaling fields', () => {
  it('accepts a target, a step policy its alarm invokes and a scheduled action', () => {
    const r = parseDesign(
      doc({
        scalingPolicies: [step([{ MetricIntervalLowerBound: 0, ScalingAdjustment: 2 }])],
        alarms: [alarm],
        scheduledActions: [
          {
            ...key,
            ScheduledActionName: 'morning',
            Schedule: 'cron(0 8 ? * MON-FRI *)',
            ScalableTargetAction: { MinCapacity: 4 },
          },
        ],
      }),
    );
    expect(r.ok ? [] : r.issues).toEqual([]);
  });

  it.each([
    [
      'a target for a missing service',
      {
        scalableTargets: [
          { ...key, ResourceId: 'service/prod/api', MinCapacity: 1, MaxCapacity: 2 },
        ],
      },
      "scalableTargets[0].ResourceId: ECS service doesn't exist: service/prod/api",
    ],
    [
      'Min above Max',
      { scalableTargets: [{ ...key, MinCapacity: 5, MaxCapacity: 2 }] },
      'scalableTargets[0].MinCapacity: Minimum capacity cannot be greater than maximum capacity',
    ],
    [
      'a target without its bounds',
      { scalableTargets: [{ ...key, MinCapacity: 1 }] },
      'scalableTargets[0]: MinCapacity and MaxCapacity are required for registering a new scalable target',
    ],
    [
      'a policy for an unregistered target',
      {
        scalableTargets: [],
        scalingPolicies: [
          tt({
            PredefinedMetricSpecification: {
              PredefinedMetricType: 'ECSServiceAverageCPUUtilization',
            },
          }),
        ],
      },
      'scalingPolicies[0].ResourceId: No scalable target registered for service namespace: ecs, resource ID: service/prod/web, scalable dimension: ecs:service:DesiredCount',
    ],
    [
      'ALBRequestCountPerTarget without ResourceLabel',
      {
        scalingPolicies: [
          tt({
            PredefinedMetricSpecification: { PredefinedMetricType: 'ALBRequestCountPerTarget' },
          }),
        ],
      },
      'scalingPolicies[0].TargetTrackingScalingPolicyConfiguration.PredefinedMetricSpecification.ResourceLabel: is required for the ALBRequestCountPerTarget metric type',
    ],
    [
      'a step policy no alarm invokes',
      { scalingPolicies: [step([{ MetricIntervalLowerBound: 0, ScalingAdjustment: 2 }])] },
      'scalingPolicies[0].PolicyName: no alarm in alarms names out in its AlarmActions, so nothing would invoke it',
    ],
    [
      'steps with a gap',
      {
        alarms: [alarm],
        scalingPolicies: [
          step([
            { MetricIntervalLowerBound: 0, MetricIntervalUpperBound: 10, ScalingAdjustment: 1 },
            { MetricIntervalLowerBound: 20, ScalingAdjustment: 2 },
          ]),
        ],
      },
      'scalingPolicies[0].StepScalingPolicyConfiguration.StepAdjustments: step adjustments leave a gap between 10 and 20',
    ],
    [
      'MinAdjustmentMagnitude with ChangeInCapacity',
      {
        alarms: [alarm],
        scalingPolicies: [
          step([{ MetricIntervalLowerBound: 0, ScalingAdjustment: 2 }], {
            MinAdjustmentMagnitude: 2,
          }),
        ],
      },
      'scalingPolicies[0].StepScalingPolicyConfiguration.MinAdjustmentMagnitude: is only for the PercentChangeInCapacity adjustment type',
    ],
    [
      'an alarm action naming no policy',
      { alarms: [alarm] },
      'alarms[0].AlarmActions[0]: names no scaling policy of scalingPolicies or the script',
    ],
    [
      'a cron of five fields',
      {
        scheduledActions: [
          {
            ...key,
            ScheduledActionName: 'x',
            Schedule: 'cron(0 8 * * *)',
            ScalableTargetAction: { MinCapacity: 1 },
          },
        ],
      },
      'scheduledActions[0].Schedule: a cron expression has 6 fields: minutes hours day-of-month month day-of-week year',
    ],
  ])('refuses %s', (_name, extra, line) => {
    expect(refusal(doc(extra))).toContain(line);
  });
});

describe('step adjustment ranges (§12.3)', () => {
  it.each([
    [
      [
        { MetricIntervalLowerBound: 0, MetricIntervalUpperBound: 10, ScalingAdjustment: 0 },
        { MetricIntervalLowerBound: 10, ScalingAdjustment: 1 },
      ],
      undefined,
    ],
    [
      [
        { MetricIntervalLowerBound: 0, MetricIntervalUpperBound: 20, ScalingAdjustment: 0 },
        { MetricIntervalLowerBound: 10, ScalingAdjustment: 1 },
      ],
      'step adjustments overlap between 10 and 20',
    ],
    [
      [
        { ScalingAdjustment: 0, MetricIntervalUpperBound: 0 },
        { ScalingAdjustment: 1, MetricIntervalUpperBound: 5 },
      ],
      'only one step adjustment may have no lower bound',
    ],
  ])('%j: %s', (steps, message) => {
    expect(checkStepAdjustments(steps)).toBe(message);
  });
});

describe('schedules (§12.4)', () => {
  it('reads at(), rate() and cron()', () => {
    expect(parseSchedule('at(2026-01-01T08:00:00)')).toEqual({
      kind: 'at',
      epochMs: Date.parse('2026-01-01T08:00:00Z'),
    });
    expect(parseSchedule('rate(5 minutes)')).toEqual({ kind: 'rate', everyMs: 300_000 });
    expect(parseSchedule('rate(1 day)')).toEqual({ kind: 'rate', everyMs: 86_400_000 });
    expect(parseSchedule('cron(0/15 8-10 ? * MON-FRI *)')).toEqual({
      kind: 'cron',
      fields: {
        minutes: [0, 15, 30, 45],
        hours: [8, 9, 10],
        daysOfMonth: null,
        months: [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12],
        daysOfWeek: [2, 3, 4, 5, 6],
        years: null,
      },
    });
    expect(parseSchedule('cron(0 8 * * * *)')).toBe(
      'one of day-of-month and day-of-week must be ?, and only one',
    );
    expect(parseSchedule('cron(0 8 L * ? *)')).toBe(
      'L: Berth does not take L, W or # in cron expressions',
    );
  });
});
