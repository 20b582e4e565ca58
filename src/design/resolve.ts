import type { ContainerInstance, RegisterTaskDefinitionInput } from './aws-shapes';
import type { DesignDocument } from './document';
import { instanceTypeSpec, registeredCpuUnits, registeredMemoryMiB } from './instance-types';

/** A task definition with the revision its position in the design gives it. */
export interface TaskDefinitionRevision {
  family: string;
  revision: number;
  input: RegisterTaskDefinitionInput;
}

/**
 * Registering the same family again makes the next revision, as in ECS. An input that
 * carries its own `revision` (provenance from describe-task-definition) keeps that number
 * when it is above the family's previous one, so an imported web:7 stays web:7 and the
 * next registered is web:8; a number at or below the previous one is ignored.
 */
export function taskDefinitionRevisions(
  design: Pick<DesignDocument, 'taskDefinitions'>,
): TaskDefinitionRevision[] {
  const next = new Map<string, number>();
  return design.taskDefinitions.map((input) => {
    const previous = next.get(input.family) ?? 0;
    const own = (input as { revision?: unknown }).revision;
    const revision =
      typeof own === 'number' && Number.isInteger(own) && own > previous ? own : previous + 1;
    next.set(input.family, revision);
    return { family: input.family, revision, input };
  });
}

/**
 * The design's revisions, then those its script registers (RegisterTaskDefinition), in
 * the order the run applies them: by time, then by place in the script.
 */
export function scriptedTaskDefinitionRevisions(
  design: Pick<DesignDocument, 'taskDefinitions' | 'script'>,
): TaskDefinitionRevision[] {
  const scripted = design.script
    .map((a, index) => ({ a, index }))
    .filter(({ a }) => a.action === 'RegisterTaskDefinition')
    .sort((x, y) => x.a.at - y.a.at || x.index - y.index)
    .map(({ a }) => a.input as RegisterTaskDefinitionInput);
  // A registration at run time always takes the next number, whatever its input says, as
  // the engine's RegisterTaskDefinition does: only the design's own inputs keep theirs.
  const revisions = taskDefinitionRevisions(design);
  const last = new Map<string, number>();
  for (const r of revisions) last.set(r.family, Math.max(last.get(r.family) ?? 0, r.revision));
  for (const input of scripted) {
    const revision = (last.get(input.family) ?? 0) + 1;
    last.set(input.family, revision);
    revisions.push({ family: input.family, revision, input });
  }
  return revisions;
}

/**
 * `family`, `family:revision` or a task definition ARN, as ECS accepts them.
 * A malformed reference (`web:latest`, `web:0`, an ARN of another resource) comes
 * back with the whole text as its family: no family can contain `:`, so it
 * resolves to nothing rather than to the latest revision.
 */
export function parseTaskDefinitionRef(ref: string): { family: string; revision?: number } {
  let name = ref;
  if (ref.startsWith('arn:')) {
    const at = ref.indexOf(':task-definition/');
    if (at < 0) return { family: ref };
    name = ref.slice(at + ':task-definition/'.length);
  }
  const parts = name.split(':');
  if (parts.length === 1) return { family: name };
  const [family = '', rev = ''] = parts;
  if (parts.length > 2 || !/^[1-9]\d*$/.test(rev)) return { family: ref };
  return { family, revision: Number(rev) };
}

/** The text ECS shows for a revision: `web:3`. */
export function taskDefinitionRefOf(revision: Pick<TaskDefinitionRevision, 'family' | 'revision'>) {
  return `${revision.family}:${revision.revision}`;
}

export function resolveTaskDefinition(
  revisions: readonly TaskDefinitionRevision[],
  ref: string,
): TaskDefinitionRevision | undefined {
  const { family, revision } = parseTaskDefinitionRef(ref);
  let found: TaskDefinitionRevision | undefined;
  for (const r of revisions) {
    if (r.family !== family) continue;
    if (revision === undefined ? !found || r.revision > found.revision : r.revision === revision) {
      found = r;
    }
  }
  return found;
}

export function attributeValue(ci: ContainerInstance, name: string): string | undefined {
  return ci.attributes?.find((a) => a.name === name)?.value;
}

export function instanceTypeOf(ci: ContainerInstance): string | undefined {
  return attributeValue(ci, 'ecs.instance-type') ?? ci.instanceType;
}

export function availabilityZoneOf(ci: ContainerInstance): string | undefined {
  return attributeValue(ci, 'ecs.availability-zone') ?? ci.availabilityZone;
}

export interface RegisteredResources {
  cpu: number;
  memoryMiB: number;
}

function integerResource(ci: ContainerInstance, name: string): number | undefined {
  return ci.registeredResources?.find((r) => r.name === name)?.integerValue;
}

/** Registered CPU and memory: the instance's own figures, else the instance-type table. */
export function registeredResourcesOf(ci: ContainerInstance): RegisteredResources | undefined {
  const spec = instanceTypeSpec(instanceTypeOf(ci) ?? '');
  const cpu = integerResource(ci, 'CPU') ?? (spec ? registeredCpuUnits(spec) : undefined);
  const memoryMiB = integerResource(ci, 'MEMORY') ?? (spec ? registeredMemoryMiB(spec) : undefined);
  return cpu === undefined || memoryMiB === undefined ? undefined : { cpu, memoryMiB };
}

