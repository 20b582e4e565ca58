import {
  type CapacityProviderStrategyItem,
  launchTypeRefusal,
  type UpdateServiceInput,
} from '../../design';
import { routeRefusal } from '../capacity/route';
import type { EngineContext } from '../context';
import { reconcileServiceFirst } from '../deployment/blue-green';
import { startDeployment } from '../deployment/deployments';
import { strategyOf } from '../deployment/strategy';
import { serviceTargets } from '../elb/model';
import { setDesiredCount } from '../lifecycle/tallies';
import type { ServiceState, TaskDefinitionModel } from '../model/types';
import { describeService } from '../output/describe-service';
import { noteServiceChange } from '../output/history';
import { validatePlacementConstraints, validatePlacementStrategies } from '../placement';
import { serviceLaunchType } from '../scheduler/launch-type';
import { requestReconcile } from '../scheduler/request';
import { AwsError } from './errors';
import { clusterOf, serviceOf, taskDefinitionOf } from './lookup';

/**
 * A desired count set from outside the scheduler, as UpdateService sets it: Application
 * Auto Scaling calls UpdateService too (autoscaling/activity.ts). Like any update it ends
 * the start throttle (§7.3) and asks for a scheduler pass.
 */
export function setServiceDesiredCount(
  ctx: EngineContext,
  service: ServiceState,
  desiredCount: number,
): void {
  setDesiredCount(ctx, service, desiredCount);
  service.startFailures = 0;
  delete service.launchHoldUntilMs;
  service.steady = false;
  ctx.out.dirtyServices.add(service.serviceName);
  requestReconcile(ctx, service.serviceName);
}

