import { describe, expect, it } from 'vitest';
import { instanceTypeSpec, registeredMemoryMiB } from './instance-types';
import {
  allAttributesOf,
  availabilityZoneOf,
  clusterNameOf,
  instanceTypeOf,
  NVIDIA_DRIVER_VERSION,
  parseTaskDefinitionRef,
  registeredGpuIdsOf,
  registeredResourcesOf,
  resolveTaskDefinition,
  scriptedTaskDefinitionRevisions,
  taskDefinitionRefOf,
  taskDefinitionRevisions,
} from './resolve';
import { designInput, instance, parsedDesign, taskDefinition } from './testing';

describe('task definition revisions', () => {
  const design = parsedDesign(
    designInput({
      taskDefinitions: [
        taskDefinition('web'),
        taskDefinition('worker'),
        taskDefinition('web', { cpu: '512' }),
      ],
    }),
  );
  const revisions = taskDefinitionRevisions(design);

  it('numbers each registration of a family, in document order', () => {
    expect(revisions.map(taskDefinitionRefOf)).toEqual(['web:1', 'worker:1', 'web:2']);
  });

  it.each([
    ['web', 'web:2'],
    ['web:1', 'web:1'],
    ['web:2', 'web:2'],
    ['worker', 'worker:1'],
    ['arn:aws:ecs:us-east-1:123456789012:task-definition/web:1', 'web:1'],
    ['arn:aws:ecs:us-east-1:123456789012:task-definition/web', 'web:2'],
    ['web:3', undefined],
    ['web:0', undefined],
    ['web:latest', undefined],
    ['web:1:2', undefined],
    ['api', undefined],
    ['', undefined],
    ['arn:aws:ecs:us-east-1:123456789012:service/demo/web', undefined],
  ])('%s resolves to %s', (ref, expected) => {
    const found = resolveTaskDefinition(revisions, ref);
    expect(found && taskDefinitionRefOf(found)).toBe(expected);
  });

  it('keeps an imported revision number above the previous one; the next counts on', () => {
    const imported = taskDefinitionRevisions(
      parsedDesign(
        designInput({
          taskDefinitions: [
            taskDefinition('web', { revision: 7 }),
            taskDefinition('web'),
            taskDefinition('web', { revision: 3 }),
            taskDefinition('api', { revision: 2.5 }),
            taskDefinition('web', { revision: 12 }),
          ],
        }),
      ),
    );
    expect(imported.map(taskDefinitionRefOf)).toEqual([
      'web:7',
      'web:8',
      'web:9',
      'api:1',
      'web:12',
    ]);
  });

  it("numbers the script's registrations on from the design's, whatever their input says", () => {
    const revisions = scriptedTaskDefinitionRevisions({
      taskDefinitions: [taskDefinition('web', { revision: 7 })],
      script: [
        { at: 60, action: 'RegisterTaskDefinition', input: taskDefinition('web', { revision: 3 }) },
        {
          at: 30,
          action: 'RegisterTaskDefinition',
          input: taskDefinition('web', { revision: 20 }),
        },
      ],
    });
    expect(revisions.map(taskDefinitionRefOf)).toEqual(['web:7', 'web:8', 'web:9']);
    expect(revisions[1]?.input.revision).toBe(20);
  });

  it('keeps the input that registered the revision', () => {
    expect(resolveTaskDefinition(revisions, 'web')?.input.cpu).toBe('512');
  });

  it.each([
    ['web', { family: 'web' }],
    ['web:12', { family: 'web', revision: 12 }],
    ['arn:aws:ecs:eu-west-1:1:task-definition/api:3', { family: 'api', revision: 3 }],
    ['web:x', { family: 'web:x' }],
  ])('parseTaskDefinitionRef(%s)', (ref, expected) => {
    expect(parseTaskDefinitionRef(ref)).toEqual(expected);
  });
});

