import { namesPolicy } from '../../autoscaling-references';
import { agentCluster, decodeBase64 } from '../../capacity-references';
import { pascalCaseKeys } from '../../import/cloudformation/case';
import { getAtt, physicalId, ref, type TemplateBuilder } from './builder';
import { only } from './ecs';
import type { LogicalIds } from './ids';

type Props = Record<string, unknown>;

export const LAUNCH_TEMPLATE_PROPERTIES = [
  'LaunchTemplateName',
  'LaunchTemplateData',
  'VersionDescription',
  'TagSpecifications',
];
export const AUTO_SCALING_GROUP_PROPERTIES = [
  'AutoScalingGroupName',
  'MinSize',
  'MaxSize',
  'DesiredCapacity',
  'LaunchTemplate',
  'MixedInstancesPolicy',
  'VPCZoneIdentifier',
  'AvailabilityZones',
  'NewInstancesProtectedFromScaleIn',
  'Cooldown',
  'HealthCheckType',
  'HealthCheckGracePeriod',
  'CapacityRebalance',
  'TargetGroupARNs',
  'Tags',
];
export const CAPACITY_PROVIDER_PROPERTIES = ['Name', 'AutoScalingGroupProvider', 'Tags'];
export const SCALABLE_TARGET_PROPERTIES = [
  'ServiceNamespace',
  'ScalableDimension',
  'ResourceId',
  'MinCapacity',
  'MaxCapacity',
  'RoleARN',
  'SuspendedState',
  'ScheduledActions',
];
export const SCALING_POLICY_PROPERTIES = [
  'PolicyName',
  'PolicyType',
  'ScalingTargetId',
  'TargetTrackingScalingPolicyConfiguration',
  'StepScalingPolicyConfiguration',
];
export const ALARM_PROPERTIES = [
  'AlarmName',
  'AlarmDescription',
  'ActionsEnabled',
  'Namespace',
  'MetricName',
  'Dimensions',
  'Statistic',
  'ExtendedStatistic',
  'Period',
  'EvaluationPeriods',
  'DatapointsToAlarm',
  'Threshold',
  'ComparisonOperator',
  'TreatMissingData',
  'Unit',
  'AlarmActions',
  'OKActions',
  'InsufficientDataActions',
];
const SCHEDULED_ACTION_PROPERTIES = [
  'ScheduledActionName',
  'Schedule',
  'Timezone',
  'StartTime',
  'EndTime',
  'ScalableTargetAction',
];

const str = (n: number | undefined) => (n === undefined ? undefined : String(n));

export function writeCapacity(b: TemplateBuilder, ids: LogicalIds): void {
  const d = b.design;
  for (const t of d.launchTemplates ?? []) {
    const data: Props = { ...t.LaunchTemplateData };
    // EC2 takes user data as base64; the design may hold it as plain text.
    if (typeof data.UserData === 'string' && decodeBase64(data.UserData) === undefined)
      data.UserData = { 'Fn::Base64': data.UserData };
    if (data.ImageId === undefined) data.ImageId = b.imageId();
    const id = ids.launchTemplate(t) ?? '';
    b.add(id, {
      Type: 'AWS::EC2::LaunchTemplate',
      ...physicalId(t.LaunchTemplateId),
      Properties: only({ ...t, LaunchTemplateData: data }, LAUNCH_TEMPLATE_PROPERTIES),
    });
  }
  for (const g of d.autoScalingGroups ?? []) {
    const spec = (s: Props | undefined) => {
      if (!s) return undefined;
      const lt = ids.launchTemplate(s);
      return lt ? { LaunchTemplateId: ref(lt), Version: getAtt(lt, 'LatestVersionNumber') } : s;
    };
    const mixed = g.MixedInstancesPolicy;
    const template = d.launchTemplates?.find(
      (t) =>
        ids.launchTemplate(t) ===
        ids.launchTemplate(
          g.LaunchTemplate ?? mixed?.LaunchTemplate.LaunchTemplateSpecification ?? {},
        ),
    );
    // Instances register in the cluster their user data names: it must be there first.
    const cluster = ids.cluster(agentCluster(template?.LaunchTemplateData.UserData) ?? '');
    const props: Props = {
      ...g,
      MinSize: str(g.MinSize),
      MaxSize: str(g.MaxSize),
      DesiredCapacity: str(g.DesiredCapacity),
      // CloudFormation's name for CreateAutoScalingGroup's DefaultCooldown.
      Cooldown: str(g.DefaultCooldown),
      LaunchTemplate: spec(g.LaunchTemplate),
      ...(mixed
        ? {
            MixedInstancesPolicy: {
              ...mixed,
              LaunchTemplate: {
                ...mixed.LaunchTemplate,
                LaunchTemplateSpecification: spec(mixed.LaunchTemplate.LaunchTemplateSpecification),
              },
            },
          }
        : {}),
      ...(g.VPCZoneIdentifier === undefined
        ? {}
        : {
            VPCZoneIdentifier: b.subnets(
              g.VPCZoneIdentifier.split(',')
                .map((s) => s.trim())
                .filter((s) => s !== ''),
            ),
          }),
    };
    const id = ids.autoScalingGroup(g.AutoScalingGroupName) ?? '';
    b.add(id, {
      Type: 'AWS::AutoScaling::AutoScalingGroup',
      DependsOn: cluster ? [cluster] : [],
      Properties: only(props, AUTO_SCALING_GROUP_PROPERTIES),
    });
  }
  for (const p of d.capacityProviders ?? []) {
    const asg = p.autoScalingGroupProvider;
    const group = ids.autoScalingGroup(asg.autoScalingGroupArn);
    const props = pascalCaseKeys({
      ...p,
      autoScalingGroupProvider: {
        ...asg,
        autoScalingGroupArn: group ? ref(group) : asg.autoScalingGroupArn,
      },
    }) as Props;
    b.add(ids.capacityProvider(p.name) ?? '', {
      Type: 'AWS::ECS::CapacityProvider',
      Properties: only(props, CAPACITY_PROVIDER_PROPERTIES),
    });
  }
}

