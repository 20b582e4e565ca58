import {
  type Action,
  type AppSpec,
  actionTargetGroups,
  type CreateDeploymentInput,
  type DesignDocument,
  findTargetGroup,
  parseAppSpecText,
} from '../../design';
import type { EngineContext } from '../context';
import { targetGroupArn } from '../elb/model';
import { ruleRouteKey } from '../elb/rules';
import type { ArnScope } from '../ids';
import type { DeploymentStrategy, ServiceState } from '../model/types';

/**
 * ECS blue/green through CodeDeploy (ecs-behavior §10). A CODE_DEPLOY service deploys only
 * by CodeDeploy's CreateDeployment; its deployment group names the service, the blue and
 * green target groups and the production listener; its deployment config says how
 * traffic moves. Berth runs it with the blue/green engine of §11 (blue-green.ts).
 * Model: the original task set is ECS's blue deployment, the replacement its green; the
 * termination wait is the bake time; hooks take no time.
 */

/** The predefined configurations (§10), as the blue/green engine takes them. */
const PREDEFINED: Record<string, Omit<DeploymentStrategy, 'bakeTimeMs'>> = {
  'CodeDeployDefault.ECSAllAtOnce': {
    type: 'BLUE_GREEN',
    stepPercent: 100,
    stepBakeMs: 0,
    canaryPercent: 100,
    canaryBakeMs: 0,
  },
  'CodeDeployDefault.ECSCanary10Percent5Minutes': {
    type: 'CANARY',
    stepPercent: 10,
    stepBakeMs: 0,
    canaryPercent: 10,
    canaryBakeMs: 5 * 60_000,
  },
  'CodeDeployDefault.ECSCanary10Percent15Minutes': {
    type: 'CANARY',
    stepPercent: 10,
    stepBakeMs: 0,
    canaryPercent: 10,
    canaryBakeMs: 15 * 60_000,
  },
  'CodeDeployDefault.ECSLinear10PercentEvery1Minutes': {
    type: 'LINEAR',
    stepPercent: 10,
    stepBakeMs: 60_000,
    canaryPercent: 10,
    canaryBakeMs: 0,
  },
  'CodeDeployDefault.ECSLinear10PercentEvery3Minutes': {
    type: 'LINEAR',
    stepPercent: 10,
    stepBakeMs: 3 * 60_000,
    canaryPercent: 10,
    canaryBakeMs: 0,
  },
};

export const PREDEFINED_CONFIGS = Object.keys(PREDEFINED);

/** A deployment config by name: predefined, or one of the design's (CreateDeploymentConfig). */
export function planOfConfig(
  design: DesignDocument,
  name: string,
  bakeTimeMs: number,
): DeploymentStrategy | undefined {
  const predefined = PREDEFINED[name];
  if (predefined) return { ...predefined, bakeTimeMs };
  const custom = design.codeDeploy?.deploymentConfigs?.find((c) => c.deploymentConfigName === name);
  const routing = custom?.trafficRoutingConfig;
  if (!routing) return undefined;
  if (routing.type === 'TimeBasedCanary' && routing.timeBasedCanary) {
    const c = routing.timeBasedCanary;
    return {
      type: 'CANARY',
      stepPercent: 10,
      stepBakeMs: 0,
      canaryPercent: c.canaryPercentage,
      canaryBakeMs: c.canaryInterval * 60_000,
      bakeTimeMs,
    };
  }
  if (routing.type === 'TimeBasedLinear' && routing.timeBasedLinear) {
    const l = routing.timeBasedLinear;
    return {
      type: 'LINEAR',
      stepPercent: l.linearPercentage,
      stepBakeMs: l.linearInterval * 60_000,
      canaryPercent: 10,
      canaryBakeMs: 0,
      bakeTimeMs,
    };
  }
  return {
    type: 'BLUE_GREEN',
    stepPercent: 100,
    stepBakeMs: 0,
    canaryPercent: 100,
    canaryBakeMs: 0,
    bakeTimeMs,
  };
}

