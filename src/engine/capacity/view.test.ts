import { describe, expect, it } from 'vitest';
import { coalesceHistory } from '../output/history';
import { design, instance, minutes, seconds, service, taskDefinition } from '../testing/builders';
import { simulate } from '../testing/harness';
import { asgDesign, onProvider } from './testing';

// What the page sees of capacity: the groups and providers on the snapshot and in
// frames (only when they changed), tasks saying where they run, and the chart series.

describe('capacity on the snapshot and in frames', () => {
  it('groups and providers, with the reservation, the minutes below target and the waiting tasks', () => {
    const run = simulate(asgDesign({ services: [service('web', 1, onProvider)] })).until(0);
    let capacity = run.sim.snapshot().capacity;
    expect(capacity?.groups).toEqual([
      {
        autoScalingGroupName: 'nodes',
        minSize: 0,
        maxSize: 10,
        desiredCapacity: 2,
        instanceTypes: ['m5.large'],
        availabilityZones: ['us-east-1a', 'us-east-1b'],
        instances: [
          expect.objectContaining({ availabilityZone: 'us-east-1a', lifecycleState: 'Pending' }),
          expect.objectContaining({ availabilityZone: 'us-east-1b', lifecycleState: 'Pending' }),
        ],
      },
    ]);
    expect(capacity?.groups[0]?.instances[0]?.containerInstanceArn).toBeUndefined();
    expect(capacity?.providers).toEqual([
      {
        name: 'cp',
        autoScalingGroupName: 'nodes',
        managedScaling: {
          status: 'ENABLED',
          targetCapacity: 100,
          minimumScalingStepSize: 1,
          maximumScalingStepSize: 10000,
          instanceWarmupPeriod: 300,
        },
        managedTerminationProtection: true,
        reservation: { value: 200, m: 1, n: 0, atMs: 0 },
        minutesBelowTarget: 0,
        provisioningTasks: 1,
      },
    ]);
    run.until(minutes(2));
    capacity = run.sim.snapshot().capacity;
    expect(capacity?.groups[0]?.instances.map((i) => i.lifecycleState)).toEqual([
      'InService',
      'InService',
    ]);
    expect(capacity?.groups[0]?.instances[0]?.containerInstanceArn).toMatch(
      /^arn:aws:ecs:us-east-1:\d+:container-instance\/test\//,
    );
    expect(capacity?.providers[0]).toMatchObject({
      reservation: { value: 50, m: 1, n: 2, atMs: 120_000 },
      minutesBelowTarget: 2,
      provisioningTasks: 0,
    });
  });

  it('every frame carries capacity whole, the same however the run is sliced', () => {
    const d = asgDesign({ services: [service('web', 1, onProvider)] });
    const fine = simulate(d).until(minutes(2), seconds(1));
    const whole = simulate(d).until(minutes(2));
    expect(fine.frames.every((f) => f.capacity !== undefined)).toBe(true);
    expect(fine.frames.at(-1)?.capacity).toEqual(whole.frames.at(-1)?.capacity);
    expect(fine.frames.at(-1)?.capacity?.providers[0]?.minutesBelowTarget).toBe(2);
  });

  it('a design without groups or providers has none', () => {
    const run = simulate(
      design({ taskDefinitions: [taskDefinition('web')], services: [service('web', 0)] }),
    ).until(minutes(1));
    expect(run.sim.snapshot().capacity).toBeUndefined();
    expect(run.frames.some((f) => f.capacity !== undefined)).toBe(false);
    expect(run.frames.flatMap((f) => f.history).some((h) => h.groups || h.providers)).toBe(false);
  });
});

