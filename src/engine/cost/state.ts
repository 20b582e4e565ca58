/**
 * What the run has cost so far, kept as it changes (ecs issue 8): per instance type and
 * purchase option, and per Fargate provider and CPU architecture, what runs now and what
 * has been used. Plain JSON data only (no Map, Set or class): the checkpoint copies it
 * as JSON (checkpoint/plain.ts) and restores it as it was.
 *
 * Nothing here walks tasks or instances: each start and stop folds the time since the
 * meter last changed into it, so reading the cost at any moment costs the meters in use.
 */
export interface CostState {
  /** Instance meters by `instanceType/purchase`, e.g. `m5.large/on-demand`. */
  instances: Record<string, InstanceMeter>;
  /** Fargate meters by `provider/architecture`, e.g. `FARGATE_SPOT/X86_64`. */
  fargate: Record<string, FargateMeter>;
  /** Instances billing now, by EC2 instance id: which meter, and since when. */
  billingInstances: Record<string, { meter: string; sinceMs: number }>;
  /** Fargate tasks billing now, by task ARN: which meter, their size, and since when. */
  billingTasks: Record<string, { meter: string; cpu: number; memoryMiB: number; sinceMs: number }>;
}

export type Purchase = 'on-demand' | 'spot';
export type FargateProvider = 'FARGATE' | 'FARGATE_SPOT';
export type FargateArchitecture = 'X86_64' | 'ARM64';

export interface InstanceMeter {
  instanceType: string;
  purchase: Purchase;
  /** Instances billing now. */
  running: number;
  /** Instance-ms used up to `atMs` (with the minimum charge of those that stopped). */
  ms: number;
  atMs: number;
}

export interface FargateMeter {
  provider: FargateProvider;
  architecture: FargateArchitecture;
  /** CPU units (1,024 a vCPU) and MiB (1,024 a GB) of the tasks billing now. */
  cpu: number;
  memoryMiB: number;
  /** CPU-unit-ms and MiB-ms used up to `atMs`. */
  cpuMs: number;
  memoryMiBMs: number;
  atMs: number;
}

export function newCostState(): CostState {
  return { instances: {}, fargate: {}, billingInstances: {}, billingTasks: {} };
}
