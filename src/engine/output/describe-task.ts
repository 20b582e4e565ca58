import { taskCapacity } from '../capacity/tasks';
import { type EngineContext, isoAt } from '../context';
import { arns } from '../ids';
import type { TaskState } from '../model/types';

// A task's times repeat in every event it sends (createdAt, pullStartedAt, ...): formatting
// each once saves a Date and a toISOString per field per event. By absolute epoch ms, so
// runs with other start times share it; emptied when large, so it stays small.
const isoByEpochMs = new Map<number, string>();
const ISO_KEPT = 4096;

function iso(ctx: EngineContext, ms: number | undefined): string | undefined {
  if (ms === undefined) return undefined;
  const epochMs = ctx.startEpochMs + ms;
  let text = isoByEpochMs.get(epochMs);
  if (text === undefined) {
    if (isoByEpochMs.size >= ISO_KEPT) isoByEpochMs.clear();
    text = isoAt(ctx, ms);
    isoByEpochMs.set(epochMs, text);
  }
  return text;
}

/**
 * Drop undefined fields so the JSON reads like the AWS CLI's. A copy rather than `delete`,
 * which would turn every event's detail into a slow dictionary-mode object.
 */
function compact<T extends Record<string, unknown>>(obj: T): T {
  const out: Record<string, unknown> = {};
  for (const key in obj) if (obj[key] !== undefined) out[key] = obj[key];
  return out as T;
}

/** A task as DescribeTasks prints it (and as `ECS Task State Change` carries it). */
export function describeTask(ctx: EngineContext, task: TaskState): Record<string, unknown> {
  const instance = task.containerInstanceArn
    ? ctx.instances.get(task.containerInstanceArn)
    : undefined;
  const td = task.taskDefinition;
  const where = taskCapacity(ctx, task);
  const fargate = where.launchType === 'FARGATE';
  return compact({
    // A Fargate task's own ENI, in the subnet it was given (§6).
    attachments:
      fargate && where.subnetId !== undefined
        ? [
            {
              id: `${task.taskId.slice(0, 8)}-eni0`,
              type: 'ElasticNetworkInterface',
              status: task.lastStatus === 'STOPPED' ? 'DELETED' : 'ATTACHED',
              details: [{ name: 'subnetId', value: where.subnetId }],
            },
          ]
        : [],
    attributes: [
      {
        name: 'ecs.cpu-architecture',
        value: instance?.attributes['ecs.cpu-architecture'] ?? 'x86_64',
      },
    ],
    availabilityZone: instance?.availabilityZone ?? where.availabilityZone,
    capacityProviderName: where.capacityProviderName,
    clusterArn: arns.cluster(ctx, task.clusterName),
    containerInstanceArn: task.containerInstanceArn,
    containers: td.input.containerDefinitions.map((c, i) =>
      compact({
        containerArn: `arn:aws:ecs:${ctx.region}:${ctx.account}:container/${task.clusterName}/${task.taskId}/${task.taskId.slice(0, 8)}-${String(i).padStart(4, '0')}`,
        lastStatus:
          task.lastStatus === 'RUNNING' || task.lastStatus === 'STOPPED'
            ? task.lastStatus
            : 'PENDING',
        name: c.name,
        image: c.image,
        taskArn: task.taskArn,
        networkBindings: task.hostPorts
          .filter((p) =>
            (c.portMappings ?? []).some((m) => (m.containerPort ?? m.hostPort) === p.containerPort),
          )
          .map((p) => ({
            bindIP: '0.0.0.0',
            containerPort: p.containerPort,
            hostPort: p.hostPort,
            protocol: p.protocol,
          })),
        cpu: c.cpu === undefined ? undefined : String(c.cpu),
        memory: c.memory === undefined ? undefined : String(c.memory),
        memoryReservation:
          c.memoryReservation === undefined ? undefined : String(c.memoryReservation),
      }),
    ),
    cpu: String(td.cpu),
    createdAt: iso(ctx, task.createdAtMs),
    desiredStatus: task.desiredStatus,
    group: task.group,
    healthStatus: task.healthStatus ?? 'UNKNOWN',
    lastStatus: task.lastStatus,
    launchType: where.launchType,
    memory: String(td.memoryMiB),
    // Model: every Fargate task runs on LATEST, 1.4.0 for Linux (§6.2).
    platformVersion: fargate ? '1.4.0' : undefined,
    platformFamily: fargate ? 'Linux' : undefined,
    overrides: { containerOverrides: td.input.containerDefinitions.map((c) => ({ name: c.name })) },
    pullStartedAt: iso(ctx, task.pullStartedAtMs),
    pullStoppedAt: iso(ctx, task.pullStoppedAtMs),
    startedAt: iso(ctx, task.startedAtMs),
    startedBy: task.startedBy,
    stopCode: task.stopCode,
    stoppedAt: iso(ctx, task.stoppedAtMs),
    stoppedReason: task.stoppedReason,
    stoppingAt: iso(ctx, task.stoppingAtMs),
    taskArn: task.taskArn,
    taskDefinitionArn: td.arn,
    version: task.version,
  });
}

export { compact };
