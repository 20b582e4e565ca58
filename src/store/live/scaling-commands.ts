import type {
  CapacityProviderStrategyItem,
  Command,
  CreateServiceInput,
  DesignDocument,
  PutScalingPolicyInput,
  PutScheduledActionInput,
  RegisterScalableTargetInput,
  UpdateAutoScalingGroupInput,
  UpdateCapacityProviderInput,
} from '../../design';
import type { GroupPatch, ProviderPatch, ServiceCapacity } from '../edits/capacity';

/**
 * The EC2 Auto Scaling, ECS and Application Auto Scaling operations an inspector edit of
 * capacity or service auto scaling is on a running cluster, each built from the edit's
 * own input. `null`: no operation the engine plays makes that change (a group's zones or
 * instance type, a service's launch type), so the run restarts with it instead.
 */

/** UpdateAutoScalingGroup takes the bounds, desired capacity and new-instance protection. */
export function groupUpdateCommand(name: string, patch: GroupPatch): Command[] | null {
  const { MinSize, MaxSize, DesiredCapacity, NewInstancesProtectedFromScaleIn, ...rest } = patch;
  if (Object.values(rest).some((v) => v !== undefined)) return null;
  const input: UpdateAutoScalingGroupInput = { AutoScalingGroupName: name };
  if (MinSize !== undefined) input.MinSize = MinSize;
  if (MaxSize !== undefined) input.MaxSize = MaxSize;
  if (DesiredCapacity !== undefined) input.DesiredCapacity = DesiredCapacity;
  if (NewInstancesProtectedFromScaleIn !== undefined)
    input.NewInstancesProtectedFromScaleIn = NewInstancesProtectedFromScaleIn;
  return Object.keys(input).length === 1 ? [] : [{ action: 'UpdateAutoScalingGroup', input }];
}

export function providerUpdateCommand(name: string, patch: ProviderPatch): Command[] {
  const provider: UpdateCapacityProviderInput['autoScalingGroupProvider'] = {};
  if (patch.managedScaling) provider.managedScaling = patch.managedScaling;
  if (patch.managedTerminationProtection)
    provider.managedTerminationProtection = patch.managedTerminationProtection;
  if (Object.keys(provider).length === 0) return [];
  return [
    { action: 'UpdateCapacityProvider', input: { name, autoScalingGroupProvider: provider } },
  ];
}

/** Both lists, as the API requires them; an item with neither base nor weight says nothing. */
export function clusterProvidersCommand(
  cluster: string,
  capacityProviders: readonly string[],
  strategy: readonly CapacityProviderStrategyItem[],
): Command[] {
  return [
    {
      action: 'PutClusterCapacityProviders',
      input: {
        cluster,
        capacityProviders: [...capacityProviders],
        defaultCapacityProviderStrategy: strategy.filter(
          (i) => (i.base ?? 0) > 0 || (i.weight ?? 0) > 0,
        ),
      },
    },
  ];
}

/** CreateCapacityProvider for the provider the edit made, then its cluster's new list. */
export function createProviderCommands(after: DesignDocument, name: string): Command[] | null {
  const provider = (after.capacityProviders ?? []).find((p) => p.name === name);
  const cluster = after.clusters.find((c) => c.capacityProviders?.includes(name));
  if (!provider || !cluster) return null;
  return [
    { action: 'CreateCapacityProvider', input: provider },
    ...clusterProvidersCommand(
      cluster.clusterName,
      cluster.capacityProviders ?? [],
      cluster.defaultCapacityProviderStrategy ?? [],
    ),
  ];
}

export const scalableTargetCommand = (input: RegisterScalableTargetInput): Command[] => [
  { action: 'RegisterScalableTarget', input },
];

/** The service's scalable target as the edit left it: what RegisterScalableTarget sends. */
export function registeredTargetCommand(after: DesignDocument, resourceId: string): Command[] {
  const target = (after.scalableTargets ?? []).find((t) => t.ResourceId === resourceId);
  return target ? scalableTargetCommand(target) : [];
}

export const scalingPolicyCommand = (input: PutScalingPolicyInput): Command[] => [
  { action: 'PutScalingPolicy', input },
];

export function deletePolicyCommand(policy: PutScalingPolicyInput): Command[] {
  const { PolicyName, ServiceNamespace, ResourceId, ScalableDimension } = policy;
  return [
    {
      action: 'DeleteScalingPolicy',
      input: { PolicyName, ServiceNamespace, ResourceId, ScalableDimension },
    },
  ];
}

export const scheduledActionCommand = (input: PutScheduledActionInput): Command[] => [
  { action: 'PutScheduledAction', input },
];

export function deleteScheduledCommand(action: PutScheduledActionInput): Command[] {
  const { ScheduledActionName, ServiceNamespace, ResourceId, ScalableDimension } = action;
  return [
    {
      action: 'DeleteScheduledAction',
      input: { ScheduledActionName, ServiceNamespace, ResourceId, ScalableDimension },
    },
  ];
}

/**
 * A new capacity provider strategy is UpdateService with forceNewDeployment, as ECS
 * requires (§13.1); a launch type cannot be set by UpdateService, so that one restarts.
 */
export function serviceCapacityCommand(
  service: CreateServiceInput,
  capacity: ServiceCapacity,
): Command[] | null {
  if ('launchType' in capacity) return capacity.launchType === service.launchType ? [] : null;
  const capacityProviderStrategy = capacity.capacityProviderStrategy.filter(
    (i) => (i.base ?? 0) > 0 || (i.weight ?? 0) > 0,
  );
  // No items of its own means the cluster's default strategy, which UpdateService cannot
  // say; the run restarts with it.
  if (capacityProviderStrategy.length === 0) return null;
  const input = {
    service: service.serviceName,
    capacityProviderStrategy,
    forceNewDeployment: true,
  };
  return [
    {
      action: 'UpdateService',
      input: service.cluster === undefined ? input : { cluster: service.cluster, ...input },
    },
  ];
}
