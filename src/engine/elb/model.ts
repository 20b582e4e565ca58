import {
  type Action,
  actionTargetGroups,
  type DesignDocument,
  findLoadBalancer,
  findTargetGroup,
  loadBalancerOfTargetGroup,
  type ServiceLoadBalancer,
  targetGroupAttribute,
  targetGroupHealthCheck,
} from '../../design';
import { type ArnScope, stableHex } from '../ids';

/** A target group as the engine uses it: its health check and how it lets targets go. */
export interface TargetGroupModel {
  arn: string;
  name: string;
  /** `classic` for a Classic ELB, which registers instances itself. */
  lbType: 'application' | 'network' | 'classic';
  targetType: 'instance' | 'ip';
  intervalMs: number;
  healthyThreshold: number;
  unhealthyThreshold: number;
  deregistrationDelayMs: number;
  /** `slow_start.duration_seconds`, in ms; 0 is off (§14.3). */
  slowStartMs: number;
  /** CloudWatch's LoadBalancer dimension (`app/front/50dc6c495c0c9188`), when a listener sends to it. */
  loadBalancerDimension?: string;
}

/** ELB's default deregistration delay, `deregistration_delay.timeout_seconds` (§14.3). */
export const DEREGISTRATION_DELAY_DEFAULT_S = 300;

export function targetGroupArn(scope: ArnScope, name: string): string {
  return `arn:aws:elasticloadbalancing:${scope.region}:${scope.account}:targetgroup/${name}/${stableHex(`tg/${name}`, 16)}`;
}

/** The design's target groups, and one for each Classic ELB, by the ARN services name them. */
export function compileTargetGroups(
  scope: ArnScope,
  design: DesignDocument,
): Map<string, TargetGroupModel> {
  const out = new Map<string, TargetGroupModel>();
  for (const tg of design.targetGroups ?? []) {
    const lb = loadBalancerOfTargetGroup(design, tg);
    const check = targetGroupHealthCheck(tg);
    const delay = Number(
      targetGroupAttribute(tg, 'deregistration_delay.timeout_seconds') ??
        DEREGISTRATION_DELAY_DEFAULT_S,
    );
    const arn = tg.TargetGroupArn ?? targetGroupArn(scope, tg.Name);
    const lbArn = lb
      ? (lb.LoadBalancerArn ??
        `arn:aws:elasticloadbalancing:${scope.region}:${scope.account}:loadbalancer/${lb.Type === 'network' ? 'net' : 'app'}/${lb.Name}/${stableHex(`lb/${lb.Name}`, 16)}`)
      : undefined;
    out.set(arn, {
      ...(lbArn && { loadBalancerDimension: lbArn.slice(lbArn.indexOf('loadbalancer/') + 13) }),
      arn,
      name: tg.Name,
      lbType: lb?.Type === 'network' ? 'network' : 'application',
      targetType: tg.TargetType === 'ip' ? 'ip' : 'instance',
      intervalMs: check.intervalSeconds * 1000,
      healthyThreshold: check.healthyThreshold,
      unhealthyThreshold: check.unhealthyThreshold,
      deregistrationDelayMs:
        (Number.isFinite(delay) ? delay : DEREGISTRATION_DELAY_DEFAULT_S) * 1000,
      slowStartMs:
        (Number(targetGroupAttribute(tg, 'slow_start.duration_seconds') ?? 0) || 0) * 1000,
    });
  }
  // A blue/green pair's second group has no listener of its own until the shift: it shares
  // its pair's load balancer (CloudWatch's LoadBalancer dimension).
  const arnOf = (ref: string) => {
    const tg = findTargetGroup(design, ref);
    return tg ? (tg.TargetGroupArn ?? targetGroupArn(scope, tg.Name)) : undefined;
  };
  const pairs: [string | undefined, string | undefined][] = [
    ...design.services.flatMap((s) =>
      (s.loadBalancers ?? []).flatMap((l) =>
        l.targetGroupArn && l.advancedConfiguration
          ? [
              [arnOf(l.targetGroupArn), arnOf(l.advancedConfiguration.alternateTargetGroupArn)] as [
                string | undefined,
                string | undefined,
              ],
            ]
          : [],
      ),
    ),
    ...(design.codeDeploy?.deploymentGroups ?? []).map((g) => {
      const names = g.loadBalancerInfo.targetGroupPairInfoList[0]?.targetGroups ?? [];
      return [arnOf(names[0]?.name ?? ''), arnOf(names[1]?.name ?? '')] as [
        string | undefined,
        string | undefined,
      ];
    }),
  ];
  for (const [a, b] of pairs) {
    const ma = a ? out.get(a) : undefined;
    const mb = b ? out.get(b) : undefined;
    if (!ma || !mb) continue;
    if (!mb.loadBalancerDimension && ma.loadBalancerDimension)
      mb.loadBalancerDimension = ma.loadBalancerDimension;
    if (!ma.loadBalancerDimension && mb.loadBalancerDimension)
      ma.loadBalancerDimension = mb.loadBalancerDimension;
  }
  for (const lb of design.loadBalancers ?? []) {
    if (lb.Type !== 'classic') continue;
    const hc = lb.HealthCheck;
    const key = classicKey(lb.Name);
    out.set(key, {
      arn: key,
      name: lb.Name,
      lbType: 'classic',
      targetType: 'instance',
      // The Classic ELB API's own defaults for a health check: 30 s, 10 healthy, 2 unhealthy.
      intervalMs: (hc?.Interval ?? 30) * 1000,
      healthyThreshold: hc?.HealthyThreshold ?? 10,
      unhealthyThreshold: hc?.UnhealthyThreshold ?? 2,
      // Model: connection draining on, with the ELBv2 default timeout.
      deregistrationDelayMs: DEREGISTRATION_DELAY_DEFAULT_S * 1000,
      slowStartMs: 0,
    });
  }
  return out;
}

