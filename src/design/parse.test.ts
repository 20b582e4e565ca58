import { describe, expect, it } from 'vitest';
import { parseDesign } from './parse';
import { sampleDesign } from './sample';
import {
  designInput,
  instance,
  parsedDesign,
  refusal,
  sampleJson,
  taskDefinition,
} from './testing';

// biome-ignore lint/suspicious/noExplicitAny: tests break the document on purpose
type Doc = any;

/** Every part of format version 1 at least once. */
const fullExample: Doc = {
  formatVersion: 1,
  name: 'Full example',
  seed: 7,
  startTime: '2026-03-01T09:00:00+01:00',
  region: 'eu-west-1',
  clusters: [
    { clusterName: 'prod' },
    { clusterName: 'batch', tags: [{ key: 'team', value: 'data' }] },
  ],
  containerInstances: [
    instance('i-0000000000000000a', { cluster: 'prod', availabilityZone: 'eu-west-1a' }),
    {
      cluster: 'arn:aws:ecs:eu-west-1:123456789012:cluster/prod',
      ec2InstanceId: 'i-0000000000000000b',
      status: 'ACTIVE',
      agentConnected: true,
      attributes: [
        { name: 'ecs.instance-type', value: 'c6g.large' },
        { name: 'ecs.availability-zone', value: 'eu-west-1b' },
        { name: 'stack', value: 'blue' },
      ],
      versionInfo: { agentVersion: '1.89.0' },
    },
    {
      cluster: 'batch',
      ec2InstanceId: 'i-0000000000000000c',
      instanceType: 'x9zz.medium',
      availabilityZone: 'eu-west-1c',
      registeredResources: [
        { name: 'CPU', type: 'INTEGER', integerValue: 1024 },
        { name: 'MEMORY', type: 'INTEGER', integerValue: 15800 },
      ],
    },
  ],
  taskDefinitions: [
    taskDefinition('web'),
    taskDefinition('web', { cpu: '0.5 vCPU', memory: '1 GB', networkMode: 'awsvpc' }),
    taskDefinition('report', {
      placementConstraints: [{ type: 'memberOf', expression: 'attribute:stack == blue' }],
    }),
  ],
  services: [
    {
      cluster: 'prod',
      serviceName: 'web',
      taskDefinition: 'arn:aws:ecs:eu-west-1:123456789012:task-definition/web:1',
      desiredCount: 2,
      placementStrategy: [
        { type: 'spread', field: 'attribute:ecs.availability-zone' },
        { type: 'binpack', field: 'memory' },
      ],
      placementConstraints: [{ type: 'distinctInstance' }],
      deploymentConfiguration: { minimumHealthyPercent: 50, maximumPercent: 200 },
    },
    {
      cluster: 'batch',
      serviceName: 'report-agent',
      taskDefinition: 'report',
      schedulingStrategy: 'DAEMON',
    },
  ],
  workloads: [
    { family: 'web', imagePullSeconds: 10, startSeconds: 3 },
    { family: 'web', revision: 2, startSeconds: 60 },
  ],
  script: [
    {
      at: 60,
      action: 'UpdateService',
      input: { cluster: 'prod', service: 'web', taskDefinition: 'web:2' },
    },
    { at: 90, action: 'RunTask', input: { cluster: 'batch', taskDefinition: 'report', count: 2 } },
    { at: 120, action: 'StopTask', input: { cluster: 'batch', task: 'abc123', reason: 'done' } },
    { at: 150, action: 'TerminateInstance', input: { ec2InstanceId: 'i-0000000000000000a' } },
  ],
  layout: { 'instance:i-0000000000000000a': { x: 10, y: 20 }, 'service:web': { x: 200, y: 40 } },
};

describe('parseDesign accepts', () => {
  it('the sample', () => {
    const result = parseDesign(sampleDesign);
    expect(result.ok && result.warnings).toEqual([]);
  });

  it('the sample as JSON text', () => {
    expect(parseDesign(JSON.stringify(sampleDesign)).ok).toBe(true);
  });

  it('a full example, without warnings', () => {
    const result = parseDesign(fullExample);
    if (!result.ok) throw new Error(result.message);
    expect(result.warnings).toEqual([]);
    expect(result.design.services).toHaveLength(2);
  });

  it('fills the defaults', () => {
    const design = parsedDesign(designInput());
    expect(design).toMatchObject({
      startTime: '2026-01-01T00:00:00Z',
      containerInstances: [],
      taskDefinitions: [],
      services: [],
      workloads: [],
      script: [],
      layout: {},
    });
  });
});

