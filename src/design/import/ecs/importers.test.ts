import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { DesignDocument, DesignInput } from '../../document';
import { parseDesign } from '../../parse';
import { taskDefinitionRefOf, taskDefinitionRevisions } from '../../resolve';
import { designInput, taskDefinition } from '../../testing';
import type { ImportResult } from '../fragment';
import { ECS_IMPORTERS } from './index';

function fixture(name: string): unknown {
  return JSON.parse(readFileSync(new URL(`./fixtures/${name}`, import.meta.url), 'utf8'));
}

/** The one importer that recognises the document, and its reading. */
/**
 * DesignFragment is `Partial<Omit<DesignDocument, ...>>`, and Omit over a loose object's
 * index signature keeps no field's type: read the fragment as the design it is part of.
 */
type Fragment = Partial<DesignDocument>;

function imported(
  doc: unknown,
): Omit<ImportResult & { ok: true }, 'fragment'> & { fragment: Fragment } {
  const importers = ECS_IMPORTERS.filter((i) => i.recognises(doc));
  expect(importers.map((i) => i.kind)).toHaveLength(1);
  const result = importers[0]!.read(doc);
  if (!result.ok) throw new Error(JSON.stringify(result.issues));
  return { ...result, fragment: result.fragment as Fragment };
}

/** A minimal design around a fragment, through the gate. */
function designOf(fragment: Fragment | Partial<DesignInput>, extra: Partial<DesignInput> = {}) {
  const result = parseDesign(designInput({ ...extra, ...(fragment as Partial<DesignInput>) }));
  if (!result.ok) throw new Error(result.message);
  return result.design;
}

const TASK_DEFINITION_FIXTURES = [
  ['register-sleep360.json', 'register-task-definition', 'sleep360:1'],
  ['register-response-sleep360.json', 'describe-task-definition', 'sleep360:2'],
  ['register-web-timer.json', 'register-task-definition', 'web-timer:1'],
  ['nginx-fargate.json', 'register-task-definition', 'nginx:1'],
  ['webserver-fargate.json', 'register-task-definition', 'fargate-task-definition:1'],
  ['console-copy-moneycrew.json', 'register-task-definition', 'moneycrew-task:1'],
] as const;

