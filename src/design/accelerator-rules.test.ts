import { describe, expect, it } from 'vitest';
import { checkAcceleratorRules } from './accelerator-rules';
import type { ContainerDefinition, RegisterTaskDefinitionInput } from './aws-shapes';

const container = (extra: Partial<ContainerDefinition> = {}): ContainerDefinition => ({
  name: 'app',
  image: 'example/app:1',
  memory: 512,
  ...extra,
});

const gpu = (value: string) => [{ type: 'GPU' as const, value }];

const lines = (td: RegisterTaskDefinitionInput) =>
  checkAcceleratorRules(td, 'td').map((i) => `${i.path}: ${i.message}`);

describe('checkAcceleratorRules', () => {
  it.each<[string, RegisterTaskDefinitionInput, string[]]>([
    ['no accelerators', { family: 'f', containerDefinitions: [container()] }, []],
    [
      'whole GPUs, summed over containers elsewhere',
      {
        family: 'f',
        containerDefinitions: [
          container({ resourceRequirements: gpu('1') }),
          container({ name: 'b', resourceRequirements: gpu('4') }),
        ],
      },
      [],
    ],
    [
      'a GPU value that is not a positive whole number',
      {
        family: 'f',
        containerDefinitions: [
          container({ resourceRequirements: [...gpu('0'), ...gpu('0.5'), ...gpu('ALL')] }),
        ],
      },
      [
        'td.containerDefinitions[0].resourceRequirements[0].value: must be a whole number of GPUs such as "1", not "0" (Berth does not model "ALL" or fractional GPUs)',
        'td.containerDefinitions[0].resourceRequirements[1].value: must be a whole number of GPUs such as "1", not "0.5" (Berth does not model "ALL" or fractional GPUs)',
        'td.containerDefinitions[0].resourceRequirements[2].value: must be a whole number of GPUs such as "1", not "ALL" (Berth does not model "ALL" or fractional GPUs)',
      ],
    ],
    [
      'GPUs on a FARGATE task definition',
      {
        family: 'f',
        requiresCompatibilities: ['FARGATE'],
        networkMode: 'awsvpc',
        cpu: '1024',
        memory: '2048',
        containerDefinitions: [container({ resourceRequirements: gpu('1') })],
      },
      [
        'td.containerDefinitions[0].resourceRequirements[0].type: GPU is not supported for a FARGATE task definition: GPUs need EC2 instances',
      ],
    ],
    [
      'GPUs on a task definition for EC2 and EXTERNAL',
      {
        family: 'f',
        requiresCompatibilities: ['EC2', 'EXTERNAL'],
        containerDefinitions: [container({ resourceRequirements: gpu('2') })],
      },
      [],
    ],
    [
      'an accelerator the task definition lists',
      {
        family: 'f',
        inferenceAccelerators: [{ deviceName: 'device_1', deviceType: 'eia2.medium' }],
        containerDefinitions: [
          container({
            resourceRequirements: [{ type: 'InferenceAccelerator', value: 'device_1' }],
          }),
        ],
      },
      [],
    ],
    [
      'an accelerator the task definition does not list',
      {
        family: 'f',
        inferenceAccelerators: [{ deviceName: 'device_1', deviceType: 'eia2.medium' }],
        containerDefinitions: [
          container({
            resourceRequirements: [{ type: 'InferenceAccelerator', value: 'device_2' }],
          }),
        ],
      },
      [
        `td.containerDefinitions[0].resourceRequirements[0].value: names the accelerator "device_2", which is not a deviceName in this task definition's inferenceAccelerators`,
      ],
    ],
  ])('%s', (_, td, expected) => {
    expect(lines(td)).toEqual(expected);
  });
});
