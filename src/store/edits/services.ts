import {
  type CreateServiceInput,
  type DesignDocument,
  type PlacementConstraint,
  type PlacementStrategy,
  type PortMapping,
  parseTaskDefinitionRef,
  type RegisterTaskDefinitionInput,
} from '../../design';
import { uniqueName } from './ids';
import type { Position } from './instances';
import { summarizeService } from './service-summary';

export const serviceKey = (name: string) => `service:${name}`;

export type ServiceNetworkMode = 'bridge' | 'host' | 'awsvpc';
export type SchedulingStrategy = 'REPLICA' | 'DAEMON';

/** What the palette's service form asks for. */
export interface NewService {
  family: string;
  image: string;
  cpu: number;
  memoryMiB: number;
  desiredCount: number;
  /** bridge when absent, as ECS on Linux. */
  networkMode?: ServiceNetworkMode;
  /** 0: a dynamic host port (bridge only); otherwise this port, static. */
  hostPort?: number;
  schedulingStrategy?: SchedulingStrategy;
}

/** The container listens on 80 unless a static port is asked for in a mode where both must match. */
const CONTAINER_PORT = 80;

/**
 * One port mapping per network mode (ecs-behavior §5): bridge maps 80 to the
 * host port (0 = dynamic); host and awsvpc need hostPort == containerPort, so
 * a port of 0 there means the container's own 80.
 */
export function portMappingFor(mode: ServiceNetworkMode, hostPort: number): PortMapping {
  if (mode === 'bridge') return { containerPort: CONTAINER_PORT, hostPort, protocol: 'tcp' };
  const port = hostPort > 0 ? hostPort : CONTAINER_PORT;
  return { containerPort: port, hostPort: port, protocol: 'tcp' };
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
  cluster = design.clusters[0]?.clusterName ?? 'default',
): { design: DesignDocument; serviceName: string } {
  // Reusing a family would register a new revision under an existing service: pick a free one.
  const taken = new Set([
    ...design.services.map((s) => s.serviceName),
    ...design.taskDefinitions.map((t) => t.family),
  ]);
  const name = uniqueName(form.family, taken);
  const networkMode = form.networkMode ?? 'bridge';
  const daemon = form.schedulingStrategy === 'DAEMON';
  const taskDefinition: RegisterTaskDefinitionInput = {
    family: name,
    networkMode,
    requiresCompatibilities: ['EC2'],
    containerDefinitions: [
      {
        name,
        image: form.image,
        cpu: form.cpu,
        memory: form.memoryMiB,
        essential: true,
        // hostPort 0 (bridge): dynamic host ports, so several tasks fit on one instance.
        portMappings: [portMappingFor(networkMode, form.hostPort ?? 0)],
      },
    ],
  };
  // DAEMON: one task per instance, no desired count, no strategies (ecs-behavior §7.1).
  const service: CreateServiceInput = daemon
    ? {
        cluster,
        serviceName: name,
        taskDefinition: name,
        launchType: 'EC2',
        schedulingStrategy: 'DAEMON',
        deploymentConfiguration: { minimumHealthyPercent: 0, maximumPercent: 100 },
      }
    : {
        cluster,
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
  /** An empty list removes the field: no constraints, or the scheduler's default strategies. */
  placementConstraints?: PlacementConstraint[];
  placementStrategy?: PlacementStrategy[];
}

function patchServiceFields(service: CreateServiceInput, patch: ServicePatch): CreateServiceInput {
  let next = service;
  if (patch.desiredCount !== undefined) next = { ...next, desiredCount: patch.desiredCount };
  if (patch.placementConstraints !== undefined) {
    const { placementConstraints: _old, ...rest } = next;
    next =
      patch.placementConstraints.length > 0
        ? { ...rest, placementConstraints: patch.placementConstraints }
        : rest;
  }
  if (patch.placementStrategy !== undefined) {
    const { placementStrategy: _old, ...rest } = next;
    next =
      patch.placementStrategy.length > 0
        ? { ...rest, placementStrategy: patch.placementStrategy }
        : rest;
  }
  return next;
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
  const services = design.services.map((s) => (s === service ? patchServiceFields(s, patch) : s));
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