function groupOf(design: DesignDocument, serviceName: string) {
  return design.codeDeploy?.deploymentGroups.find(
    (g) => g.ecsServices[0]?.serviceName === serviceName,
  );
}

/**
 * The route CodeDeploy shifts on the production listener: its default action when that
 * forwards to one of the pair, else its first rule (by Priority) that does.
 * Model: one route per deployment group; other rules of the listener keep their weights.
 */
function codeDeployRoute(
  design: DesignDocument,
  listenerArn: string,
  pair: readonly (string | undefined)[],
  scope: ArnScope,
): string {
  const sendsToPair = (actions: readonly Action[]) =>
    actions.some((a) =>
      actionTargetGroups(a).some((ref) => {
        const tg = findTargetGroup(design, ref);
        return (
          tg !== undefined && pair.includes(tg.TargetGroupArn ?? targetGroupArn(scope, tg.Name))
        );
      }),
    );
  const listener = design.listeners?.find((l) => l.ListenerArn === listenerArn);
  if (!listener || sendsToPair(listener.DefaultActions)) return listenerArn;
  const rule = (design.listenerRules ?? [])
    .filter((r) => r.ListenerArn === listenerArn && sendsToPair(r.Actions))
    .sort((a, b) => a.Priority - b.Priority)[0];
  return rule ? ruleRouteKey(rule) : listenerArn;
}

/** The deployment group's target group pair and production route, on the service's target. */
export function pairCodeDeployTargets(
  scope: ArnScope,
  design: DesignDocument,
  service: ServiceState,
): void {
  const pair = groupOf(design, service.serviceName)?.loadBalancerInfo.targetGroupPairInfoList[0];
  if (!pair) return;
  const arns = pair.targetGroups.map((t) => {
    const tg = findTargetGroup(design, t.name);
    return tg ? (tg.TargetGroupArn ?? targetGroupArn(scope, tg.Name)) : undefined;
  });
  const listenerArn = pair.prodTrafficRoute.listenerArns[0];
  const route = listenerArn && codeDeployRoute(design, listenerArn, arns, scope);
  const testArn = pair.testTrafficRoute?.listenerArns[0];
  const test = testArn && codeDeployRoute(design, testArn, arns, scope);
  for (const target of service.targets) {
    const other = arns.find((a) => a !== undefined && a !== target.targetGroupArn);
    if (!other || !arns.includes(target.targetGroupArn)) continue;
    target.alternateTargetGroupArn = other;
    if (route) target.listenerArn = route;
    if (test && test !== route) target.testRoute = test;
  }
}

/** The deployment's AppSpec: the object, or the text read as YAML or JSON. */
export function appSpecOf(input: CreateDeploymentInput): { spec: AppSpec } | { error: string } {
  const content = input.revision.appSpecContent.content;
  return typeof content === 'string' ? parseAppSpecText(content) : { spec: content };
}

/** CodeDeploy's hook order for ECS (§10); BeforeInstall cannot trigger a rollback. */
export const HOOK_ORDER = [
  'BeforeInstall',
  'AfterInstall',
  'AfterAllowTestTraffic',
  'BeforeAllowTraffic',
  'AfterAllowTraffic',
] as const;

export function hooksOf(spec: AppSpec): { event: string; fn: string }[] {
  const named = new Map<string, string>();
  for (const entry of spec.Hooks ?? [])
    for (const [event, fn] of Object.entries(entry)) named.set(event, fn);
  return HOOK_ORDER.flatMap((event) => {
    const fn = named.get(event);
    return fn === undefined ? [] : [{ event, fn }];
  });
}

/** How a hook's function ends: Succeeded unless the design says Failed. */
export function hookSucceeds(ctx: EngineContext, fn: string): boolean {
  const f = ctx.design.lambdaFunctions?.find((l) => l.FunctionName === fn || l.FunctionArn === fn);
  return f?.hookExecutionStatus !== 'Failed';
}

export function deploymentGroupFor(
  design: DesignDocument,
  applicationName: string,
  groupName: string,
) {
  return design.codeDeploy?.deploymentGroups.find(
    (g) => g.applicationName === applicationName && g.deploymentGroupName === groupName,
  );
}
