import { type EngineContext, isoAt } from '../context';
import type { InstanceState } from '../model/types';

function integer(name: string, value: number) {
  return { name, type: 'INTEGER', doubleValue: 0, longValue: 0, integerValue: value };
}

function ports(set: ReadonlySet<number>, name: string) {
  return {
    name,
    type: 'STRINGSET',
    doubleValue: 0,
    longValue: 0,
    integerValue: 0,
    stringSetValue: [...set].sort((a, b) => a - b).map(String),
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
  return {
    containerInstanceArn: instance.containerInstanceArn,
    ec2InstanceId: instance.ec2InstanceId,
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
    ],
    registeredResources: [
      integer('CPU', instance.registeredCpu),
      integer('MEMORY', instance.registeredMemoryMiB),
      {
        name: 'PORTS',
        type: 'STRINGSET',
        doubleValue: 0,
        longValue: 0,
        integerValue: 0,
        stringSetValue: ['22', '2375', '2376', '51678', '51679'],
      },
      {
        name: 'PORTS_UDP',
        type: 'STRINGSET',
        doubleValue: 0,
        longValue: 0,
        integerValue: 0,
        stringSetValue: [],
      },
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