const refusals: [string, (d: Doc) => void, string][] = [
  [
    'a number as a string',
    (d) => (d.services[0].desiredCount = '3'),
    'services[0].desiredCount: expected a number, got the string "3"',
  ],
  [
    'no version',
    (d) => delete d.formatVersion,
    'formatVersion: is required: this is not a Berth design',
  ],
  [
    'a version from the future',
    (d) => (d.formatVersion = 2),
    'formatVersion: version 2 is newer than this Berth reads (up to 1)',
  ],
  [
    'a version as a string',
    (d) => (d.formatVersion = '1'),
    'formatVersion: expected a positive integer, got the string "1"',
  ],
  ['no name', (d) => delete d.name, 'name: is required'],
  ['an empty name', (d) => (d.name = ''), 'name: must not be empty'],
  ['a fractional seed', (d) => (d.seed = 1.5), 'seed: expected an integer, got 1.5'],
  ['a negative seed', (d) => (d.seed = -1), 'seed: must be at least 0, got -1'],
  [
    'a bad region',
    (d) => (d.region = 'mars'),
    'region: must be a region such as us-east-1, got "mars"',
  ],
  [
    'a bad start time',
    (d) => (d.startTime = 'yesterday'),
    'startTime: must be an ISO date-time such as 2026-01-01T00:00:00Z, got "yesterday"',
  ],
  ['no cluster', (d) => (d.clusters = []), 'clusters: needs a cluster'],
  ['clusters as an object', (d) => (d.clusters = {}), 'clusters: expected an array, got an object'],
  [
    'minimumHealthyPercent above maximumPercent',
    (d) =>
      (d.services[0].deploymentConfiguration = { minimumHealthyPercent: 150, maximumPercent: 120 }),
    'services[0].deploymentConfiguration.minimumHealthyPercent: must be at most maximumPercent (120)',
  ],
  [
    'a daemon whose maximumPercent is not 100',
    (d) => {
      d.services[0].schedulingStrategy = 'DAEMON';
      delete d.services[0].desiredCount;
      d.services[0].deploymentConfiguration = { maximumPercent: 200 };
    },
    'services[0].deploymentConfiguration.maximumPercent: must be 100 for a service with the DAEMON scheduling strategy',
  ],
  [
    'a duplicate cluster',
    (d) => d.clusters.push({ clusterName: 'demo' }),
    'clusters[1].clusterName: demo appears twice',
  ],
  [
    'an unknown script action',
    (d) => (d.script[0].action = 'Explode'),
    'script[0].action: must be one of "UpdateService", "RunTask", "StopTask", "TerminateInstance", "UpdateContainerInstancesState", "RegisterContainerInstance", "DeregisterContainerInstance", "PutAttributes", "DeleteAttributes", "PutAccountSetting", "RegisterTaskDefinition", "FailAvailabilityZone", "FailTargetHealth", "FailRevision", "PutMetricData", "CreateDeployment", "InterruptSpotTask", "SetDesiredCapacity", "UpdateAutoScalingGroup", "SetInstanceProtection", "PutClusterCapacityProviders", "CreateCapacityProvider", "UpdateCapacityProvider", "RegisterScalableTarget", "PutScalingPolicy", "DeleteScalingPolicy", "PutScheduledAction" or "DeleteScheduledAction", got "Explode"',
  ],
  [
    'a script action without action',
    (d) => delete d.script[0].action,
    'script[0].action: is required: one of "UpdateService", "RunTask", "StopTask", "TerminateInstance", "UpdateContainerInstancesState", "RegisterContainerInstance", "DeregisterContainerInstance", "PutAttributes", "DeleteAttributes", "PutAccountSetting", "RegisterTaskDefinition", "FailAvailabilityZone", "FailTargetHealth", "FailRevision", "PutMetricData", "CreateDeployment", "InterruptSpotTask", "SetDesiredCapacity", "UpdateAutoScalingGroup", "SetInstanceProtection", "PutClusterCapacityProviders", "CreateCapacityProvider", "UpdateCapacityProvider", "RegisterScalableTarget", "PutScalingPolicy", "DeleteScalingPolicy", "PutScheduledAction" or "DeleteScheduledAction"',
  ],
  [
    'a script action without input',
    (d) => delete d.script[0].input,
    'script[0].input: is required',
  ],
  [
    'an action input without its key field',
    (d) => delete d.script[0].input.service,
    'script[0].input.service: is required',
  ],
  [
    'a negative time',
    (d) => (d.script[0].at = -5),
    'script[0].at: must be 0 or more seconds, got -5',
  ],
  [
    'an enum value in the wrong case',
    (d) => (d.taskDefinitions[0].networkMode = 'AWSVPC'),
    'taskDefinitions[0].networkMode: must be one of "bridge", "host", "awsvpc" or "none", got "AWSVPC" (did you mean "awsvpc"?)',
  ],
  [
    'an unknown strategy',
    (d) => (d.services[0].placementStrategy = [{ type: 'pack' }]),
    'services[0].placementStrategy[0].type: must be one of "binpack", "spread" or "random", got "pack"',
  ],
  [
    'binpack without a field',
    (d) => (d.services[0].placementStrategy = [{ type: 'binpack' }]),
    'services[0].placementStrategy[0].field: must be "cpu" or "memory" for binpack',
  ],
  [
    'memberOf without an expression',
    (d) => (d.services[0].placementConstraints = [{ type: 'memberOf' }]),
    'services[0].placementConstraints[0].expression: is required for a memberOf constraint',
  ],
  [
    'six strategies',
    (d) => (d.services[0].placementStrategy = Array(6).fill({ type: 'random' })),
    'services[0].placementStrategy: allows at most 5 strategies',
  ],
  [
    'a family with a space',
    (d) => (d.taskDefinitions[0].family = 'web app'),
    'taskDefinitions[0].family: must be 1-255 letters, digits, hyphens or underscores, got "web app"',
  ],
  [
    'no containers',
    (d) => (d.taskDefinitions[0].containerDefinitions = []),
    'taskDefinitions[0].containerDefinitions: needs at least one container',
  ],
  [
    'task cpu as a number',
    (d) => (d.taskDefinitions[0].cpu = 256),
    'taskDefinitions[0].cpu: expected a string, got 256',
  ],
  [
    'task memory in a unit ECS does not take',
    (d) => (d.taskDefinitions[0].memory = '512 MB'),
    'taskDefinitions[0].memory: must be MiB such as "512" or GB such as "2 GB", got "512 MB"',
  ],
  [
    'a bad instance id',
    (d) => (d.containerInstances[0].ec2InstanceId = 'web-1'),
    'containerInstances[0].ec2InstanceId: must look like i-0123456789abcdef0, got "web-1"',
  ],
  [
    'a duplicate instance id',
    (d) => (d.containerInstances[1].ec2InstanceId = 'i-0a1b2c3d4e5f60001'),
    'containerInstances[1].ec2InstanceId: i-0a1b2c3d4e5f60001 appears twice',
  ],
  [
    'an unknown cluster on an instance',
    (d) => (d.containerInstances[2].cluster = 'prod'),
    'containerInstances[2].cluster: cluster "prod" is not in clusters',
  ],
  [
    'an unknown cluster on a service',
    (d) => (d.services[0].cluster = 'prod'),
    'services[0].cluster: cluster "prod" is not in clusters',
  ],
  [
    'a cluster ARN of another cluster',
    (d) => (d.services[0].cluster = 'arn:aws:ecs:us-east-1:123456789012:cluster/prod'),
    'services[0].cluster: cluster "arn:aws:ecs:us-east-1:123456789012:cluster/prod" is not in clusters',
  ],
  [
    'an instance type not in the table',
    (d) => (d.containerInstances[0].instanceType = 'm5.lrage'),
    'containerInstances[0].registeredResources: instance type m5.lrage is not an EC2 instance type Berth knows (did you mean m5.large?): check the name, or give CPU and MEMORY registeredResources',
  ],
  [
    'no instance type',
    (d) => delete d.containerInstances[0].instanceType,
    'containerInstances[0].registeredResources: needs ecs.instance-type (or instanceType), or CPU and MEMORY registeredResources',
  ],
  [
    'no availability zone',
    (d) => delete d.containerInstances[0].availabilityZone,
    'containerInstances[0].attributes: needs ecs.availability-zone (or the availabilityZone shorthand)',
  ],
  [
    'a zone of another region',
    (d) => (d.containerInstances[0].availabilityZone = 'eu-west-1a'),
    'containerInstances[0].availabilityZone: eu-west-1a is not in region us-east-1',
  ],
  [
    'a shorthand that disagrees with its attribute',
    (d) =>
      (d.containerInstances[0].attributes = [{ name: 'ecs.instance-type', value: 'c5.large' }]),
    'containerInstances[0].instanceType: m5.large disagrees with attribute ecs.instance-type c5.large',
  ],
  [
    'an unregistered task definition',
    (d) => (d.services[0].taskDefinition = 'api'),
    'services[0].taskDefinition: api is not registered in taskDefinitions',
  ],
  [
    'a revision that is not registered',
    (d) => (d.services[0].taskDefinition = 'web:2'),
    'services[0].taskDefinition: web:2 is not registered in taskDefinitions',
  ],
  [
    'a revision that is not a number',
    (d) => (d.services[0].taskDefinition = 'web:latest'),
    'services[0].taskDefinition: web:latest is not registered in taskDefinitions',
  ],
  [
    'a replica service without desiredCount',
    (d) => delete d.services[0].desiredCount,
    'services[0].desiredCount: is required for a REPLICA service',
  ],
  [
    'a daemon service with a strategy',
    (d) =>
      Object.assign(d.services[0], {
        schedulingStrategy: 'DAEMON',
        placementStrategy: [{ type: 'random' }],
      }),
    'services[0].placementStrategy: is not supported with the DAEMON scheduling strategy',
  ],
  [
    'a service twice in one cluster',
    (d) => d.services.push({ ...d.services[0] }),
    'services[1].serviceName: web appears twice (Berth needs unique service names)',
  ],
  [
    'a workload twice',
    (d) => d.workloads.push({ family: 'web' }),
    'workloads[1].family: a workload for web appears twice',
  ],
  [
    'a workload of no family',
    (d) => (d.workloads[0].family = 'api'),
    'workloads[0].family: api is not a family in taskDefinitions',
  ],
  [
    'a workload of no revision',
    (d) => (d.workloads[0].revision = 3),
    'workloads[0].revision: web:3 is not registered in taskDefinitions',
  ],
  [
    'a container without memory',
    (d) => delete d.taskDefinitions[0].containerDefinitions[0].memory,
    "taskDefinitions[0].containerDefinitions[0]: Invalid setting for container 'web'. At least one of 'memory' or 'memoryReservation' must be specified.",
  ],
  [
    'a layout position that is not a number',
    (d) => (d.layout = { 'service:web': { x: '1', y: 2 } }),
    'layout["service:web"].x: expected a number, got the string "1"',
  ],
];

