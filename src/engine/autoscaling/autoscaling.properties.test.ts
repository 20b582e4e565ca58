import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { DesignDocument, ScriptAction } from '../../design';
import { createSimulation, restoreSimulation, type Simulation } from '../simulation';
import { minutes } from '../testing/builders';
import { WEB_RESOURCE, webDesign } from './testing';

/**
 * Random metric streams, bounds and policies on one service: a target tracking policy
 * on a custom metric and a step policy on another, both fed by PutMetricData.
 */

const key = {
  ServiceNamespace: 'ecs' as const,
  ResourceId: WEB_RESOURCE,
  ScalableDimension: 'ecs:service:DesiredCount' as const,
};
const STEP_ARN = `arn:aws:autoscaling:us-east-1:123456789012:scalingPolicy:x:resource/ecs/${WEB_RESOURCE}:policyName/step`;
const RUN_MINUTES = 40;

const scenarioArb = fc.record({
  desired: fc.integer({ min: 0, max: 8 }),
  min: fc.integer({ min: 0, max: 4 }),
  span: fc.integer({ min: 0, max: 8 }),
  target: fc.integer({ min: 10, max: 90 }),
  cooldown: fc.constantFrom(0, 60, 300),
  disableScaleIn: fc.boolean(),
  adjustment: fc.constantFrom('ChangeInCapacity', 'PercentChangeInCapacity', 'ExactCapacity'),
  step: fc.integer({ min: -60, max: 60 }),
  load: fc.array(fc.integer({ min: 0, max: 200 }), {
    minLength: RUN_MINUTES,
    maxLength: RUN_MINUTES,
  }),
  queue: fc.array(fc.integer({ min: 0, max: 100 }), {
    minLength: RUN_MINUTES,
    maxLength: RUN_MINUTES,
  }),
  suspendAt: fc.option(fc.integer({ min: 1, max: RUN_MINUTES }), { nil: undefined }),
});
type Scenario = typeof scenarioArb extends fc.Arbitrary<infer T> ? T : never;

function build(s: Scenario): DesignDocument {
  const put = (at: number, name: string, value: number): ScriptAction => ({
    at,
    action: 'PutMetricData',
    input: { Namespace: 'App', MetricData: [{ MetricName: name, Value: value }] },
  });
  const script: ScriptAction[] = [];
  for (let m = 0; m < RUN_MINUTES; m++)
    script.push(
      put(m * 60 + 30, 'Load', s.load[m] ?? 0),
      put(m * 60 + 31, 'Queue', s.queue[m] ?? 0),
    );
  if (s.suspendAt !== undefined)
    script.push({
      at: s.suspendAt * 60 + 45,
      action: 'RegisterScalableTarget',
      input: { ...key, SuspendedState: { DynamicScalingInSuspended: true } },
    });
  script.sort((a, b) => a.at - b.at);
  return webDesign({
    desired: s.desired,
    instances: 9,
    extra: {
      scalableTargets: [{ ...key, MinCapacity: s.min, MaxCapacity: s.min + s.span }],
      scalingPolicies: [
        {
          ...key,
          PolicyName: 'tt',
          PolicyType: 'TargetTrackingScaling',
          TargetTrackingScalingPolicyConfiguration: {
            TargetValue: s.target,
            CustomizedMetricSpecification: {
              Namespace: 'App',
              MetricName: 'Load',
              Statistic: 'Average',
            },
            ScaleOutCooldown: s.cooldown,
            ScaleInCooldown: s.cooldown,
            DisableScaleIn: s.disableScaleIn,
          },
        },
        {
          ...key,
          PolicyName: 'step',
          PolicyType: 'StepScaling',
          StepScalingPolicyConfiguration: {
            AdjustmentType: s.adjustment,
            StepAdjustments: [
              {
                MetricIntervalLowerBound: 0,
                ScalingAdjustment:
                  s.adjustment === 'ExactCapacity' ? Math.abs(s.step) % 12 : s.step,
              },
            ],
            Cooldown: s.cooldown,
          },
        },
      ],
      alarms: [
        {
          AlarmName: 'queue',
          Namespace: 'App',
          MetricName: 'Queue',
          Statistic: 'Average',
          Period: 60,
          EvaluationPeriods: 2,
          DatapointsToAlarm: 1,
          Threshold: 50,
          ComparisonOperator: 'GreaterThanThreshold',
          AlarmActions: [STEP_ARN],
        },
      ],
      script,
    },
  });
}

/** Desired counts each minute, and every output of the run, in order. */
function play(sim: Simulation, fromMinute: number, toMinute: number, out: unknown[]): number[] {
  const desired: number[] = [];
  for (let m = fromMinute; m <= toMinute; m++) {
    const frame = sim.advance(minutes(m) + 1);
    out.push(frame.events, frame.serviceEvents, frame.metrics);
    desired.push(sim.snapshot().services[0]?.desiredCount ?? -1);
  }
  return desired;
}

describe('service auto scaling, random metric streams and policies', () => {
  it('keeps the desired count within min and max once it has scaled', () => {
    let scaled = 0;
    fc.assert(
      fc.property(scenarioArb, (s) => {
        const sim = createSimulation(build(s));
        const desired = play(sim, 0, RUN_MINUTES, []);
        if (new Set(desired).size > 1) scaled++;
        // Registering the target at 0:00 moves a desired count outside the bounds into them.
        for (const d of desired) {
          expect(d).toBeGreaterThanOrEqual(s.min);
          expect(d).toBeLessThanOrEqual(s.min + s.span);
        }
      }),
      { numRuns: 40 },
    );
    // Not vacuous: most random streams move the service.
    expect(scaled).toBeGreaterThan(10);
  });

  it('gives the same run for the same seed, and goes on from a checkpoint exactly', () => {
    fc.assert(
      fc.property(scenarioArb, fc.integer({ min: 1, max: RUN_MINUTES - 1 }), (s, cut) => {
        const d = build(s);
        const whole: unknown[] = [];
        const a = createSimulation(d);
        play(a, 0, RUN_MINUTES, whole);
        const again: unknown[] = [];
        play(createSimulation(d), 0, RUN_MINUTES, again);
        expect(JSON.stringify(again)).toBe(JSON.stringify(whole));
        const split: unknown[] = [];
        const b = createSimulation(d);
        play(b, 0, cut, split);
        const restored = restoreSimulation(JSON.parse(JSON.stringify(b.checkpoint())));
        play(restored, cut + 1, RUN_MINUTES, split);
        expect(JSON.stringify(split)).toBe(JSON.stringify(whole));
        expect(JSON.stringify(restored.describe())).toBe(JSON.stringify(a.describe()));
      }),
      { numRuns: 25 },
    );
  });
});
