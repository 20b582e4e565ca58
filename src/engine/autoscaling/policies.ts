import type {
  DeleteScalingPolicyInput,
  MetricAlarm,
  PutScalingPolicyInput,
  TargetTrackingConfiguration,
} from '../../design';
import { metricKey } from '../alarms/alarms';
import { AwsError } from '../commands/errors';
import type { EngineContext } from '../context';
import { stableHex } from '../ids';
import { autoscalingOf, type ManagedAlarm, type PolicyState } from './state';
import { parseResourceId, targetOf } from './targets';

/** ECS services' default cooldowns, target tracking and step alike (§12.2, §12.3). */
export const DEFAULT_COOLDOWN_S = 300;

function uuidOf(text: string): string {
  const h = stableHex(text, 32);
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
}

export function policyArn(ctx: EngineContext, resourceId: string, name: string): string {
  return `arn:aws:autoscaling:${ctx.region}:${ctx.account}:scalingPolicy:${uuidOf(`${resourceId}:${name}`)}:resource/ecs/${resourceId}:policyName/${name}`;
}

/**
 * The policy an alarm action names. Model: besides its exact ARN, any ARN of the same
 * resource and policy name matches (the uuid AWS gave it elsewhere), so an alarm pasted
 * from AWS, or written by hand, invokes the design's policy.
 */
export function policyOfArn(ctx: EngineContext, arn: string): PolicyState | undefined {
  const policies = autoscalingOf(ctx).policies;
  const exact = policies.find((p) => p.arn === arn);
  if (exact) return exact;
  const m = /:resource\/ecs\/(service\/[^/]+\/[^:]+):policyName\/(.+)$/.exec(arn);
  if (!m || !arn.startsWith('arn:aws:autoscaling:')) return undefined;
  return policies.find((p) => p.resourceId === m[1] && p.name === m[2]);
}

/** What a target tracking policy's alarms watch (§12.2). */
export function trackedMetric(
  ctx: EngineContext,
  resourceId: string,
  config: TargetTrackingConfiguration,
): Pick<MetricAlarm, 'Namespace' | 'MetricName' | 'Dimensions' | 'Statistic'> {
  const custom = config.CustomizedMetricSpecification;
  if (custom)
    return {
      Namespace: custom.Namespace,
      MetricName: custom.MetricName,
      Dimensions: custom.Dimensions ?? [],
      Statistic: custom.Statistic,
    };
  const predefined = config.PredefinedMetricSpecification;
  const { clusterName, serviceName } = parseResourceId(resourceId);
  if (predefined?.PredefinedMetricType === 'ALBRequestCountPerTarget') {
    // The label's `targetgroup/<name>/<id>` is the metric's TargetGroup dimension; the
    // group is found by name (the gate has checked it is the design's).
    const label = predefined.ResourceLabel ?? '';
    const name = /targetgroup\/([^/]+)/.exec(label)?.[1] ?? '';
    const tg = [...ctx.targetGroups.values()].find((g) => g.name === name);
    const value = tg
      ? tg.arn.slice(tg.arn.indexOf('targetgroup/'))
      : label.slice(label.indexOf('targetgroup/'));
    return {
      Namespace: 'AWS/ApplicationELB',
      MetricName: 'RequestCountPerTarget',
      Dimensions: [{ Name: 'TargetGroup', Value: value }],
      Statistic: 'Sum',
    };
  }
  return {
    Namespace: 'AWS/ECS',
    MetricName:
      predefined?.PredefinedMetricType === 'ECSServiceAverageMemoryUtilization'
        ? 'MemoryUtilization'
        : 'CPUUtilization',
    Dimensions: [
      { Name: 'ClusterName', Value: clusterName },
      { Name: 'ServiceName', Value: serviceName },
    ],
    Statistic: 'Average',
  };
}

/**
 * Target tracking's managed alarms for ECS (§12.2, (O)): one-minute periods; high when
 * the metric is above the target 3 of 3 minutes, low when below 90% of it 15 of 15.
 * Model: with DisableScaleIn there is no low alarm (it could only ask for a scale-in).
 */