export function updateService(
  ctx: EngineContext,
  input: UpdateServiceInput,
): Record<string, unknown> {
  const clusterName = clusterOf(ctx, input.cluster);
  const service = serviceOf(ctx, clusterName, input.service);
  let next: TaskDefinitionModel | undefined;
  if (input.taskDefinition !== undefined) {
    const td = taskDefinitionOf(ctx, input.taskDefinition);
    // ECS checks the new definition against the service's launch type first.
    const refusal = launchTypeRefusal(td.input, serviceLaunchType(service));
    if (refusal) throw new AwsError('InvalidParameterException', refusal);
    if (td.arn !== service.taskDefinition.arn) next = td;
    if (next && service.deploymentController === 'CODE_DEPLOY') {
      throw new AwsError(
        'InvalidParameterException',
        'Unable to update task definition on services with a CODE_DEPLOY deployment controller. Use AWS CodeDeploy to trigger a new deployment.',
      );
    }
  }
  const config = input.deploymentConfiguration;
  const minimumHealthyPercent = config?.minimumHealthyPercent ?? service.minimumHealthyPercent;
  const maximumPercent = config?.maximumPercent ?? service.maximumPercent;
  if (service.schedulingStrategy === 'DAEMON' && maximumPercent !== 100) {
    throw new AwsError(
      'InvalidParameterException',
      'The maximumPercent for a service with the daemon scheduling strategy must be 100.',
    );
  }
  // §11: blue/green, linear and canary move traffic between two target groups.
  if (
    config?.strategy !== undefined &&
    config.strategy !== 'ROLLING' &&
    !service.targets.some((t) => t.alternateTargetGroupArn !== undefined)
  ) {
    throw new AwsError(
      'InvalidParameterException',
      `The ${config.strategy} deployment strategy needs a load balancer with an alternate target group (advancedConfiguration.alternateTargetGroupArn).`,
    );
  }
  if (minimumHealthyPercent > maximumPercent) {
    throw new AwsError(
      'InvalidParameterException',
      'The minimumHealthyPercent must be less than or equal to the maximumPercent.',
    );
  }
  const invalid =
    (input.placementConstraints === undefined
      ? undefined
      : validatePlacementConstraints([
          ...service.taskDefinition.placementConstraints,
          ...input.placementConstraints,
        ])) ??
    (input.placementStrategy === undefined
      ? undefined
      : validatePlacementStrategies(
          input.placementStrategy,
          service.schedulingStrategy === 'DAEMON' ? 'daemon' : 'service',
        ));
  if (invalid) throw new AwsError('InvalidParameterException', invalid);
  const strategyChange = capacityStrategyChange(ctx, clusterName, service, input);
  const networkChanged =
    input.networkConfiguration !== undefined &&
    JSON.stringify(input.networkConfiguration) !==
      JSON.stringify(service.source.networkConfiguration);
  if (input.desiredCount !== undefined) {
    if (service.schedulingStrategy === 'DAEMON') {
      throw new AwsError(
        'InvalidParameterException',
        'The daemon scheduling strategy does not support a desired count for services.',
      );
    }
    setDesiredCount(ctx, service, input.desiredCount);
  }
  if (input.placementConstraints !== undefined)
    service.placementConstraints = input.placementConstraints;
  if (input.placementStrategy !== undefined) service.placementStrategy = input.placementStrategy;
  if (
    service.minimumHealthyPercent !== minimumHealthyPercent ||
    service.maximumPercent !== maximumPercent
  ) {
    // The bounds the chart draws move with them.
    noteServiceChange(ctx, service.serviceName);
  }
  service.minimumHealthyPercent = minimumHealthyPercent;
  service.maximumPercent = maximumPercent;
  if (
    config?.strategy !== undefined ||
    config?.bakeTimeInMinutes !== undefined ||
    config?.linearConfiguration !== undefined ||
    config?.canaryConfiguration !== undefined
  ) {
    service.strategy = strategyOf({
      ...(service.source.deploymentConfiguration as object),
      ...config,
    });
  }
  if (config?.alarms) {
    if (config.alarms.enable)
      service.alarmConfig = {
        alarmNames: [...config.alarms.alarmNames],
        rollback: config.alarms.rollback,
      };
    else delete service.alarmConfig;
  }
  if (config?.deploymentCircuitBreaker) {
    service.deploymentCircuitBreaker = {
      enable: config.deploymentCircuitBreaker.enable,
      rollback: config.deploymentCircuitBreaker.rollback,
    };
  }
  if (input.healthCheckGracePeriodSeconds !== undefined)
    service.healthCheckGracePeriodSeconds = input.healthCheckGracePeriodSeconds;
  const reconfigured = applyNetworkingChanges(ctx, service, input);
  if (strategyChange || networkChanged) {
    const { launchType: _gone, ...rest } = service.source as Record<string, unknown>;
    service.source = {
      ...(strategyChange ? rest : service.source),
      ...(strategyChange && { capacityProviderStrategy: strategyChange }),
      ...(networkChanged && { networkConfiguration: input.networkConfiguration }),
    } as ServiceState['source'];
  }
  // §7.3: any update of the service ends the start throttle at once.
  service.startFailures = 0;
  delete service.launchHoldUntilMs;
  // A new revision, or forceNewDeployment, starts a deployment; a desired count alone
  // changes the PRIMARY's (§8.1). Model: a new networkConfiguration starts one too, as
  // the UpdateService reference says of network configuration ("Amazon ECS starts new
  // tasks with the new configuration"); a strategy change needs forceNewDeployment.
  if (next || input.forceNewDeployment === true || reconfigured || networkChanged) {
    reconcileServiceFirst(ctx, service);
    startDeployment(ctx, service, next ?? service.taskDefinition);
  }
  service.steady = false;
  ctx.out.dirtyServices.add(service.serviceName);
  requestReconcile(ctx, service.serviceName);
  return { service: describeService(ctx, service) };
}

type StrategyItem = CapacityProviderStrategyItem;

const sameStrategy = (a: readonly StrategyItem[], b: readonly StrategyItem[]) =>
  a.length === b.length &&
  a.every(
    (item, i) =>
      item.capacityProvider === b[i]?.capacityProvider &&
      (item.base ?? 0) === (b[i]?.base ?? 0) &&
      (item.weight ?? 0) === (b[i]?.weight ?? 0),
  );

