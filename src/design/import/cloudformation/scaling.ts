import {
  PutScalingPolicyInput,
  PutScheduledActionInput,
  RegisterScalableTargetInput,
} from '../../autoscaling-shapes';
import { AutoScalingGroup, LaunchTemplate } from '../../capacity-shapes';
import { MetricAlarm } from '../../cloudwatch-shapes';
import { coerceTypes } from './coerce';
import type { Sink } from './sink';
import type { TemplateResource } from './template';

type Props = Record<string, unknown>;

/** Application Auto Scaling, EC2 Auto Scaling, EC2 and CloudWatch: PascalCase, as their APIs are. */
const input = (props: Props): Props => coerceTypes(props) as Props;

function notEcs(r: TemplateResource, props: Props, at: string, sink: Sink): boolean {
  const ns = props.ServiceNamespace;
  if (ns === undefined || ns === 'ecs') return false;
  sink.warn(
    at,
    `scales ${String(ns)}, not an ECS service: Berth scales ECS services only; left out`,
  );
  void r;
  return true;
}

export function readScalableTarget(
  r: TemplateResource,
  props: Props,
  at: string,
  sink: Sink,
): void {
  const { ScheduledActions, ...rest } = input(props);
  if (notEcs(r, rest, at, sink)) return;
  if (rest.ResourceId === undefined && r.properties.ResourceId !== undefined) {
    sink.warn(at, 'its service is not in this template: the scalable target is left out');
    return;
  }
  sink.add('scalableTargets', rest, at, RegisterScalableTargetInput, 'pascal');
  if (!Array.isArray(ScheduledActions)) return;
  ScheduledActions.forEach((a, i) => {
    const action = {
      ServiceNamespace: rest.ServiceNamespace,
      ResourceId: rest.ResourceId,
      ScalableDimension: rest.ScalableDimension,
      ...(a as Props),
    };
    sink.add(
      'scheduledActions',
      action,
      `${at}.ScheduledActions[${i}]`,
      PutScheduledActionInput,
      'pascal',
    );
  });
}

export function readScalingPolicy(r: TemplateResource, props: Props, at: string, sink: Sink): void {
  const { ScalingTargetId, ...rest } = input(props);
  if (typeof ScalingTargetId === 'string') {
    // A scalable target's Ref: `service/default/web|ecs:service:DesiredCount|ecs`.
    const [resourceId, dimension, namespace] = ScalingTargetId.split('|');
    if (dimension === undefined || namespace === undefined) {
      sink.issues.push({
        path: `${at}.ScalingTargetId`,
        message: `${ScalingTargetId} is not the Ref of a scalable target: give it, or ResourceId, ScalableDimension and ServiceNamespace`,
      });
      return;
    }
    Object.assign(rest, {
      ServiceNamespace: namespace,
      ResourceId: resourceId,
      ScalableDimension: dimension,
    });
  } else if (r.properties.ScalingTargetId !== undefined) {
    sink.warn(at, 'its scalable target is not in this template: the policy is left out');
    return;
  }
  if (notEcs(r, rest, at, sink)) return;
  const policy: Props = {
    PolicyName: rest.PolicyName,
    ServiceNamespace: rest.ServiceNamespace,
    ResourceId: rest.ResourceId,
    ScalableDimension: rest.ScalableDimension,
    ...rest,
  };
  sink.add('scalingPolicies', policy, at, PutScalingPolicyInput, 'pascal');
}

/** CloudFormation-only properties of an Auto Scaling group, with no CreateAutoScalingGroup field. */
const CFN_ONLY_GROUP = ['NotificationConfigurations', 'MetricsCollection'];

export function readAutoScalingGroup(
  r: TemplateResource,
  props: Props,
  at: string,
  sink: Sink,
): void {
  const group = input(props);
  if (
    group.LaunchConfigurationName !== undefined &&
    group.LaunchTemplate === undefined &&
    group.MixedInstancesPolicy === undefined
  ) {
    sink.warn(
      `${at}.LaunchConfigurationName`,
      'Berth does not model launch configurations (AWS::AutoScaling::LaunchConfiguration): the group is left out; give it a launch template',
    );
    return;
  }
  for (const key of CFN_ONLY_GROUP) {
    if (key in group) {
      sink.warn(`${at}.${key}`, "is CloudFormation's own, not CreateAutoScalingGroup's: left out");
      delete group[key];
    }
  }
  // CloudFormation's Cooldown is CreateAutoScalingGroup's DefaultCooldown.
  if (group.Cooldown !== undefined) {
    group.DefaultCooldown = group.Cooldown;
    delete group.Cooldown;
  }
  // CloudFormation takes the subnets as a list; the API as one comma-separated string.
  if (Array.isArray(group.VPCZoneIdentifier))
    group.VPCZoneIdentifier = group.VPCZoneIdentifier.join(',');
  const named: Props = { ...group, AutoScalingGroupName: sink.ctx.nameOf(r) };
  sink.add('autoScalingGroups', named, at, AutoScalingGroup, 'pascal');
}

export function readLaunchTemplate(
  r: TemplateResource,
  props: Props,
  at: string,
  sink: Sink,
): void {
  const id = sink.ctx.ref(r.logicalId);
  const template: Props = {
    ...input(props),
    LaunchTemplateName: sink.ctx.nameOf(r),
    ...(id.ok ? { LaunchTemplateId: String(id.value) } : {}),
  };
  if (template.LaunchTemplateData === undefined) template.LaunchTemplateData = {};
  sink.add('launchTemplates', template, at, LaunchTemplate, 'pascal');
}

export function readAlarm(r: TemplateResource, props: Props, at: string, sink: Sink): void {
  const alarm: Props = { ...input(props), AlarmName: sink.ctx.nameOf(r) };
  sink.add('alarms', alarm, at, MetricAlarm, 'pascal');
}
