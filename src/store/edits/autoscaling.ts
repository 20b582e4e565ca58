import {
  clusterNameOf,
  type DesignDocument,
  findTargetGroup,
  loadBalancerOfTargetGroup,
  type MetricAlarm,
  type PREDEFINED_METRIC_TYPES,
  type PutScalingPolicyInput,
  type PutScheduledActionInput,
  type RegisterScalableTargetInput,
} from '../../design';
import { namesPolicy } from '../../design/autoscaling-references';
import { hex16, uniqueName } from './ids';

/**
 * Service auto scaling as the inspector edits it: each change is the Application Auto
 * Scaling (RegisterScalableTarget, PutScalingPolicy, PutScheduledAction, their deletes)
 * or CloudWatch (PutMetricAlarm) input it stands for, put into the design by its key.
 */

export type PredefinedMetricType = (typeof PREDEFINED_METRIC_TYPES)[number];

const ACCOUNT = '123456789012';
const KEY = { ServiceNamespace: 'ecs', ScalableDimension: 'ecs:service:DesiredCount' } as const;

export function resourceIdOf(design: DesignDocument, serviceName: string): string {
  const service = design.services.find((s) => s.serviceName === serviceName);
  return `service/${clusterNameOf(design, service?.cluster)}/${serviceName}`;
}

export interface ServiceScaling {
  resourceId: string;
  target: RegisterScalableTargetInput | undefined;
  policies: PutScalingPolicyInput[];
  scheduled: PutScheduledActionInput[];
}

export function scalingOf(design: DesignDocument, serviceName: string): ServiceScaling {
  const resourceId = resourceIdOf(design, serviceName);
  return {
    resourceId,
    target: (design.scalableTargets ?? []).find((t) => t.ResourceId === resourceId),
    policies: (design.scalingPolicies ?? []).filter((p) => p.ResourceId === resourceId),
    scheduled: (design.scheduledActions ?? []).filter((s) => s.ResourceId === resourceId),
  };
}

/** RegisterScalableTarget: a new target, or new bounds / suspension for the one there. */
export function registerScalableTarget(
  design: DesignDocument,
  input: RegisterScalableTargetInput,
): DesignDocument {
  const targets = design.scalableTargets ?? [];
  const old = targets.find((t) => t.ResourceId === input.ResourceId);
  return {
    ...design,
    scalableTargets: old
      ? targets.map((t) => (t === old ? { ...t, ...input } : t))
      : [...targets, input],
  };
}

/** Turning scaling on: the service's desired count, between 1 (or its count) and 10 (or more). */
export function enableServiceScaling(design: DesignDocument, serviceName: string): DesignDocument {
  const desired = design.services.find((s) => s.serviceName === serviceName)?.desiredCount ?? 1;
  return registerScalableTarget(design, {
    ...KEY,
    ResourceId: resourceIdOf(design, serviceName),
    MinCapacity: Math.min(1, desired),
    MaxCapacity: Math.max(10, desired),
  });
}

/** The ARN PutScalingPolicy answers, with a uuid made from the key (the engine finds it by its tail). */
export function policyArn(design: DesignDocument, resourceId: string, policyName: string): string {
  const h = hex16(`${resourceId}:${policyName}`);
  const h2 = hex16(`${policyName}:${resourceId}`);
  const uuid = `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h2.slice(0, 4)}-${h2.slice(4, 16)}`;
  return `arn:aws:autoscaling:${design.region}:${ACCOUNT}:scalingPolicy:${uuid}:resource/ecs/${resourceId}:policyName/${policyName}`;
}

/** The alarms whose actions invoke the policy (a step scaling policy's). */
export function alarmsOfPolicy(
  design: DesignDocument,
  policy: PutScalingPolicyInput,
): MetricAlarm[] {
  const invokes = (a: MetricAlarm) =>
    [a.AlarmActions, a.OKActions, a.InsufficientDataActions]
      .flat()
      .some((x) => typeof x === 'string' && namesPolicy(x, policy.ResourceId, policy.PolicyName));
  return (design.alarms ?? []).filter(invokes);
}

/** PutScalingPolicy: replaces the policy of that name on that resource, else adds it. */
export function putScalingPolicy(
  design: DesignDocument,
  policy: PutScalingPolicyInput,
): DesignDocument {
  const policies = design.scalingPolicies ?? [];
  const same = (p: PutScalingPolicyInput) =>
    p.ResourceId === policy.ResourceId && p.PolicyName === policy.PolicyName;
  return {
    ...design,
    scalingPolicies: policies.some(same)
      ? policies.map((p) => (same(p) ? policy : p))
      : [...policies, policy],
  };
}

/** Alarm names a service's deployments watch: those alarms stay even with no actions left. */
function deploymentAlarmNames(design: DesignDocument): Set<string> {
  return new Set(
    design.services.flatMap((s) => s.deploymentConfiguration?.alarms?.alarmNames ?? []),
  );
}

