import { DEFAULT_RESERVED_TCP_PORTS } from '../limits';
import type {
  CandidateInstance,
  InstanceStatus,
  PlacementConstraint,
  PlacementRequest,
  PlacementStrategy,
  PortNeed,
  Scheduler,
  TaskRequirements,
} from '../types';

// Small builders for placement tests: real values with defaults, no mocks.

export interface InstanceSpec {
  id?: string;
  cpu?: number;
  memoryMiB?: number;
  /** Already free; defaults to cpu / memoryMiB. */
  freeCpu?: number;
  freeMemoryMiB?: number;
  /** GPUs free; absent: the instance has none. */
  freeGpus?: number;
  az?: string;
  type?: string;
  status?: InstanceStatus;
  agentConnected?: boolean;
  agentVersion?: string;
  registeredAt?: string;
  eniLimit?: number;
  eniUsed?: number;
  tcpPorts?: number[];
  udpPorts?: number[];
  /** Live tasks per group; also sets runningTasksCount unless given. */
  tasks?: Record<string, number>;
  runningTasksCount?: number;
  attributes?: Record<string, string>;
}

let counter = 0;

export function instance(spec: InstanceSpec = {}): CandidateInstance {
  const id = spec.id ?? `ci-${++counter}`;
  const cpu = spec.cpu ?? 2048;
  const memoryMiB = spec.memoryMiB ?? 4096;
  const tasks = spec.tasks ?? {};
  return {
    containerInstanceArn: `arn:aws:ecs:us-east-1:123456789012:container-instance/default/${id}`,
    ec2InstanceId: `i-${id}`,
    status: spec.status ?? 'ACTIVE',
    agentConnected: spec.agentConnected ?? true,
    agentVersion: spec.agentVersion ?? '1.80.0',
    registeredAtMs: Date.parse(spec.registeredAt ?? '2024-01-01T00:00:00Z'),
    attributes: {
      'ecs.availability-zone': spec.az ?? 'us-east-1a',
      'ecs.instance-type': spec.type ?? 'm5.large',
      'ecs.os-type': 'linux',
      'ecs.cpu-architecture': 'x86_64',
      ...spec.attributes,
    },
    registeredCpu: cpu,
    registeredMemoryMiB: memoryMiB,
    remainingCpu: spec.freeCpu ?? cpu,
    remainingMemoryMiB: spec.freeMemoryMiB ?? memoryMiB,
    ...(spec.freeGpus !== undefined && { remainingGpus: spec.freeGpus }),
    reservedTcpPorts: new Set([...DEFAULT_RESERVED_TCP_PORTS, ...(spec.tcpPorts ?? [])]),
    reservedUdpPorts: new Set(spec.udpPorts ?? []),
    eniLimit: spec.eniLimit ?? 2,
    eniUsed: spec.eniUsed ?? 0,
    runningTasksCount: spec.runningTasksCount ?? Object.values(tasks).reduce((a, b) => a + b, 0),
    taskGroupCounts: tasks,
  };
}

export function arnOf(id: string): string {
  return `arn:aws:ecs:us-east-1:123456789012:container-instance/default/${id}`;
}

export interface TaskSpec {
  cpu?: number;
  memoryMiB?: number;
  gpus?: number;
  networkMode?: TaskRequirements['networkMode'];
  ports?: PortNeed[];
  group?: string;
  requiredAttributes?: { name: string; value?: string }[];
}

export function task(spec: TaskSpec = {}): TaskRequirements {
  return {
    family: 'web',
    cpu: spec.cpu ?? 256,
    memoryMiB: spec.memoryMiB ?? 512,
    ...(spec.gpus !== undefined && { gpus: spec.gpus }),
    networkMode: spec.networkMode ?? 'bridge',
    portMappings: spec.ports ?? [],
    group: spec.group ?? 'service:web',
    requiredAttributes: spec.requiredAttributes ?? [],
  };
}

export function request(
  taskSpec: TaskSpec = {},
  more: {
    constraints?: PlacementConstraint[];
    strategies?: PlacementStrategy[];
    scheduler?: Scheduler;
  } = {},
): PlacementRequest {
  return {
    task: task(taskSpec),
    constraints: more.constraints ?? [],
    strategies: more.strategies ?? [],
    scheduler: more.scheduler ?? 'service',
  };
}

export function tcp(containerPort: number, hostPort?: number): PortNeed {
  return hostPort === undefined
    ? { containerPort, protocol: 'tcp' }
    : { containerPort, hostPort, protocol: 'tcp' };
}

export function udp(containerPort: number, hostPort?: number): PortNeed {
  return hostPort === undefined
    ? { containerPort, protocol: 'udp' }
    : { containerPort, hostPort, protocol: 'udp' };
}
