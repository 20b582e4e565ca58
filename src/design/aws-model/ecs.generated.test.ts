import { describe, expect, it } from 'vitest';
import { buildEcsModel } from '../../../scripts/gen-aws-model';
import {
  ECS_REQUIRED,
  ECS_SDK_VERSION,
  ECS_STRUCTURES,
  SERVICE_RESPONSE_ONLY,
  TASK_DEFINITION_RESPONSE_ONLY,
} from './ecs.generated';
import { ECS_ENUMS } from './ecs-enums.generated';
import { modelMismatches, pruneToModel } from './walk';

describe('the generated ECS model', () => {
  it('is what the installed SDK gives (run `npm run gen:aws-model` when it is not)', () => {
    const model = buildEcsModel();
    expect({
      sdkVersion: ECS_SDK_VERSION,
      structures: ECS_STRUCTURES,
      required: ECS_REQUIRED,
      enums: ECS_ENUMS,
      taskDefinitionResponseOnly: TASK_DEFINITION_RESPONSE_ONLY,
      serviceResponseOnly: SERVICE_RESPONSE_ONLY,
    }).toEqual(model);
  });

  it('holds the shapes the importers and exporters rely on', () => {
    expect(ECS_STRUCTURES.RegisterTaskDefinitionRequest?.containerDefinitions).toBe(
      'list:ContainerDefinition',
    );
    expect(ECS_STRUCTURES.ContainerDefinition?.portMappings).toBe('list:PortMapping');
    expect(ECS_STRUCTURES.ContainerDefinition?.dockerLabels).toBe('map:string');
    expect(ECS_STRUCTURES.CreateServiceRequest?.networkConfiguration).toBe('NetworkConfiguration');
    expect(ECS_ENUMS.NetworkMode).toEqual(['awsvpc', 'bridge', 'host', 'none']);
    expect(ECS_REQUIRED.RegisterTaskDefinitionRequest).toEqual(['family', 'containerDefinitions']);
    expect(TASK_DEFINITION_RESPONSE_ONLY).toContain('registeredAt');
    expect(SERVICE_RESPONSE_ONLY).toEqual(
      expect.arrayContaining(['serviceArn', 'roleArn', 'events']),
    );
  });
});

describe('walking a value against the model', () => {
  const td = {
    family: 'web',
    containerDefinitions: [
      {
        name: 'web',
        image: 'nginx',
        portBindings: [],
        portMappings: [{ containerPort: 80, protocol: 'tcp', hostIp: '0.0.0.0' }],
        dockerLabels: { 'com.example': 'x' },
        logConfiguration: { logDriver: 'awslogs2', options: { 'awslogs-group': 'g' } },
      },
    ],
    networkMode: 'bridge',
    revision: 3,
  };

  it('names unknown fields and enum values not in the model, with their paths', () => {
    expect(modelMismatches(td, 'RegisterTaskDefinitionRequest', 'taskDefinition')).toEqual([
      {
        path: 'taskDefinition.containerDefinitions[0].portBindings',
        kind: 'unknown-field',
        owner: 'ContainerDefinition',
      },
      {
        path: 'taskDefinition.containerDefinitions[0].portMappings[0].hostIp',
        kind: 'unknown-field',
        owner: 'PortMapping',
      },
      {
        path: 'taskDefinition.containerDefinitions[0].logConfiguration.logDriver',
        kind: 'enum-value',
        owner: 'LogDriver',
        values: ECS_ENUMS.LogDriver,
      },
      {
        path: 'taskDefinition.revision',
        kind: 'unknown-field',
        owner: 'RegisterTaskDefinitionRequest',
      },
    ]);
  });

  it('prunes to what the model has, keeping map keys', () => {
    expect(pruneToModel(td, 'RegisterTaskDefinitionRequest')).toEqual({
      family: 'web',
      containerDefinitions: [
        {
          name: 'web',
          image: 'nginx',
          portMappings: [{ containerPort: 80, protocol: 'tcp' }],
          dockerLabels: { 'com.example': 'x' },
          logConfiguration: { logDriver: 'awslogs2', options: { 'awslogs-group': 'g' } },
        },
      ],
      networkMode: 'bridge',
    });
  });
});
