import { describe, expect, it } from 'vitest';
import { namesPolicy } from '../../autoscaling-references';
import { decodeBase64 } from '../../capacity-references';
import type { DesignDocument } from '../../document';
import { findLoadBalancer, findTargetGroup } from '../../elb-resolve';
import type { Action } from '../../elb-shapes';
import { readCloudFormationTemplate } from '../../import/cloudformation';
import { mergeFragments } from '../../import/merge';
import { parseDesign } from '../../parse';
import { createServiceInput } from '../ecs/service';
import { registerTaskDefinitionInput } from '../ecs/task-definition';
import { groupNameOf } from './ids';
import { cloudFormationTemplate } from './template';
import { testDesigns } from './testing';

type Props = Record<string, unknown>;

/**
 * A design's AWS parts with what AWS assigns on creation (ARNs, launch template ids)
 * replaced by the names they point at: what a template can carry and give back.
 */
function awsParts(d: DesignDocument) {
  const tgName = (ref: string) => findTargetGroup(d, ref)?.Name ?? ref;
  const lbName = (ref: string) => findLoadBalancer(d, ref)?.Name ?? ref;
  const listenerKey = (arn: string) => {
    const l = d.listeners?.find((x) => x.ListenerArn === arn);
    return l ? `${lbName(l.LoadBalancerArn)}:${l.Port}` : arn;
  };
  const ruleKey = (arn: string) => {
    const r = d.listenerRules?.find((x) => x.RuleArn === arn);
    return r ? `${listenerKey(r.ListenerArn)}#${r.Priority}` : (listenerKey(arn) ?? arn);
  };
  const actions = (list: readonly Action[]) =>
    list.map((a) => ({
      ...a,
      ...(a.TargetGroupArn ? { TargetGroupArn: tgName(a.TargetGroupArn) } : {}),
      ...(a.ForwardConfig
        ? {
            ForwardConfig: {
              ...a.ForwardConfig,
              TargetGroups: a.ForwardConfig.TargetGroups.map((t) => ({
                ...t,
                TargetGroupArn: tgName(t.TargetGroupArn),
              })),
            },
          }
        : {}),
    }));
  const policyKey = (arn: string) => {
    const p = d.scalingPolicies?.find((x) => namesPolicy(arn, x.ResourceId, x.PolicyName));
    return p ? `policy:${p.ResourceId}:${p.PolicyName}` : arn;
  };
  const withoutHex = (label: string) => label.replace(/\/[0-9a-f]{16}(\/|$)/g, '$1');
  return {
    clusters: d.clusters,
    taskDefinitions: d.taskDefinitions.map(registerTaskDefinitionInput),
    services: d.services.map((s) => {
      const input = createServiceInput(d, s) as Props;
      const lbs = (s.loadBalancers ?? []).map((e) => ({
        ...e,
        ...(e.targetGroupArn ? { targetGroupArn: tgName(e.targetGroupArn) } : {}),
        ...(e.advancedConfiguration
          ? {
              advancedConfiguration: {
                ...e.advancedConfiguration,
                alternateTargetGroupArn: tgName(e.advancedConfiguration.alternateTargetGroupArn),
                ...(e.advancedConfiguration.productionListenerRule
                  ? {
                      productionListenerRule: ruleKey(
                        e.advancedConfiguration.productionListenerRule,
                      ),
                    }
                  : {}),
                ...(e.advancedConfiguration.testListenerRule
                  ? { testListenerRule: ruleKey(e.advancedConfiguration.testListenerRule) }
                  : {}),
              },
            }
          : {}),
      }));
      return { ...input, ...(lbs.length > 0 ? { loadBalancers: lbs } : {}) };
    }),
    loadBalancers: d.loadBalancers?.map(({ LoadBalancerArn: _, ...lb }) => lb),
    targetGroups: d.targetGroups?.map(({ TargetGroupArn: _, ...tg }) => tg),
    listeners: d.listeners?.map(({ ListenerArn: _, ...l }) => ({
      ...l,
      LoadBalancerArn: lbName(l.LoadBalancerArn),
      DefaultActions: actions(l.DefaultActions),
    })),
    listenerRules: d.listenerRules?.map(({ RuleArn: _, ...r }) => ({
      ...r,
      ListenerArn: listenerKey(r.ListenerArn),
      Actions: actions(r.Actions),
    })),
    capacityProviders: d.capacityProviders?.map((p) => ({
      ...p,
      autoScalingGroupProvider: {
        ...p.autoScalingGroupProvider,
        autoScalingGroupArn: groupNameOf(p.autoScalingGroupProvider.autoScalingGroupArn),
      },
    })),
    launchTemplates: d.launchTemplates?.map(({ LaunchTemplateId: _, ...t }) => ({
      ...t,
      LaunchTemplateData: {
        ...t.LaunchTemplateData,
        ...(t.LaunchTemplateData.UserData === undefined
          ? {}
          : {
              UserData:
                decodeBase64(t.LaunchTemplateData.UserData) ?? t.LaunchTemplateData.UserData,
            }),
      },
    })),
    autoScalingGroups: d.autoScalingGroups?.map(({ bootSeconds: _, ...g }) => {
      const name = (spec: Props | undefined) => {
        if (!spec) return undefined;
        const t = d.launchTemplates?.find((x) =>
          spec.LaunchTemplateName !== undefined
            ? x.LaunchTemplateName === spec.LaunchTemplateName
            : x.LaunchTemplateId === spec.LaunchTemplateId,
        );
        return { name: t?.LaunchTemplateName };
      };
      const mixed = g.MixedInstancesPolicy;
      return {
        ...g,
        ...(g.LaunchTemplate ? { LaunchTemplate: name(g.LaunchTemplate) } : {}),
        ...(mixed
          ? {
              MixedInstancesPolicy: {
                ...mixed,
                LaunchTemplate: {
                  ...mixed.LaunchTemplate,
                  LaunchTemplateSpecification: name(
                    mixed.LaunchTemplate.LaunchTemplateSpecification,
                  ),
                },
              },
            }
          : {}),
      };
    }),
    scalableTargets: d.scalableTargets,
    scheduledActions: d.scheduledActions,
    scalingPolicies: d.scalingPolicies?.map((p) => {
      const spec = p.TargetTrackingScalingPolicyConfiguration?.PredefinedMetricSpecification;
      if (!spec?.ResourceLabel) return p;
      return {
        ...p,
        TargetTrackingScalingPolicyConfiguration: {
          ...p.TargetTrackingScalingPolicyConfiguration,
          PredefinedMetricSpecification: { ...spec, ResourceLabel: withoutHex(spec.ResourceLabel) },
        },
      };
    }),
    alarms: d.alarms?.map((a) => ({
      ...a,
      ...(a.AlarmActions ? { AlarmActions: a.AlarmActions.map(policyKey) } : {}),
      ...(a.OKActions ? { OKActions: a.OKActions.map(policyKey) } : {}),
    })),
  };
}

