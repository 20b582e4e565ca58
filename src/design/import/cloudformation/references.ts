import {
  hexOf,
  listenerArn,
  listenerRuleArn,
  loadBalancerArn,
  loadBalancerPart,
  type Pseudo,
  scalingPolicyArn,
  targetGroupArn,
} from './ids';
import { evaluate, type IntrinsicContext, NO_VALUE, type Resolution } from './intrinsics';
import type { Template, TemplateResource } from './template';

const ok = (value: unknown): Resolution => ({ ok: true, value });
const fail = (why: string): Resolution => ({ ok: false, why });

/** The property that names each resource type, where its template may give the name. */
const NAME_PROPERTY: Record<string, string> = {
  'AWS::ECS::Cluster': 'ClusterName',
  'AWS::ECS::TaskDefinition': 'Family',
  'AWS::ECS::Service': 'ServiceName',
  'AWS::ECS::CapacityProvider': 'Name',
  'AWS::ElasticLoadBalancingV2::LoadBalancer': 'Name',
  'AWS::ElasticLoadBalancing::LoadBalancer': 'LoadBalancerName',
  'AWS::ElasticLoadBalancingV2::TargetGroup': 'Name',
  'AWS::AutoScaling::AutoScalingGroup': 'AutoScalingGroupName',
  'AWS::EC2::LaunchTemplate': 'LaunchTemplateName',
  'AWS::CloudWatch::Alarm': 'AlarmName',
  'AWS::ApplicationAutoScaling::ScalingPolicy': 'PolicyName',
  'AWS::IAM::Role': 'RoleName',
  'AWS::IAM::InstanceProfile': 'InstanceProfileName',
  'AWS::Logs::LogGroup': 'LogGroupName',
};

/** The resource types Berth reads into a design. */
export const MODELLED_TYPES: ReadonlySet<string> = new Set([
  'AWS::ECS::Cluster',
  'AWS::ECS::TaskDefinition',
  'AWS::ECS::Service',
  'AWS::ECS::CapacityProvider',
  'AWS::ECS::ClusterCapacityProviderAssociations',
  'AWS::ElasticLoadBalancingV2::LoadBalancer',
  'AWS::ElasticLoadBalancing::LoadBalancer',
  'AWS::ElasticLoadBalancingV2::TargetGroup',
  'AWS::ElasticLoadBalancingV2::Listener',
  'AWS::ElasticLoadBalancingV2::ListenerRule',
  'AWS::ApplicationAutoScaling::ScalableTarget',
  'AWS::ApplicationAutoScaling::ScalingPolicy',
  'AWS::AutoScaling::AutoScalingGroup',
  'AWS::EC2::LaunchTemplate',
  'AWS::CloudWatch::Alarm',
]);

/**
 * The name CloudFormation would make up for a resource its template does not name.
 * Model: the logical id (CloudFormation adds the stack name and a random suffix), cut to
 * the type's length; the stack name before it where the id alone breaks a naming rule.
 */
function madeUpName(type: string, logicalId: string, stackName: string): string {
  if (type.startsWith('AWS::ElasticLoadBalancing')) return logicalId.slice(0, 32);
  if (type === 'AWS::ECS::CapacityProvider' && /^(aws|ecs|fargate)/i.test(logicalId))
    return `${stackName}-${logicalId}`;
  if (type === 'AWS::EC2::LaunchTemplate' && logicalId.length < 3)
    return `${stackName}-${logicalId}`;
  return logicalId;
}

export interface TemplateContext extends IntrinsicContext {
  /** The resource's name: its own name property, else the made-up one. */
  nameOf(resource: TemplateResource): string;
  /** Logical ids of resources Berth does not model whose Ref or name stood in for their ids. */
  standIns: Set<string>;
  pseudo: Pseudo;
}

const text = (v: unknown) =>
  typeof v === 'string' ? v : typeof v === 'number' ? String(v) : undefined;