describe('registered resources', () => {
  it.each([
    // [type, CPU units, registered MiB]: vCPU x 1024; nominal MiB less 2.5%, rounded down (§3.1).
    ['m5.large', 2048, 7987],
    ['t3.medium', 2048, 3993],
    ['t2.micro', 1024, 998],
    ['m5.2xlarge', 8192, 31948],
    ['r5.large', 2048, 15974],
    ['m6g.medium', 1024, 3993],
  ])('%s registers %i CPU and %i MiB', (type, cpu, memoryMiB) => {
    expect(registeredResourcesOf(instance('i-1', { instanceType: type }))).toEqual({
      cpu,
      memoryMiB,
    });
  });

  it('lands near the documented m4.large figure (8 GiB -> 7,985 MiB)', () => {
    const m4 = instanceTypeSpec('m4.large');
    expect(m4?.memoryMiB).toBe(8192);
    expect(Math.abs(registeredMemoryMiB(m4!) - 7985)).toBeLessThanOrEqual(2);
  });

  it('takes explicit registeredResources over the table', () => {
    const ci = instance('i-1', {
      instanceType: 'm5.large',
      registeredResources: [
        { name: 'CPU', type: 'INTEGER', integerValue: 2000 },
        { name: 'MEMORY', type: 'INTEGER', integerValue: 7680 },
        { name: 'PORTS', type: 'STRINGSET', stringSetValue: ['22'] },
      ],
    });
    expect(registeredResourcesOf(ci)).toEqual({ cpu: 2000, memoryMiB: 7680 });
  });

  it('fills the missing one of CPU and MEMORY from the table', () => {
    const ci = instance('i-1', {
      instanceType: 'm5.large',
      registeredResources: [{ name: 'MEMORY', integerValue: 7000 }],
    });
    expect(registeredResourcesOf(ci)).toEqual({ cpu: 2048, memoryMiB: 7000 });
  });

  it('needs both for a type not in the table', () => {
    const only = instance('i-1', {
      instanceType: 'x9zz.medium',
      registeredResources: [{ name: 'CPU', integerValue: 1024 }],
    });
    expect(instanceTypeSpec('x9zz.medium')).toBeUndefined();
    expect(registeredResourcesOf(only)).toBeUndefined();
  });
});

describe('instance attributes', () => {
  const shorthand = instance('i-1', { instanceType: 'c6g.large', availabilityZone: 'us-east-1b' });
  const longhand = {
    ec2InstanceId: 'i-2',
    attributes: [
      { name: 'ecs.instance-type', value: 'c6g.large' },
      { name: 'ecs.availability-zone', value: 'us-east-1b' },
      { name: 'stack', value: 'blue' },
    ],
  };

  it.each([
    ['the shorthand', shorthand],
    ['the attributes array', longhand],
  ])('reads type and zone from %s', (_label, ci) => {
    expect(instanceTypeOf(ci)).toBe('c6g.large');
    expect(availabilityZoneOf(ci)).toBe('us-east-1b');
  });

  it('reports the built-in attributes ECS adds, and custom ones', () => {
    expect(allAttributesOf(longhand)).toEqual({
      'ecs.os-type': 'linux',
      'ecs.os-family': 'LINUX',
      'ecs.cpu-architecture': 'arm64',
      'ecs.instance-type': 'c6g.large',
      'ecs.availability-zone': 'us-east-1b',
      'ecs.ami-id': expect.stringMatching(/^ami-[0-9a-f]{17}$/),
      'ecs.vpc-id': expect.stringMatching(/^vpc-[0-9a-f]{17}$/),
      'ecs.subnet-id': expect.stringMatching(/^subnet-[0-9a-f]{17}$/),
      stack: 'blue',
    });
    const short = allAttributesOf(shorthand);
    expect(short).toEqual({ ...allAttributesOf(longhand), stack: undefined });
    expect(short).not.toHaveProperty('stack');
  });

  it('lets an explicit attribute override a built-in', () => {
    const ci = instance('i-3', { attributes: [{ name: 'ecs.os-type', value: 'windows' }] });
    expect(allAttributesOf(ci)['ecs.os-type']).toBe('windows');
  });
});

