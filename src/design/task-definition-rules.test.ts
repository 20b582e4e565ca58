import { expect, it } from 'vitest';
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
