import type { CapacityProviderStrategyItem, LaunchType } from '../../design';
import { strategyRefusal } from '../../design/capacity-references';
import type { EngineContext } from '../context';
import type { InstanceState, ServiceState, TaskState } from '../model/types';
import { isFargateProvider } from './compile';
import { liveTaskCounts } from './tasks';

/** Where a task is to run: a launch type, or a capacity provider strategy (§4.7, §13.1). */
export type Route =
  | { kind: 'launchType'; launchType: LaunchType }
  | { kind: 'strategy'; items: CapacityProviderStrategyItem[] };

interface Asks {
  launchType?: LaunchType | undefined;
  capacityProviderStrategy?: CapacityProviderStrategyItem[] | undefined;
}

/**
 * `launchType`, else the strategy given, else the cluster's default strategy, else EC2
 * (§4.7: with neither, the cluster's default capacity provider strategy is used).
 */
export function routeOf(ctx: EngineContext, clusterName: string, asks: Asks): Route {
  if (asks.launchType !== undefined) return { kind: 'launchType', launchType: asks.launchType };
  const own = asks.capacityProviderStrategy ?? [];
  if (own.length > 0) return { kind: 'strategy', items: own };
  const fallback = ctx.capacity.clusters[clusterName]?.defaultStrategy ?? [];
  if (fallback.length > 0) return { kind: 'strategy', items: fallback };
  return { kind: 'launchType', launchType: 'EC2' };
}

/** A service's route. Model: a DAEMON service never takes the cluster's default strategy (ECS refuses strategies for daemons). */
export function serviceRoute(ctx: EngineContext, service: ServiceState): Route {
  const source = service.source as Asks;
  if (service.schedulingStrategy === 'DAEMON')
    return { kind: 'launchType', launchType: source.launchType ?? 'EC2' };
  return routeOf(ctx, service.clusterName, source);
}

/** The launch type a route's tasks report: FARGATE for Fargate providers, else EC2. */
export function routeLaunchType(route: Route): LaunchType {
  if (route.kind === 'launchType') return route.launchType;
  return route.items.some((i) => isFargateProvider(i.capacityProvider)) ? 'FARGATE' : 'EC2';
}

/** ECS's refusal of what a RunTask, CreateService or UpdateService asks for, or nothing. */
export function routeRefusal(
  ctx: EngineContext,
  clusterName: string,
  asks: Asks,
): string | undefined {
  const own = asks.capacityProviderStrategy ?? [];
  if (asks.launchType !== undefined && own.length > 0)
    return 'Specifying both a launch type and capacity provider strategy is not supported. Remove one and try again.';
  const associated = ctx.capacity.clusters[clusterName]?.capacityProviders ?? [];
  const refusal = strategyRefusal(own, associated);
  if (refusal) return refusal.message;
  for (const item of own) {
    if (!isFargateProvider(item.capacityProvider) && !ctx.capacity.providers[item.capacityProvider])
      return `The capacity provider ${item.capacityProvider} does not exist.`;
  }
  return undefined;
}

/** ECS Anywhere: an instance registered with `ecs.capability.external` (§5 of the issue). */
export function isExternalInstance(instance: InstanceState): boolean {
  return instance.attributes['ecs.capability.external'] !== undefined;
}

/** The Auto Scaling group provider whose group launched this instance, if any. */
export function providerOfInstance(
  ctx: EngineContext,
  instance: InstanceState,
): string | undefined {
  const group = ctx.capacity.instances[instance.ec2InstanceId]?.group;
  if (group === undefined) return undefined;
  for (const p of Object.values(ctx.capacity.providers)) if (p.group === group) return p.name;
  return undefined;
}

/**
 * Which instances a task of this launch type or provider may go on: EC2 tasks on any EC2
 * instance of the cluster (an Auto Scaling group's too), never an external one; EXTERNAL
 * tasks only on external instances; a provider's tasks only on its group's instances.
 */
export function instanceFilter(
  ctx: EngineContext,
  on: { launchType: LaunchType } | { provider: string },
): (instance: InstanceState) => boolean {
  if ('provider' in on) {
    const group = ctx.capacity.providers[on.provider]?.group;
    return (i) => group !== undefined && ctx.capacity.instances[i.ec2InstanceId]?.group === group;
  }
  if (on.launchType === 'EXTERNAL') return isExternalInstance;
  return (i) => !isExternalInstance(i);
}

/** A service's live tasks per capacity provider, for the strategy's split. */
export function providerCounts(
  ctx: EngineContext,
  tasks: Iterable<TaskState>,
): Record<string, number> {
  return liveTaskCounts(ctx, tasks, 'capacityProviderName');
}
