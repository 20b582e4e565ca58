import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { exportFiles } from '../../export/ecs';
import { taskDefinitionRefOf, taskDefinitionRevisions } from '../../resolve';
import { importDocuments } from '../index';

const text = (name: string) => readFileSync(new URL(`./fixtures/${name}`, import.meta.url), 'utf8');

/** What a person does: paste what the AWS CLI printed, run, export, register again. */
describe('ECS documents through the import pipeline', () => {
  const taskDefinition = JSON.stringify({
    taskDefinition: {
      taskDefinitionArn: 'arn:aws:ecs:eu-west-1:123456789012:task-definition/web:7',
      family: 'web',
      revision: 7,
      networkMode: 'awsvpc',
      requiresCompatibilities: ['FARGATE'],
      cpu: '.25 vcpu',
      memory: '.5 gb',
      containerDefinitions: [
        { name: 'web', image: 'nginx', essential: true, portMappings: [{ containerPort: 80 }] },
      ],
      status: 'ACTIVE',
      compatibilities: ['EC2', 'FARGATE'],
      registeredAt: '2024-05-01T10:00:00.000Z',
    },
    tags: [{ key: 'team', value: 'web' }],
  });
  const services = JSON.stringify({
    services: [
      {
        serviceArn: 'arn:aws:ecs:eu-west-1:123456789012:service/prod/web',
        serviceName: 'web',
        clusterArn: 'arn:aws:ecs:eu-west-1:123456789012:cluster/prod',
        taskDefinition: 'arn:aws:ecs:eu-west-1:123456789012:task-definition/web:7',
        desiredCount: 2,
        runningCount: 2,
        launchType: 'FARGATE',
        status: 'ACTIVE',
        events: [],
        deployments: [],
      },
    ],
    failures: [],
  });

  it('makes one design, keeps web:7, and exports what was described', () => {
    const outcome = importDocuments([
      { name: 'td.json', text: taskDefinition },
      { name: 'services.json', text: services },
    ]);
    if (!outcome.ok) throw new Error(outcome.message);
    expect(outcome.read.map((r) => r.kind)).toEqual([
      'describe-task-definition',
      'describe-services',
    ]);
    expect(outcome.design.region).toBe('eu-west-1');
    expect(outcome.design.clusters.map((c) => c.clusterName)).toEqual(['prod']);
    expect(taskDefinitionRevisions(outcome.design).map(taskDefinitionRefOf)).toEqual(['web:7']);
    const files = exportFiles(outcome.design);
    expect(files.map((f) => f.path)).toEqual([
      'task-definitions/web-7.json',
      'services/prod-web.json',
    ]);
    expect(files[0]?.json).toEqual({
      family: 'web',
      networkMode: 'awsvpc',
      requiresCompatibilities: ['FARGATE'],
      cpu: '256',
      memory: '512',
      containerDefinitions: [
        { name: 'web', image: 'nginx', essential: true, portMappings: [{ containerPort: 80 }] },
      ],
      tags: [{ key: 'team', value: 'web' }],
    });
    expect(files[1]?.json).toMatchObject({
      cluster: 'prod',
      serviceName: 'web',
      taskDefinition: 'web:7',
      desiredCount: 2,
      launchType: 'FARGATE',
      networkConfiguration: { awsvpcConfiguration: { subnets: expect.any(Array) } },
    });
  });

  it('reads the AWS CLI examples together', () => {
    const outcome = importDocuments([
      { name: 'a.json', text: text('register-response-sleep360.json') },
      { name: 'b.json', text: text('describe-container-instances-update.json') },
    ]);
    if (!outcome.ok) throw new Error(outcome.message);
    expect(outcome.design.region).toBe('us-west-2');
    expect(outcome.design.containerInstances.map((c) => c.ec2InstanceId)).toEqual(['i-f3c1de3a']);
    expect(taskDefinitionRevisions(outcome.design).map(taskDefinitionRefOf)).toEqual([
      'sleep360:2',
    ]);
  });
});