describe('task definitions from AWS', () => {
  it.each(TASK_DEFINITION_FIXTURES)('%s is %s and passes the gate as %s', (file, kind, ref) => {
    const result = imported(fixture(file));
    expect(result.kind).toBe(kind);
    expect(result.warnings).toEqual([]);
    const design = designOf(result.fragment);
    expect(taskDefinitionRevisions(design).map(taskDefinitionRefOf)).toEqual([ref]);
  });

  it('keeps what describe prints as provenance', () => {
    const result = imported(fixture('register-response-sleep360.json'));
    expect(result.label).toBe('describe-task-definition output (family sleep360, revision 2)');
    expect(result.fragment.taskDefinitions?.[0]).toMatchObject({
      taskDefinitionArn: 'arn:aws:ecs:us-west-2:123456789012:task-definition/sleep360:2',
      revision: 2,
      status: 'ACTIVE',
      compatibilities: ['EC2'],
    });
  });

  it("drops the console's nulls", () => {
    const td = imported(fixture('console-copy-moneycrew.json')).fragment.taskDefinitions?.[0];
    expect(Object.keys(td ?? {})).toEqual([
      'containerDefinitions',
      'placementConstraints',
      'family',
      'requiresCompatibilities',
      'volumes',
    ]);
    expect(td?.containerDefinitions[0]).not.toHaveProperty('memory');
  });

  it("takes describe's tags as the input's, and a console copy's response fields", () => {
    const described = {
      taskDefinition: {
        taskDefinitionArn: 'arn:aws:ecs:eu-west-1:123456789012:task-definition/web:7',
        family: 'web',
        revision: 7,
        containerDefinitions: [{ name: 'web', image: 'nginx', memory: 256, portBindings: [] }],
        cpu: '1 vCPU',
        memory: '2 GB',
        status: 'ACTIVE',
        requiresAttributes: [{ name: 'com.amazonaws.ecs.capability.docker-remote-api.1.18' }],
        registeredAt: '2024-05-01T10:00:00.000Z',
        registeredBy: 'arn:aws:iam::123456789012:root',
        deregisteredAt: null,
      },
      tags: [{ key: 'team', value: 'web' }],
    };
    const result = imported(described);
    expect(result.warnings).toEqual([
      {
        path: 'taskDefinition.containerDefinitions[0].portBindings',
        message: 'is not a field of ContainerDefinition; it is kept in the design but not exported',
      },
    ]);
    const td = result.fragment.taskDefinitions?.[0];
    expect(td).toMatchObject({
      cpu: '1024',
      memory: '2048',
      tags: [{ key: 'team', value: 'web' }],
    });
    expect(td).not.toHaveProperty('deregisteredAt');
    // web:7 stays web:7, and the next registered is web:8.
    const design = designOf({ taskDefinitions: [td!, taskDefinition('web')] });
    expect(taskDefinitionRevisions(design).map(taskDefinitionRefOf)).toEqual(['web:7', 'web:8']);
  });

  it('refuses, at the gate, an enum AWS does not have', () => {
    const result = imported({
      family: 'web',
      networkMode: 'awsvpc2',
      containerDefinitions: [{ name: 'web', image: 'nginx', memory: 64 }],
    });
    expect(result.warnings.map((w) => w.path)).toEqual(['networkMode']);
    const gate = parseDesign(designInput(result.fragment as Partial<DesignInput>));
    expect(gate.ok).toBe(false);
  });

  it.each([
    [
      'describe output, containerDefinitions null',
      { taskDefinition: { family: 'web', revision: 3, containerDefinitions: null } },
      'taskDefinition.containerDefinitions: is null: a task definition needs at least one container definition',
    ],
    [
      'describe output trimmed of its containers',
      {
        taskDefinition: { taskDefinitionArn: 'arn:aws:ecs:::task-definition/web:3', family: 'web' },
      },
      'taskDefinition.containerDefinitions: is missing: a task definition needs at least one container definition',
    ],
    [
      'RegisterTaskDefinition input, containerDefinitions null',
      { family: 'web', containerDefinitions: null },
      'containerDefinitions: is null: a task definition needs at least one container definition',
    ],
  ])('refuses a task definition without containers by name: %s', (_, doc, message) => {
    const importers = ECS_IMPORTERS.filter((i) => i.recognises(doc));
    expect(importers).toHaveLength(1);
    const result = importers[0]!.read(doc);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.issues.map((i) => `${i.path}: ${i.message}`)).toEqual([message]);
  });

  it('still leaves an object with neither family nor containers to others', () => {
    expect(ECS_IMPORTERS.some((i) => i.recognises({ containerDefinitions: null }))).toBe(false);
    expect(ECS_IMPORTERS.some((i) => i.recognises({ family: 'web' }))).toBe(false);
  });
});

describe('services from AWS', () => {
  it('reads describe-services output as CreateService input', () => {
    const result = imported(fixture('describe-services-my-http-service.json'));
    expect(result.kind).toBe('describe-services');
    expect(result.label).toBe('describe-services output (service my-http-service)');
    // The ARNs become names; the region they named stays with the fragment.
    expect(result.fragment.region).toBe('us-west-2');
    expect(result.fragment.services).toEqual([
      {
        taskDefinition: 'amazon-ecs-sample:1',
        desiredCount: 10,
        serviceName: 'my-http-service',
        cluster: 'default',
      },
    ]);
    const design = designOf(result.fragment, {
      clusters: [{ clusterName: 'default' }],
      taskDefinitions: [taskDefinition('amazon-ecs-sample')],
    });
    expect(design.services[0]?.serviceName).toBe('my-http-service');
  });

  it("reads CreateService's response, keeping what CreateService takes", () => {
    const result = imported(fixture('create-service-response-fargate.json'));
    expect(result.kind).toBe('describe-services');
    expect(result.warnings).toEqual([]);
    expect(result.fragment.services).toEqual([
      {
        serviceName: 'MyService',
        desiredCount: 2,
        launchType: 'FARGATE',
        platformVersion: 'LATEST',
        taskDefinition: 'sample-fargate:1',
        deploymentConfiguration: { maximumPercent: 200, minimumHealthyPercent: 100 },
        networkConfiguration: {
          awsvpcConfiguration: {
            subnets: ['subnet-12344321'],
            securityGroups: ['sg-12344321'],
            assignPublicIp: 'ENABLED',
          },
        },
        schedulingStrategy: 'REPLICA',
        tags: [
          { key: 'key1', value: 'value1' },
          { key: 'key2', value: 'value2' },
          { key: 'key3', value: 'value3' },
        ],
        enableECSManagedTags: false,
        propagateTags: 'NONE',
        cluster: 'MyCluster',
      },
    ]);
    designOf(result.fragment, {
      clusters: [{ clusterName: 'MyCluster' }],
      taskDefinitions: [
        taskDefinition('sample-fargate', {
          requiresCompatibilities: ['FARGATE'],
          networkMode: 'awsvpc',
          cpu: '256',
          memory: '512',
        }),
      ],
    });
  });

  it('reads CreateService input as it is', () => {
    const result = imported(fixture('create-service-elb.json'));
    expect(result.kind).toBe('create-service');
    expect(result.fragment.services).toEqual([fixture('create-service-elb.json')]);
    expect(result.warnings).toEqual([]);
  });

  it('names failures and fields CreateService does not have', () => {
    const result = imported({
      services: [{ serviceName: 'web', taskDefinition: 'web', desiredCount: 1, replicas: 3 }],
      failures: [{ arn: 'arn:aws:ecs:us-east-1:1:service/demo/api', reason: 'MISSING' }],
    });
    expect(result.warnings).toEqual([
      {
        path: 'failures[0]',
        message: 'arn:aws:ecs:us-east-1:1:service/demo/api: MISSING: nothing to import',
      },
      {
        path: 'services[0].replicas',
        message:
          'is not a field of CreateServiceRequest; it is kept in the design but not exported',
      },
    ]);
  });
});