/** `service/<cluster>/<service>` from the cluster's Ref and the service's name, so the target waits for the service. */
function resourceId(ids: LogicalIds, resource: string): unknown {
  const [, cluster, service] = resource.split('/');
  const c = ids.cluster(cluster);
  const s = service === undefined ? undefined : ids.service(service);
  return c && s ? { 'Fn::Join': ['/', ['service', ref(c), getAtt(s, 'Name')]] } : resource;
}

/** ALBRequestCountPerTarget's `app/<lb>/<id>/targetgroup/<tg>/<id>` from the two resources' full names. */
function resourceLabel(b: TemplateBuilder, ids: LogicalIds, label: string): unknown {
  const m = /^app\/([^/]+)\/[^/]+\/targetgroup\/([^/]+)\/[^/]+$/.exec(label);
  const lb = m?.[1] === undefined ? undefined : ids.loadBalancer(m[1]);
  const tg = m?.[2] === undefined ? undefined : ids.targetGroup(m[2]);
  void b;
  return lb && tg
    ? { 'Fn::Join': ['/', [getAtt(lb, 'LoadBalancerFullName'), getAtt(tg, 'TargetGroupFullName')]] }
    : label;
}

export function writeScaling(b: TemplateBuilder, ids: LogicalIds): void {
  const d = b.design;
  for (const t of d.scalableTargets ?? []) {
    const scheduled = (d.scheduledActions ?? [])
      .filter((a) => a.ResourceId === t.ResourceId)
      .map((a) => only(a as Props, SCHEDULED_ACTION_PROPERTIES));
    const props: Props = {
      ...t,
      ResourceId: resourceId(ids, t.ResourceId),
      ...(scheduled.length > 0 ? { ScheduledActions: scheduled } : {}),
    };
    b.add(ids.scalableTarget(t.ResourceId) ?? '', {
      Type: 'AWS::ApplicationAutoScaling::ScalableTarget',
      Properties: only(props, SCALABLE_TARGET_PROPERTIES),
    });
  }
  for (const p of d.scalingPolicies ?? []) {
    const target = ids.scalableTarget(p.ResourceId);
    const tt = p.TargetTrackingScalingPolicyConfiguration;
    const label = tt?.PredefinedMetricSpecification?.ResourceLabel;
    const props: Props = {
      ...p,
      PolicyType: p.PolicyType ?? 'StepScaling',
      ...(target ? { ScalingTargetId: ref(target) } : {}),
      ...(tt && label !== undefined
        ? {
            TargetTrackingScalingPolicyConfiguration: {
              ...tt,
              PredefinedMetricSpecification: {
                ...tt.PredefinedMetricSpecification,
                ResourceLabel: resourceLabel(b, ids, label),
              },
            },
          }
        : {}),
    };
    b.add(ids.policy(p), {
      Type: 'AWS::ApplicationAutoScaling::ScalingPolicy',
      Properties: only(props, SCALING_POLICY_PROPERTIES),
    });
  }
  for (const a of d.alarms ?? []) {
    const actions = (list: readonly string[] | undefined) =>
      list?.map((arn) => {
        const p = (d.scalingPolicies ?? []).find((x) =>
          namesPolicy(arn, x.ResourceId, x.PolicyName),
        );
        return p ? ref(ids.policy(p)) : arn;
      });
    const props: Props = {
      ...a,
      AlarmActions: actions(a.AlarmActions),
      OKActions: actions(a.OKActions),
      InsufficientDataActions: actions(a.InsufficientDataActions),
    };
    b.add(ids.alarm(a.AlarmName) ?? '', {
      Type: 'AWS::CloudWatch::Alarm',
      Properties: only(props, ALARM_PROPERTIES),
    });
  }
}
