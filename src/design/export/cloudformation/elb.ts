import type { Action, LoadBalancer } from '../../elb-shapes';
import { physicalId, ref, type TemplateBuilder } from './builder';
import { only } from './ecs';
import type { LogicalIds } from './ids';

type Props = Record<string, unknown>;

export const LOAD_BALANCER_PROPERTIES = [
  'Name',
  'Type',
  'Scheme',
  'Subnets',
  'SubnetMappings',
  'SecurityGroups',
  'IpAddressType',
  'LoadBalancerAttributes',
  'Tags',
];
export const CLASSIC_LOAD_BALANCER_PROPERTIES = [
  'LoadBalancerName',
  'Listeners',
  'HealthCheck',
  'Scheme',
  'Subnets',
  'SecurityGroups',
  'AvailabilityZones',
  'Tags',
];
export const TARGET_GROUP_PROPERTIES = [
  'Name',
  'Protocol',
  'ProtocolVersion',
  'Port',
  'TargetType',
  'VpcId',
  'IpAddressType',
  'HealthCheckEnabled',
  'HealthCheckProtocol',
  'HealthCheckPort',
  'HealthCheckPath',
  'HealthCheckIntervalSeconds',
  'HealthCheckTimeoutSeconds',
  'HealthyThresholdCount',
  'UnhealthyThresholdCount',
  'Matcher',
  'TargetGroupAttributes',
  'Tags',
];
export const LISTENER_PROPERTIES = [
  'LoadBalancerArn',
  'Port',
  'Protocol',
  'DefaultActions',
  'Certificates',
  'SslPolicy',
  'AlpnPolicy',
];
export const LISTENER_RULE_PROPERTIES = ['ListenerArn', 'Priority', 'Conditions', 'Actions'];

/** An action's target groups as Refs of their resources. */
function actions(ids: LogicalIds, list: readonly Action[]): Props[] {
  return list.map((a) => {
    const out: Props = { ...a };
    const tg = a.TargetGroupArn === undefined ? undefined : ids.targetGroup(a.TargetGroupArn);
    if (tg) out.TargetGroupArn = ref(tg);
    if (a.ForwardConfig) {
      out.ForwardConfig = {
        ...a.ForwardConfig,
        TargetGroups: a.ForwardConfig.TargetGroups.map((t) => {
          const id = ids.targetGroup(t.TargetGroupArn);
          return id ? { ...t, TargetGroupArn: ref(id) } : t;
        }),
      };
    }
    return out;
  });
}

/** A Classic ELB (Type "classic"): the older resource type, its numbers as strings. */
function classic(b: TemplateBuilder, lb: LoadBalancer): Props {
  const hc = lb.HealthCheck;
  return only(
    {
      LoadBalancerName: lb.Name,
      Listeners: lb.Listeners?.map((l) => ({
        ...l,
        LoadBalancerPort: String(l.LoadBalancerPort),
        InstancePort: String(l.InstancePort),
      })),
      ...(hc
        ? {
            HealthCheck: {
              Target: hc.Target,
              Interval: String(hc.Interval),
              Timeout: String(hc.Timeout),
              HealthyThreshold: String(hc.HealthyThreshold),
              UnhealthyThreshold: String(hc.UnhealthyThreshold),
            },
          }
        : {}),
      Scheme: lb.Scheme,
      Subnets: b.subnets(lb.Subnets),
      SecurityGroups: lb.SecurityGroups,
    },
    CLASSIC_LOAD_BALANCER_PROPERTIES,
  );
}

export function writeLoadBalancing(b: TemplateBuilder, ids: LogicalIds): void {
  const d = b.design;
  for (const lb of d.loadBalancers ?? []) {
    const id = ids.of.get(lb) ?? '';
    if (lb.Type === 'classic') {
      b.add(id, { Type: 'AWS::ElasticLoadBalancing::LoadBalancer', Properties: classic(b, lb) });
      continue;
    }
    const { Attributes, Subnets, SecurityGroups, ...rest } = lb as Props;
    const props: Props = {
      ...rest,
      Subnets: b.subnets(Subnets as string[] | undefined),
      ...(Array.isArray(SecurityGroups)
        ? { SecurityGroups: b.securityGroups(SecurityGroups as string[]) }
        : {}),
      ...(Attributes === undefined ? {} : { LoadBalancerAttributes: Attributes }),
    };
    b.add(id, {
      Type: 'AWS::ElasticLoadBalancingV2::LoadBalancer',
      ...physicalId(lb.LoadBalancerArn),
      Properties: only(props, LOAD_BALANCER_PROPERTIES),
    });
  }
  for (const tg of d.targetGroups ?? []) {
    const { Attributes, VpcId, ...rest } = tg as Props;
    const needsVpc = tg.TargetType !== 'lambda';
    const props: Props = {
      ...rest,
      ...(needsVpc ? { VpcId: b.vpc(VpcId as string | undefined) } : {}),
      ...(Attributes === undefined ? {} : { TargetGroupAttributes: Attributes }),
    };
    b.add(ids.of.get(tg) ?? '', {
      Type: 'AWS::ElasticLoadBalancingV2::TargetGroup',
      ...physicalId(tg.TargetGroupArn),
      Properties: only(props, TARGET_GROUP_PROPERTIES),
    });
  }
  for (const l of d.listeners ?? []) {
    const lb = ids.loadBalancer(l.LoadBalancerArn);
    const props: Props = {
      ...l,
      LoadBalancerArn: lb ? ref(lb) : l.LoadBalancerArn,
      DefaultActions: actions(ids, l.DefaultActions),
    };
    b.add(ids.of.get(l) ?? '', {
      Type: 'AWS::ElasticLoadBalancingV2::Listener',
      ...physicalId(l.ListenerArn),
      Properties: only(props, LISTENER_PROPERTIES),
    });
  }
  for (const r of d.listenerRules ?? []) {
    const listener = ids.listener(r.ListenerArn);
    const props: Props = {
      ...r,
      ListenerArn: listener ? ref(listener) : r.ListenerArn,
      Actions: actions(ids, r.Actions),
    };
    b.add(ids.of.get(r) ?? '', {
      Type: 'AWS::ElasticLoadBalancingV2::ListenerRule',
      ...physicalId(r.RuleArn),
      Properties: only(props, LISTENER_RULE_PROPERTIES),
    });
  }
}
