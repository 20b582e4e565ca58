import type { DesignDocument } from './document';
import { findLoadBalancer, findTargetGroup, loadBalancerOfTargetGroup } from './elb-resolve';
import type { Action } from './elb-shapes';
import { resolveTaskDefinition, type TaskDefinitionRevision } from './resolve';
import { checkTargetGroup } from './target-group-rules';

type Push = (path: string, message: string) => void;

function checkActions(design: DesignDocument, actions: readonly Action[], at: string, push: Push) {
  actions.forEach((a, i) => {
    const refs: [string, string][] = [];
    if (a.TargetGroupArn) refs.push([`${at}[${i}].TargetGroupArn`, a.TargetGroupArn]);
    for (const [j, t] of (a.ForwardConfig?.TargetGroups ?? []).entries()) {
      refs.push([`${at}[${i}].ForwardConfig.TargetGroups[${j}].TargetGroupArn`, t.TargetGroupArn]);
    }
    if (a.Type === 'forward' && refs.length === 0)
      push(`${at}[${i}]`, 'a forward action needs TargetGroupArn or ForwardConfig');
    for (const [path, ref] of refs) {
      if (!findTargetGroup(design, ref)) push(path, `${ref} is not in targetGroups`);
    }
  });
}

/** §14.5, §18: rules per ALB, excluding the listeners' default actions. */
export const MAX_RULES_PER_ALB = 100;

/**
 * Listener rules (ecs-behavior §14.5): on a listener of an ALB, a Priority and a RuleArn
 * of their own (the engine keeps a rule's route by them), at most 100 to an ALB.
 */
function checkListenerRules(design: DesignDocument, push: Push) {
  const priorities = new Map<string, number>();
  const ruleArns = new Map<string, number>();
  const perLb = new Map<string, number>();
  design.listenerRules?.forEach((r, i) => {
    const at = `listenerRules[${i}]`;
    const listener = design.listeners?.find((l) => l.ListenerArn === r.ListenerArn);
    if (!listener)
      push(`${at}.ListenerArn`, `${r.ListenerArn} is not the ListenerArn of any listener`);
    const lb = listener && findLoadBalancer(design, listener.LoadBalancerArn);
    if (lb?.Type === 'network')
      push(
        `${at}.ListenerArn`,
        `${lb.Name} is a Network Load Balancer: its listeners take no rules`,
      );
    const key = `${r.ListenerArn}#${r.Priority}`;
    const taken = priorities.get(key);
    if (taken !== undefined)
      push(`${at}.Priority`, `${r.Priority} is taken on this listener by listenerRules[${taken}]`);
    else priorities.set(key, i);
    if (r.RuleArn !== undefined) {
      const same = ruleArns.get(r.RuleArn);
      if (same !== undefined) push(`${at}.RuleArn`, `is the RuleArn of listenerRules[${same}] too`);
      else ruleArns.set(r.RuleArn, i);
    }
    if (lb) {
      const n = (perLb.get(lb.Name) ?? 0) + 1;
      perLb.set(lb.Name, n);
      if (n === MAX_RULES_PER_ALB + 1)
        push(at, `is rule ${n} of ${lb.Name}: an ALB allows at most ${MAX_RULES_PER_ALB} rules`);
    }
    checkActions(design, r.Actions, `${at}.Actions`, push);
  });
}

/**
 * Load balancing references (ecs-behavior §14.1): what a service, a listener or a rule
 * names must be in the design, in a form ECS and ELB accept.
 */
