/**
 * EC2 instance types a container instance can be. Figures from ecs-behavior §3.2.
 * Model: registered memory is not published per type (§3.1), so Berth registers
 * the nominal MiB minus 2.5% (m4.large: 8192 -> 7987, documented 7985), rounded
 * down. A design can override it through `registeredResources`.
 */
export interface InstanceTypeSpec {
  vcpu: number;
  memoryGiB: number;
  /** Maximum ENIs; awsvpc tasks without trunking = maxEnis - 1. */
  maxEnis: number;
  /** awsvpc tasks with awsvpcTrunking, or null where trunking is unsupported. */
  trunkedTasks: number | null;
  cpuArchitecture: 'x86_64' | 'arm64';
}

export const INSTANCE_TYPES = {
  't2.micro': { vcpu: 1, memoryGiB: 1, maxEnis: 2, trunkedTasks: null, cpuArchitecture: 'x86_64' },
  't3.micro': { vcpu: 2, memoryGiB: 1, maxEnis: 2, trunkedTasks: null, cpuArchitecture: 'x86_64' },
  't3.small': { vcpu: 2, memoryGiB: 2, maxEnis: 3, trunkedTasks: null, cpuArchitecture: 'x86_64' },
  't3.medium': { vcpu: 2, memoryGiB: 4, maxEnis: 3, trunkedTasks: null, cpuArchitecture: 'x86_64' },
  't3.large': { vcpu: 2, memoryGiB: 8, maxEnis: 3, trunkedTasks: null, cpuArchitecture: 'x86_64' },
  't3.xlarge': {
    vcpu: 4,
    memoryGiB: 16,
    maxEnis: 4,
    trunkedTasks: null,
    cpuArchitecture: 'x86_64',
  },
  'm5.large': { vcpu: 2, memoryGiB: 8, maxEnis: 3, trunkedTasks: 10, cpuArchitecture: 'x86_64' },
  'm5.xlarge': { vcpu: 4, memoryGiB: 16, maxEnis: 4, trunkedTasks: 20, cpuArchitecture: 'x86_64' },
  'm5.2xlarge': { vcpu: 8, memoryGiB: 32, maxEnis: 4, trunkedTasks: 40, cpuArchitecture: 'x86_64' },
  'm6i.large': { vcpu: 2, memoryGiB: 8, maxEnis: 3, trunkedTasks: 10, cpuArchitecture: 'x86_64' },
  'c5.large': { vcpu: 2, memoryGiB: 4, maxEnis: 3, trunkedTasks: 10, cpuArchitecture: 'x86_64' },
  'c5.xlarge': { vcpu: 4, memoryGiB: 8, maxEnis: 4, trunkedTasks: 20, cpuArchitecture: 'x86_64' },
  // Model: c6g.large and m6g.medium ENI counts are not in §3.2; derived from their awsvpc task limits.
  'c6g.large': { vcpu: 2, memoryGiB: 4, maxEnis: 3, trunkedTasks: 10, cpuArchitecture: 'arm64' },
  'r5.large': { vcpu: 2, memoryGiB: 16, maxEnis: 3, trunkedTasks: 10, cpuArchitecture: 'x86_64' },
  'm6g.medium': { vcpu: 1, memoryGiB: 4, maxEnis: 2, trunkedTasks: 4, cpuArchitecture: 'arm64' },
} as const satisfies Record<string, InstanceTypeSpec>;

export type InstanceTypeName = keyof typeof INSTANCE_TYPES;

export const INSTANCE_TYPE_NAMES = Object.keys(INSTANCE_TYPES) as InstanceTypeName[];

export function instanceTypeSpec(name: string): InstanceTypeSpec | undefined {
  return (INSTANCE_TYPES as Record<string, InstanceTypeSpec>)[name];
}

/** CPU units ECS registers: 1,024 per vCPU (§3.1). */
export function registeredCpuUnits(spec: InstanceTypeSpec): number {
  return spec.vcpu * 1024;
}

/** Model: nominal MiB less 2.5%, see the file comment. */
export function registeredMemoryMiB(spec: InstanceTypeSpec): number {
  return Math.floor(spec.memoryGiB * 1024 * 0.975);
}
