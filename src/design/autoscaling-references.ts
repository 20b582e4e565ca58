import type { PutScalingPolicyInput, StepAdjustment } from './autoscaling-shapes';
import type { DesignDocument } from './document';
import { clusterNameOf } from './resolve';

type Push = (path: string, message: string) => void;

const noTarget = (resourceId: string) =>
  `No scalable target registered for service namespace: ecs, resource ID: ${resourceId}, scalable dimension: ecs:service:DesiredCount`;

/** Whether an alarm action names this policy: its ARN, whatever uuid it carries (engine: policyOfArn). */
export function namesPolicy(action: string, resourceId: string, policyName: string): boolean {
  return (
    action.startsWith('arn:aws:autoscaling:') &&
    action.endsWith(`:resource/ecs/${resourceId}:policyName/${policyName}`)
  );
}

/**
 * Step adjustments (§12.3): bounds are offsets from the alarm's threshold; the ranges
 * must not overlap or leave gaps, with at most one open lower and one open upper bound.
 */
export function checkStepAdjustments(steps: readonly StepAdjustment[]): string | undefined {
  const lo = (s: StepAdjustment) => s.MetricIntervalLowerBound ?? Number.NEGATIVE_INFINITY;
  const hi = (s: StepAdjustment) => s.MetricIntervalUpperBound ?? Number.POSITIVE_INFINITY;
  if (steps.filter((s) => s.MetricIntervalLowerBound === undefined).length > 1)
    return 'only one step adjustment may have no lower bound';
  if (steps.filter((s) => s.MetricIntervalUpperBound === undefined).length > 1)
    return 'only one step adjustment may have no upper bound';
  for (const s of steps)
    if (lo(s) >= hi(s))
      return `a step adjustment's lower bound (${lo(s)}) must be below its upper bound (${hi(s)})`;
  const sorted = [...steps].sort((a, b) => lo(a) - lo(b));
  for (let i = 1; i < sorted.length; i++) {
    const before = sorted[i - 1];
    const step = sorted[i];
    if (!before || !step) continue;
    if (hi(before) > lo(step))
      return `step adjustments overlap between ${lo(step)} and ${hi(before)}`;
    if (hi(before) < lo(step))
      return `step adjustments leave a gap between ${hi(before)} and ${lo(step)}`;
  }
  return undefined;
}

function checkPolicy(
  design: DesignDocument,
  p: PutScalingPolicyInput,
  at: string,
  registered: ReadonlySet<string>,
  push: Push,
): void {
  if (!registered.has(p.ResourceId)) push(`${at}.ResourceId`, noTarget(p.ResourceId));
  const type = p.PolicyType ?? 'StepScaling';
  const tt = p.TargetTrackingScalingPolicyConfiguration;
  const step = p.StepScalingPolicyConfiguration;
  if (type === 'TargetTrackingScaling') {
    if (!tt) {
      push(
        `${at}.TargetTrackingScalingPolicyConfiguration`,
        'is required for TargetTrackingScaling',
      );
      return;
    }
    const cfg = `${at}.TargetTrackingScalingPolicyConfiguration`;
    const predefined = tt.PredefinedMetricSpecification;
    const custom = tt.CustomizedMetricSpecification;
    if ((predefined === undefined) === (custom === undefined))
      push(
        cfg,
        'needs PredefinedMetricSpecification or CustomizedMetricSpecification, and only one',
      );
    if (custom && 'Metrics' in custom)
      push(
        `${cfg}.CustomizedMetricSpecification.Metrics`,
        'Berth takes one metric, not metric math',
      );
    if (predefined?.PredefinedMetricType === 'ALBRequestCountPerTarget') {
      const label = predefined.ResourceLabel;
      const path = `${cfg}.PredefinedMetricSpecification.ResourceLabel`;
      if (label === undefined) {
        push(path, 'is required for the ALBRequestCountPerTarget metric type');
      } else {
        const m = /^app\/[^/]+\/[^/]+\/targetgroup\/([^/]+)\/[^/]+$/.exec(label);
        if (!m) push(path, 'must be app/<load-balancer>/<id>/targetgroup/<target-group>/<id>');
        else if (!(design.targetGroups ?? []).some((g) => g.Name === m[1]))
          push(path, `target group ${m[1]} is not in targetGroups`);
      }
    } else if (predefined?.ResourceLabel !== undefined) {
      push(
        `${cfg}.PredefinedMetricSpecification.ResourceLabel`,
        `is only for ALBRequestCountPerTarget, not ${predefined.PredefinedMetricType}`,
      );
    }
    if (step) push(`${at}.StepScalingPolicyConfiguration`, 'is for StepScaling policies only');
    return;
  }
  if (!step) {
    push(`${at}.StepScalingPolicyConfiguration`, 'is required for StepScaling');
    return;
  }
  if (tt)
    push(
      `${at}.TargetTrackingScalingPolicyConfiguration`,
      'is for TargetTrackingScaling policies only',
    );
  const cfg = `${at}.StepScalingPolicyConfiguration`;
  const bad = checkStepAdjustments(step.StepAdjustments);
  if (bad) push(`${cfg}.StepAdjustments`, bad);
  if (
    step.MinAdjustmentMagnitude !== undefined &&
    step.AdjustmentType !== 'PercentChangeInCapacity'
  )
    push(
      `${cfg}.MinAdjustmentMagnitude`,
      'is only for the PercentChangeInCapacity adjustment type',
    );
  const invoked = (design.alarms ?? []).some((a) =>
    [a.AlarmActions, a.OKActions, a.InsufficientDataActions]
      .flat()
      .some((x) => typeof x === 'string' && namesPolicy(x, p.ResourceId, p.PolicyName)),
  );
  if (!invoked)
    push(
      `${at}.PolicyName`,
      `no alarm in alarms names ${p.PolicyName} in its AlarmActions, so nothing would invoke it`,
    );
}

