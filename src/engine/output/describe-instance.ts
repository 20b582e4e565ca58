import { providerOfInstance } from '../capacity/route';
import { type EngineContext, isoAt } from '../context';
import type { InstanceState } from '../model/types';

function integer(name: string, value: number) {
  return { name, type: 'INTEGER', doubleValue: 0, longValue: 0, integerValue: value };
}

function stringSet(name: string, values: string[]) {
  return {
    name,
    type: 'STRINGSET',
    doubleValue: 0,
    longValue: 0,
    integerValue: 0,
    stringSetValue: values,
  };
}

function ports(set: ReadonlySet<number>, name: string) {
  return stringSet(name, [...set].sort((a, b) => a - b).map(String));
}

/**
 * The GPU resource, only on an instance with GPUs. Model: tasks take GPUs in the order
 * the instance registered them and Berth does not track which task holds which id, so
 * the remaining ones are listed as the last `remainingGpus` ids.
 */
function gpuResources(instance: InstanceState) {
  const ids = instance.gpuIds ?? [];
  if (ids.length === 0) return { registered: [], remaining: [] };
  const free = Math.max(0, Math.min(ids.length, instance.remainingGpus));
  return {
    registered: [stringSet('GPU', [...ids])],
    remaining: [stringSet('GPU', ids.slice(ids.length - free))],
  };
}

/** A container instance as DescribeContainerInstances prints it. */
export function describeContainerInstance(
  ctx: EngineContext,
  instance: InstanceState,
): Record<string, unknown> {
  let running = 0;
  let pending = 0;
  for (const arn of instance.taskArns) {
    const task = ctx.tasks.get(arn);
    if (task?.lastStatus === 'RUNNING') running++;
    else if (task && task.lastStatus !== 'STOPPED') pending++;
  }
  const gpus = gpuResources(instance);
  // DescribeContainerInstances names the provider of an instance its group launched.
  const capacityProviderName = providerOfInstance(ctx, instance);
  return {
    containerInstanceArn: instance.containerInstanceArn,
    ec2InstanceId: instance.ec2InstanceId,
    ...(capacityProviderName !== undefined && { capacityProviderName }),
    version: instance.version,
    versionInfo: {
      agentVersion: instance.agentVersion,
      agentHash: 'berth',
      dockerVersion: 'DockerVersion: 25.0.8',
    },
    remainingResources: [
      integer('CPU', instance.remainingCpu),
      integer('MEMORY', instance.remainingMemoryMiB),
      ports(instance.reservedTcpPorts, 'PORTS'),
      ports(instance.reservedUdpPorts, 'PORTS_UDP'),
      ...gpus.remaining,
    ],
    registeredResources: [
      integer('CPU', instance.registeredCpu),
      integer('MEMORY', instance.registeredMemoryMiB),
      stringSet('PORTS', ['22', '2375', '2376', '51678', '51679']),
      stringSet('PORTS_UDP', []),
      ...gpus.registered,
    ],
    status: instance.status,
    agentConnected: instance.agentConnected,
    runningTasksCount: running,
    pendingTasksCount: pending,
    attributes: Object.entries(instance.attributes).map(([name, value]) =>
      value === '' ? { name } : { name, value },
    ),
    registeredAt: isoAt(ctx, instance.registeredAtMs),
    attachments: [],
    tags: [],
  };
}
