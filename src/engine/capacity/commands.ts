import type {
  CapacityCommand,
  CapacityProvider,
  PutClusterCapacityProvidersInput,
  SetDesiredCapacityInput,
  SetInstanceProtectionInput,
  UpdateAutoScalingGroupInput,
  UpdateCapacityProviderInput,
} from '../../design';
import { AwsError } from '../commands/errors';
import { clusterOf } from '../commands/lookup';
import type { EngineContext } from '../context';
import { isFargateProvider, providerState } from './compile';
import { reconcileGroup } from './groups';
import { routeRefusal } from './route';
import { interruptSpotTasks } from './spot';
import type { GroupState, ProviderState } from './state';

function groupOf(ctx: EngineContext, name: string): GroupState {
  const group = ctx.capacity.groups[name];
  if (!group) throw new AwsError('ValidationError', `AutoScalingGroup name not found - ${name}`);
  return group;
}

/** SetDesiredCapacity: EC2 Auto Scaling's own bounds check, in its words. */
function setDesiredCapacity(ctx: EngineContext, input: SetDesiredCapacityInput) {
  const group = groupOf(ctx, input.AutoScalingGroupName);
  const d = input.DesiredCapacity;
  if (d > group.maxSize)
    throw new AwsError(
      'ValidationError',
      `New SetDesiredCapacity value ${d} is above max value ${group.maxSize} for the AutoScalingGroup.`,
    );
  if (d < group.minSize)
    throw new AwsError(
      'ValidationError',
      `New SetDesiredCapacity value ${d} is below min value ${group.minSize} for the AutoScalingGroup.`,
    );
  group.desiredCapacity = d;
  reconcileGroup(ctx, group);
  return {};
}

/** UpdateAutoScalingGroup: new bounds clamp the desired capacity when it is not given. */
function updateAutoScalingGroup(ctx: EngineContext, input: UpdateAutoScalingGroupInput) {
  const group = groupOf(ctx, input.AutoScalingGroupName);
  const min = input.MinSize ?? group.minSize;
  const max = input.MaxSize ?? group.maxSize;
  if (min > max)
    throw new AwsError(
      'ValidationError',
      `Max bound, ${max}, must be greater than or equal to min bound, ${min}`,
    );
  const desired = input.DesiredCapacity ?? Math.max(min, Math.min(max, group.desiredCapacity));
  if (desired < min || desired > max)
    throw new AwsError(
      'ValidationError',
      `Desired capacity:${desired} must be between the specified min size:${min} and max size:${max}`,
    );
  group.minSize = min;
  group.maxSize = max;
  group.desiredCapacity = desired;
  if (input.NewInstancesProtectedFromScaleIn !== undefined)
    group.protectNew = input.NewInstancesProtectedFromScaleIn;
  reconcileGroup(ctx, group);
  return {};
}

function setInstanceProtection(ctx: EngineContext, input: SetInstanceProtectionInput) {
  const group = groupOf(ctx, input.AutoScalingGroupName);
  for (const id of input.InstanceIds) {
    if (!group.instanceIds.includes(id))
      throw new AwsError(
        'ValidationError',
        `The instance ${id} is not part of Auto Scaling group ${group.name}.`,
      );
  }
  for (const id of input.InstanceIds) {
    const instance = ctx.capacity.instances[id];
    if (instance) instance.protectedFromScaleIn = input.ProtectedFromScaleIn;
  }
  // Unprotected instances beyond the desired capacity may go now.
  reconcileGroup(ctx, group);
  return {};
}

export function describeCapacityProvider(ctx: EngineContext, p: ProviderState) {
  return {
    capacityProviderArn: p.arn,
    name: p.name,
    status: 'ACTIVE',
    autoScalingGroupProvider: {
      autoScalingGroupArn: ctx.capacity.groups[p.group]?.arn ?? p.group,
      managedScaling: { ...p.managedScaling },
      managedTerminationProtection: p.managedTerminationProtection ? 'ENABLED' : 'DISABLED',
    },
  };
}

function checkTerminationProtection(ctx: EngineContext, p: ProviderState): void {
  if (!p.managedTerminationProtection) return;
  if (p.managedScaling.status !== 'ENABLED')
    throw new AwsError(
      'InvalidParameterException',
      'Managed termination protection requires managed scaling to be enabled.',
    );
  if (!ctx.capacity.groups[p.group]?.protectNew)
    throw new AwsError(
      'InvalidParameterException',
      'The managed termination protection setting for the capacity provider is invalid. To enable managed termination protection for a capacity provider, the Auto Scaling group must have instance protection from scale in enabled.',
    );
}