export function checkLoadBalancing(
  design: DesignDocument,
  revisions: readonly TaskDefinitionRevision[],
  push: Push,
): void {
  design.listeners?.forEach((l, i) => {
    const at = `listeners[${i}]`;
    const lb = findLoadBalancer(design, l.LoadBalancerArn);
    if (!lb) push(`${at}.LoadBalancerArn`, `${l.LoadBalancerArn} is not in loadBalancers`);
    else if (lb.Type === 'classic')
      push(
        `${at}.LoadBalancerArn`,
        `${lb.Name} is a Classic ELB: its listeners are in its own Listeners`,
      );
    checkActions(design, l.DefaultActions, `${at}.DefaultActions`, push);
  });
  design.targetGroups?.forEach((tg, i) => {
    for (const issue of checkTargetGroup(tg, `targetGroups[${i}]`)) push(issue.path, issue.message);
    const attr = (key: string) => tg.Attributes?.find((a) => a.Key === key)?.Value.trim();
    // §14.3: 0 is off; on, 30-900 s; it cannot go with least outstanding requests.
    const slow = attr('slow_start.duration_seconds');
    if (
      slow !== undefined &&
      !(slow === '0' || (/^\d+$/.test(slow) && +slow >= 30 && +slow <= 900))
    )
      push(
        `targetGroups[${i}].Attributes`,
        'slow_start.duration_seconds must be 0 (off) or 30-900 seconds',
      );
    const algorithm = attr('load_balancing.algorithm.type');
    if (
      algorithm !== undefined &&
      !['round_robin', 'least_outstanding_requests', 'weighted_random'].includes(algorithm)
    )
      push(
        `targetGroups[${i}].Attributes`,
        'load_balancing.algorithm.type must be round_robin, least_outstanding_requests or weighted_random',
      );
    else if (algorithm === 'least_outstanding_requests' && slow !== undefined && slow !== '0')
      push(
        `targetGroups[${i}].Attributes`,
        'slow_start.duration_seconds cannot be on with load_balancing.algorithm.type least_outstanding_requests',
      );
    const delay = tg.Attributes?.find((a) => a.Key === 'deregistration_delay.timeout_seconds');
    if (delay && !/^\d+$/.test(delay.Value.trim())) {
      push(
        `targetGroups[${i}].Attributes`,
        'deregistration_delay.timeout_seconds must be 0-3600 seconds',
      );
    } else if (delay && Number(delay.Value) > 3600) {
      push(
        `targetGroups[${i}].Attributes`,
        'deregistration_delay.timeout_seconds must be 0-3600 seconds',
      );
    }
  });
  // CodeDeploy (§10): what a deployment group names must be there, and be a CODE_DEPLOY service.
  const apps = new Set((design.codeDeploy?.applications ?? []).map((a) => a.applicationName));
  const configs = new Set([
    'CodeDeployDefault.ECSAllAtOnce',
    'CodeDeployDefault.ECSCanary10Percent5Minutes',
    'CodeDeployDefault.ECSCanary10Percent15Minutes',
    'CodeDeployDefault.ECSLinear10PercentEvery1Minutes',
    'CodeDeployDefault.ECSLinear10PercentEvery3Minutes',
    ...(design.codeDeploy?.deploymentConfigs ?? []).map((c) => c.deploymentConfigName),
  ]);
  // §9.1, §9.2: the circuit breaker and alarm rollback are the ECS controller's; a
  // CODE_DEPLOY service deploys as its deployment group says.
  design.services.forEach((s, i) => {
    if (s.deploymentController?.type !== 'CODE_DEPLOY') return;
    const at = `services[${i}].deploymentConfiguration`;
    const c = s.deploymentConfiguration;
    if (c?.deploymentCircuitBreaker?.enable)
      push(
        `${at}.deploymentCircuitBreaker`,
        'is supported only with the ECS deployment controller',
      );
    if (c?.alarms?.enable)
      push(`${at}.alarms`, 'is supported only with the ECS deployment controller');
    if (c?.strategy !== undefined && c.strategy !== 'ROLLING')
      push(`${at}.strategy`, 'is supported only with the ECS deployment controller');
  });
  design.codeDeploy?.deploymentGroups.forEach((g, i) => {
    const at = `codeDeploy.deploymentGroups[${i}]`;
    if (!apps.has(g.applicationName))
      push(`${at}.applicationName`, `${g.applicationName} is not in codeDeploy.applications`);
    if (g.deploymentConfigName !== undefined && !configs.has(g.deploymentConfigName))
      push(
        `${at}.deploymentConfigName`,
        `${g.deploymentConfigName} is neither predefined nor in codeDeploy.deploymentConfigs`,
      );
    const name = g.ecsServices[0]?.serviceName;
    const svc = design.services.find((s) => s.serviceName === name);
    if (!svc) push(`${at}.ecsServices[0].serviceName`, `${name} is not in services`);
    else if (svc.deploymentController?.type !== 'CODE_DEPLOY')
      push(
        `${at}.ecsServices[0].serviceName`,
        `${name} needs deploymentController { "type": "CODE_DEPLOY" }`,
      );
    const pair = g.loadBalancerInfo.targetGroupPairInfoList[0];
    pair?.targetGroups.forEach((t, j) => {
      if (!findTargetGroup(design, t.name))
        push(
          `${at}.loadBalancerInfo.targetGroupPairInfoList[0].targetGroups[${j}].name`,
          `${t.name} is not in targetGroups`,
        );
    });
    // §10: a Network Load Balancer takes only CodeDeployDefault.ECSAllAtOnce.
    const nlb = pair?.targetGroups.some((t) => {
      const tg = findTargetGroup(design, t.name);
      return tg !== undefined && loadBalancerOfTargetGroup(design, tg)?.Type === 'network';
    });
    if (
      nlb &&
      (g.deploymentConfigName ?? 'CodeDeployDefault.ECSAllAtOnce') !==
        'CodeDeployDefault.ECSAllAtOnce'
    )
      push(
        `${at}.deploymentConfigName`,
        'must be CodeDeployDefault.ECSAllAtOnce with a Network Load Balancer',
      );
    const listener = pair?.prodTrafficRoute.listenerArns[0];
    if (listener && !design.listeners?.some((l) => l.ListenerArn === listener))
      push(
        `${at}.loadBalancerInfo.targetGroupPairInfoList[0].prodTrafficRoute.listenerArns[0]`,
        `${listener} is not the ListenerArn of any listener`,
      );
  });
  const alarmNames = new Set((design.alarms ?? []).map((a) => a.AlarmName));
  design.services.forEach((s, i) => {
    s.deploymentConfiguration?.alarms?.alarmNames.forEach((name, j) => {
      if (!alarmNames.has(name))
        push(
          `services[${i}].deploymentConfiguration.alarms.alarmNames[${j}]`,
          `${name} is not in alarms`,
        );
    });
  });
  design.traffic?.forEach((t, i) => {
    if (!design.listeners?.some((l) => l.ListenerArn === t.listenerArn))
      push(`traffic[${i}].listenerArn`, `${t.listenerArn} is not the ListenerArn of any listener`);
  });
  checkListenerRules(design, push);

  design.services.forEach((s, i) => {
    const entries = s.loadBalancers ?? [];
    const strategy = s.deploymentConfiguration?.strategy ?? 'ROLLING';
    if (strategy !== 'ROLLING' && !entries.some((e) => e.advancedConfiguration !== undefined))
      push(
        `services[${i}].deploymentConfiguration.strategy`,
        `${strategy} needs a loadBalancers entry with advancedConfiguration.alternateTargetGroupArn`,
      );
    if (entries.length === 0) return;
    const revision = resolveTaskDefinition(revisions, s.taskDefinition);
    const networkMode = revision?.input.networkMode ?? 'bridge';
    let groups = 0;
    let classic = 0;
    entries.forEach((entry, j) => {
      const at = `services[${i}].loadBalancers[${j}]`;
      if (entry.targetGroupArn !== undefined) {
        groups++;
        const tg = findTargetGroup(design, entry.targetGroupArn);
        if (!tg) {
          push(`${at}.targetGroupArn`, `${entry.targetGroupArn} is not in targetGroups`);
        } else {
          const type = tg.TargetType ?? 'instance';
          if (networkMode === 'awsvpc' && type !== 'ip')
            push(
              `${at}.targetGroupArn`,
              `${tg.Name} has TargetType ${type}: awsvpc tasks register by IP address, so it must be ip`,
            );
          if (networkMode !== 'awsvpc' && type !== 'instance')
            push(
              `${at}.targetGroupArn`,
              `${tg.Name} has TargetType ${type}: ${networkMode} tasks register as instance and port, so it must be instance`,
            );
        }
      } else if (entry.loadBalancerName !== undefined) {
        classic++;
        const lb = findLoadBalancer(design, entry.loadBalancerName);
        if (lb?.Type !== 'classic')
          push(
            `${at}.loadBalancerName`,
            `${entry.loadBalancerName} is not a Classic ELB in loadBalancers (Type "classic")`,
          );
        // §14.1: a Classic ELB sends to an instance port; only ALB and NLB take dynamic ports.
        const mapping = revision?.input.containerDefinitions
          .find((c) => c.name === entry.containerName)
          ?.portMappings?.find((p) => (p.containerPort ?? p.hostPort) === entry.containerPort);
        if (networkMode === 'awsvpc')
          push(
            `${at}.loadBalancerName`,
            'a Classic ELB cannot send to awsvpc tasks: use an ALB or NLB',
          );
        else if (networkMode === 'bridge' && mapping && !mapping.hostPort)
          push(
            `${at}.containerPort`,
            `${entry.containerPort} has a dynamic host port: a Classic ELB needs a static hostPort`,
          );
      }
      const container = revision?.input.containerDefinitions.find(
        (c) => c.name === entry.containerName,
      );
      if (revision && !container) {
        push(
          `${at}.containerName`,
          `${entry.containerName} is not a container of ${revision.family}:${revision.revision}`,
        );
      } else if (
        container &&
        !container.portMappings?.some(
          (p) => (p.containerPort ?? p.hostPort) === entry.containerPort,
        )
      ) {
        push(
          `${at}.containerPort`,
          `${entry.containerPort} is not a containerPort of container ${entry.containerName}`,
        );
      }
    });
    // §11: ECS's blue/green, linear and canary move traffic between two target groups.
    for (const [j, e] of entries.entries()) {
      const alt = e.advancedConfiguration?.alternateTargetGroupArn;
      if (alt === undefined) continue;
      const at = `services[${i}].loadBalancers[${j}].advancedConfiguration.alternateTargetGroupArn`;
      const tg = findTargetGroup(design, alt);
      if (!tg) push(at, `${alt} is not in targetGroups`);
      else if (e.targetGroupArn !== undefined && findTargetGroup(design, e.targetGroupArn) === tg)
        push(at, 'must be another target group than targetGroupArn');
    }
    // §14.1 and §18: up to 5 target groups, or one Classic ELB.
    if (groups > 5) push(`services[${i}].loadBalancers`, 'allows at most 5 target groups');
    if (classic > 1) push(`services[${i}].loadBalancers`, 'allows one Classic ELB');
    if (classic > 0 && groups > 0)
      push(`services[${i}].loadBalancers`, 'cannot mix a Classic ELB with target groups');
  });
}
