import { describe, expect, it } from 'vitest';
import type { ContainerDefinition, RegisterTaskDefinitionInput } from './aws-shapes';
import { checkTaskDefinition } from './task-definition-rules';

const container = (extra: Partial<ContainerDefinition> = {}): ContainerDefinition => ({
  name: 'app',
  image: 'example/app:1',
  memory: 512,
  ...extra,
});

const lines = (td: RegisterTaskDefinitionInput) =>
  checkTaskDefinition(td, 'td').map((i) => `${i.path}: ${i.message}`);

// The rules of ecs-behavior §17.2 the gate checks, by rule number.
it.each<[string, RegisterTaskDefinitionInput, string[]]>([
  ['a valid definition', { family: 'f', containerDefinitions: [container()] }, []],
  [
    'rule 2: no essential container',
    { family: 'f', containerDefinitions: [container({ essential: false })] },
    ['td.containerDefinitions: needs at least one essential container'],
  ],
  [
    'rule 3: FARGATE in bridge mode without a size',
    { family: 'f', requiresCompatibilities: ['FARGATE'], containerDefinitions: [container()] },
    [
      'td.networkMode: must be "awsvpc" for a FARGATE task definition',
      'td.cpu: is required for a FARGATE task definition',
      'td.memory: is required for a FARGATE task definition',
    ],
  ],
  [
    'rule 4: no memory anywhere',
    { family: 'f', containerDefinitions: [{ name: 'app', image: 'example/app:1' }] },
    [
      "td.containerDefinitions[0]: Invalid setting for container 'app'. At least one of 'memory' or 'memoryReservation' must be specified.",
    ],
  ],
  [
    'rule 4: task-level memory is enough',
    { family: 'f', memory: '512', containerDefinitions: [{ name: 'a', image: 'i' }] },
    [],
  ],
  [
    'rule 5: memory not above memoryReservation',
    { family: 'f', containerDefinitions: [container({ memory: 256, memoryReservation: 256 })] },
    ['td.containerDefinitions[0].memory: must be greater than memoryReservation (256)'],
  ],
  [
    'rule 7: awsvpc with another host port',
    {
      family: 'f',
      networkMode: 'awsvpc',
      containerDefinitions: [container({ portMappings: [{ containerPort: 80, hostPort: 8080 }] })],
    },
    [
      'td.containerDefinitions[0].portMappings[0].hostPort: must be omitted or equal containerPort (80) when networkMode is "awsvpc"',
    ],
  ],
  [
    'rule 7: none with port mappings',
    {
      family: 'f',
      networkMode: 'none',
      containerDefinitions: [container({ portMappings: [{ containerPort: 80 }] })],
    },
    ['td.containerDefinitions[0].portMappings: must be empty when networkMode is "none"'],
  ],
  [
    'rule 13: distinctInstance in a task definition',
    {
      family: 'f',
      placementConstraints: [{ type: 'distinctInstance' }],
      containerDefinitions: [container()],
    },
    ['td.placementConstraints[0].type: must be "memberOf" in a task definition'],
  ],
  [
    'two containers of one name',
    { family: 'f', containerDefinitions: [container(), container()] },
    ['td.containerDefinitions[1].name: app appears twice in this task definition'],
  ],
  [
    'a port mapping without a container port',
    { family: 'f', containerDefinitions: [container({ portMappings: [{ hostPort: 80 }] })] },
    [
      'td.containerDefinitions[0].portMappings[0].containerPort: is required (or containerPortRange)',
    ],
  ],
])('%s', (_label, td, expected) => {
  expect(lines(td)).toEqual(expected);
});

// §6.1: the Fargate task sizes, each row's edges, and the string forms.
describe('Fargate task sizes (§6.1)', () => {
  const fargate = (cpu: string, memory: string, extra: Partial<RegisterTaskDefinitionInput> = {}) =>
    lines({
      family: 'f',
      requiresCompatibilities: ['FARGATE'],
      networkMode: 'awsvpc',
      cpu,
      memory,
      containerDefinitions: [container()],
      ...extra,
    });

  it.each([
    ['256', '512'],
    ['256', '2048'],
    ['512', '1024'],
    ['512', '4096'],
    ['1024', '2048'],
    ['1024', '8192'],
    ['2048', '4096'],
    ['2048', '16384'],
    ['4096', '8192'],
    ['4096', '30720'],
    ['8192', '16384'],
    ['8192', '61440'],
    ['16384', '32768'],
    ['16384', '122880'],
    ['1 vCPU', '2 GB'],
    ['.25 vcpu', '1GB'],
  ])('cpu %s with memory %s is a Fargate size', (cpu, memory) => {
    expect(fargate(cpu, memory)).toEqual([]);
  });

  it.each([
    ['256', '4096', 'with cpu 256, memory must be 512, 1024, 2048 MiB'],
    ['512', '512', 'with cpu 512, memory must be 1024, 2048, 3072, 4096 MiB'],
    ['1024', '9216', 'with cpu 1024, memory must be 2048-8192 in steps of 1024 MiB'],
    ['4096', '31744', 'with cpu 4096, memory must be 8192-30720 in steps of 1024 MiB'],
    ['8192', '17408', 'with cpu 8192, memory must be 16384-61440 in steps of 4096 MiB'],
    ['16384', '36864', 'with cpu 16384, memory must be 32768-122880 in steps of 8192 MiB'],
  ])('cpu %s with memory %s is refused with ECS message', (cpu, memory, hint) => {
    expect(fargate(cpu, memory)).toEqual([
      `td.cpu: Invalid 'cpu' setting for task. No Fargate configuration exists for cpu ${cpu} and memory ${memory}: ${hint}`,
    ]);
  });

  it('refuses a CPU size Fargate does not have', () => {
    expect(fargate('768', '2048')).toEqual([
      "td.cpu: Invalid 'cpu' setting for task. Fargate has no task size of 768 CPU units: cpu must be 256, 512, 1024, 2048, 4096, 8192, 16384",
    ]);
  });

  it('Windows needs at least 1 vCPU', () => {
    const windows = { runtimePlatform: { operatingSystemFamily: 'WINDOWS_SERVER_2022_CORE' } };
    expect(fargate('512', '1024', windows)).toEqual([
      "td.cpu: Invalid 'cpu' setting for task. Windows on Fargate needs cpu 1024, 2048 or 4096, not 512",
    ]);
    expect(fargate('1024', '2048', windows)).toEqual([]);
  });

  it('checks a definition listing EC2 and FARGATE, and leaves an EC2-only one alone', () => {
    expect(fargate('256', '4096', { requiresCompatibilities: ['EC2', 'FARGATE'] })).toHaveLength(1);
    expect(fargate('256', '4096', { requiresCompatibilities: ['EC2'] })).toEqual([]);
  });
});
