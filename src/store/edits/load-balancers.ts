import {
  actionTargetGroups,
  type DesignDocument,
  findLoadBalancer,
  findTargetGroup,
  type Listener,
  type LoadBalancer,
  type ServiceLoadBalancer,
  type TargetGroup,
} from '../../design';
import { hex16, uniqueName } from './ids';
import type { Position } from './instances';

export type LoadBalancerKind = 'application' | 'network' | 'classic';

export const loadBalancerKey = (name: string) => `lb:${name}`;

/** The account Berth's made-up ARNs carry, as docs/design-format.md gives it. */
const ACCOUNT = '123456789012';

/** The names a fresh one starts from: short, valid ELB names (1-32 letters, digits, hyphens). */
const BASE_NAME: Record<LoadBalancerKind, string> = {
  application: 'alb',
  network: 'nlb',
  classic: 'elb',
};

type Lists = Pick<
  DesignDocument,
  'loadBalancers' | 'targetGroups' | 'listeners' | 'listenerRules' | 'traffic'
>;

/** The design with these lists, each left out when empty (as a design written by hand has it). */
function withLists(design: DesignDocument, lists: Partial<Lists>): DesignDocument {
  const next: DesignDocument = { ...design };
  for (const [key, value] of Object.entries(lists) as [keyof Lists, unknown[] | undefined][]) {
    if (value && value.length > 0) Object.assign(next, { [key]: value });
    else delete next[key];
  }
  return next;
}

/**
 * CreateLoadBalancer with one listener on port 80 and, for an ALB or NLB, a target
 * group it forwards to (CreateTargetGroup, TargetType `instance`, ELB's default), as
 * one drop from the palette. ARNs are made up from the design's seed and the name.
 */
export function addLoadBalancer(
  design: DesignDocument,
  kind: LoadBalancerKind,
  position?: Position,
): { design: DesignDocument; name: string } {
  const names = new Set((design.loadBalancers ?? []).map((l) => l.Name));
  const name = uniqueName(BASE_NAME[kind], names);
  const layout = position ? { ...design.layout, [loadBalancerKey(name)]: position } : design.layout;
  const arn = (resource: string) =>
    `arn:aws:elasticloadbalancing:${design.region}:${ACCOUNT}:${resource}`;
  if (kind === 'classic') {
    const lb: LoadBalancer = {
      Name: name,
      Type: 'classic',
      Scheme: 'internet-facing',
      Listeners: [
        { Protocol: 'HTTP', LoadBalancerPort: 80, InstanceProtocol: 'HTTP', InstancePort: 80 },
      ],
    };
    const next = withLists(design, { loadBalancers: [...(design.loadBalancers ?? []), lb] });
    return { design: { ...next, layout }, name };
  }
  const groupNames = new Set((design.targetGroups ?? []).map((g) => g.Name));
  const groupName = uniqueName(`${name}-targets`, groupNames);
  const short = kind === 'application' ? 'app' : 'net';
  const lbHex = hex16(`${design.seed}:lb:${name}`);
  const LoadBalancerArn = arn(`loadbalancer/${short}/${name}/${lbHex}`);
  const TargetGroupArn = arn(`targetgroup/${groupName}/${hex16(`${design.seed}:tg:${groupName}`)}`);
  const protocol = kind === 'application' ? 'HTTP' : 'TCP';
  const lb: LoadBalancer = { Name: name, Type: kind, Scheme: 'internet-facing', LoadBalancerArn };
  const group: TargetGroup = {
    Name: groupName,
    Protocol: protocol,
    Port: 80,
    TargetType: 'instance',
    ...(kind === 'application' ? { HealthCheckPath: '/' } : {}),
    TargetGroupArn,
  };
  const listener: Listener = {
    LoadBalancerArn,
    Protocol: protocol,
    Port: 80,
    DefaultActions: [{ Type: 'forward', TargetGroupArn }],
    ListenerArn: arn(`listener/${short}/${name}/${lbHex}/${hex16(`${design.seed}:l:${name}:80`)}`),
  };
  const next = withLists(design, {
    loadBalancers: [...(design.loadBalancers ?? []), lb],
    targetGroups: [...(design.targetGroups ?? []), group],
    listeners: [...(design.listeners ?? []), listener],
  });
  return { design: { ...next, layout }, name };
}

export function loadBalancerNamed(design: DesignDocument, name: string): LoadBalancer | undefined {
  return (design.loadBalancers ?? []).find((l) => l.Name === name);
}

/** The ELBv2 listeners on this load balancer (a Classic ELB keeps its own `Listeners`). */
export function listenersOf(design: DesignDocument, lb: LoadBalancer): Listener[] {
  return (design.listeners ?? []).filter((l) => findLoadBalancer(design, l.LoadBalancerArn) === lb);
}

/** The target groups its listeners forward to, by default action or rule, each once. */
export function targetGroupsOf(design: DesignDocument, lb: LoadBalancer): TargetGroup[] {
  const arns = new Set(listenersOf(design, lb).flatMap((l) => l.ListenerArn ?? []));
  const actions = [
    ...listenersOf(design, lb).flatMap((l) => l.DefaultActions),
    ...(design.listenerRules ?? [])
      .filter((r) => arns.has(r.ListenerArn))
      .flatMap((r) => r.Actions),
  ];
  const groups: TargetGroup[] = [];
  for (const ref of actions.flatMap(actionTargetGroups)) {
    const tg = findTargetGroup(design, ref);
    if (tg && !groups.includes(tg)) groups.push(tg);
  }
  return groups;
}