function managedAlarms(
  ctx: EngineContext,
  policy: PolicyState,
  config: TargetTrackingConfiguration,
): ManagedAlarm[] {
  const metric = trackedMetric(ctx, policy.resourceId, config);
  const id = uuidOf(policy.arn);
  const base = `TargetTracking-${policy.resourceId}`;
  const alarm = (
    side: 'high' | 'low',
    periods: number,
    threshold: number,
    op: MetricAlarm['ComparisonOperator'],
  ): ManagedAlarm => ({
    config: {
      AlarmName: `${base}-Alarm${side === 'high' ? 'High' : 'Low'}-${id}`,
      ...metric,
      Period: 60,
      EvaluationPeriods: periods,
      DatapointsToAlarm: periods,
      Threshold: threshold,
      ComparisonOperator: op,
      AlarmActions: [policy.arn],
    },
    state: {
      name: '',
      state: 'INSUFFICIENT_DATA',
      reason: 'Unchecked: Initial alarm creation',
      updatedAtMs: ctx.nowMs,
      current: null,
      minutes: [],
    },
    policyArn: policy.arn,
    side,
  });
  const out = [alarm('high', 3, config.TargetValue, 'GreaterThanThreshold')];
  if (!config.DisableScaleIn)
    out.push(alarm('low', 15, config.TargetValue * 0.9, 'LessThanThreshold'));
  for (const a of out) a.state.name = a.config.AlarmName;
  return out;
}

/** The managed alarms by the metric each watches: a datapoint then costs its watchers. */
function reindex(ctx: EngineContext): void {
  const state = autoscalingOf(ctx);
  const watch: Record<string, string[]> = {};
  for (const a of state.alarms) {
    const key = metricKey(a.config.Namespace, a.config.MetricName, a.config.Dimensions);
    watch[key] = [...(watch[key] ?? []), a.config.AlarmName];
  }
  state.watch = watch;
}

function dropPolicy(ctx: EngineContext, policy: PolicyState): void {
  const state = autoscalingOf(ctx);
  state.policies = state.policies.filter((p) => p !== policy);
  state.alarms = state.alarms.filter((a) => a.policyArn !== policy.arn);
  reindex(ctx);
}

export function putScalingPolicy(
  ctx: EngineContext,
  input: PutScalingPolicyInput,
): Record<string, unknown> {
  const target = targetOf(ctx, input.ResourceId);
  if (!target)
    throw new AwsError(
      'ObjectNotFoundException',
      `No scalable target registered for service namespace: ecs, resource ID: ${input.ResourceId}, scalable dimension: ecs:service:DesiredCount`,
    );
  const type = input.PolicyType ?? 'StepScaling';
  const tt = input.TargetTrackingScalingPolicyConfiguration;
  if (type === 'TargetTrackingScaling' && !tt)
    throw new AwsError(
      'ValidationException',
      'TargetTrackingScalingPolicyConfiguration is required for a policy of type TargetTrackingScaling',
    );
  if (type === 'StepScaling' && !input.StepScalingPolicyConfiguration)
    throw new AwsError(
      'ValidationException',
      'StepScalingPolicyConfiguration is required for a policy of type StepScaling',
    );
  const state = autoscalingOf(ctx);
  const old = state.policies.find(
    (p) => p.resourceId === input.ResourceId && p.name === input.PolicyName,
  );
  if (old) dropPolicy(ctx, old);
  const policy: PolicyState = {
    name: input.PolicyName,
    resourceId: input.ResourceId,
    arn: policyArn(ctx, input.ResourceId, input.PolicyName),
    input: JSON.parse(JSON.stringify(input)) as PutScalingPolicyInput,
    alarmNames: [],
  };
  if (type === 'TargetTrackingScaling' && tt) {
    const alarms = managedAlarms(ctx, policy, tt);
    policy.alarmNames = alarms.map((a) => a.config.AlarmName);
    state.alarms.push(...alarms);
  }
  state.policies.push(policy);
  reindex(ctx);
  ctx.out.dirtyServices.add(target.serviceName);
  return {
    PolicyARN: policy.arn,
    ...(policy.alarmNames.length > 0 && {
      Alarms: policy.alarmNames.map((name) => ({
        AlarmName: name,
        AlarmARN: `arn:aws:cloudwatch:${ctx.region}:${ctx.account}:alarm:${name}`,
      })),
    }),
  };
}

export function deleteScalingPolicy(
  ctx: EngineContext,
  input: DeleteScalingPolicyInput,
): Record<string, unknown> {
  const policy = autoscalingOf(ctx).policies.find(
    (p) => p.resourceId === input.ResourceId && p.name === input.PolicyName,
  );
  if (!policy)
    throw new AwsError(
      'ObjectNotFoundException',
      `No scaling policy found for service namespace: ecs, resource ID: ${input.ResourceId}, scalable dimension: ecs:service:DesiredCount, policy name: ${input.PolicyName}`,
    );
  dropPolicy(ctx, policy);
  ctx.out.dirtyServices.add(parseResourceId(input.ResourceId).serviceName);
  return {};
}

export function policiesOf(ctx: EngineContext, resourceId: string): PolicyState[] {
  return autoscalingOf(ctx).policies.filter((p) => p.resourceId === resourceId);
}

export function managedAlarm(ctx: EngineContext, name: string): ManagedAlarm | undefined {
  return autoscalingOf(ctx).alarms.find((a) => a.config.AlarmName === name);
}
