import { Listener, ListenerRule, LoadBalancer, TargetGroup } from '../../elb-shapes';
import { checkTargetGroup } from '../../target-group-rules';
import { coerceTypes } from './coerce';
import type { Sink } from './sink';
import type { TemplateResource } from './template';

type Props = Record<string, unknown>;

/**
 * Elastic Load Balancing: CloudFormation spells it as the API does (PascalCase). The
 * differences: attributes (`LoadBalancerAttributes`, `TargetGroupAttributes`) are the
 * design's `Attributes`, as ModifyLoadBalancerAttributes and ModifyTargetGroupAttributes
 * take them; a target group's `Targets` are for ECS to register, not the template.
 */
const elbInput = (props: Props): Props => coerceTypes(props) as Props;

function ref(sink: Sink, r: TemplateResource): string {
  const v = sink.ctx.ref(r.logicalId);
  return v.ok ? String(v.value) : r.logicalId;
}

export function readLoadBalancer(r: TemplateResource, props: Props, at: string, sink: Sink): void {
  const { LoadBalancerAttributes, ...rest } = elbInput(props);
  const lb: Props = {
    Name: sink.ctx.nameOf(r),
    ...rest,
    ...(LoadBalancerAttributes === undefined ? {} : { Attributes: LoadBalancerAttributes }),
    LoadBalancerArn: ref(sink, r),
  };
  lb.Name = sink.ctx.nameOf(r);
  sink.add('loadBalancers', lb, at, LoadBalancer, 'pascal');
}

export function readTargetGroup(r: TemplateResource, props: Props, at: string, sink: Sink): void {
  const { TargetGroupAttributes, Targets, ...rest } = elbInput(props);
  if (Targets !== undefined)
    sink.warn(`${at}.Targets`, "ECS registers a service's tasks itself: left out");
  const tg: Props = {
    Name: sink.ctx.nameOf(r),
    ...rest,
    ...(TargetGroupAttributes === undefined ? {} : { Attributes: TargetGroupAttributes }),
    TargetGroupArn: ref(sink, r),
  };
  tg.Name = sink.ctx.nameOf(r);
  sink.add('targetGroups', tg, at, TargetGroup, 'pascal');
  const parsed = TargetGroup.safeParse(tg);
  if (parsed.success) sink.refuse(checkTargetGroup(parsed.data, ''), at, 'pascal');
}

export function readListener(r: TemplateResource, props: Props, at: string, sink: Sink): void {
  const listener: Props = { ...elbInput(props), ListenerArn: ref(sink, r) };
  if (listener.LoadBalancerArn === undefined && r.properties.LoadBalancerArn !== undefined) {
    sink.warn(at, 'its load balancer is not in this template: the listener is left out');
    return;
  }
  sink.add('listeners', listener, at, Listener, 'pascal');
}

export function readListenerRule(r: TemplateResource, props: Props, at: string, sink: Sink): void {
  const rule: Props = { ...elbInput(props), RuleArn: ref(sink, r) };
  if (rule.ListenerArn === undefined && r.properties.ListenerArn !== undefined) {
    sink.warn(at, 'its listener is not in this template: the rule is left out');
    return;
  }
  sink.add('listenerRules', rule, at, ListenerRule, 'pascal');
}

const numbers = (o: unknown, keys: readonly string[]): Props | undefined => {
  if (typeof o !== 'object' || o === null || Array.isArray(o)) return undefined;
  const out: Props = { ...(o as Props) };
  for (const k of keys)
    if (typeof out[k] === 'string' && /^\d+$/.test(out[k] as string)) out[k] = Number(out[k]);
  return out;
};

/** A Classic ELB (AWS::ElasticLoadBalancing::LoadBalancer): the design's `Type: "classic"`, its ports and health check numbers. */
export function readClassicLoadBalancer(
  r: TemplateResource,
  props: Props,
  at: string,
  sink: Sink,
): void {
  const { LoadBalancerName: _name, Listeners, HealthCheck, ...rest } = elbInput(props);
  const lb: Props = {
    Name: sink.ctx.nameOf(r),
    Type: 'classic',
    ...rest,
    ...(Array.isArray(Listeners)
      ? { Listeners: Listeners.map((l) => numbers(l, ['LoadBalancerPort', 'InstancePort'])) }
      : {}),
    ...(HealthCheck === undefined
      ? {}
      : {
          HealthCheck: numbers(HealthCheck, [
            'Interval',
            'Timeout',
            'HealthyThreshold',
            'UnhealthyThreshold',
          ]),
        }),
  };
  sink.add('loadBalancers', lb, at, LoadBalancer, 'pascal');
}
