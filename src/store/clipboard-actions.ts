import {
  type ContainerInstance,
  type CreateServiceInput,
  clusterNameOf,
  type DesignDocument,
  type DesignIssue,
  type RegisterTaskDefinitionInput,
  resolveTaskDefinition,
  taskDefinitionRevisions,
  type Workload,
} from '../design';
import { useDesignStore } from './design';
import { editScaling } from './design-actions';
import { instanceKey, type Position, serviceKey } from './edits';
import { freshInstanceId, uniqueName } from './edits/ids';
import { registerCommand } from './live/commands';
import { shownDesign } from './live/shown-design';
import { isPristine, useRunStore } from './run';

/** A copied service with what it runs: its task definition revision and that family's workloads. */
export interface CopiedService {
  service: CreateServiceInput;
  taskDefinition?: RegisterTaskDefinitionInput;
  workloads: Workload[];
  at?: Position;
}

/** What Ctrl+C keeps: a snapshot, so deleting the originals later still pastes them. */
export interface Clip {
  instances: ContainerInstance[];
  services: CopiedService[];
}

export const EMPTY_CLIP: Clip = { instances: [], services: [] };

/** Where a pasted service lands relative to its original, once per paste of the same clip. */
export const PASTE_OFFSET = { x: 40, y: 40 } as const;

export function isEmptyClip(clip: Clip): boolean {
  return clip.instances.length === 0 && clip.services.length === 0;
}

/**
 * The instances and services named, as they stand in `design`; `at` gives where each
 * service is drawn (its saved place, else where the canvas put it).
 */
export function copyResources(
  design: DesignDocument,
  ids: readonly string[],
  names: readonly string[],
  at: Readonly<Record<string, Position>> = {},
): Clip {
  const instances = design.containerInstances.filter((ci) => ids.includes(ci.ec2InstanceId));
  const revisions = taskDefinitionRevisions(design);
  const services = design.services
    .filter((s) => names.includes(s.serviceName))
    .map((service): CopiedService => {
      const resolved = resolveTaskDefinition(revisions, service.taskDefinition);
      const workloads = design.workloads.filter(
        (w) =>
          w.family === resolved?.family &&
          (w.revision === undefined || w.revision === resolved.revision),
      );
      const where = design.layout[serviceKey(service.serviceName)] ?? at[service.serviceName];
      return {
        service,
        ...(resolved ? { taskDefinition: resolved.input } : {}),
        workloads,
        ...(where ? { at: where } : {}),
      };
    });
  return { instances: structuredClone(instances), services: structuredClone(services) };
}

/** `web-2` copies as `web-3`, not `web-2-2`: the number is the copy's, not part of the name. */
function copyBase(name: string): string {
  const stripped = name.replace(/-\d+$/, '');
  return stripped === '' ? name : stripped;
}

/** A copy's cluster: the original's when it is still in the design, else the first. */
function clusterFor(design: DesignDocument, ref: string | undefined): string | undefined {
  const name = clusterNameOf(design, ref);
  if (design.clusters.some((c) => c.clusterName === name)) return ref;
  return design.clusters[0]?.clusterName;
}

function pasteInstance(
  design: DesignDocument,
  original: ContainerInstance,
): { design: DesignDocument; id: string } {
  const id = freshInstanceId(design);
  // Only what describes the machine: ARN, agent and draining state are the original's own.
  const {
    containerInstanceArn: _arn,
    agentConnected: _agent,
    status: _status,
    cluster: _cluster,
    ...rest
  } = original;
  const cluster = clusterFor(design, original.cluster);
  const instance: ContainerInstance =
    cluster === undefined
      ? { ...rest, ec2InstanceId: id }
      : { ...rest, ec2InstanceId: id, cluster };
  // No saved place: the canvas gives it the next free slot of its lane, below the others.
  return {
    design: { ...design, containerInstances: [...design.containerInstances, instance] },
    id,
  };
}

/**
 * Model: a copy is a service of its own, as a person who duplicates one expects: a new
 * name and a task definition family of that name (so editing the copy's image leaves the
 * original alone), the same desired count, placement, capacity and network. It joins no
 * load balancer, Cloud Map service or Service Connect endpoint of the original (those name
 * one service) and has no auto scaling of its own; the person wires those again.
 */
