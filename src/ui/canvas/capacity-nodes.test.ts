import { describe, expect, it } from 'vitest';
import type { DesignDocument } from '../../design';
import type { CapacityView, TaskView } from '../../engine';
import { addInstance, emptyDesign } from '../../store/edits';
import { fargateClusters, groupPlaces } from './capacity-design';
import { indexFargate } from './fargate-tasks';
import { type BerthNode, toFlowNodes } from './flow-nodes';
import { FARGATE_MIN_HEIGHT, fargateLaneHeight, LANE_TOP } from './geometry';
import { boundsBar, summarizeGroup } from './group-summary';
import type { CanvasCapacity } from './live-capacity';

/** Cluster web with an instance in a, an ASG with a provider, and a Fargate Spot service. */
function withCapacity(): DesignDocument {
  let design: DesignDocument = {
    ...emptyDesign(),
    clusters: [
      { clusterName: 'web', capacityProviders: ['nodes', 'FARGATE', 'FARGATE_SPOT'] },
      { clusterName: 'batch' },
    ],
  };
  design = addInstance(design, 'm5.large', 'us-east-1a', undefined, 'web').design;
  return {
    ...design,
    launchTemplates: [
      {
        LaunchTemplateName: 'ecs-node',
        LaunchTemplateData: { InstanceType: 'm5.large', UserData: 'echo ECS_CLUSTER=web' },
      },
    ],
    autoScalingGroups: [
      {
        AutoScalingGroupName: 'web-asg',
        MinSize: 1,
        MaxSize: 4,
        DesiredCapacity: 2,
        LaunchTemplate: { LaunchTemplateName: 'ecs-node' },
        AvailabilityZones: ['us-east-1b'],
      },
    ],
    capacityProviders: [
      { name: 'nodes', autoScalingGroupProvider: { autoScalingGroupArn: 'web-asg' } },
    ],
    services: [
      {
        cluster: 'web',
        serviceName: 'edge',
        taskDefinition: 'edge',
        desiredCount: 2,
        capacityProviderStrategy: [{ capacityProvider: 'FARGATE_SPOT', weight: 1 }],
      },
      { cluster: 'batch', serviceName: 'jobs', taskDefinition: 'jobs', desiredCount: 1 },
    ],
  };
}

function task(id: string, over: Partial<TaskView> = {}): TaskView {
  return {
    taskArn: `arn:aws:ecs:us-east-1:123456789012:task/web/${id}`,
    taskId: id,
    clusterName: 'web',
    group: 'service:edge',
    serviceName: 'edge',
    family: 'edge',
    revision: 1,
    launchType: 'FARGATE',
    capacityProviderName: 'FARGATE',
    availabilityZone: 'us-east-1a',
    lastStatus: 'RUNNING',
    desiredStatus: 'RUNNING',
    healthStatus: 'UNKNOWN',
    cpu: 256,
    memoryMiB: 512,
    hostPorts: [],
    createdAtMs: 0,
    ...over,
  };
}

const byType = <T extends BerthNode['type']>(nodes: BerthNode[], type: T) =>
  nodes.filter((n): n is Extract<BerthNode, { type: T }> => n.type === type);

