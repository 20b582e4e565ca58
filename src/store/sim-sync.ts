import type { Command, ContainerInstance, CreateServiceInput, DesignDocument } from '../design';
import { customAttributesOf, isBuiltInAttribute, statusOf } from './edits/instance-state';

/** What a design change means for the running simulation. */
export type SimChange =
  | { kind: 'none' }
  | { kind: 'commands'; commands: Command[] }
  | { kind: 'reload' };

/** Fields of a new instance that RegisterContainerInstance can carry; any other means a restart. */
const REGISTERABLE = new Set([
  'cluster',
  'ec2InstanceId',
  'instanceType',
  'availabilityZone',
  'attributes',
  'status',
]);

/** PutAttributes and DeleteAttributes take at most 10 attributes per call. */
const ATTRIBUTES_PER_CALL = 10;

function builtInAttributes(ci: ContainerInstance) {
  const kept = ci.attributes?.filter((a) => isBuiltInAttribute(a.name));
  return kept && kept.length > 0 ? kept : undefined;
}

/**
 * The design with what the simulation takes live blanked out: the canvas layout,
 * the name, services' count and placement, instances' status and custom attributes.
 */
function structure(design: DesignDocument): string {
  return JSON.stringify({
    ...design,
    name: '',
    layout: {},
    services: design.services.map((s) => ({
      ...s,
      desiredCount: 0,
      placementConstraints: undefined,
      placementStrategy: undefined,
    })),
    containerInstances: design.containerInstances.map((ci) => ({
      ...ci,
      status: undefined,
      attributes: builtInAttributes(ci),
    })),
  });
}

const withCluster = <T extends object>(cluster: string | undefined, input: T) =>
  cluster === undefined ? input : { cluster, ...input };

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

function serviceCommand(before: CreateServiceInput, after: CreateServiceInput): Command[] {
  const input: {
    service: string;
    desiredCount?: number;
    placementConstraints?: CreateServiceInput['placementConstraints'];
    placementStrategy?: CreateServiceInput['placementStrategy'];
  } = { service: after.serviceName };
  if (after.desiredCount !== undefined && after.desiredCount !== before.desiredCount)
    input.desiredCount = after.desiredCount;
  const constraints = after.placementConstraints ?? [];
  if (!same(before.placementConstraints ?? [], constraints))
    input.placementConstraints = constraints;
  const strategy = after.placementStrategy ?? [];
  if (!same(before.placementStrategy ?? [], strategy)) input.placementStrategy = strategy;
  if (Object.keys(input).length === 1) return [];
  return [{ action: 'UpdateService', input: withCluster(after.cluster, input) }];
}

function chunks<T>(items: readonly T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

/** PutAttributes for new or changed custom attributes, DeleteAttributes for dropped ones. */
function attributeCommands(before: ContainerInstance | undefined, after: ContainerInstance) {
  const old = new Map((before ? customAttributesOf(before) : []).map((a) => [a.name, a]));
  const now = customAttributesOf(after);
  const targetId = after.ec2InstanceId;
  const target = { targetType: 'container-instance' as const, targetId };
  const put = now.filter((a) => !same(old.get(a.name), a)).map((a) => ({ ...a, ...target }));
  const names = new Set(now.map((a) => a.name));
  const dropped = [...old.keys()]
    .filter((name) => !names.has(name))
    .map((name) => ({ name, ...target }));
  const commands: Command[] = [];
  for (const attributes of chunks(put, ATTRIBUTES_PER_CALL))
    commands.push({ action: 'PutAttributes', input: withCluster(after.cluster, { attributes }) });
  for (const attributes of chunks(dropped, ATTRIBUTES_PER_CALL))
    commands.push({
      action: 'DeleteAttributes',
      input: withCluster(after.cluster, { attributes }),
    });
  return commands;
}

function statusCommand(before: ContainerInstance | undefined, after: ContainerInstance): Command[] {
  const status = statusOf(after);
  if ((before ? statusOf(before) : 'ACTIVE') === status) return [];
  return [
    {
      action: 'UpdateContainerInstancesState',
      input: withCluster(after.cluster, { containerInstances: [after.ec2InstanceId], status }),
    },
  ];
}

/** A new instance joins the running cluster as ECS's agent would register it. */
function registerCommand(ci: ContainerInstance): Command {
  const input: Extract<Command, { action: 'RegisterContainerInstance' }>['input'] = {
    ec2InstanceId: ci.ec2InstanceId,
  };
  if (ci.instanceType !== undefined) input.instanceType = ci.instanceType;
  if (ci.availabilityZone !== undefined) input.availabilityZone = ci.availabilityZone;
  if (ci.attributes !== undefined) input.attributes = ci.attributes;
  return { action: 'RegisterContainerInstance', input: withCluster(ci.cluster, input) };
}

/**
 * Compare two designs: canvas-only changes leave the run alone; desired count,
 * placement, instance status and custom attributes become commands, and so does
 * a new plain instance (RegisterContainerInstance) and a removed one
 * (TerminateInstance); anything else restarts at
 * time 0. Works the same for edits, undo, redo and imports.
 */
export function simChange(previous: DesignDocument, next: DesignDocument): SimChange {
  if (previous === next) return { kind: 'none' };
  const known = new Set(previous.containerInstances.map((ci) => ci.ec2InstanceId));
  const added = next.containerInstances.filter((ci) => !known.has(ci.ec2InstanceId));
  if (added.some((ci) => Object.keys(ci).some((key) => !REGISTERABLE.has(key))))
    return { kind: 'reload' };
  const stillThere = new Set(next.containerInstances.map((ci) => ci.ec2InstanceId));
  const removed = previous.containerInstances.filter((ci) => !stillThere.has(ci.ec2InstanceId));
  // Compare what both designs share: instances that came or went become commands.
  const shared = (d: DesignDocument): DesignDocument =>
    added.length === 0 && removed.length === 0
      ? d
      : {
          ...d,
          containerInstances: d.containerInstances.filter(
            (ci) => known.has(ci.ec2InstanceId) && stillThere.has(ci.ec2InstanceId),
          ),
        };
  if (structure(shared(previous)) !== structure(shared(next))) return { kind: 'reload' };

  // An instance taken off the canvas goes away as a terminated EC2 instance would:
  // its tasks stop and the services start them elsewhere.
  const commands: Command[] = removed.map((ci) => ({
    action: 'TerminateInstance',
    input: { ec2InstanceId: ci.ec2InstanceId },
  }));
  const before = new Map(previous.containerInstances.map((ci) => [ci.ec2InstanceId, ci]));
  for (const ci of next.containerInstances) {
    const old = before.get(ci.ec2InstanceId);
    // Registering carries the attributes; only a DRAINING status needs a second call.
    if (!old) commands.push(registerCommand(ci));
    else commands.push(...attributeCommands(old, ci));
    commands.push(...statusCommand(old, ci));
  }
  next.services.forEach((service, i) => {
    const old = previous.services[i];
    if (old) commands.push(...serviceCommand(old, service));
  });
  return commands.length > 0 ? { kind: 'commands', commands } : { kind: 'none' };
}