/**
 * UpdateService's capacityProviderStrategy (§13.1): refused as CreateService refuses it
 * (capacity/route.ts routeRefusal); a change, or a switch from a launch type, only with
 * forceNewDeployment, in ECS's words. The new strategy, or undefined when nothing changes.
 * Model: an empty list asks for the cluster's default strategy, which a service with a
 * strategy of its own cannot go back to (the API reference); a daemon takes no strategy.
 */
function capacityStrategyChange(
  ctx: EngineContext,
  clusterName: string,
  service: ServiceState,
  input: UpdateServiceInput,
): StrategyItem[] | undefined {
  const strategy = input.capacityProviderStrategy;
  if (strategy === undefined) return undefined;
  const source = service.source as {
    launchType?: string;
    capacityProviderStrategy?: StrategyItem[];
  };
  const own = source.capacityProviderStrategy ?? [];
  if (strategy.length === 0) {
    if (own.length > 0)
      throw new AwsError(
        'InvalidParameterException',
        "A service that uses a capacity provider strategy of its own cannot be updated to use the cluster's default capacity provider strategy.",
      );
    return undefined;
  }
  if (service.schedulingStrategy === 'DAEMON')
    throw new AwsError(
      'InvalidParameterException',
      'A capacity provider strategy is not supported with the DAEMON scheduling strategy.',
    );
  const refusal = routeRefusal(ctx, clusterName, { capacityProviderStrategy: strategy });
  if (refusal) throw new AwsError('InvalidParameterException', refusal);
  if (source.launchType === undefined && sameStrategy(own, strategy)) return undefined;
  if (input.forceNewDeployment !== true)
    throw new AwsError(
      'InvalidParameterException',
      'When switching from launch type to capacity provider strategy on an existing service, or making a change to a capacity provider strategy on a service that is already using one, you must force a new deployment.',
    );
  return strategy.map((item) => ({ ...item }));
}

/**
 * loadBalancers, serviceRegistries and serviceConnectConfiguration: a change starts a
 * deployment, whose new tasks register in the new target groups and find other services
 * the new way, while the old tasks keep what they had until they stop (§8, §15.2).
 */
function applyNetworkingChanges(
  ctx: EngineContext,
  service: ServiceState,
  input: UpdateServiceInput,
): boolean {
  let changed = false;
  if (input.loadBalancers !== undefined) {
    if (service.deploymentController === 'CODE_DEPLOY')
      throw new AwsError(
        'InvalidParameterException',
        'Unable to update load balancers on services with a CODE_DEPLOY deployment controller. Use AWS CodeDeploy to trigger a new deployment.',
      );
    // Model: Berth moves a blue/green pair only through its own deployments.
    if (service.strategy.type !== 'ROLLING')
      throw new AwsError(
        'InvalidParameterException',
        `Berth changes loadBalancers only on services with the ROLLING strategy; ${service.serviceName} uses ${service.strategy.type}.`,
      );
    const scope = { region: ctx.region, account: ctx.account };
    const targets = serviceTargets(scope, ctx.design, input.loadBalancers);
    if (targets.length !== input.loadBalancers.length)
      throw new AwsError(
        'InvalidParameterException',
        'A target group or load balancer in loadBalancers does not exist.',
      );
    if (targets.length > 5)
      throw new AwsError(
        'InvalidParameterException',
        'A service can have at most 5 target groups.',
      );
    service.targets = targets;
    changed = true;
  }
  if (input.serviceRegistries !== undefined) changed = true;
  const sc = input.serviceConnectConfiguration;
  if (sc !== undefined) {
    if (sc.enabled && sc.namespace === undefined)
      throw new AwsError(
        'InvalidParameterException',
        'serviceConnectConfiguration needs a namespace.',
      );
    service.serviceConnect = {
      enabled: sc.enabled,
      ...(sc.namespace !== undefined && { namespace: sc.namespace }),
    };
    changed = true;
  }
  if (changed)
    service.source = {
      ...service.source,
      ...(input.loadBalancers && { loadBalancers: input.loadBalancers }),
      ...(input.serviceRegistries && { serviceRegistries: input.serviceRegistries }),
      ...(sc && { serviceConnectConfiguration: sc }),
    };
  return changed;
}