describe('capacity on the canvas', () => {
  it('puts a group in the frame of the cluster its provider is associated with', () => {
    expect(groupPlaces(withCapacity())).toEqual([
      {
        name: 'web-asg',
        cluster: 'web',
        providers: ['nodes'],
        minSize: 1,
        maxSize: 4,
        desiredCapacity: 2,
      },
    ]);
  });

  it('falls back to the cluster its launch template registers in', () => {
    const design = { ...withCapacity(), capacityProviders: [] };
    design.launchTemplates = [
      {
        LaunchTemplateName: 'ecs-node',
        LaunchTemplateData: { UserData: btoa('#!/bin/bash\necho ECS_CLUSTER=batch') },
      },
    ];
    expect(groupPlaces(design)[0]?.cluster).toBe('batch');
  });

  it('draws the group node inside its frame, right of the lanes, and widens the frame for it', () => {
    const nodes = toFlowNodes(withCapacity(), { kind: 'autoScalingGroup', name: 'web-asg' });
    const [group] = byType(nodes, 'autoScalingGroup');
    const frames = byType(nodes, 'cluster');
    const web = frames.find((f) => f.data.clusterName === 'web');
    const batch = frames.find((f) => f.data.clusterName === 'batch');
    const lanes = byType(nodes, 'lane').filter((l) => l.data.cluster === 'web');
    const lastLane = Math.max(...lanes.map((l) => l.position.x + (l.width ?? 0)));
    expect(group?.selected).toBe(true);
    expect(group?.position.x).toBeGreaterThan(lastLane);
    expect(group?.position.y).toBe(LANE_TOP);
    expect((group?.position.x ?? 0) + 300).toBeLessThan((web?.position.x ?? 0) + (web?.width ?? 0));
    expect((web?.position.x ?? 0) + (web?.width ?? 0)).toBeLessThan(batch?.position.x ?? 0);
  });

  it('draws a booting instance as a ghost in its zone lane, in the next free slot', () => {
    const capacity: CanvasCapacity = {
      booting: [
        {
          instanceId: 'i-0boot',
          group: 'web-asg',
          availabilityZone: 'us-east-1b',
          instanceType: 'm5.large',
          launchedAtMs: 5000,
        },
      ],
      fargateZones: {},
      fargateHeight: 0,
    };
    const nodes = toFlowNodes(withCapacity(), null, null, [], capacity);
    const [ghost] = byType(nodes, 'booting');
    const lane = nodes.find((n) => n.id === 'lane:web:us-east-1b');
    expect(ghost?.data).toMatchObject({ cluster: 'web', az: 'us-east-1b', launchedAtMs: 5000 });
    expect(ghost?.position.x).toBeGreaterThan(lane?.position.x ?? Number.NaN);
    expect(lane?.type === 'lane' && lane.data).toMatchObject({ count: 0, booting: 1 });
    // Not an instance: the frame's count and the instance list leave it out.
    expect(byType(nodes, 'instance')).toHaveLength(1);
  });

  it('adds a Fargate lane per zone under the lanes of a cluster with a Fargate service, only there', () => {
    const design = withCapacity();
    expect([...fargateClusters(design)]).toEqual(['web']);
    const nodes = toFlowNodes(design, null);
    const fargate = byType(nodes, 'fargateLane');
    expect(fargate.map((n) => n.id)).toEqual([
      'fargate:web:us-east-1a',
      'fargate:web:us-east-1b',
      'fargate:web:us-east-1c',
    ]);
    const lane = nodes.find((n) => n.id === 'lane:web:us-east-1a');
    const web = byType(nodes, 'cluster').find((f) => f.data.clusterName === 'web');
    expect(fargate[0]?.position.x).toBe(lane?.position.x);
    expect(fargate[0]?.position.y).toBeGreaterThan((lane?.position.y ?? 0) + (lane?.height ?? 0));
    expect(fargate[0]?.height).toBe(FARGATE_MIN_HEIGHT);
    const bottom = (fargate[0]?.position.y ?? 0) + (fargate[0]?.height ?? 0);
    expect(bottom).toBeLessThan((web?.position.y ?? 0) + (web?.height ?? 0));
  });

  it('adds a lane for a zone only the run uses (a Fargate task in a subnet of zone d)', () => {
    const capacity: CanvasCapacity = {
      booting: [],
      fargateZones: { batch: ['us-east-1d'] },
      fargateHeight: 200,
    };
    const nodes = toFlowNodes(withCapacity(), null, null, [], capacity);
    const batch = byType(nodes, 'fargateLane').filter((n) => n.data.cluster === 'batch');
    expect(batch.map((n) => n.data.az)).toEqual([
      'us-east-1a',
      'us-east-1b',
      'us-east-1c',
      'us-east-1d',
    ]);
    expect(batch[0]?.height).toBe(200);
  });
});

