import type { TaskDefinitionRevision } from '../../design';
import { type ArnScope, arns } from '../ids';
import type { TaskDefinitionModel } from './types';

/** Task-level `cpu` accepts "1024" or "1 vCPU" (ecs-behavior §6.1). */
export function parseCpuUnits(value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  const vcpu = /^\s*([\d.]+)\s*vcpu\s*$/i.exec(value);
  if (vcpu) return Math.round(Number(vcpu[1]) * 1024);
  const n = Number(value);
  return Number.isFinite(n) ? n : undefined;
}

/** Task-level `memory` accepts "2048" or "2GB" / "2 GB" (ecs-behavior §6.1). */
export function parseMemoryMiB(value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  const gb = /^\s*([\d.]+)\s*gb\s*$/i.exec(value);
  if (gb) return Math.round(Number(gb[1]) * 1024);
  const n = Number(value);
  return Number.isFinite(n) ? n : undefined;
}

/**
 * Physical GPUs a task reserves: its containers' GPU resourceRequirements summed (API
 * ResourceRequirement). The design gate refuses values that are not whole positive
 * numbers (design/accelerator-rules.ts); here such a value counts 0.
 */
export function taskGpuCount(revision: Pick<TaskDefinitionRevision, 'input'>): number {
  let gpus = 0;
  for (const c of revision.input.containerDefinitions) {
    for (const r of c.resourceRequirements ?? []) {
      if (r.type === 'GPU' && /^[1-9]\d*$/.test(r.value.trim())) gpus += Number(r.value);
    }
  }
  return gpus;
}

/**
 * Model: Elastic Inference is no longer available ("Amazon Elastic Inference is no
 * longer available", EC2 API), so no instance can attach an accelerator. A task that
 * asks for one needs the agent's `ecs.capability.task-eia` attribute, which Berth's
 * instances do not report: it is refused with ATTRIBUTE, unless the design gives an
 * instance that attribute to stand for one from before the end of life.
 */
export const ELASTIC_INFERENCE_ATTRIBUTE = 'ecs.capability.task-eia';

function usesElasticInference(revision: Pick<TaskDefinitionRevision, 'input'>): boolean {
  const { input } = revision;
  return (
    (input.inferenceAccelerators?.length ?? 0) > 0 ||
    input.containerDefinitions.some((c) =>
      c.resourceRequirements?.some((r) => r.type === 'InferenceAccelerator'),
    )
  );
}

/**
 * What a task reserves on an instance: task-level values first, else the sum over
 * containers of memoryReservation, else memory; CPU likewise (ecs-behavior §3.1).
 */
export function compileTaskDefinition(
  scope: ArnScope,
  revision: TaskDefinitionRevision,
): TaskDefinitionModel {
  const { input } = revision;
  const containers = input.containerDefinitions;
  const cpu = parseCpuUnits(input.cpu) ?? containers.reduce((sum, c) => sum + (c.cpu ?? 0), 0);
  const memoryMiB =
    parseMemoryMiB(input.memory) ??
    containers.reduce((sum, c) => sum + (c.memoryReservation ?? c.memory ?? 0), 0);
  const networkMode = input.networkMode ?? 'bridge';
  const portMappings = containers.flatMap((c) =>
    (c.portMappings ?? []).map((p) => {
      const containerPort = p.containerPort ?? p.hostPort ?? 0;
      const protocol = p.protocol ?? 'tcp';
      return p.hostPort === undefined
        ? { containerPort, protocol }
        : { containerPort, hostPort: p.hostPort, protocol };
    }),
  );
  const requiredAttributes: { name: string; value?: string }[] = [];
  const platform = input.runtimePlatform;
  if (platform?.cpuArchitecture) {
    requiredAttributes.push({
      name: 'ecs.cpu-architecture',
      value: platform.cpuArchitecture === 'ARM64' ? 'arm64' : 'x86_64',
    });
  }
  if (platform?.operatingSystemFamily) {
    requiredAttributes.push({
      name: 'ecs.os-type',
      value: platform.operatingSystemFamily.startsWith('WINDOWS') ? 'windows' : 'linux',
    });
  }
  if (usesElasticInference(revision))
    requiredAttributes.push({ name: ELASTIC_INFERENCE_ATTRIBUTE });
  return {
    ...revision,
    arn: arns.taskDefinition(scope, revision.family, revision.revision),
    cpu,
    memoryMiB,
    networkMode,
    portMappings,
    placementConstraints: input.placementConstraints ?? [],
    requiredAttributes,
  };
}
