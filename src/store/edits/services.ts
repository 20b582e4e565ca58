import {
  type CreateServiceInput,
  type DesignDocument,
  parseTaskDefinitionRef,
  type RegisterTaskDefinitionInput,
} from '../../design';
import { uniqueName } from './ids';
import type { Position } from './instances';
import { summarizeService } from './service-summary';

export const serviceKey = (name: string) => `service:${name}`;

/** What the palette's service form asks for. */
export interface NewService {
  family: string;
  image: string;
  cpu: number;
  memoryMiB: number;
  desiredCount: number;
}

/** The ECS console's default for EC2 services: spread over zones, then instances. */
const AZ_BALANCED_SPREAD = [
  { type: 'spread' as const, field: 'attribute:ecs.availability-zone' },
  { type: 'spread' as const, field: 'instanceId' },
];

/** RegisterTaskDefinition + CreateService + a workload, as one drop from the palette. */
export function addService(
  design: DesignDocument,
  form: NewService,
  position?: Position,
): { design: DesignDocument; serviceName: string } {
  // Reusing a family would register a new revision under an existing service: pick a free one.
  const taken = new Set([
    ...design.services.map((s) => s.serviceName),
    ...design.taskDefinitions.map((t) => t.family),
  ]);
  const name = uniqueName(form.family, taken);
  const taskDefinition: RegisterTaskDefinitionInput = {
    family: name,
    networkMode: 'bridge',
    requiresCompatibilities: ['EC2'],
    containerDefinitions: [
      {
        name,
        image: form.image,
        cpu: form.cpu,
        memory: form.memoryMiB,
        essential: true,
        // hostPort 0: dynamic host ports, so several tasks fit on one instance.
        portMappings: [{ containerPort: 80, hostPort: 0, protocol: 'tcp' }],
      },
    ],
  };
  const service: CreateServiceInput = {
    cluster: design.clusters[0]?.clusterName ?? 'default',
    serviceName: name,
    taskDefinition: name,
    desiredCount: form.desiredCount,
    launchType: 'EC2',
    placementStrategy: AZ_BALANCED_SPREAD,
    deploymentConfiguration: { minimumHealthyPercent: 100, maximumPercent: 200 },
  };
  const workload = { family: name, imagePullSeconds: 6, startSeconds: 3, stopSeconds: 2 };
  const layout = position ? { ...design.layout, [serviceKey(name)]: position } : design.layout;
  return {
    design: {
      ...design,
      taskDefinitions: [...design.taskDefinitions, taskDefinition],
      services: [...design.services, service],
      workloads: [...design.workloads, workload],
      layout,
    },
    serviceName: name,
  };
}

export interface ServicePatch {
  desiredCount?: number;
  image?: string;
  cpu?: number;
  memoryMiB?: number;
}

function patchTaskDefinition(
  input: RegisterTaskDefinitionInput,
  patch: ServicePatch,
): RegisterTaskDefinitionInput {
  const [first, ...rest] = input.containerDefinitions;
  if (!first) return input;
  const container = { ...first };
  if (patch.image !== undefined) container.image = patch.image;
  // Task-level sizes win when present (as in ECS); otherwise the container carries them.
  const next = { ...input };
  if (patch.cpu !== undefined) {
    if (input.cpu !== undefined) next.cpu = String(patch.cpu);
    else container.cpu = patch.cpu;
  }
  if (patch.memoryMiB !== undefined) {
    if (input.memory !== undefined) next.memory = String(patch.memoryMiB);
    else container.memory = patch.memoryMiB;
  }
  return { ...next, containerDefinitions: [container, ...rest] };
}

export function updateService(
  design: DesignDocument,
  name: string,
  patch: ServicePatch,
): DesignDocument {
  const service = design.services.find((s) => s.serviceName === name);
  if (!service) return design;
  const { taskDefinitionIndex } = summarizeService(design, service);
  const services = design.services.map((s) =>
    s === service && patch.desiredCount !== undefined
      ? { ...s, desiredCount: patch.desiredCount }
      : s,
  );
  const touchesTask =
    patch.image !== undefined || patch.cpu !== undefined || patch.memoryMiB !== undefined;
  const taskDefinitions =
    touchesTask && taskDefinitionIndex >= 0
      ? design.taskDefinitions.map((t, i) =>
          i === taskDefinitionIndex ? patchTaskDefinition(t, patch) : t,
        )
      : design.taskDefinitions;
  return { ...design, services, taskDefinitions };
}

/** Drop the service; its family's task definitions and workload go too when no other service uses them. */
export function removeService(design: DesignDocument, name: string): DesignDocument {
  const services = design.services.filter((s) => s.serviceName !== name);
  const used = new Set(services.map((s) => parseTaskDefinitionRef(s.taskDefinition).family));
  const removed = design.services.find((s) => s.serviceName === name);
  const family = removed ? parseTaskDefinitionRef(removed.taskDefinition).family : undefined;
  const drop = family !== undefined && !used.has(family);
  const { [serviceKey(name)]: _dropped, ...layout } = design.layout;
  return {
    ...design,
    services,
    taskDefinitions: drop
      ? design.taskDefinitions.filter((t) => t.family !== family)
      : design.taskDefinitions,
    workloads: drop ? design.workloads.filter((w) => w.family !== family) : design.workloads,
    layout,
  };
}
