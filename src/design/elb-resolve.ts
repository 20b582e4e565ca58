import type { ContainerDefinition } from './aws-shapes';
import type { DesignDocument } from './document';
import type { Action, LoadBalancer, TargetGroup } from './elb-shapes';

/**
 * References between load balancing resources: an ARN as AWS gives it, or (Berth's
 * shorthand for designs written by hand) the resource's Name. An ARN names a resource
 * by the name inside it (`targetgroup/web/73e2d6bc24d8a067`) when the design gives none.
 */
function nameInArn(arn: string, kind: 'targetgroup' | 'loadbalancer'): string | undefined {
  const m =
    kind === 'targetgroup'
      ? /:targetgroup\/([^/]+)\//.exec(arn)
      : /:loadbalancer\/(?:app\/|net\/)?([^/]+)/.exec(arn);
  return m?.[1];
}

export function findTargetGroup(
  design: Pick<DesignDocument, 'targetGroups'>,
  ref: string,
): TargetGroup | undefined {
  const groups = design.targetGroups ?? [];
  return (
    groups.find((g) => g.TargetGroupArn === ref) ??
    groups.find((g) => g.Name === ref) ??
    groups.find((g) => g.TargetGroupArn === undefined && g.Name === nameInArn(ref, 'targetgroup'))
  );
}

export function findLoadBalancer(
  design: Pick<DesignDocument, 'loadBalancers'>,
  ref: string,
): LoadBalancer | undefined {
  const lbs = design.loadBalancers ?? [];
  return (
    lbs.find((l) => l.LoadBalancerArn === ref) ??
    lbs.find((l) => l.Name === ref) ??
    lbs.find((l) => l.LoadBalancerArn === undefined && l.Name === nameInArn(ref, 'loadbalancer'))
  );
}

/** Target group health check settings with ECS's documented defaults (ecs-behavior §14.2). */
export function targetGroupHealthCheck(tg: TargetGroup): {
  intervalSeconds: number;
  healthyThreshold: number;
  unhealthyThreshold: number;
} {
  return {
    intervalSeconds: tg.HealthCheckIntervalSeconds ?? 30,
    healthyThreshold: tg.HealthyThresholdCount ?? 5,
    unhealthyThreshold: tg.UnhealthyThresholdCount ?? 2,
  };
}

/** A target group attribute's value, e.g. `deregistration_delay.timeout_seconds`. */
export function targetGroupAttribute(tg: TargetGroup, key: string): string | undefined {
  return tg.Attributes?.find((a) => a.Key === key)?.Value;
}

/** The target groups an action sends to. */
export function actionTargetGroups(action: Action): string[] {
  return [
    ...(action.TargetGroupArn ? [action.TargetGroupArn] : []),
    ...(action.ForwardConfig?.TargetGroups.map((t) => t.TargetGroupArn) ?? []),
  ];
}

/** The load balancer whose listeners forward to this target group, if any. */
export function loadBalancerOfTargetGroup(
  design: Pick<DesignDocument, 'listeners' | 'listenerRules' | 'loadBalancers' | 'targetGroups'>,
  tg: TargetGroup,
): LoadBalancer | undefined {
  const targets = (actions: readonly Action[]) => actions.flatMap(actionTargetGroups);
  for (const listener of design.listeners ?? []) {
    const refs = [
      ...targets(listener.DefaultActions),
      ...(design.listenerRules ?? [])
        .filter((r) => r.ListenerArn === listener.ListenerArn)
        .flatMap((r) => targets(r.Actions)),
    ];
    if (refs.some((ref) => findTargetGroup(design, ref) === tg))
      return findLoadBalancer(design, listener.LoadBalancerArn);
  }
  return undefined;
}

export function containerNamed(
  containers: readonly ContainerDefinition[],
  name: string,
): ContainerDefinition | undefined {
  return containers.find((c) => c.name === name);
}
