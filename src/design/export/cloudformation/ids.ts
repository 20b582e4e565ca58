import type { PutScalingPolicyInput } from '../../autoscaling-shapes';
import type { LaunchTemplate } from '../../capacity-shapes';
import type { DesignDocument } from '../../document';
import { findLoadBalancer, findTargetGroup } from '../../elb-resolve';
import type { Listener, ListenerRule, LoadBalancer, TargetGroup } from '../../elb-shapes';
import { clusterNameOf, resolveTaskDefinition, taskDefinitionRevisions } from '../../resolve';
import type { TemplateBuilder } from './builder';

/** The name of an Auto Scaling group in its ARN (`...:autoScalingGroupName/nodes`), or the name itself. */
export const groupNameOf = (ref: string) => {
  const at = ref.indexOf(':autoScalingGroupName/');
  return at < 0 ? ref : ref.slice(at + ':autoScalingGroupName/'.length);
};

/**
 * Every resource's logical id, given before any resource is written, so a reference
 * finds its target whatever order the template is written in.
 */
export interface LogicalIds {
  cluster(ref: string | undefined): string | undefined;
  /** The task definition resource a service's `taskDefinition` resolves to. */
  taskDefinition(ref: string): string | undefined;
  taskDefinitions: string[];
  service(name: string): string | undefined;
  capacityProvider(name: string): string | undefined;
  autoScalingGroup(ref: string): string | undefined;
  launchTemplate(spec: {
    LaunchTemplateName?: string | undefined;
    LaunchTemplateId?: string | undefined;
  }): string | undefined;
  loadBalancer(ref: string): string | undefined;
  targetGroup(ref: string): string | undefined;
  listener(arn: string): string | undefined;
  rule(arn: string): string | undefined;
  alarm(name: string): string | undefined;
  scalableTarget(resourceId: string): string | undefined;
  policy(p: PutScalingPolicyInput): string;
  associations(cluster: string): string | undefined;
  /** Own objects to ids, for the writers. */
  of: Map<object, string>;
}

export function allocateIds(b: TemplateBuilder, design: DesignDocument): LogicalIds {
  const of = new Map<object, string>();
  const byName = () => new Map<string, string>();
  const clusters = byName();
  for (const c of design.clusters) clusters.set(c.clusterName, b.id(c.clusterName, 'Cluster'));
  const associations = new Map<string, string>();
  for (const c of design.clusters) {
    const custom = (c.capacityProviders ?? []).some((p) => p !== 'FARGATE' && p !== 'FARGATE_SPOT');
    if (custom) associations.set(c.clusterName, b.id(c.clusterName, 'CapacityProviders'));
  }
  const revisions = taskDefinitionRevisions(design);
  const taskDefinitions = design.taskDefinitions.map((td) => b.id(td.family, 'TaskDefinition'));
  const services = byName();
  for (const s of design.services) services.set(s.serviceName, b.id(s.serviceName, 'Service'));
  const providers = byName();
  for (const p of design.capacityProviders ?? [])
    providers.set(p.name, b.id(p.name, 'CapacityProvider'));
  const templates: [LaunchTemplate, string][] = (design.launchTemplates ?? []).map((t) => [
    t,
    b.id(t.LaunchTemplateName, 'LaunchTemplate'),
  ]);
  const groups = byName();
  for (const g of design.autoScalingGroups ?? [])
    groups.set(g.AutoScalingGroupName, b.id(g.AutoScalingGroupName, 'AutoScalingGroup'));
  const put = <T extends object>(
    items: readonly T[] | undefined,
    name: (t: T) => string,
    kind: string,
  ) => {
    for (const item of items ?? []) of.set(item, b.id(name(item), kind));
  };
  put<LoadBalancer>(design.loadBalancers, (l) => l.Name, 'LoadBalancer');
  put<TargetGroup>(design.targetGroups, (t) => t.Name, 'TargetGroup');
  const lbId = (arn: string) => {
    const lb = findLoadBalancer(design, arn);
    return lb ? of.get(lb) : undefined;
  };
  put<Listener>(
    design.listeners,
    (l) => `${lbId(l.LoadBalancerArn)?.replace(/LoadBalancer\d*$/, '') ?? 'Lb'}-${l.Port}`,
    'Listener',
  );
  const listenerIds = new Map<string, string>();
  for (const l of design.listeners ?? [])
    if (l.ListenerArn) listenerIds.set(l.ListenerArn, of.get(l) ?? '');
  put<ListenerRule>(
    design.listenerRules,
    (r) =>
      `${listenerIds.get(r.ListenerArn)?.replace(/Listener\d*$/, '') ?? 'Listener'}-rule-${r.Priority}`,
    'ListenerRule',
  );
  const ruleIds = new Map<string, string>();
  for (const r of design.listenerRules ?? [])
    if (r.RuleArn) ruleIds.set(r.RuleArn, of.get(r) ?? '');
  const targets = new Map<string, string>();
  for (const t of design.scalableTargets ?? []) {
    const service = t.ResourceId.split('/')[2] ?? t.ResourceId;
    targets.set(t.ResourceId, b.id(service, 'ScalableTarget'));
  }
  const policies = new Map<string, string>();
  for (const p of design.scalingPolicies ?? []) {
    const service = p.ResourceId.split('/')[2] ?? p.ResourceId;
    policies.set(
      `${p.ResourceId}/${p.PolicyName}`,
      b.id(`${service}-${p.PolicyName}`, 'ScalingPolicy'),
    );
  }
  const alarms = byName();
  for (const a of design.alarms ?? []) alarms.set(a.AlarmName, b.id(a.AlarmName, 'Alarm'));

  return {
    of,
    taskDefinitions,
    cluster: (ref) => clusters.get(clusterNameOf(design, ref)),
    associations: (c) => associations.get(c),
    taskDefinition: (ref) => {
      const revision = resolveTaskDefinition(revisions, ref);
      if (!revision) return undefined;
      return taskDefinitions[revisions.indexOf(revision)];
    },
    service: (name) => services.get(name),
    capacityProvider: (name) => providers.get(name),
    autoScalingGroup: (ref) => groups.get(groupNameOf(ref)),
    launchTemplate: (spec) =>
      templates.find(([t]) =>
        spec.LaunchTemplateName !== undefined
          ? t.LaunchTemplateName === spec.LaunchTemplateName
          : t.LaunchTemplateId === spec.LaunchTemplateId,
      )?.[1],
    loadBalancer: (r) => {
      const lb = findLoadBalancer(design, r);
      return lb ? of.get(lb) : undefined;
    },
    targetGroup: (r) => {
      const tg = findTargetGroup(design, r);
      return tg ? of.get(tg) : undefined;
    },
    listener: (arn) => listenerIds.get(arn),
    rule: (arn) => ruleIds.get(arn),
    alarm: (name) => alarms.get(name),
    scalableTarget: (resourceId) => targets.get(resourceId),
    policy: (p) => policies.get(`${p.ResourceId}/${p.PolicyName}`) ?? '',
  };
}
