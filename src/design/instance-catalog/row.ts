/**
 * One EC2 instance type as the generated catalog stores it: a tuple, so 1,383 rows
 * stay small enough to ship to the page. Field meanings are those of
 * data/ec2-instance-types.README.md; `null` is "no source gives it".
 */
export type InstanceRow = readonly [
  name: string,
  vCpus: number,
  memoryMiB: number,
  cpuArchitecture: 'x86_64' | 'arm64',
  maxEnis: number | null,
  /** ECS's awsvpc task limit without trunking, where the ECS guide lists the type. */
  tasksWithoutTrunking: number | null,
  /** ECS's awsvpc task limit with awsvpcTrunking, where the guide lists it as supported. */
  tasksWithTrunking: number | null,
  /** true: listed as supported; false: named unsupported; null: newer than the guide. */
  ecsTrunkingSupported: boolean | null,
  gpus: number,
  gpuMemoryMiB: number,
  gpuName: string | null,
  gpuManufacturer: string | null,
  acceleratorName: string | null,
  acceleratorCount: number,
  burstable: boolean,
  currentGeneration: boolean,
  onDemandUsdPerHour: number | null,
];

export interface CatalogSource {
  id: string;
  source: string;
  repo?: string;
  path?: string;
  commit?: string;
  fileDate?: string;
}

export interface FargateRates {
  usdPerVcpuHour: number;
  usdPerGbHour: number;
}

export interface InstanceCatalog {
  region: string;
  /** When the on-demand prices were generated (the Karpenter price map's timestamp). */
  priceDate: string;
  priceNote: string;
  sources: readonly CatalogSource[];
  fargate: {
    source: string;
    url: string;
    linuxX86: FargateRates;
    linuxArm: FargateRates;
    linuxX86Spot: FargateRates | null;
    linuxArmSpot: FargateRates | null;
  };
  rows: readonly InstanceRow[];
}