describe('parseDesign refuses', () => {
  it.each(refusals)('%s', (_label, breakIt, line) => {
    const doc = sampleJson();
    breakIt(doc);
    expect(refusal(doc)).toContain(line);
  });

  it.each([
    ['text that is not JSON', 'services: [web]', /^\(document\): is not valid JSON: /],
    ['half a document', '{"formatVersion": 1,', /^\(document\): is not valid JSON: /],
    ['an empty paste', '  \n', /^\(document\): is empty$/],
    ['a JSON array', '[]', /^\(document\): expected a JSON object, got an array$/],
    ['JSON null', 'null', /^\(document\): expected a JSON object, got null$/],
    [
      'a task definition on its own',
      JSON.stringify(taskDefinition('web')),
      /^formatVersion: is required: this looks like a task definition, not a Berth design$/,
    ],
  ])('%s', (_label, text, line) => {
    const lines = refusal(text);
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(line);
  });

  it('names every problem it finds, with its path', () => {
    const doc = sampleJson() as Doc;
    doc.seed = 'x';
    doc.services[0].desiredCount = -1;
    const result = parseDesign(doc);
    expect(result.ok ? [] : result.issues).toEqual([
      { path: 'seed', message: 'expected a number, got the string "x"' },
      { path: 'services[0].desiredCount', message: 'must be at least 0, got -1' },
    ]);
  });

  it('lists at most 20 problems in its message', () => {
    const doc = sampleJson() as Doc;
    doc.layout = Object.fromEntries(Array.from({ length: 30 }, (_, i) => [`n${i}`, { x: 0 }]));
    const lines = refusal(doc);
    expect(lines).toHaveLength(21);
    expect(lines[20]).toBe('... and 10 more problems');
  });

  it('never throws, whatever it is given', () => {
    for (const input of [
      undefined,
      0,
      true,
      'null',
      '"x"',
      [],
      { formatVersion: {} },
      Symbol('x'),
    ]) {
      expect(parseDesign(input).ok).toBe(false);
    }
  });
});