describe('container instances from AWS', () => {
  it('reads describe-container-instances output, without the moment it was taken', () => {
    const result = imported(fixture('describe-container-instances-update.json'));
    expect(result.kind).toBe('describe-container-instances');
    const [ci] = result.fragment.containerInstances ?? [];
    expect(Object.keys(ci ?? {})).toEqual([
      'status',
      'registeredResources',
      'ec2InstanceId',
      'agentConnected',
      'containerInstanceArn',
      'versionInfo',
      'availabilityZone',
    ]);
    // An old agent's instance: no zone attribute, so it goes in its region's first zone.
    expect(result.warnings.map((w) => w.message)).toEqual([
      'has no ecs.availability-zone attribute: placed in us-west-2a',
    ]);
    expect(result.fragment.region).toBe('us-west-2');
    designOf(result.fragment);
  });

  it('takes the cluster from a long ARN, type and zone from the attributes, and skips INACTIVE ones', () => {
    const result = imported({
      containerInstances: [
        {
          containerInstanceArn:
            'arn:aws:ecs:us-east-1:123456789012:container-instance/demo/0a1b2c3d4e5f60718293a4b5c6d7e8f9',
          ec2InstanceId: 'i-0123456789abcdef0',
          status: 'ACTIVE',
          agentConnected: true,
          runningTasksCount: 2,
          attributes: [
            { name: 'ecs.instance-type', value: 'm5.large' },
            { name: 'ecs.availability-zone', value: 'us-east-1b' },
            { name: 'ecs.capability.docker-plugin.local' },
          ],
          registeredAt: '2024-01-01T00:00:00Z',
        },
        { ec2InstanceId: 'i-0fedcba9876543210', status: 'INACTIVE' },
      ],
      failures: [],
    });
    expect(result.fragment.containerInstances?.map((c) => [c.ec2InstanceId, c.cluster])).toEqual([
      ['i-0123456789abcdef0', 'demo'],
    ]);
    expect(result.warnings).toEqual([
      {
        path: 'containerInstances[1].status',
        message: 'is INACTIVE: not imported (only ACTIVE and DRAINING instances run tasks)',
      },
    ]);
    const design = designOf(result.fragment);
    expect(design.containerInstances[0]).not.toHaveProperty('runningTasksCount');
  });
});

describe('recognising', () => {
  it('leaves a Berth design and unknown documents to others', () => {
    const berth = designInput({ taskDefinitions: [taskDefinition('web')] });
    expect(ECS_IMPORTERS.filter((i) => i.recognises(berth))).toEqual([]);
    expect(ECS_IMPORTERS.filter((i) => i.recognises({ Resources: {} }))).toEqual([]);
    expect(ECS_IMPORTERS.filter((i) => i.recognises([]))).toEqual([]);
  });
});