describe('tasks say where they run', () => {
  it("a provider's task waiting for capacity, then placed: EC2 through cp, in its instance's zone", () => {
    const run = simulate(asgDesign({ services: [service('web', 1, onProvider)] })).until(0);
    const first = run.frames[0]?.tasks[0];
    expect(first).toMatchObject({ launchType: 'EC2', capacityProviderName: 'cp' });
    expect(first?.availabilityZone).toBeUndefined();
    run.until(minutes(2));
    const placed = run.frames.flatMap((f) => f.tasks).find((t) => t.ec2InstanceId !== undefined);
    expect(placed).toMatchObject({ launchType: 'EC2', capacityProviderName: 'cp' });
    expect(placed?.availabilityZone).toMatch(/^us-east-1[ab]$/);
  });

  it('a Fargate task: FARGATE, its zone from its subnet, no instance; a plain task EC2', () => {
    const edge = {
      ...taskDefinition('edge', { networkMode: 'awsvpc' }),
      requiresCompatibilities: ['FARGATE' as const],
      cpu: '256',
      memory: '512',
    };
    const run = simulate(
      design({
        clusters: [{ clusterName: 'test', capacityProviders: ['FARGATE_SPOT'] }],
        taskDefinitions: [edge],
        services: [
          service('edge', 1, {
            capacityProviderStrategy: [{ capacityProvider: 'FARGATE_SPOT', weight: 1 }],
            networkConfiguration: { awsvpcConfiguration: { subnets: ['subnet-x-b'] } },
          }),
        ] as never,
      }),
    ).until(seconds(1));
    const [task] = run.frames[0]?.tasks ?? [];
    expect(task).toMatchObject({
      launchType: 'FARGATE',
      capacityProviderName: 'FARGATE_SPOT',
      availabilityZone: 'us-east-1b',
    });
    expect(task?.ec2InstanceId).toBeUndefined();
    const plain = simulate(
      design({
        containerInstances: [instance()],
        taskDefinitions: [taskDefinition('web')],
        services: [service('web', 1)],
      }),
    ).until(seconds(1));
    expect(plain.sim.snapshot().tasks[0]?.launchType).toBe('EC2');
    expect(plain.sim.snapshot().tasks[0]?.capacityProviderName).toBeUndefined();
  });
});

describe('capacity chart history', () => {
  it('the group at each minute and at each boot; the reservation each minute', () => {
    const run = simulate(asgDesign({ services: [service('web', 1, onProvider)] })).until(
      minutes(2),
      seconds(7),
    );
    const history = coalesceHistory(run.frames.flatMap((f) => f.history));
    const groups = history.flatMap((h) => (h.groups ? [[h.atMs, h.groups.nodes]] : []));
    expect(groups).toEqual([
      [0, { desired: 2, inService: 0, pending: 2 }],
      [60_000, { desired: 2, inService: 2, pending: 0 }],
      [120_000, { desired: 2, inService: 2, pending: 0 }],
    ]);
    const cpr = history.flatMap((h) => (h.providers ? [[h.atMs, h.providers.cp]] : []));
    expect(cpr).toEqual([
      [0, 200],
      [60_000, 50],
      [120_000, 50],
    ]);
  });

  it('a command that moves the group is sampled when it lands', () => {
    const run = simulate(asgDesign({ managedScaling: false }))
      .until(seconds(30))
      .apply({
        action: 'SetDesiredCapacity',
        input: { AutoScalingGroupName: 'nodes', DesiredCapacity: 3 },
      } as never)
      .until(seconds(31));
    const history = coalesceHistory(run.frames.flatMap((f) => f.history));
    expect(history.find((h) => h.atMs === 30_000)?.groups?.nodes).toEqual({
      desired: 3,
      inService: 0,
      pending: 3,
    });
  });
});

describe('describe-container-instances', () => {
  it("names the capacity provider of a group's instance, and none for a plain one", () => {
    const d = asgDesign({ services: [service('web', 1, onProvider)] });
    const run = simulate({ ...d, containerInstances: [instance()] }).until(minutes(2));
    const listed = run.sim
      .describe()
      .containerInstances.map((ci) => [ci.ec2InstanceId, ci.capacityProviderName]);
    expect(listed).toHaveLength(3);
    expect(listed.filter(([, p]) => p === 'cp')).toHaveLength(2);
    expect(listed.filter(([, p]) => p === undefined)).toHaveLength(1);
  });
});