function createCapacityProvider(ctx: EngineContext, input: CapacityProvider) {
  if (ctx.capacity.providers[input.name] || isFargateProvider(input.name))
    throw new AwsError(
      'ClientException',
      'The specified capacity provider already exists. To change the configuration of an existing capacity provider, update the capacity provider.',
    );
  const p = providerState(ctx.region, input);
  if (!ctx.capacity.groups[p.group])
    throw new AwsError(
      'ClientException',
      `The specified Auto Scaling group ${p.group} does not exist.`,
    );
  if (Object.values(ctx.capacity.providers).some((o) => o.group === p.group))
    throw new AwsError(
      'ClientException',
      `The specified Auto Scaling group ${p.group} is already in use by another capacity provider.`,
    );
  checkTerminationProtection(ctx, p);
  ctx.capacity.providers[p.name] = p;
  return { capacityProvider: describeCapacityProvider(ctx, p) };
}

function updateCapacityProvider(ctx: EngineContext, input: UpdateCapacityProviderInput) {
  const p = ctx.capacity.providers[input.name];
  if (!p) throw new AwsError('ClientException', 'The specified capacity provider does not exist.');
  const next: ProviderState = structuredCopy(p);
  const ms = input.autoScalingGroupProvider.managedScaling;
  if (ms) {
    for (const key of [
      'status',
      'targetCapacity',
      'minimumScalingStepSize',
      'maximumScalingStepSize',
      'instanceWarmupPeriod',
    ] as const) {
      const value = ms[key];
      if (value !== undefined) (next.managedScaling as Record<string, unknown>)[key] = value;
    }
  }
  const mtp = input.autoScalingGroupProvider.managedTerminationProtection;
  if (mtp !== undefined) next.managedTerminationProtection = mtp === 'ENABLED';
  checkTerminationProtection(ctx, next);
  ctx.capacity.providers[p.name] = next;
  return { capacityProvider: describeCapacityProvider(ctx, next) };
}

const structuredCopy = <T>(v: T): T => JSON.parse(JSON.stringify(v)) as T;

function putClusterCapacityProviders(ctx: EngineContext, input: PutClusterCapacityProvidersInput) {
  const clusterName = clusterOf(ctx, input.cluster);
  for (const name of input.capacityProviders) {
    if (!isFargateProvider(name) && !ctx.capacity.providers[name])
      throw new AwsError(
        'InvalidParameterException',
        `The capacity provider ${name} does not exist.`,
      );
  }
  const current = ctx.capacity.clusters[clusterName] ?? {
    capacityProviders: [],
    defaultStrategy: [],
  };
  const saved = { ...current };
  ctx.capacity.clusters[clusterName] = {
    capacityProviders: [...input.capacityProviders],
    defaultStrategy: [],
  };
  const refused = routeRefusal(ctx, clusterName, {
    capacityProviderStrategy: input.defaultCapacityProviderStrategy,
  });
  if (refused) {
    ctx.capacity.clusters[clusterName] = saved;
    throw new AwsError('InvalidParameterException', refused);
  }
  ctx.capacity.clusters[clusterName] = {
    capacityProviders: [...input.capacityProviders],
    defaultStrategy: input.defaultCapacityProviderStrategy.map((i) => ({ ...i })),
  };
  return {
    cluster: {
      clusterName,
      capacityProviders: [...input.capacityProviders],
      defaultCapacityProviderStrategy: input.defaultCapacityProviderStrategy,
    },
  };
}

export function applyCapacity(
  ctx: EngineContext,
  command: CapacityCommand,
): Record<string, unknown> {
  switch (command.action) {
    case 'InterruptSpotTask':
      return interruptSpotTasks(ctx, command.input);
    case 'SetDesiredCapacity':
      return setDesiredCapacity(ctx, command.input);
    case 'UpdateAutoScalingGroup':
      return updateAutoScalingGroup(ctx, command.input);
    case 'SetInstanceProtection':
      return setInstanceProtection(ctx, command.input);
    case 'PutClusterCapacityProviders':
      return putClusterCapacityProviders(ctx, command.input);
    case 'CreateCapacityProvider':
      return createCapacityProvider(ctx, command.input);
    case 'UpdateCapacityProvider':
      return updateCapacityProvider(ctx, command.input);
  }
}