export function contextOf(template: Template, pseudo: Pseudo): TemplateContext {
  const byId = new Map(template.resources.map((r) => [r.logicalId, r] as const));
  const busy = new Set<string>();
  const standIns = new Set<string>();

  const guarded = (key: string, f: () => Resolution): Resolution => {
    if (busy.has(key)) return fail(`${key} refers to itself`);
    busy.add(key);
    try {
      return f();
    } finally {
      busy.delete(key);
    }
  };

  const prop = (r: TemplateResource, name: string): string | undefined => {
    const v = r.properties[name];
    if (v === undefined) return undefined;
    const e = guarded(`${r.logicalId}.${name}`, () => evaluate(v, ctx));
    return e.ok ? text(e.value) : undefined;
  };

  const nameOf = (r: TemplateResource): string => {
    const property = NAME_PROPERTY[r.type];
    const own = property === undefined ? undefined : prop(r, property);
    return own ?? madeUpName(r.type, r.logicalId, pseudo.stackName);
  };

  const clusterOf = (r: TemplateResource) => {
    const c = prop(r, 'Cluster') ?? 'default';
    return c.includes(':cluster/') ? c.slice(c.indexOf(':cluster/') + 9) : c;
  };

  const scalableTargetKey = (r: TemplateResource) =>
    `${prop(r, 'ResourceId') ?? ''}|${prop(r, 'ScalableDimension') ?? ''}|${prop(r, 'ServiceNamespace') ?? ''}`;

  /** A scaling policy's ResourceId: its own, or its scalable target's. */
  const policyResourceId = (r: TemplateResource) =>
    prop(r, 'ResourceId') ?? (prop(r, 'ScalingTargetId') ?? '').split('|')[0] ?? '';

  /** Types whose Ref is an ARN or id AWS assigns, which a Berth export keeps in Metadata. */
  const ASSIGNED = new Set([
    'AWS::ElasticLoadBalancingV2::LoadBalancer',
    'AWS::ElasticLoadBalancingV2::TargetGroup',
    'AWS::ElasticLoadBalancingV2::Listener',
    'AWS::ElasticLoadBalancingV2::ListenerRule',
    'AWS::EC2::LaunchTemplate',
  ]);

  function refOf(r: TemplateResource): Resolution {
    const name = nameOf(r);
    if (r.physicalId !== undefined && ASSIGNED.has(r.type)) return ok(r.physicalId);
    switch (r.type) {
      case 'AWS::ECS::Service':
        return ok(
          `arn:aws:ecs:${pseudo.region}:${pseudo.accountId}:service/${clusterOf(r)}/${name}`,
        );
      case 'AWS::ElasticLoadBalancingV2::LoadBalancer':
        return ok(loadBalancerArn(pseudo, name, prop(r, 'Type'), r.logicalId));
      case 'AWS::ElasticLoadBalancingV2::TargetGroup':
        return ok(targetGroupArn(pseudo, name, r.logicalId));
      case 'AWS::ElasticLoadBalancingV2::Listener':
        return ok(listenerArn(pseudo, prop(r, 'LoadBalancerArn') ?? '', r.logicalId));
      case 'AWS::ElasticLoadBalancingV2::ListenerRule':
        return ok(listenerRuleArn(pseudo, prop(r, 'ListenerArn') ?? '', r.logicalId));
      case 'AWS::ApplicationAutoScaling::ScalableTarget':
        // What CloudFormation's Ref gives: resource id, dimension and namespace.
        return ok(scalableTargetKey(r));
      case 'AWS::ApplicationAutoScaling::ScalingPolicy':
        return ok(scalingPolicyArn(pseudo, policyResourceId(r), name));
      case 'AWS::EC2::LaunchTemplate':
        return ok(`lt-${hexOf(r.logicalId, 17)}`);
      case 'AWS::ECS::ClusterCapacityProviderAssociations':
        return ok(clusterOf(r));
      case 'AWS::ECS::TaskDefinition': {
        // Model: the family, so a service runs the latest revision, also when the template
        // joins a design that has the family already; a template registering the family
        // more than once names the earlier ones by revision, in the template's order.
        const same = template.resources.filter((x) => x.type === r.type && nameOf(x) === name);
        const at = same.indexOf(r);
        return ok(at === same.length - 1 ? name : `${name}:${at + 1}`);
      }
      default:
        if (!MODELLED_TYPES.has(r.type)) standIns.add(r.logicalId);
        // The cluster, capacity provider, Auto Scaling group or alarm name.
        return ok(name);
    }
  }

  function getAttOf(r: TemplateResource, attr: string): Resolution {
    const name = nameOf(r);
    const { region, accountId } = pseudo;
    const key = `${r.type}.${attr}`;
    switch (key) {
      case 'AWS::ECS::Cluster.Arn':
        return ok(`arn:aws:ecs:${region}:${accountId}:cluster/${name}`);
      case 'AWS::ECS::Service.Name':
      case 'AWS::ElasticLoadBalancingV2::LoadBalancer.LoadBalancerName':
      case 'AWS::ElasticLoadBalancingV2::TargetGroup.TargetGroupName':
      case 'AWS::ECS::CapacityProvider.Id':
        return ok(name);
      case 'AWS::ECS::TaskDefinition.TaskDefinitionArn':
      case 'AWS::ECS::Service.ServiceArn':
      case 'AWS::ElasticLoadBalancingV2::LoadBalancer.LoadBalancerArn':
      case 'AWS::ElasticLoadBalancingV2::TargetGroup.TargetGroupArn':
      case 'AWS::ElasticLoadBalancingV2::Listener.ListenerArn':
      case 'AWS::ElasticLoadBalancingV2::ListenerRule.RuleArn':
      case 'AWS::ApplicationAutoScaling::ScalingPolicy.Arn':
      case 'AWS::EC2::LaunchTemplate.LaunchTemplateId':
        return refOf(r);
      case 'AWS::ElasticLoadBalancingV2::LoadBalancer.LoadBalancerFullName': {
        const arn = refOf(r);
        return arn.ok ? ok(loadBalancerPart(String(arn.value))) : arn;
      }
      case 'AWS::ElasticLoadBalancingV2::LoadBalancer.DNSName':
        return ok(`${name}-${hexOf(r.logicalId, 8)}.${region}.elb.amazonaws.com`);
      case 'AWS::ElasticLoadBalancingV2::TargetGroup.TargetGroupFullName':
        return ok(`targetgroup/${name}/${hexOf(r.logicalId, 16)}`);
      case 'AWS::EC2::LaunchTemplate.LatestVersionNumber':
      case 'AWS::EC2::LaunchTemplate.DefaultVersionNumber':
        // Model: Berth keeps one version of each launch template.
        return ok('1');
      case 'AWS::CloudWatch::Alarm.Arn':
        return ok(`arn:aws:cloudwatch:${region}:${accountId}:alarm:${name}`);
      case 'AWS::IAM::Role.Arn':
        standIns.add(r.logicalId);
        return ok(`arn:aws:iam::${accountId}:role/${name}`);
      case 'AWS::IAM::InstanceProfile.Arn':
        standIns.add(r.logicalId);
        return ok(`arn:aws:iam::${accountId}:instance-profile/${name}`);
      case 'AWS::Logs::LogGroup.Arn':
        standIns.add(r.logicalId);
        return ok(`arn:aws:logs:${region}:${accountId}:log-group:${name}:*`);
      default:
        return fail(
          MODELLED_TYPES.has(r.type)
            ? `Fn::GetAtt ${r.logicalId}.${attr} is not known to Berth`
            : `Fn::GetAtt ${r.logicalId}.${attr}: Berth does not model ${r.type}`,
        );
    }
  }

  function parameter(name: string, p: Record<string, unknown>): Resolution {
    const type = typeof p.Type === 'string' ? p.Type : 'String';
    if (type.startsWith('AWS::SSM::Parameter::Value'))
      return fail(`parameter ${name} is read from SSM Parameter Store when the stack is made`);
    if (p.Default === undefined) return fail(`parameter ${name} has no Default`);
    if (type.startsWith('List<') || type === 'CommaDelimitedList') {
      const d = p.Default;
      return ok(
        Array.isArray(d)
          ? d
          : String(d)
              .split(',')
              .map((s) => s.trim()),
      );
    }
    return ok(p.Default);
  }

  const PSEUDO: Record<string, () => unknown> = {
    'AWS::Region': () => pseudo.region,
    'AWS::AccountId': () => pseudo.accountId,
    'AWS::StackName': () => pseudo.stackName,
    'AWS::StackId': () =>
      `arn:aws:cloudformation:${pseudo.region}:${pseudo.accountId}:stack/${pseudo.stackName}/${hexOf(pseudo.stackName, 8)}-0000-0000-0000-000000000000`,
    'AWS::Partition': () => 'aws',
    'AWS::URLSuffix': () => 'amazonaws.com',
    'AWS::NoValue': () => NO_VALUE,
    'AWS::NotificationARNs': () => [],
  };

  const ctx: TemplateContext = {
    region: pseudo.region,
    pseudo,
    standIns,
    nameOf,
    ref(name) {
      const pseudoValue = PSEUDO[name];
      if (pseudoValue) return ok(pseudoValue());
      const p = template.parameters[name];
      if (p) return parameter(name, p);
      const r = byId.get(name);
      if (r) return guarded(`Ref ${name}`, () => refOf(r));
      return fail(`Ref ${name} names no parameter or resource of this template`);
    },
    getAtt(logicalId, attribute) {
      const r = byId.get(logicalId);
      if (!r) return fail(`Fn::GetAtt ${logicalId} names no resource of this template`);
      return guarded(`GetAtt ${logicalId}`, () => getAttOf(r, attribute));
    },
    condition(name) {
      if (!Object.hasOwn(template.conditions, name))
        return fail(`condition ${name} is not in Conditions`);
      return guarded(`Condition ${name}`, () => {
        const r = evaluate(template.conditions[name], ctx);
        if (!r.ok) return fail(`condition ${name}: ${r.why}`);
        return typeof r.value === 'boolean' ? r : fail(`condition ${name} is not true or false`);
      });
    },
    mapping(map, topKey, secondKey) {
      const m = template.mappings[map];
      const top =
        typeof m === 'object' && m !== null ? (m as Record<string, unknown>)[topKey] : undefined;
      const v =
        typeof top === 'object' && top !== null
          ? (top as Record<string, unknown>)[secondKey]
          : undefined;
      return v === undefined
        ? fail(`Mappings.${map}.${topKey}.${secondKey} is not in the template`)
        : ok(v);
    },
  };
  return ctx;
}