/** Berth's own parts, which the template does not carry, beside the imported AWS parts. */
const AWS_FIELDS = [
  'clusters',
  'taskDefinitions',
  'services',
  'loadBalancers',
  'targetGroups',
  'listeners',
  'listenerRules',
  'capacityProviders',
  'launchTemplates',
  'autoScalingGroups',
  'scalableTargets',
  'scheduledActions',
  'scalingPolicies',
  'alarms',
] as const;

function reimported(design: DesignDocument) {
  const template = JSON.parse(JSON.stringify(cloudFormationTemplate(design)));
  const read = readCloudFormationTemplate(template, { region: design.region });
  if (!read.ok) throw new Error(read.issues.map((i) => `${i.path}: ${i.message}`).join('\n'));
  const base: Props = { ...design };
  for (const field of AWS_FIELDS) delete base[field];
  // Berth's own parts stay (traffic and CodeDeploy name listeners by ARN: the export's
  // Metadata keeps them); the script may register revisions the template does not have.
  for (const field of ['script', 'workloads']) delete base[field];
  base.clusters = [];
  base.taskDefinitions = [];
  base.services = [];
  const parsed = parseDesign(mergeFragments(base, [read.fragment]).doc);
  if (!parsed.ok) throw new Error(parsed.message);
  return { design: parsed.design, warnings: read.warnings };
}

const designs = testDesigns();

describe('CloudFormation round trip', () => {
  it.each(designs)(
    '%s: importing the exported template gives back the AWS parts',
    (_name, design) => {
      const { design: back } = reimported(design);
      expect(awsParts(back)).toEqual(awsParts(design));
    },
  );

  it.each(designs)(
    '%s: warns only of the parameters the design could not fill',
    (_name, design) => {
      for (const w of reimported(design).warnings)
        expect(w.message).toMatch(
          /^parameter (Subnets|VpcId|SecurityGroups)\d* has no Default; left out$|^parameter ImageId is read from SSM Parameter Store/,
        );
    },
  );
});