function pasteService(
  design: DesignDocument,
  copied: CopiedService,
  shift: number,
): { design: DesignDocument; name: string } {
  const taken = new Set([
    ...design.services.map((s) => s.serviceName),
    ...design.taskDefinitions.map((t) => t.family),
  ]);
  const name = uniqueName(copyBase(copied.service.serviceName), taken);
  const {
    loadBalancers: _lbs,
    serviceRegistries: _registries,
    serviceConnectConfiguration: connect,
    ...rest
  } = copied.service;
  const cluster = clusterFor(design, copied.service.cluster);
  const { cluster: _cluster, ...unplaced } = rest;
  const service: CreateServiceInput = {
    ...unplaced,
    ...(cluster === undefined ? {} : { cluster }),
    serviceName: name,
    taskDefinition: name,
  };
  if (connect) {
    const { services: _endpoints, ...client } = connect;
    service.serviceConnectConfiguration = client;
  }
  let taskDefinitions = design.taskDefinitions;
  let workloads = design.workloads;
  if (copied.taskDefinition) {
    const { revision: _revision, ...input } =
      copied.taskDefinition as RegisterTaskDefinitionInput & {
        revision?: number;
      };
    taskDefinitions = [...taskDefinitions, { ...input, family: name }];
    workloads = [
      ...workloads,
      ...copied.workloads.map(({ revision: _r, ...w }) => ({ ...w, family: name })),
    ];
  } else service.taskDefinition = copied.service.taskDefinition;
  const layout = copied.at
    ? {
        ...design.layout,
        [serviceKey(name)]: {
          x: copied.at.x + PASTE_OFFSET.x * shift,
          y: copied.at.y + PASTE_OFFSET.y * shift,
        },
      }
    : design.layout;
  return {
    design: {
      ...design,
      services: [...design.services, service],
      taskDefinitions,
      workloads,
      layout,
    },
    name,
  };
}

export interface Pasted {
  design: DesignDocument;
  instanceIds: string[];
  serviceNames: string[];
}

/** The clip's copies added to `design`, fresh ids and names; `shift`: how many offsets away. */
export function pasteClip(design: DesignDocument, clip: Clip, shift = 1): Pasted {
  let next = design;
  const instanceIds: string[] = [];
  const serviceNames: string[] = [];
  for (const ci of clip.instances) {
    const result = pasteInstance(next, ci);
    next = result.design;
    instanceIds.push(result.id);
  }
  for (const s of clip.services) {
    const result = pasteService(next, s, shift);
    next = result.design;
    serviceNames.push(result.name);
  }
  return { design: next, instanceIds, serviceNames };
}

/** The design the person sees: during a run, as the run stands at the moment shown. */
export function designShown(): DesignDocument {
  const design = useDesignStore.getState().design;
  if (isPristine()) return design;
  const s = useRunStore.getState();
  return shownDesign(design, s.timeline.journal, s.nowMs);
}

export type PasteOutcome =
  | { ok: true; instanceIds: string[]; serviceNames: string[] }
  | { ok: false; issues: DesignIssue[] };

/**
 * Paste through the gate. Before a run the copies join the design. During one, instances
 * alone register now (RegisterContainerInstance, as a palette drop does); a service is no
 * operation on a running cluster, so the run restarts at 0:00 with the copies.
 */
export function pasteResources(clip: Clip, shift = 1): PasteOutcome {
  if (isEmptyClip(clip)) return { ok: true, instanceIds: [], serviceNames: [] };
  const live = !isPristine();
  if (live && clip.services.length === 0) {
    const before = designShown();
    const pasted = pasteClip(before, clip, shift);
    const added = pasted.design.containerInstances.filter((ci) =>
      pasted.instanceIds.includes(ci.ec2InstanceId),
    );
    const issues = editScaling(
      () => pasted.design,
      'Pasting instances',
      () => added.map(registerCommand),
    );
    if (issues.length > 0) return { ok: false, issues };
    return { ok: true, instanceIds: pasted.instanceIds, serviceNames: [] };
  }
  let result: Pasted | undefined;
  const issues = editScaling((d) => {
    result = pasteClip(d, clip, shift);
    return result.design;
  }, pasteWhat(clip));
  if (issues.length > 0 || !result) return { ok: false, issues };
  return { ok: true, instanceIds: result.instanceIds, serviceNames: result.serviceNames };
}

function pasteWhat(clip: Clip): string {
  return clip.services.length === 1 ? 'Adding a service' : 'Adding services';
}

/** The canvas node ids of what a paste added, to select them. */
export const pastedNodeIds = (p: { instanceIds: string[]; serviceNames: string[] }) => [
  ...p.instanceIds.map(instanceKey),
  ...p.serviceNames.map(serviceKey),
];
