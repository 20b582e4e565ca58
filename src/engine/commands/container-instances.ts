import type {
  AccountSetting,
  ContainerInstance,
  DeregisterContainerInstanceInput,
  RegisterContainerInstanceInput,
  UpdateContainerInstancesStateInput,
} from '../../design';
import type { EngineContext } from '../context';
import { costInstanceDeregistered, costInstanceRegistered } from '../cost';
import { lastArnPart } from '../ids';
import { countInstanceAdded, countTaskRemoved, setInstanceStatus } from '../lifecycle/tallies';
import { compileInstance } from '../model/instance';
import { applyTrunking } from '../model/trunking';
import type { InstanceState } from '../model/types';
import { describeContainerInstance } from '../output/describe-instance';
import { emitInstanceStateChange } from '../output/events';
import { requestWaitingReconciles } from '../scheduler/request';
import { AwsError } from './errors';
import { clusterOf } from './lookup';

export function findInstance(
  ctx: EngineContext,
  clusterName: string,
  ref: string,
): InstanceState | undefined {
  const byEc2 = ctx.instanceArnByEc2Id.get(ref);
  const id = lastArnPart(ref);
  for (const instance of ctx.instances.values()) {
    if (instance.clusterName !== clusterName || instance.status === 'INACTIVE') continue;
    if (
      instance.containerInstanceArn === byEc2 ||
      lastArnPart(instance.containerInstanceArn) === id
    ) {
      return instance;
    }
  }
  return undefined;
}

/**
 * ACTIVE <-> DRAINING. A DRAINING instance takes no new tasks and its service tasks are
 * replaced within the deployment bounds; standalone tasks stay (ecs-behavior §7.4).
 */
export function updateContainerInstancesState(
  ctx: EngineContext,
  input: UpdateContainerInstancesStateInput,
): Record<string, unknown> {
  const clusterName = clusterOf(ctx, input.cluster);
  const containerInstances: Record<string, unknown>[] = [];
  const failures: Record<string, unknown>[] = [];
  for (const ref of input.containerInstances) {
    const instance = findInstance(ctx, clusterName, ref);
    if (!instance) {
      failures.push({ arn: ref, reason: 'MISSING' });
      continue;
    }
    if (instance.status !== input.status) {
      setInstanceStatus(ctx, instance, input.status);
      instance.version++;
      ctx.out.dirtyInstances.add(instance.containerInstanceArn);
      emitInstanceStateChange(ctx, instance);
    }
    containerInstances.push(describeContainerInstance(ctx, instance));
  }
  requestWaitingReconciles(ctx, clusterName);
  return { containerInstances, failures };
}

interface IdentityDocument {
  instanceId?: string;
  instanceType?: string;
  availabilityZone?: string;
}

function identityOf(input: RegisterContainerInstanceInput): IdentityDocument {
  if (input.instanceIdentityDocument === undefined) return {};
  try {
    const doc: unknown = JSON.parse(input.instanceIdentityDocument);
    return typeof doc === 'object' && doc !== null ? (doc as IdentityDocument) : {};
  } catch {
    throw new AwsError('InvalidParameterException', 'instanceIdentityDocument is not valid JSON.');
  }
}

