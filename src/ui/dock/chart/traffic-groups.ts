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
 * Each listener with the target groups its default actions and its rules forward to. A
 * blue/green service's two groups sit in the one listener that shifts between them, so its
 * split reads 10% and then 100% as a canary goes.
 */
export function listenerGroups(
  design: Pick<DesignDocument, 'listeners' | 'listenerRules' | 'loadBalancers' | 'targetGroups'>,
): ListenerGroups[] {
  const groups = design.targetGroups ?? [];
  const nameOf = new Map(
    groups.flatMap((g) => (g.TargetGroupArn ? [[g.TargetGroupArn, g.Name]] : [])),
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
    const names = new Set([...arns].flatMap((arn) => nameOf.get(arn) ?? []));
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
