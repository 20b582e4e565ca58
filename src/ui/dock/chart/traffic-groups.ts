import type { Action, DesignDocument } from '../../../design';

/** A listener and the target groups its actions forward to: the groups whose shares add to 100%. */
export interface ListenerGroups {
  /** The listener's ARN, or `#<index>` when the design gives none. */
  id: string;
  /** `front HTTP:80`: the load balancer's name, the protocol and the port. */
  label: string;
  /** Target group names, in the design's `targetGroups` order. */
  targetGroups: string[];
}

function forwardedArns(actions: readonly Action[]): string[] {
  return actions.flatMap((a) =>
    a.Type !== 'forward'
      ? []
      : [
          ...(a.TargetGroupArn ? [a.TargetGroupArn] : []),
          ...(a.ForwardConfig?.TargetGroups ?? []).map((t) => t.TargetGroupArn),
        ],
  );
}

/**
 * The target groups a CodeDeploy deployment group shifts this listener's production
 * traffic between: before its first deployment the listener forwards to blue alone, so
 * its actions do not name green.
 */
function codeDeployGroups(
  design: Pick<DesignDocument, 'codeDeploy'>,
  listenerArn: string | undefined,
): string[] {
  if (listenerArn === undefined) return [];
  return (design.codeDeploy?.deploymentGroups ?? []).flatMap((g) =>
    (g.loadBalancerInfo?.targetGroupPairInfoList ?? []).flatMap((pair) =>
      pair.prodTrafficRoute?.listenerArns?.includes(listenerArn)
        ? (pair.targetGroups ?? []).flatMap((t) => (t.name ? [t.name] : []))
        : [],
    ),
  );
}

/**
 * Each listener with the target groups its default actions and its rules forward to. A
 * blue/green service's two groups sit in the one listener that shifts between them, so its
 * split reads 10% and then 100% as a canary goes.
 */
export function listenerGroups(
  design: Pick<
    DesignDocument,
    'listeners' | 'listenerRules' | 'loadBalancers' | 'targetGroups' | 'codeDeploy'
  >,
): ListenerGroups[] {
  const groups = design.targetGroups ?? [];
  // A reference is the ARN or, in Berth's shorthand, the Name.
  const nameOf = new Map(
    groups.flatMap((g) => [
      [g.Name, g.Name] as const,
      ...(g.TargetGroupArn ? [[g.TargetGroupArn, g.Name] as const] : []),
    ]),
  );
  return (design.listeners ?? []).map((listener, i) => {
    const id = listener.ListenerArn ?? `#${i}`;
    const rules = (design.listenerRules ?? []).filter(
      (r) => r.ListenerArn === listener.ListenerArn,
    );
    const arns = new Set([
      ...forwardedArns(listener.DefaultActions),
      ...rules.flatMap((r) => forwardedArns(r.Actions)),
    ]);
    const names = new Set([
      ...[...arns].flatMap((arn) => nameOf.get(arn) ?? []),
      ...codeDeployGroups(design, listener.ListenerArn),
    ]);
    const lb = (design.loadBalancers ?? []).find(
      (l) => l.LoadBalancerArn === listener.LoadBalancerArn,
    );
    const where = `${listener.Protocol ?? 'HTTP'}:${listener.Port}`;
    return {
      id,
      label: lb ? `${lb.Name} ${where}` : where,
      targetGroups: groups.filter((g) => names.has(g.Name)).map((g) => g.Name),
    };
  });
}
