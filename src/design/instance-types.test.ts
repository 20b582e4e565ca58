import { describe, expect, it } from 'vitest';
import { searchInstanceTypes } from './instance-search';
import {
  allInstanceTypes,
  COMMON_INSTANCE_TYPES,
  instanceCatalog,
  instanceTypeSpec,
  registeredCpuUnits,
} from './instance-types';

describe('the instance-type catalog', () => {
  it('holds every type of the data file, with its price date and sources', () => {
    expect(allInstanceTypes()).toHaveLength(1383);
    expect(instanceCatalog().priceDate).toBe('2026-07-20T13:44:30Z');
    expect(instanceCatalog().region).toBe('us-east-1');
    expect(instanceCatalog().sources.map((s) => s.id)).toContain('karpenter-pricing');
  });

  // ecs-behavior §3.2, the documented table: vCPU, memory GiB, max ENIs, awsvpc tasks
  // without trunking (ENIs - 1) and with awsvpcTrunking (null: not supported).
  it.each([
    ['t2.micro', 1, 1, 2, 1, null],
    ['t3.micro', 2, 1, 2, 1, null],
    ['t3.small', 2, 2, 3, 2, null],
    ['t3.medium', 2, 4, 3, 2, null],
    ['t3.large', 2, 8, 3, 2, null],
    ['t3.xlarge', 4, 16, 4, 3, null],
    ['m5.large', 2, 8, 3, 2, 10],
    ['m5.xlarge', 4, 16, 4, 3, 20],
    ['m5.2xlarge', 8, 32, 4, 3, 40],
    ['m6i.large', 2, 8, 3, 2, 10],
    ['c5.large', 2, 4, 3, 2, 10],
    ['c5.xlarge', 4, 8, 4, 3, 20],
    ['c6g.large', 2, 4, 3, 2, 10],
    ['r5.large', 2, 16, 3, 2, 10],
    ['m6g.medium', 1, 4, 2, 1, 4],
  ] as const)(
    '%s: %i vCPU, %i GiB, %i ENIs, %i awsvpc tasks, %s trunked',
    (name, vcpu, gib, enis, tasks, trunked) => {
      const spec = instanceTypeSpec(name)!;
      expect(spec.vcpu).toBe(vcpu);
      expect(registeredCpuUnits(spec)).toBe(vcpu * 1024);
      expect(spec.memoryMiB).toBe(gib * 1024);
      expect(spec.maxEnis).toBe(enis);
      expect(spec.awsvpcTasks).toBe(tasks);
      expect(spec.trunkedTasks).toBe(trunked);
    },
  );

  it('lists the §3.2 types as the common ones', () => {
    for (const name of COMMON_INSTANCE_TYPES) expect(instanceTypeSpec(name), name).toBeDefined();
  });

  it('knows the types the issue names: GPUs, Graviton and large sizes', () => {
    expect(instanceTypeSpec('g4dn.xlarge')).toMatchObject({ gpus: 1, gpuName: 't4', vcpu: 4 });
    expect(instanceTypeSpec('c7g.large')).toMatchObject({ cpuArchitecture: 'arm64', vcpu: 2 });
    expect(instanceTypeSpec('m5.4xlarge')).toMatchObject({ vcpu: 16, memoryMiB: 65536 });
    // The ECS guide of 2023 names g4dn as a family without trunking (§3.2).
    expect(instanceTypeSpec('g4dn.xlarge')?.trunkedTasks).toBeNull();
  });

  it('keeps the ECS guide awsvpc figure where it differs from ENIs - 1', () => {
    // data README: the guide gives 13 tasks without trunking for c6in.32xlarge, which has 16 ENIs.
    expect(instanceTypeSpec('c6in.32xlarge')).toMatchObject({ maxEnis: 16, awsvpcTasks: 13 });
  });
});

describe('searching instance types', () => {
  const names = (q: string) => searchInstanceTypes(q, 2000).matches.map((s) => s.name);

  it('puts the exact type first, then its family', () => {
    const found = names('m5');
    expect(found[0]).toBe('m5.large');
    expect(found.slice(0, 9).every((n) => n.startsWith('m5.'))).toBe(true);
    expect(names('g4dn.xlarge')[0]).toBe('g4dn.xlarge');
  });

  it('filters by vCPU and memory with units', () => {
    const found = names('4 vcpu 16 GiB');
    expect(found).toContain('m5.xlarge');
    expect(found.every((n) => instanceTypeSpec(n)!.vcpu === 4)).toBe(true);
    expect(names('16gb 4vcpu')).toEqual(found);
  });

  it('filters GPUs, arm64 and GPU names', () => {
    const gpu = names('gpu');
    expect(gpu).toHaveLength(allInstanceTypes().filter((s) => s.gpus > 0).length);
    expect(gpu).toContain('g4dn.xlarge');
    expect(names('t4')).toContain('g4dn.xlarge');
    const arm = names('arm64 2 vcpu');
    expect(arm).toContain('c7g.large');
    expect(arm.every((n) => instanceTypeSpec(n)!.cpuArchitecture === 'arm64')).toBe(true);
    expect(names('graviton')).toEqual(names('arm64'));
  });

  it('says how many more match than it shows, and finds nothing for nonsense', () => {
    const some = searchInstanceTypes('', 10);
    expect(some.matches).toHaveLength(10);
    expect(some.more).toBe(1373);
    expect(searchInstanceTypes('zzzz').matches).toEqual([]);
  });
});
