import { describe, expect, it } from 'vitest';
import { type DesignDocument, parseDesign } from '../../design';
import { sampleDocument } from '../design-storage';
import {
  addStepScaling,
  alarmsOfPolicy,
  albResourceLabel,
  deleteScalingPolicy,
  deregisterScalableTarget,
  enableServiceScaling,
  newScheduledAction,
  policyArn,
  putMetricAlarm,
  putScalingPolicy,
  putScheduledAction,
  registerScalableTarget,
  scalingOf,
  targetTrackingPolicy,
} from './autoscaling';
import { wireService } from './lb-wiring';
import { addLoadBalancer } from './load-balancers';

function gate(design: DesignDocument): DesignDocument {
  const parsed = parseDesign(design);
  if (!parsed.ok) throw new Error(parsed.message);
  return parsed.design;
}

const scaled = () => gate(enableServiceScaling(sampleDocument(), 'web'));

describe('service auto scaling edits', () => {
  it('enabling registers ecs:service:DesiredCount with bounds around the desired count', () => {
    const design = scaled();
    const { resourceId, target } = scalingOf(design, 'web');
    expect(resourceId).toBe(`service/${design.clusters[0]?.clusterName}/web`);
    expect(target).toEqual({
      ServiceNamespace: 'ecs',
      ScalableDimension: 'ecs:service:DesiredCount',
      ResourceId: resourceId,
      MinCapacity: 1,
      MaxCapacity: 10,
    });
  });

  it('new bounds merge into the target; the gate refuses min above max in AWS’s words', () => {
    const design = scaled();
    const { resourceId } = scalingOf(design, 'web');
    const key = { ServiceNamespace: 'ecs', ScalableDimension: 'ecs:service:DesiredCount' } as const;
    const next = registerScalableTarget(design, {
      ...key,
      ResourceId: resourceId,
      MinCapacity: 12,
    });
    const parsed = parseDesign(next);
    expect(!parsed.ok && parsed.issues[0]).toEqual({
      path: 'scalableTargets[0].MinCapacity',
      message: 'Minimum capacity cannot be greater than maximum capacity',
    });
  });

  it('target tracking on CPU at 50%: the predefined metric, 300 s cooldowns, scale-in on', () => {
    const design = scaled();
    const policy = targetTrackingPolicy(design, 'web', 'ECSServiceAverageCPUUtilization', 50);
    const next = gate(putScalingPolicy(design, policy));
    expect(scalingOf(next, 'web').policies).toEqual([
      {
        PolicyName: 'web-cpu-target-tracking',
        ServiceNamespace: 'ecs',
        ScalableDimension: 'ecs:service:DesiredCount',
        ResourceId: scalingOf(next, 'web').resourceId,
        PolicyType: 'TargetTrackingScaling',
        TargetTrackingScalingPolicyConfiguration: {
          TargetValue: 50,
          PredefinedMetricSpecification: {
            PredefinedMetricType: 'ECSServiceAverageCPUUtilization',
          },
          ScaleOutCooldown: 300,
          ScaleInCooldown: 300,
          DisableScaleIn: false,
        },
      },
    ]);
    // PutScalingPolicy with the same name replaces it.
    const again = putScalingPolicy(next, { ...policy, PolicyType: 'TargetTrackingScaling' });
    expect(scalingOf(again, 'web').policies).toHaveLength(1);
  });

  it('ALBRequestCountPerTarget carries the service’s target group as its ResourceLabel', () => {
    const lb = addLoadBalancer(sampleDocument(), 'application');
    const wired = wireService(lb.design, lb.name, 'web', true);
    if ('refusal' in wired) throw new Error(wired.refusal);
    const design = gate(enableServiceScaling(wired.design, 'web'));
    const label = albResourceLabel(design, 'web');
    expect(label).toMatch(/^app\/[^/]+\/[0-9a-f]+\/targetgroup\/[^/]+\/[0-9a-f]+$/);
    const policy = targetTrackingPolicy(design, 'web', 'ALBRequestCountPerTarget');
    expect(policy.TargetTrackingScalingPolicyConfiguration?.PredefinedMetricSpecification).toEqual({
      PredefinedMetricType: 'ALBRequestCountPerTarget',
      ResourceLabel: label,
    });
    gate(putScalingPolicy(design, policy));
  });

  it('without a target group, ALBRequestCountPerTarget is refused for its missing ResourceLabel', () => {
    const design = scaled();
    const policy = targetTrackingPolicy(design, 'web', 'ALBRequestCountPerTarget');
    const parsed = parseDesign(putScalingPolicy(design, policy));
    expect(!parsed.ok && parsed.issues[0]?.message).toBe(
      'is required for the ALBRequestCountPerTarget metric type',
    );
  });

  it('step scaling comes with the alarm that invokes it; the alarm’s actions name the policy ARN', () => {
    const { design, policyName } = addStepScaling(scaled(), 'web', 'out');
    const next = gate(design);
    const policy = scalingOf(next, 'web').policies[0];
    if (!policy) throw new Error('no policy');
    expect(policy.StepScalingPolicyConfiguration?.StepAdjustments).toEqual([
      { MetricIntervalLowerBound: 0, ScalingAdjustment: 1 },
    ]);
    const [alarm] = alarmsOfPolicy(next, policy);
    expect(alarm).toMatchObject({
      Namespace: 'AWS/ECS',
      MetricName: 'CPUUtilization',
      Threshold: 70,
      ComparisonOperator: 'GreaterThanThreshold',
      Period: 60,
      EvaluationPeriods: 3,
      DatapointsToAlarm: 3,
    });
    expect(alarm?.AlarmActions).toEqual([
      policyArn(next, scalingOf(next, 'web').resourceId, policyName),
    ]);
    // One out and one in: two policies, two alarms, free names.
    const both = gate(addStepScaling(next, 'web', 'in').design);
    expect(scalingOf(both, 'web').policies.map((p) => p.PolicyName)).toEqual([
      'web-step-scale-out',
      'web-step-scale-in',
    ]);
    expect(both.alarms?.map((a) => a.AlarmName)).toEqual(['web-cpu-high', 'web-cpu-low']);
  });

  it('the gate refuses overlapping step adjustments and names the path', () => {
    const { design } = addStepScaling(scaled(), 'web', 'out');
    const policy = design.scalingPolicies?.[0];
    const config = policy?.StepScalingPolicyConfiguration;
    if (!policy || !config) throw new Error('no policy');
    const overlapping = putScalingPolicy(design, {
      ...policy,
      StepScalingPolicyConfiguration: {
        ...config,
        StepAdjustments: [
          { MetricIntervalLowerBound: 0, MetricIntervalUpperBound: 20, ScalingAdjustment: 1 },
          { MetricIntervalLowerBound: 10, ScalingAdjustment: 3 },
        ],
      },
    });
    const parsed = parseDesign(overlapping);
    expect(!parsed.ok && parsed.issues[0]).toEqual({
      path: 'scalingPolicies[0].StepScalingPolicyConfiguration.StepAdjustments',
      message: 'step adjustments overlap between 10 and 20',
    });
  });

  it('deleting a step policy deletes its alarm; an alarm a deployment watches stays', () => {
    const { design, policyName } = addStepScaling(scaled(), 'web', 'out');
    const { resourceId } = scalingOf(design, 'web');
    expect(gate(deleteScalingPolicy(design, resourceId, policyName)).alarms).toEqual([]);
    const watched = {
      ...design,
      services: design.services.map((s) =>
        s.serviceName === 'web'
          ? {
              ...s,
              deploymentConfiguration: {
                ...s.deploymentConfiguration,
                alarms: { alarmNames: ['web-cpu-high'], enable: true, rollback: true },
              },
            }
          : s,
      ),
    };
    const kept = gate(deleteScalingPolicy(watched, resourceId, policyName));
    expect(kept.alarms?.map((a) => [a.AlarmName, a.AlarmActions])).toEqual([['web-cpu-high', []]]);
  });

  it('an alarm’s threshold and periods are PutMetricAlarm; the gate checks DatapointsToAlarm', () => {
    const { design } = addStepScaling(scaled(), 'web', 'out');
    const alarm = design.alarms?.[0];
    if (!alarm) throw new Error('no alarm');
    const next = gate(putMetricAlarm(design, { ...alarm, Threshold: 80, Period: 120 }));
    expect(next.alarms?.[0]).toMatchObject({ Threshold: 80, Period: 120 });
    const bad = parseDesign(putMetricAlarm(design, { ...alarm, DatapointsToAlarm: 5 }));
    expect(!bad.ok && bad.issues[0]?.path).toBe('alarms[0].DatapointsToAlarm');
  });

  it('scheduled actions: weekday mornings, the target’s bounds; the gate reads the schedule', () => {
    const design = scaled();
    const action = newScheduledAction(design, 'web');
    expect(action).toMatchObject({
      ScheduledActionName: 'web-scheduled',
      Schedule: 'cron(0 8 ? * MON-FRI *)',
      ScalableTargetAction: { MinCapacity: 1, MaxCapacity: 10 },
    });
    const next = gate(putScheduledAction(design, action));
    expect(scalingOf(next, 'web').scheduled).toHaveLength(1);
    const bad = parseDesign(putScheduledAction(next, { ...action, Schedule: 'every day' }));
    expect(!bad.ok && bad.issues[0]?.path).toBe('scheduledActions[0].Schedule');
  });

  it('turning scaling off takes the target, its policies, alarms and scheduled actions', () => {
    let design = scaled();
    design = putScalingPolicy(
      design,
      targetTrackingPolicy(design, 'web', 'ECSServiceAverageMemoryUtilization'),
    );
    design = addStepScaling(design, 'web', 'in').design;
    design = putScheduledAction(design, newScheduledAction(design, 'web'));
    const off = gate(deregisterScalableTarget(gate(design), scalingOf(design, 'web').resourceId));
    expect(off.scalableTargets).toEqual([]);
    expect(off.scalingPolicies).toEqual([]);
    expect(off.scheduledActions).toEqual([]);
    expect(off.alarms).toEqual([]);
  });
});