describe('indexFargate', () => {
  it('lists live Fargate tasks by cluster and zone, by service then Spot, never EC2 or STOPPED ones', () => {
    const tasks = Object.fromEntries(
      [
        task('s1', { capacityProviderName: 'FARGATE_SPOT', createdAtMs: 1 }),
        task('o1', { createdAtMs: 2 }),
        task('b1', { availabilityZone: 'us-east-1b' }),
        task('gone', { lastStatus: 'STOPPED' }),
        task('ec2', { launchType: 'EC2', capacityProviderName: 'nodes', ec2InstanceId: 'i-1' }),
        task('api1', { serviceName: 'api', family: 'api' }),
      ].map((t) => [t.taskArn, t]),
    );
    const index = indexFargate(tasks);
    expect(index.lanes['web\u0000us-east-1a']?.map((t) => t.taskId)).toEqual(['api1', 'o1', 's1']);
    expect(index.lanes['web\u0000us-east-1b']?.map((t) => t.taskId)).toEqual(['b1']);
    expect(index.zones).toEqual({ web: ['us-east-1a', 'us-east-1b'] });
  });

  it('keeps a lane list while its tasks did not change, so its node does not repaint', () => {
    const a = task('a');
    const b = task('b', { availabilityZone: 'us-east-1b' });
    const first = indexFargate({ [a.taskArn]: a, [b.taskArn]: b });
    const b2 = { ...b, lastStatus: 'STOPPING' as const };
    const second = indexFargate({ [a.taskArn]: a, [b.taskArn]: b2 }, first);
    expect(second.lanes['web\u0000us-east-1a']).toBe(first.lanes['web\u0000us-east-1a']);
    expect(second.lanes['web\u0000us-east-1b']).not.toBe(first.lanes['web\u0000us-east-1b']);
  });

  it('grows every lane to the fullest one, in steps', () => {
    const many = Array.from({ length: 40 }, (_, i) => task(`t${i}`));
    const index = indexFargate(Object.fromEntries(many.map((t) => [t.taskArn, t])));
    expect(index.height).toBe(fargateLaneHeight([40]));
    expect(index.height).toBeGreaterThan(FARGATE_MIN_HEIGHT);
    expect(index.height % 48).toBe(0);
  });
});

describe('summarizeGroup', () => {
  const capacity: CapacityView = {
    groups: [
      {
        autoScalingGroupName: 'web-asg',
        minSize: 1,
        maxSize: 4,
        desiredCapacity: 3,
        instanceTypes: ['m5.large'],
        availabilityZones: ['us-east-1b'],
        instances: [
          {
            instanceId: 'i-1',
            instanceType: 'm5.large',
            availabilityZone: 'us-east-1b',
            lifecycleState: 'InService',
            protectedFromScaleIn: true,
            launchedAtMs: 0,
            containerInstanceArn: 'arn:ci/1',
          },
          {
            instanceId: 'i-2',
            instanceType: 'm5.large',
            availabilityZone: 'us-east-1b',
            lifecycleState: 'Pending',
            protectedFromScaleIn: true,
            launchedAtMs: 60_000,
          },
        ],
      },
    ],
    providers: [
      {
        name: 'nodes',
        autoScalingGroupName: 'web-asg',
        managedScaling: {
          status: 'ENABLED',
          targetCapacity: 100,
          minimumScalingStepSize: 1,
          maximumScalingStepSize: 10000,
          instanceWarmupPeriod: 300,
        },
        managedTerminationProtection: true,
        reservation: { value: 200, m: 2, n: 1, atMs: 60_000 },
        minutesBelowTarget: 0,
        provisioningTasks: 3,
      },
    ],
  };

  it('counts instances by lifecycle state and reads the provider and its last reservation', () => {
    expect(summarizeGroup(capacity, 'web-asg', ['nodes'])).toEqual({
      found: true,
      min: 1,
      desired: 3,
      max: 4,
      inService: 1,
      booting: 1,
      terminating: 0,
      provider: 'nodes',
      targetCapacity: 100,
      reservation: 200,
      reservationM: 2,
      reservationN: 1,
      waitingTasks: 3,
    });
  });

  it('says so when the run has no such group yet', () => {
    expect(summarizeGroup(undefined, 'web-asg', ['nodes'])).toMatchObject({
      found: false,
      provider: 'nodes',
      reservation: -1,
    });
  });

  it('marks min and desired along a bar that spans 0..max', () => {
    expect(boundsBar({ min: 1, desired: 3, max: 4 })).toMatchObject({
      minAt: 25,
      desiredAt: 75,
      maxAt: 100,
    });
    expect(boundsBar({ min: 0, desired: 0, max: 0 }).desiredAt).toBe(0);
  });
});