describe('GPUs an instance registers', () => {
  const UUID = /^GPU-[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

  it.each([
    ['g4dn.xlarge', 1],
    ['g4dn.12xlarge', 4],
    ['p3.8xlarge', 4],
    ['m5.large', 0],
    ['c7g.large', 0],
    // Model: ECS registers NVIDIA GPUs only; g6f has fractional GPUs, 0 whole ones.
    ['g4ad.xlarge', 0],
    ['g6f.large', 0],
  ])('a %s registers %i GPUs from the catalog', (instanceType, count) => {
    const ids = registeredGpuIdsOf(instance('i-0a', { instanceType }));
    expect(ids).toHaveLength(count);
    for (const id of ids) expect(id).toMatch(UUID);
    expect(new Set(ids).size).toBe(count);
  });

  it('makes stable ids, different per instance', () => {
    const a = registeredGpuIdsOf(instance('i-0a', { instanceType: 'g4dn.12xlarge' }));
    expect(registeredGpuIdsOf(instance('i-0a', { instanceType: 'g4dn.12xlarge' }))).toEqual(a);
    const b = registeredGpuIdsOf(instance('i-0b', { instanceType: 'g4dn.12xlarge' }));
    expect(b.some((id) => a.includes(id))).toBe(false);
  });

  it('takes the design own GPU resource: its ids, or a count', () => {
    const ids = ['GPU-fef8089b-4820-abfc-e83e-94318197576e'];
    const own = (r: { stringSetValue?: string[]; integerValue?: number }) =>
      registeredGpuIdsOf(
        instance('i-0c', {
          instanceType: 'g4dn.12xlarge',
          registeredResources: [{ name: 'GPU', type: 'STRINGSET', ...r }],
        }),
      );
    expect(own({ stringSetValue: ids })).toEqual(ids);
    expect(own({ stringSetValue: [] })).toEqual([]);
    expect(own({ integerValue: 2 })).toHaveLength(2);
  });

  it('reports the agent GPU capabilities and the GPU-optimized AMI only with GPUs', () => {
    const gpu = allAttributesOf(instance('i-0d', { instanceType: 'g4dn.xlarge' }));
    const plain = allAttributesOf(instance('i-0e', { instanceType: 'm5.large' }));
    expect(gpu['ecs.capability.gpu-driver-version']).toBe(NVIDIA_DRIVER_VERSION);
    expect(gpu[`ecs.capability.nvidia-driver-version.${NVIDIA_DRIVER_VERSION}`]).toBe('');
    expect(Object.keys(plain).some((k) => k.includes('driver-version'))).toBe(false);
    expect(gpu['ecs.ami-id']).not.toBe(plain['ecs.ami-id']);
    expect(gpu['ecs.cpu-architecture']).toBe('x86_64');
  });

  it.each([
    ['c7g.large', 'arm64'],
    ['m5.large', 'x86_64'],
    ['g5g.xlarge', 'arm64'],
  ])('ecs.cpu-architecture of a %s is %s, from the catalog', (instanceType, arch) => {
    expect(allAttributesOf(instance('i-0f', { instanceType }))['ecs.cpu-architecture']).toBe(arch);
  });
});

describe('clusterNameOf', () => {
  const design = { clusters: [{ clusterName: 'first' }, { clusterName: 'second' }] };
  it.each([
    [undefined, 'first'],
    ['second', 'second'],
    ['arn:aws:ecs:us-east-1:123456789012:cluster/second', 'second'],
    [
      'arn:aws:ecs:us-east-1:123456789012:service/second/web',
      'arn:aws:ecs:us-east-1:123456789012:service/second/web',
    ],
  ])('%s -> %s', (ref, expected) => {
    expect(clusterNameOf(design, ref)).toBe(expected);
  });
});