/** A new instance joins the cluster now; waiting services and daemons see it at once. */
export function registerContainerInstance(
  ctx: EngineContext,
  input: RegisterContainerInstanceInput,
): Record<string, unknown> {
  const clusterName = clusterOf(ctx, input.cluster);
  const identity = identityOf(input);
  const ec2InstanceId = input.ec2InstanceId ?? identity.instanceId;
  if (!ec2InstanceId) {
    throw new AwsError(
      'InvalidParameterException',
      'The instance identity document has no instanceId.',
    );
  }
  const existing = ctx.instanceArnByEc2Id.get(ec2InstanceId);
  if (existing && ctx.instances.get(existing)?.status !== 'INACTIVE') {
    throw new AwsError(
      'InvalidParameterException',
      `Instance ${ec2InstanceId} is already registered.`,
    );
  }
  const ci: ContainerInstance = { cluster: clusterName, ec2InstanceId };
  const type = input.instanceType ?? identity.instanceType;
  // Model: an external (ECS Anywhere) instance has no Availability Zone; Berth puts it in
  // a lane of its own, `on-premises`, unless it says otherwise.
  const external = input.attributes?.some((a) => a.name === 'ecs.capability.external') ?? false;
  const az =
    input.availabilityZone ?? identity.availabilityZone ?? (external ? 'on-premises' : undefined);
  if (type !== undefined) ci.instanceType = type;
  if (az !== undefined) ci.availabilityZone = az;
  if (input.attributes !== undefined) ci.attributes = input.attributes;
  if (input.totalResources !== undefined) ci.registeredResources = input.totalResources;
  if (input.versionInfo !== undefined) ci.versionInfo = input.versionInfo;
  const instance = compileInstance(ctx, ctx.design, ci, ctx.nowMs);
  applyTrunking(instance, ctx.accountSettings.get('awsvpcTrunking') === 'enabled');
  if (instance.availabilityZone === 'unknown') {
    throw new AwsError('InvalidParameterException', 'The instance has no availability zone.');
  }
  if (instance.registeredCpu === 0 || instance.registeredMemoryMiB === 0) {
    throw new AwsError(
      'InvalidParameterException',
      `Instance type ${instance.instanceType} is unknown: give totalResources CPU and MEMORY.`,
    );
  }
  if (existing) ctx.instances.delete(existing);
  ctx.instances.set(instance.containerInstanceArn, instance);
  ctx.instanceArnByEc2Id.set(ec2InstanceId, instance.containerInstanceArn);
  countInstanceAdded(ctx, instance);
  costInstanceRegistered(ctx, instance);
  ctx.out.dirtyInstances.add(instance.containerInstanceArn);
  emitInstanceStateChange(ctx, instance);
  requestWaitingReconciles(ctx, clusterName);
  return { containerInstance: describeContainerInstance(ctx, instance) };
}

/** PutAccountSetting: in force for what happens from now on. */
export function putAccountSetting(
  ctx: EngineContext,
  input: AccountSetting,
): Record<string, unknown> {
  ctx.accountSettings.set(input.name, input.value);
  return {
    setting: {
      name: input.name,
      value: input.value,
      principalArn: `arn:aws:iam::${ctx.account}:root`,
      type: 'user',
    },
  };
}

/**
 * DeregisterContainerInstance. Model: an instance with live tasks refuses unless
 * `force`; forced, its tasks are orphaned: ECS no longer tracks them (they leave
 * DescribeTasks) and services start copies elsewhere, as the API reference says.
 */
export function deregisterContainerInstance(
  ctx: EngineContext,
  input: DeregisterContainerInstanceInput,
): Record<string, unknown> {
  const clusterName = clusterOf(ctx, input.cluster);
  const instance = findInstance(ctx, clusterName, input.containerInstance);
  if (!instance) {
    throw new AwsError(
      'InvalidParameterException',
      'The referenced container instance was not found.',
    );
  }
  const live = [...instance.taskArns]
    .map((arn) => ctx.tasks.get(arn))
    .filter((t) => t !== undefined);
  if (live.length > 0 && input.force !== true) {
    throw new AwsError('InvalidParameterException', 'Found running tasks on the instance.');
  }
  for (const task of live) {
    ctx.tasks.delete(task.taskArn);
    countTaskRemoved(ctx, task);
    if (task.serviceName !== undefined) ctx.serviceTasks.get(task.serviceName)?.delete(task);
    ctx.out.dirtyTasks.delete(task.taskArn);
    ctx.out.removedTasks.add(task.taskArn);
  }
  instance.taskArns.clear();
  setInstanceStatus(ctx, instance, 'INACTIVE');
  costInstanceDeregistered(ctx, instance.ec2InstanceId);
  instance.version++;
  ctx.out.dirtyInstances.add(instance.containerInstanceArn);
  emitInstanceStateChange(ctx, instance);
  requestWaitingReconciles(ctx, clusterName);
  return { containerInstance: describeContainerInstance(ctx, instance) };
}