/** Cross-references of the autoscaling fields: what the gate refuses, with the JSON path. */
export function checkAutoscaling(design: DesignDocument, push: Push): void {
  const services = new Map(
    design.services.map((s) => [`service/${clusterNameOf(design, s.cluster)}/${s.serviceName}`, s]),
  );
  const registered = new Set<string>();
  (design.scalableTargets ?? []).forEach((t, i) => {
    const at = `scalableTargets[${i}]`;
    const service = services.get(t.ResourceId);
    if (!service) push(`${at}.ResourceId`, `ECS service doesn't exist: ${t.ResourceId}`);
    else if (service.schedulingStrategy === 'DAEMON')
      push(
        `${at}.ResourceId`,
        `${service.serviceName} is a DAEMON service: it has no desired count to scale`,
      );
    if (registered.has(t.ResourceId))
      push(`${at}.ResourceId`, `${t.ResourceId} is registered twice`);
    registered.add(t.ResourceId);
    if (t.MinCapacity === undefined || t.MaxCapacity === undefined)
      push(at, 'MinCapacity and MaxCapacity are required for registering a new scalable target');
    else if (t.MinCapacity > t.MaxCapacity)
      push(`${at}.MinCapacity`, 'Minimum capacity cannot be greater than maximum capacity');
  });
  const names = new Set<string>();
  (design.scalingPolicies ?? []).forEach((p, i) => {
    const at = `scalingPolicies[${i}]`;
    const key = `${p.ResourceId}:${p.PolicyName}`;
    if (names.has(key))
      push(`${at}.PolicyName`, `${p.PolicyName} appears twice for ${p.ResourceId}`);
    names.add(key);
    checkPolicy(design, p, at, registered, push);
  });
  (design.alarms ?? []).forEach((a, i) => {
    (a.AlarmActions ?? []).forEach((action, j) => {
      if (!action.startsWith('arn:aws:autoscaling:')) return;
      const known = (design.scalingPolicies ?? []).some((p) =>
        namesPolicy(action, p.ResourceId, p.PolicyName),
      );
      const scripted = design.script.some(
        (s) =>
          s.action === 'PutScalingPolicy' &&
          namesPolicy(action, s.input.ResourceId, s.input.PolicyName),
      );
      if (!known && !scripted)
        push(
          `alarms[${i}].AlarmActions[${j}]`,
          'names no scaling policy of scalingPolicies or the script',
        );
    });
  });
  const scheduled = new Set<string>();
  (design.scheduledActions ?? []).forEach((s, i) => {
    const at = `scheduledActions[${i}]`;
    if (!registered.has(s.ResourceId)) push(`${at}.ResourceId`, noTarget(s.ResourceId));
    const key = `${s.ResourceId}:${s.ScheduledActionName}`;
    if (scheduled.has(key))
      push(
        `${at}.ScheduledActionName`,
        `${s.ScheduledActionName} appears twice for ${s.ResourceId}`,
      );
    scheduled.add(key);
    if (s.StartTime && s.EndTime && Date.parse(s.StartTime) >= Date.parse(s.EndTime))
      push(`${at}.EndTime`, 'must be after StartTime');
    const a = s.ScalableTargetAction;
    if (a.MinCapacity !== undefined && a.MaxCapacity !== undefined && a.MinCapacity > a.MaxCapacity)
      push(
        `${at}.ScalableTargetAction.MinCapacity`,
        'Minimum capacity cannot be greater than maximum capacity',
      );
  });
}
