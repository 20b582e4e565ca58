import {
  type CreateServiceInput,
  type DesignDocument,
  findTargetGroup,
  resolveTaskDefinition,
  type ServiceLoadBalancer,
  type TargetGroup,
  taskDefinitionRevisions,
} from '../../design';
import { entryUses, loadBalancerNamed, targetGroupsOf } from './load-balancers';

/** §14.1 and §18: a service takes at most 5 target groups (ALB/NLB). */
const MAX_TARGET_GROUPS = 5;

/**
 * A wiring the edit refuses: one sentence for the person, and, where the target group
 * is the load balancer's own and no other service uses it, the TargetType that would fit.
 */
export interface WireRefusal {
  refusal: string;
  fix?: { targetGroup: string; targetType: 'ip' | 'instance' };
}

export type WireResult = { design: DesignDocument } | WireRefusal;

/** The first container with a port mapping, and the port a load balancer sends it. */
function containerTarget(
  design: DesignDocument,
  service: CreateServiceInput,
): { containerName: string; containerPort: number; networkMode: string } | undefined {
  const revision = resolveTaskDefinition(taskDefinitionRevisions(design), service.taskDefinition);
  if (!revision) return undefined;
  for (const c of revision.input.containerDefinitions) {
    const mapping = c.portMappings?.find((p) => (p.containerPort ?? p.hostPort) !== undefined);
    const containerPort = mapping?.containerPort ?? mapping?.hostPort;
    if (containerPort !== undefined)
      return {
        containerName: c.name,
        containerPort,
        networkMode: revision.input.networkMode ?? 'bridge',
      };
  }
  return undefined;
}

const usedByOthers = (design: DesignDocument, tg: TargetGroup, serviceName: string) =>
  design.services.some(
    (s) =>
      s.serviceName !== serviceName &&
      (s.loadBalancers ?? []).some(
        (e) =>
          (e.targetGroupArn !== undefined && findTargetGroup(design, e.targetGroupArn) === tg) ||
          (e.advancedConfiguration !== undefined &&
            findTargetGroup(design, e.advancedConfiguration.alternateTargetGroupArn) === tg),
      ),
  );

function withEntry(
  design: DesignDocument,
  service: CreateServiceInput,
  entry: ServiceLoadBalancer,
): DesignDocument {
  const services = design.services.map((s) =>
    s === service ? { ...s, loadBalancers: [...(s.loadBalancers ?? []), entry] } : s,
  );
  return { ...design, services };
}

/**
 * CreateService's `loadBalancers` gains an entry for the load balancer: its target group
 * (ALB, NLB) or its name (Classic ELB), and the service's first container that maps a
 * port. What ECS would refuse is refused here with the reason; with `applyFix`, a
 * mismatched TargetType of a group nobody else uses is changed to the one that fits.
 * The design gate still has the last word (the caller runs it).
 */
export function wireService(
  design: DesignDocument,
  lbName: string,
  serviceName: string,
  applyFix = false,
): WireResult {
  const lb = loadBalancerNamed(design, lbName);
  const service = design.services.find((s) => s.serviceName === serviceName);
  if (!lb || !service)
    return { refusal: `${lbName} or ${serviceName} is no longer in the design.` };
  const entries = service.loadBalancers ?? [];
  if (entries.some((e) => entryUses(design, e, lb)))
    return { refusal: `${serviceName} is already behind ${lbName}.` };
  const target = containerTarget(design, service);
  if (!target)
    return {
      refusal: `${serviceName}'s task definition has no container with a port mapping, so ${lbName} would have no port to send to.`,
    };
  const { containerName, containerPort } = target;
  const classic = entries.some((e) => e.loadBalancerName !== undefined);
  if (lb.Type === 'classic') {
    if (entries.length > 0)
      return {
        refusal: `${serviceName} already has a load balancer, and a Classic ELB must be a service's only one.`,
      };
    if (target.networkMode === 'awsvpc')
      return {
        refusal: `${serviceName} uses awsvpc, and a Classic ELB cannot send to awsvpc tasks: use an ALB or NLB.`,
      };
    return {
      design: withEntry(design, service, {
        loadBalancerName: lb.Name,
        containerName,
        containerPort,
      }),
    };
  }
  if (classic)
    return {
      refusal: `${serviceName} is behind a Classic ELB, which cannot be mixed with target groups.`,
    };
  const groups = entries.filter((e) => e.targetGroupArn !== undefined).length;
  if (groups >= MAX_TARGET_GROUPS)
    return {
      refusal: `${serviceName} already has ${MAX_TARGET_GROUPS} target groups, the most ECS allows a service.`,
    };
  const tg = targetGroupsOf(design, lb)[0];
  if (!tg) return { refusal: `${lbName} has no listener that forwards to a target group.` };
  const type = tg.TargetType ?? 'instance';
  const needed = target.networkMode === 'awsvpc' ? 'ip' : 'instance';
  let next = design;
  if (type !== needed) {
    const why =
      needed === 'ip'
        ? `${serviceName} uses awsvpc, whose tasks register by IP address, but target group ${tg.Name} has TargetType ${type}: it needs ip.`
        : `${serviceName} uses ${target.networkMode}, whose tasks register as instance and port, but target group ${tg.Name} has TargetType ${type}: it needs instance.`;
    const fixable = !usedByOthers(design, tg, serviceName);
    if (!applyFix || !fixable)
      return fixable
        ? { refusal: why, fix: { targetGroup: tg.Name, targetType: needed } }
        : { refusal: `${why} Other services use it as it is.` };
    next = {
      ...design,
      targetGroups: (design.targetGroups ?? []).map((g) =>
        g === tg ? { ...g, TargetType: needed } : g,
      ),
    };
  }
  const targetGroupArn = tg.TargetGroupArn ?? tg.Name;
  const fresh = next.services.find((s) => s.serviceName === serviceName) ?? service;
  return { design: withEntry(next, fresh, { targetGroupArn, containerName, containerPort }) };
}
