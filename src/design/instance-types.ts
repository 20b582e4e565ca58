import type { InstanceCatalog, InstanceRow } from './instance-catalog/row';

/**
 * EC2 instance types a container instance can be: every type of the generated
 * catalog (data/ec2-instance-types.json, 1,383 types with cited sources). The page
 * loads the catalog lazily (instance-catalog/load.ts) and installs it here before it
 * opens a design; Node entries (the CLI, the worker, tests) install it at start.
 *
 * Model: registered memory is not published per type (§3.1), so Berth registers
 * the instance's MiB minus 2.5% (m4.large: 8192 -> 7987, documented 7985), rounded
 * down. A design can override it through `registeredResources`.
 */
export interface InstanceTypeSpec {
  name: string;
  /** `m5` of `m5.large`. */
  family: string;
  vcpu: number;
  memoryMiB: number;
  cpuArchitecture: 'x86_64' | 'arm64';
  /** Maximum ENIs across network cards; null where no source gives them (g3, p2, u-*). */
  maxEnis: number | null;
  /** awsvpc tasks without trunking: the ECS guide's figure, else maxEnis - 1 (§3.2). */
  awsvpcTasks: number;
  /** awsvpc tasks with awsvpcTrunking, or null where trunking is unsupported or unpublished. */
  trunkedTasks: number | null;
  /** true: the ECS guide lists it; false: named unsupported; null: the type is newer than the guide. */
  trunkingListed: boolean | null;
  gpus: number;
  gpuName: string | null;
  gpuManufacturer: string | null;
  gpuMemoryMiB: number;
  /** Inferentia, Trainium and other non-GPU accelerators. */
  acceleratorName: string | null;
  acceleratorCount: number;
  burstable: boolean;
  currentGeneration: boolean;
  /** us-east-1 on-demand Linux list price of the catalog's priceDate, or null. */
  onDemandUsdPerHour: number | null;
}

export function specOfRow(row: InstanceRow): InstanceTypeSpec {
  const [name, vcpu, memoryMiB, cpuArchitecture, maxEnis, withoutTrunk, withTrunk, listed] = row;
  return {
    name,
    family: name.slice(0, name.indexOf('.')),
    vcpu,
    memoryMiB,
    cpuArchitecture,
    maxEnis,
    // Model: a type with no ENI figure at all takes no awsvpc task.
    awsvpcTasks: withoutTrunk ?? (maxEnis === null ? 0 : Math.max(0, maxEnis - 1)),
    // Model: types newer than the ECS guide's 2023 trunking table get no trunk; the
    // guide's successor is not in the sources, and EKS's branch-ENI limits are another product's.
    trunkedTasks: withTrunk,
    trunkingListed: listed,
    gpus: row[8],
    gpuMemoryMiB: row[9],
    gpuName: row[10],
    gpuManufacturer: row[11],
    acceleratorName: row[12],
    acceleratorCount: row[13],
    burstable: row[14],
    currentGeneration: row[15],
    onDemandUsdPerHour: row[16],
  };
}

interface Installed {
  catalog: InstanceCatalog;
  byName: Map<string, InstanceTypeSpec>;
  all: readonly InstanceTypeSpec[];
}

let installed: Installed | undefined;

/** Makes the catalog the table every lookup reads. Installing the same catalog twice is a no-op. */
export function installInstanceCatalog(catalog: InstanceCatalog): void {
  if (installed?.catalog === catalog) return;
  const all = catalog.rows.map(specOfRow);
  installed = { catalog, all, byName: new Map(all.map((s) => [s.name, s])) };
}

function current(): Installed {
  if (!installed) {
    throw new Error(
      'The EC2 instance-type catalog is not loaded: call loadInstanceCatalog() (or installInstanceCatalog) first.',
    );
  }
  return installed;
}

export function instanceCatalogLoaded(): boolean {
  return installed !== undefined;
}

/** Provenance, price date and Fargate rates of the installed catalog. */
export function instanceCatalog(): InstanceCatalog {
  return current().catalog;
}

/** Every known type, sorted by name. */
export function allInstanceTypes(): readonly InstanceTypeSpec[] {
  return current().all;
}

export function instanceTypeSpec(name: string): InstanceTypeSpec | undefined {
  return current().byName.get(name);
}

/**
 * The types of ecs-behavior §3.2: the palette's first choices, and what random
 * designs in property tests draw from.
 */
export const COMMON_INSTANCE_TYPES = [
  't2.micro',
  't3.micro',
  't3.small',
  't3.medium',
  't3.large',
  't3.xlarge',
  'm5.large',
  'm5.xlarge',
  'm5.2xlarge',
  'm6i.large',
  'c5.large',
  'c5.xlarge',
  'c6g.large',
  'r5.large',
  'm6g.medium',
] as const;

/** CPU units ECS registers: 1,024 per vCPU (§3.1). */
export function registeredCpuUnits(spec: InstanceTypeSpec): number {
  return spec.vcpu * 1024;
}

/** Model: the instance's MiB less 2.5%, see the file comment. */
export function registeredMemoryMiB(spec: InstanceTypeSpec): number {
  return Math.floor(spec.memoryMiB * 0.975);
}

/** GiB for people: 8192 MiB is "8", 512 MiB is "0.5". */
export function memoryGiBLabel(spec: InstanceTypeSpec): string {
  const gib = spec.memoryMiB / 1024;
  return Number.isInteger(gib) ? String(gib) : String(Math.round(gib * 100) / 100);
}