/** Drops the actions that name the policies; an alarm left with none, and watched by nothing, goes. */
function dropPolicyActions(
  design: DesignDocument,
  gone: readonly PutScalingPolicyInput[],
): DesignDocument {
  if (!design.alarms || gone.length === 0) return design;
  const names = (x: string) => gone.some((p) => namesPolicy(x, p.ResourceId, p.PolicyName));
  const watched = deploymentAlarmNames(design);
  const alarms = design.alarms.flatMap((a) => {
    const lists = [a.AlarmActions, a.OKActions, a.InsufficientDataActions];
    if (!lists.flat().some((x) => typeof x === 'string' && names(x))) return [a];
    const next: MetricAlarm = { ...a };
    const keep = (list: string[] | undefined) => list?.filter((x) => !names(x));
    const alarmActions = keep(a.AlarmActions);
    const ok = keep(a.OKActions);
    const insufficient = keep(a.InsufficientDataActions);
    if (alarmActions) next.AlarmActions = alarmActions;
    if (ok) next.OKActions = ok;
    if (insufficient) next.InsufficientDataActions = insufficient;
    const empty = [alarmActions, ok, insufficient].every((l) => (l?.length ?? 0) === 0);
    return empty && !watched.has(a.AlarmName) ? [] : [next];
  });
  return { ...design, alarms };
}

/** DeleteScalingPolicy, and the step policy's alarm actions (CloudWatch keeps other alarms). */
export function deleteScalingPolicy(
  design: DesignDocument,
  resourceId: string,
  policyName: string,
): DesignDocument {
  const policies = design.scalingPolicies ?? [];
  const gone = policies.filter((p) => p.ResourceId === resourceId && p.PolicyName === policyName);
  const next = { ...design, scalingPolicies: policies.filter((p) => !gone.includes(p)) };
  return dropPolicyActions(next, gone);
}

/** DeregisterScalableTarget: its policies and scheduled actions go with it, as in AWS. */
export function deregisterScalableTarget(
  design: DesignDocument,
  resourceId: string,
): DesignDocument {
  const gone = (design.scalingPolicies ?? []).filter((p) => p.ResourceId === resourceId);
  const next: DesignDocument = {
    ...design,
    scalableTargets: (design.scalableTargets ?? []).filter((t) => t.ResourceId !== resourceId),
    scalingPolicies: (design.scalingPolicies ?? []).filter((p) => p.ResourceId !== resourceId),
    scheduledActions: (design.scheduledActions ?? []).filter((s) => s.ResourceId !== resourceId),
  };
  return dropPolicyActions(next, gone);
}

/** `app/<lb>/<id>/targetgroup/<tg>/<id>` of the service's first target group behind an ALB. */
export function albResourceLabel(design: DesignDocument, serviceName: string): string | undefined {
  const service = design.services.find((s) => s.serviceName === serviceName);
  for (const entry of service?.loadBalancers ?? []) {
    if (!entry.targetGroupArn) continue;
    const tg = findTargetGroup(design, entry.targetGroupArn);
    const lb = tg && loadBalancerOfTargetGroup(design, tg);
    if (!tg || !lb || (lb.Type ?? 'application') !== 'application') continue;
    const lbPart =
      /:loadbalancer\/(app\/[^/]+\/[^/]+)$/.exec(lb.LoadBalancerArn ?? '')?.[1] ??
      `app/${lb.Name}/${hex16(`lb:${lb.Name}`)}`;
    const tgPart =
      /:(targetgroup\/[^/]+\/[^/]+)$/.exec(tg.TargetGroupArn ?? '')?.[1] ??
      `targetgroup/${tg.Name}/${hex16(`tg:${tg.Name}`)}`;
    return `${lbPart}/${tgPart}`;
  }
  return undefined;
}

/** Values a person would start from: 70% CPU or memory, 1000 requests per target a minute. */
export const DEFAULT_TARGET_VALUE: Record<PredefinedMetricType, number> = {
  ECSServiceAverageCPUUtilization: 70,
  ECSServiceAverageMemoryUtilization: 70,
  ALBRequestCountPerTarget: 1000,
};

const METRIC_SLUG: Record<PredefinedMetricType, string> = {
  ECSServiceAverageCPUUtilization: 'cpu',
  ECSServiceAverageMemoryUtilization: 'memory',
  ALBRequestCountPerTarget: 'requests',
};

/** A target tracking policy on a predefined metric, 300 s cooldowns (the ECS defaults). */
export function targetTrackingPolicy(
  design: DesignDocument,
  serviceName: string,
  metric: PredefinedMetricType,
  targetValue = DEFAULT_TARGET_VALUE[metric],
  policyName?: string,
): PutScalingPolicyInput {
  const resourceId = resourceIdOf(design, serviceName);
  const taken = new Set(scalingOf(design, serviceName).policies.map((p) => p.PolicyName));
  const label =
    metric === 'ALBRequestCountPerTarget' ? albResourceLabel(design, serviceName) : undefined;
  return {
    PolicyName:
      policyName ?? uniqueName(`${serviceName}-${METRIC_SLUG[metric]}-target-tracking`, taken),
    ...KEY,
    ResourceId: resourceId,
    PolicyType: 'TargetTrackingScaling',
    TargetTrackingScalingPolicyConfiguration: {
      TargetValue: targetValue,
      PredefinedMetricSpecification: {
        PredefinedMetricType: metric,
        ...(label !== undefined ? { ResourceLabel: label } : {}),
      },
      ScaleOutCooldown: 300,
      ScaleInCooldown: 300,
      DisableScaleIn: false,
    },
  };
}