export const classicKey = (name: string) => `classic:${name}`;

import type { ServiceTarget } from '../model/types';
import { ruleRouteKey } from './rules';

/**
 * The route a blue/green service shifts (its key in ctx.routes): the rule its
 * productionListenerRule names, or the listener it names (its default action); else the
 * listener whose default action sends to its group, else the first rule (by Priority)
 * that does.
 */
/** A rule's route key, or a listener's (its default action), for the ARN a service names. */
function namedRoute(design: DesignDocument, ref: string | undefined): string | undefined {
  if (ref === undefined) return undefined;
  const rule = design.listenerRules?.find((r) => r.RuleArn === ref);
  if (rule) return ruleRouteKey(rule);
  return design.listeners?.some((l) => l.ListenerArn === ref) ? ref : undefined;
}

function productionRoute(
  design: DesignDocument,
  ref: string | undefined,
  tg: NonNullable<DesignDocument['targetGroups']>[number],
): string | undefined {
  const named = namedRoute(design, ref);
  if (named) return named;
  const sendsToTg = (actions: readonly Action[]) =>
    actions.some((a) => actionTargetGroups(a).some((arn) => findTargetGroup(design, arn) === tg));
  const listener = design.listeners?.find((l) => sendsToTg(l.DefaultActions))?.ListenerArn;
  if (listener) return listener;
  const rule = [...(design.listenerRules ?? [])]
    .sort((a, b) => a.Priority - b.Priority)
    .find((r) => sendsToTg(r.Actions));
  return rule && ruleRouteKey(rule);
}

export function serviceTargets(
  scope: ArnScope,
  design: DesignDocument,
  entries: readonly ServiceLoadBalancer[],
): ServiceTarget[] {
  const out: ServiceTarget[] = [];
  for (const e of entries) {
    if (e.targetGroupArn !== undefined) {
      const tg = findTargetGroup(design, e.targetGroupArn);
      if (!tg) continue;
      const arn = tg.TargetGroupArn ?? targetGroupArn(scope, tg.Name);
      const target: ServiceTarget = {
        targetGroupArn: arn,
        containerName: e.containerName,
        containerPort: e.containerPort,
      };
      const alt = e.advancedConfiguration?.alternateTargetGroupArn;
      const altTg = alt === undefined ? undefined : findTargetGroup(design, alt);
      if (altTg)
        target.alternateTargetGroupArn = altTg.TargetGroupArn ?? targetGroupArn(scope, altTg.Name);
      const route = productionRoute(design, e.advancedConfiguration?.productionListenerRule, tg);
      if (route) target.listenerArn = route;
      const test = namedRoute(design, e.advancedConfiguration?.testListenerRule);
      if (test && test !== route) target.testRoute = test;
      out.push(target);
    } else if (e.loadBalancerName !== undefined) {
      const lb = findLoadBalancer(design, e.loadBalancerName);
      if (!lb) continue;
      out.push({
        targetGroupArn: classicKey(lb.Name),
        containerName: e.containerName,
        containerPort: e.containerPort,
      });
    }
  }
  return out;
}