/** Whether a service's entry sends through this load balancer (its group, alternate, or ELB). */
export function entryUses(
  design: DesignDocument,
  entry: ServiceLoadBalancer,
  lb: LoadBalancer,
  groups: readonly TargetGroup[] = targetGroupsOf(design, lb),
): boolean {
  if (entry.loadBalancerName !== undefined)
    return findLoadBalancer(design, entry.loadBalancerName) === lb;
  const refs = [entry.targetGroupArn, entry.advancedConfiguration?.alternateTargetGroupArn];
  return refs.some((ref) => {
    const tg = ref === undefined ? undefined : findTargetGroup(design, ref);
    return tg !== undefined && groups.includes(tg);
  });
}

/** The service's entries without those through `lb`; the field goes when none is left. */
function dropEntries(
  design: DesignDocument,
  lb: LoadBalancer,
  groups: readonly TargetGroup[],
  keep: (serviceName: string) => boolean,
): DesignDocument['services'] {
  return design.services.map((s) => {
    if (keep(s.serviceName) || !s.loadBalancers) return s;
    const left = s.loadBalancers.filter((e) => !entryUses(design, e, lb, groups));
    if (left.length === s.loadBalancers.length) return s;
    const { loadBalancers: _old, ...rest } = s;
    return left.length > 0 ? { ...rest, loadBalancers: left } : rest;
  });
}

/** Take the service off the load balancer: its loadBalancers entries through it go. */
export function unwireService(
  design: DesignDocument,
  lbName: string,
  serviceName: string,
): DesignDocument {
  const lb = loadBalancerNamed(design, lbName);
  if (!lb) return design;
  const services = dropEntries(design, lb, targetGroupsOf(design, lb), (n) => n !== serviceName);
  return { ...design, services };
}

/**
 * The load balancer with its listeners, their rules and traffic, the target groups only
 * they reach, and every service entry that named one of those (or the Classic ELB).
 */
export function removeLoadBalancer(design: DesignDocument, name: string): DesignDocument {
  const lb = loadBalancerNamed(design, name);
  if (!lb) return design;
  const gone = listenersOf(design, lb);
  const goneArns = new Set(gone.flatMap((l) => l.ListenerArn ?? []));
  const listeners = (design.listeners ?? []).filter((l) => !gone.includes(l));
  const listenerRules = (design.listenerRules ?? []).filter((r) => !goneArns.has(r.ListenerArn));
  const remaining: DesignDocument = { ...design, listeners, listenerRules };
  // A group another load balancer still forwards to stays, with its services.
  const stillReached = new Set(
    (design.loadBalancers ?? [])
      .filter((l) => l !== lb)
      .flatMap((l) => targetGroupsOf(remaining, l)),
  );
  const groups = targetGroupsOf(design, lb).filter((g) => !stillReached.has(g));
  const services = dropEntries(design, lb, groups, () => false);
  const { [loadBalancerKey(name)]: _dropped, ...layout } = design.layout;
  const next = withLists(design, {
    loadBalancers: (design.loadBalancers ?? []).filter((l) => l !== lb),
    targetGroups: (design.targetGroups ?? []).filter((g) => !groups.includes(g)),
    listeners,
    listenerRules,
    traffic: (design.traffic ?? []).filter((t) => !goneArns.has(t.listenerArn)),
  });
  return { ...next, services, layout };
}

/** The port of the load balancer's i-th listener (a Classic ELB's LoadBalancerPort). */
export function setListenerPort(
  design: DesignDocument,
  lbName: string,
  index: number,
  port: number,
): { design: DesignDocument } | { refusal: string } {
  const lb = loadBalancerNamed(design, lbName);
  if (!lb) return { design };
  const ports =
    lb.Type === 'classic'
      ? (lb.Listeners ?? []).map((l) => l.LoadBalancerPort)
      : listenersOf(design, lb).map((l) => l.Port);
  // ELB answers DuplicateListener: one listener per port on a load balancer.
  if (ports.some((p, i) => p === port && i !== index))
    return { refusal: `${lbName} already has a listener on port ${port}.` };
  if (lb.Type === 'classic') {
    const Listeners = (lb.Listeners ?? []).map((l, i) =>
      i === index ? { ...l, LoadBalancerPort: port } : l,
    );
    const loadBalancers = (design.loadBalancers ?? []).map((l) =>
      l === lb ? { ...l, Listeners } : l,
    );
    return { design: { ...design, loadBalancers } };
  }
  const target = listenersOf(design, lb)[index];
  const listeners = (design.listeners ?? []).map((l) => (l === target ? { ...l, Port: port } : l));
  return { design: { ...design, listeners } };
}

/** ModifyTargetGroupAttributes for one key: the value replaces the old one, or joins. */
export function setTargetGroupAttribute(
  design: DesignDocument,
  groupName: string,
  key: string,
  value: string,
): DesignDocument {
  const targetGroups = (design.targetGroups ?? []).map((g) => {
    if (g.Name !== groupName) return g;
    const others = (g.Attributes ?? []).filter((a) => a.Key !== key);
    const had = (g.Attributes ?? []).findIndex((a) => a.Key === key);
    const Attributes = [...others];
    Attributes.splice(had < 0 ? others.length : had, 0, { Key: key, Value: value });
    return { ...g, Attributes };
  });
  return { ...design, targetGroups };
}