/**
 * A step scaling policy and the CloudWatch alarm that invokes it, on the service's
 * CPUUtilization: `out` adds a task above 70% for 3 of 3 minutes, `in` removes one
 * below 30% for 15 of 15 minutes.
 */
export function addStepScaling(
  design: DesignDocument,
  serviceName: string,
  direction: 'out' | 'in',
): { design: DesignDocument; policyName: string } {
  const resourceId = resourceIdOf(design, serviceName);
  const taken = new Set(scalingOf(design, serviceName).policies.map((p) => p.PolicyName));
  const policyName = uniqueName(`${serviceName}-step-scale-${direction}`, taken);
  const out = direction === 'out';
  const alarmName = uniqueName(
    `${serviceName}-cpu-${out ? 'high' : 'low'}`,
    new Set((design.alarms ?? []).map((a) => a.AlarmName)),
  );
  const policy: PutScalingPolicyInput = {
    PolicyName: policyName,
    ...KEY,
    ResourceId: resourceId,
    PolicyType: 'StepScaling',
    StepScalingPolicyConfiguration: {
      AdjustmentType: 'ChangeInCapacity',
      StepAdjustments: [
        out
          ? { MetricIntervalLowerBound: 0, ScalingAdjustment: 1 }
          : { MetricIntervalUpperBound: 0, ScalingAdjustment: -1 },
      ],
      Cooldown: 300,
      MetricAggregationType: 'Average',
    },
  };
  const cluster = resourceId.split('/')[1] ?? 'default';
  const alarm: MetricAlarm = {
    AlarmName: alarmName,
    Namespace: 'AWS/ECS',
    MetricName: 'CPUUtilization',
    Dimensions: [
      { Name: 'ClusterName', Value: cluster },
      { Name: 'ServiceName', Value: serviceName },
    ],
    Statistic: 'Average',
    Period: 60,
    EvaluationPeriods: out ? 3 : 15,
    DatapointsToAlarm: out ? 3 : 15,
    Threshold: out ? 70 : 30,
    ComparisonOperator: out ? 'GreaterThanThreshold' : 'LessThanThreshold',
    AlarmActions: [policyArn(design, resourceId, policyName)],
  };
  const withPolicy = putScalingPolicy(design, policy);
  return { design: putMetricAlarm(withPolicy, alarm), policyName };
}

/** PutMetricAlarm: replaces the alarm of that name, else adds it. */
export function putMetricAlarm(design: DesignDocument, alarm: MetricAlarm): DesignDocument {
  const alarms = design.alarms ?? [];
  const there = alarms.some((a) => a.AlarmName === alarm.AlarmName);
  return {
    ...design,
    alarms: there
      ? alarms.map((a) => (a.AlarmName === alarm.AlarmName ? alarm : a))
      : [...alarms, alarm],
  };
}

/** PutScheduledAction: replaces the action of that name on that resource, else adds it. */
export function putScheduledAction(
  design: DesignDocument,
  action: PutScheduledActionInput,
): DesignDocument {
  const actions = design.scheduledActions ?? [];
  const same = (s: PutScheduledActionInput) =>
    s.ResourceId === action.ResourceId && s.ScheduledActionName === action.ScheduledActionName;
  return {
    ...design,
    scheduledActions: actions.some(same)
      ? actions.map((s) => (same(s) ? action : s))
      : [...actions, action],
  };
}

export function deleteScheduledAction(
  design: DesignDocument,
  resourceId: string,
  name: string,
): DesignDocument {
  return {
    ...design,
    scheduledActions: (design.scheduledActions ?? []).filter(
      (s) => !(s.ResourceId === resourceId && s.ScheduledActionName === name),
    ),
  };
}

/** Weekday mornings at 08:00 UTC, the target's own bounds: a start a person edits. */
export function newScheduledAction(
  design: DesignDocument,
  serviceName: string,
): PutScheduledActionInput {
  const { resourceId, target, scheduled } = scalingOf(design, serviceName);
  const name = uniqueName(
    `${serviceName}-scheduled`,
    new Set(scheduled.map((s) => s.ScheduledActionName)),
  );
  return {
    ...KEY,
    ResourceId: resourceId,
    ScheduledActionName: name,
    Schedule: 'cron(0 8 ? * MON-FRI *)',
    ScalableTargetAction: {
      MinCapacity: target?.MinCapacity ?? 1,
      MaxCapacity: target?.MaxCapacity ?? 10,
    },
  };
}