/**
 * The GPUs an instance registers, as ECS lists them in `registeredResources`
 * (`{ name: 'GPU', type: 'STRINGSET', stringSetValue: [...] }`): the NVIDIA UUIDs the
 * agent reads from nvidia-smi, `GPU-` and 36 characters (aws/amazon-ecs-agent,
 * agent/app/agent.go). The design's own GPU resource wins: its ids, or `integerValue`
 * GPUs; else the instance type's GPUs from the catalog.
 *
 * Model: only NVIDIA GPUs register (the agent's GPU manager is NVIDIA's; the ECS GPU
 * guide lists NVIDIA types only), so an AMD g4ad registers none, and fractional-GPU
 * types (g6f, 0 whole GPUs in the catalog) none either. Every NVIDIA instance runs the
 * ECS GPU-optimized AMI with GPU support on. The UUIDs are stable made-up ones.
 */
export function registeredGpuIdsOf(ci: ContainerInstance): string[] {
  const own = ci.registeredResources?.find((r) => r.name === 'GPU');
  if (own?.stringSetValue) return [...own.stringSetValue];
  const spec = instanceTypeSpec(instanceTypeOf(ci) ?? '');
  const count =
    own?.integerValue ?? (spec && spec.gpuManufacturer === 'nvidia' ? Math.floor(spec.gpus) : 0);
  return Array.from({ length: Math.max(0, count) }, (_, i) => gpuUuid(`${ci.ec2InstanceId}/${i}`));
}

/** Model: the NVIDIA driver of Berth's GPU-optimized AMI, reported as the agent does. */
export const NVIDIA_DRIVER_VERSION = '570.172.08';

/** `GPU-xxxxxxxx-xxxx-xxxx-xxxx-xxxxxxxxxxxx`, stable for a name. */
function gpuUuid(name: string): string {
  const hex = fnvHex(`gpu/${name}`) + fnvHex(`gpu2/${name}`);
  return `GPU-${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20, 32)}`;
}

/** Every attribute ECS would report, built-ins from the instance type, custom ones kept. */
export function allAttributesOf(ci: ContainerInstance): Record<string, string> {
  const type = instanceTypeOf(ci);
  const spec = instanceTypeSpec(type ?? '');
  const out: Record<string, string> = {
    'ecs.os-type': 'linux',
    'ecs.os-family': 'LINUX',
    'ecs.cpu-architecture': spec?.cpuArchitecture ?? 'x86_64',
  };
  if (type) out['ecs.instance-type'] = type;
  const az = availabilityZoneOf(ci);
  if (az) out['ecs.availability-zone'] = az;
  const gpus = registeredGpuIdsOf(ci).length > 0;
  // Model: every EC2 instance reports an AMI, a VPC and a subnet (ecs-behavior §4.5);
  // Berth makes stable ids for them: one VPC per region, one subnet per zone, one
  // ECS-optimized AMI per region and architecture (and its GPU-optimized sibling for
  // instances with GPUs). The design's own values win.
  const region = az?.replace(/[a-z]$/, '') ?? '';
  const ami = `ami/${region}/${out['ecs.cpu-architecture']}${gpus ? '/gpu' : ''}`;
  out['ecs.ami-id'] = `ami-${fnvHex(ami)}`;
  // The agent's GPU capabilities: a name-only attribute with the driver version in its
  // name, and the version as a value (agent/app/agent_capability_unix.go).
  if (gpus) {
    out[`ecs.capability.nvidia-driver-version.${NVIDIA_DRIVER_VERSION}`] = '';
    out['ecs.capability.gpu-driver-version'] = NVIDIA_DRIVER_VERSION;
  }
  out['ecs.vpc-id'] = `vpc-${fnvHex(`vpc/${region}`)}`;
  if (az) out['ecs.subnet-id'] = `subnet-${fnvHex(`subnet/${az}`)}`;
  for (const a of ci.attributes ?? []) out[a.name] = a.value ?? '';
  return out;
}

/**
 * The cluster a resource names: a cluster name or ARN; absent means the design's
 * first cluster (Berth's stand-in for the AWS `default` cluster). An ARN of
 * something else comes back whole, so it matches no cluster.
 */
export function clusterNameOf(design: Pick<DesignDocument, 'clusters'>, ref?: string): string {
  if (ref === undefined) return design.clusters[0]?.clusterName ?? 'default';
  if (!ref.startsWith('arn:')) return ref;
  const at = ref.indexOf(':cluster/');
  return at < 0 ? ref : ref.slice(at + ':cluster/'.length);
}

/** 17 hex characters from a name, the length of EC2 resource ids. */
function fnvHex(text: string): string {
  let out = '';
  let seed = 0x811c9dc5;
  while (out.length < 17) {
    let h = seed;
    for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193) >>> 0;
    out += h.toString(16).padStart(8, '0');
    seed = (h ^ 0x9e3779b9) >>> 0;
  }
  return out.slice(0, 17);
}
