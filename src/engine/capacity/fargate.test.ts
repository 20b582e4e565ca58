import { describe, expect, it } from 'vitest';
import type { EcsEvent } from '../api';
import { design, minutes, seconds, service, taskDefinition } from '../testing/builders';
import { simulate } from '../testing/harness';
import { SPOT_STOPPED_REASON } from './spot';

// Fargate and Fargate Spot (ecs-behavior §6): no container instance, an ENI per task in
// its subnets' zones, PROVISIONING -> PENDING -> RUNNING, and Spot interruptions.

const edge = (extra: Record<string, unknown> = {}) => ({
  ...taskDefinition('edge', { networkMode: 'awsvpc' }),
  requiresCompatibilities: ['FARGATE' as const],
  cpu: '256',
  memory: '512',
  ...extra,
});

const network = {
  awsvpcConfiguration: { subnets: ['subnet-private-a', 'subnet-private-b'] },
};

function fargateCluster(services: Record<string, unknown>[], extra: Record<string, unknown> = {}) {
  return design({
    clusters: [{ clusterName: 'test', capacityProviders: ['FARGATE', 'FARGATE_SPOT'] }],
    taskDefinitions: [edge()],
    services: services as never,
    ...extra,
  });
}

const taskEvents = (events: EcsEvent[], taskArn: string) =>
  events.filter((e) => e['detail-type'] === 'ECS Task State Change' && e.resources[0] === taskArn);

describe('Fargate', () => {
  it('a task walks PROVISIONING (15 s), PENDING (pull 10 s + start 3 s), RUNNING on no instance', () => {
    const run = simulate(
      fargateCluster([
        service('edge', 1, { launchType: 'FARGATE', networkConfiguration: network }),
      ]),
    ).until(minutes(1));
    const [task] = run.sim.describe().tasks;
    const events = taskEvents(run.events, String(task?.taskArn));
    expect(events.map((e) => [e.detail.lastStatus, e.time])).toEqual([
      ['PROVISIONING', '2026-01-01T00:00:00.000Z'],
      ['PENDING', '2026-01-01T00:00:15.000Z'],
      ['RUNNING', '2026-01-01T00:00:28.000Z'],
    ]);
    expect(task?.launchType).toBe('FARGATE');
    expect(task?.containerInstanceArn).toBeUndefined();
    expect(task?.availabilityZone).toBe('us-east-1a');
    expect(task?.platformVersion).toBe('1.4.0');
    expect(task?.attachments).toEqual([
      expect.objectContaining({
        type: 'ElasticNetworkInterface',
        details: [{ name: 'subnetId', value: 'subnet-private-a' }],
      }),
    ]);
    expect(run.sim.snapshot().services[0]?.runningCount).toBe(1);
  });

  it("spreads a service's tasks over its subnets' zones", () => {
    const run = simulate(
      fargateCluster([
        service('edge', 5, { launchType: 'FARGATE', networkConfiguration: network }),
      ]),
    ).until(minutes(1));
    const zones = run.sim.describe().tasks.map((t) => t.availabilityZone);
    expect(zones.filter((z) => z === 'us-east-1a')).toHaveLength(3);
    expect(zones.filter((z) => z === 'us-east-1b')).toHaveLength(2);
  });

  it('without subnets, the design has no zones: the region a, b and c', () => {
    const run = simulate(fargateCluster([service('edge', 3, { launchType: 'FARGATE' })])).until(
      minutes(1),
    );
    expect(
      run.sim
        .describe()
        .tasks.map((t) => t.availabilityZone)
        .sort(),
    ).toEqual(['us-east-1a', 'us-east-1b', 'us-east-1c']);
  });

  it('reaches a steady state with no instance to be ACTIVE on', () => {
    const run = simulate(fargateCluster([service('edge', 2, { launchType: 'FARGATE' })])).until(
      minutes(2),
    );
    expect(run.serviceMessages).toContain('service edge has reached a steady state.');
  });

  it('scales in from the zone holding the most, newest first', () => {
    const run = simulate(
      fargateCluster([
        service('edge', 4, { launchType: 'FARGATE', networkConfiguration: network }),
      ]),
    )
      .until(minutes(1))
      .apply({
        action: 'UpdateService',
        input: { cluster: 'test', service: 'edge', desiredCount: 1 },
      })
      .until(minutes(3));
    expect(run.tasks({ lastStatus: 'RUNNING' })).toHaveLength(1);
  });
});

describe('capacity provider strategies on Fargate (§13.1)', () => {
  const strategy = [
    { capacityProvider: 'FARGATE', base: 1, weight: 1 },
    { capacityProvider: 'FARGATE_SPOT', weight: 4 },
  ];

  it('base 1 on FARGATE, then 1:4 with FARGATE_SPOT', () => {
    const run = simulate(
      fargateCluster([service('edge', 6, { capacityProviderStrategy: strategy })]),
    ).until(minutes(1));
    const providers = run.sim.describe().tasks.map((t) => t.capacityProviderName);
    expect(providers.filter((p) => p === 'FARGATE')).toHaveLength(2);
    expect(providers.filter((p) => p === 'FARGATE_SPOT')).toHaveLength(4);
    expect(run.sim.describe().tasks.every((t) => t.launchType === 'FARGATE')).toBe(true);
    const [described] = run.sim.describe().services;
    expect(described?.launchType).toBeUndefined();
    expect(described?.capacityProviderStrategy).toEqual([
      { capacityProvider: 'FARGATE', base: 1, weight: 1 },
      { capacityProvider: 'FARGATE_SPOT', base: 0, weight: 4 },
    ]);
  });

  it("the cluster's default strategy when the service has neither launchType nor strategy", () => {
    const d = design({
      clusters: [
        {
          clusterName: 'test',
          capacityProviders: ['FARGATE', 'FARGATE_SPOT'],
          defaultCapacityProviderStrategy: [{ capacityProvider: 'FARGATE_SPOT', weight: 1 }],
        },
      ],
      // EC2 listed too: the gate's launch-type check reads only the service (a known gap).
      taskDefinitions: [edge({ requiresCompatibilities: ['EC2', 'FARGATE'] })],
      services: [service('edge', 2)] as never,
    });
    const run = simulate(d).until(minutes(1));
    expect(run.sim.describe().tasks.map((t) => t.capacityProviderName)).toEqual([
      'FARGATE_SPOT',
      'FARGATE_SPOT',
    ]);
  });

  it('RunTask refuses a provider the cluster is not associated with, in ECS words', () => {
    const d = design({ taskDefinitions: [edge()] });
    const run = simulate(d).apply({
      action: 'RunTask',
      input: {
        cluster: 'test',
        taskDefinition: 'edge',
        capacityProviderStrategy: [{ capacityProvider: 'FARGATE', weight: 1 }],
      },
    });
    expect(run.results[0]?.error).toEqual({
      code: 'InvalidParameterException',
      message:
        'The specified capacity provider strategy cannot contain a capacity provider that is not associated with the cluster. Associate the capacity provider with the cluster or specify a valid capacity provider and try again.',
    });
  });

  it('RunTask refuses a launch type and a strategy together', () => {
    const run = simulate(fargateCluster([])).apply({
      action: 'RunTask',
      input: {
        cluster: 'test',
        taskDefinition: 'edge',
        launchType: 'FARGATE',
        capacityProviderStrategy: [{ capacityProvider: 'FARGATE', weight: 1 }],
      },
    });
    expect(run.results[0]?.error?.message).toBe(
      'Specifying both a launch type and capacity provider strategy is not supported. Remove one and try again.',
    );
  });
});

describe('Fargate Spot interruptions (§6.2)', () => {
  const spotOnly = [{ capacityProvider: 'FARGATE_SPOT', weight: 1 }];

  it('warning event at once, SIGTERM, stopped with SpotInterruption, replaced on Spot', () => {
    const run = simulate(
      fargateCluster([service('edge', 2, { capacityProviderStrategy: spotOnly })]),
    )
      .until(minutes(1))
      .apply({ action: 'InterruptSpotTask', input: { cluster: 'test', service: 'edge' } });
    const response = run.results[0]?.response as { interruptedTasks: string[] } | undefined;
    const interrupted = response?.interruptedTasks[0];
    run.until(minutes(3));
    const events = taskEvents(run.events, String(interrupted));
    const warning = events.find((e) => e.detail.desiredStatus === 'STOPPED');
    expect(warning?.time).toBe('2026-01-01T00:01:00.000Z');
    expect(warning?.detail.stopCode).toBe('SpotInterruption');
    expect(warning?.detail.stoppedReason).toBe(SPOT_STOPPED_REASON);
    expect(warning?.detail.lastStatus).toBe('STOPPING');
    // The container exits on SIGTERM after its 2 s stop; then the ENI is detached (3 s).
    const stopped = events.find((e) => e.detail.lastStatus === 'STOPPED');
    expect(stopped?.time).toBe('2026-01-01T00:01:05.000Z');
    const live = run.sim.describe().tasks.filter((t) => t.lastStatus === 'RUNNING');
    expect(live).toHaveLength(2);
    expect(live.every((t) => t.capacityProviderName === 'FARGATE_SPOT')).toBe(true);
  });

  it('a task that ignores SIGTERM is killed when its stopTimeout runs out', () => {
    const d = fargateCluster([service('edge', 1, { capacityProviderStrategy: spotOnly })], {
      workloads: [{ family: 'edge', ignoresSigterm: true }],
    });
    const run = simulate(d)
      .until(minutes(1))
      .apply({ action: 'InterruptSpotTask', input: { cluster: 'test', service: 'edge' } })
      .until(minutes(3));
    const stopped = run.events.find(
      (e) => e.detail.lastStatus === 'STOPPED' && e.detail.stopCode === 'SpotInterruption',
    );
    // 30 s stop timeout (SIGKILL), then 3 s to detach the ENI.
    expect(stopped?.time).toBe('2026-01-01T00:01:33.000Z');
  });

  it('answers an error for a service with no Spot task', () => {
    const run = simulate(fargateCluster([service('edge', 1, { launchType: 'FARGATE' })]))
      .until(seconds(30))
      .apply({ action: 'InterruptSpotTask', input: { cluster: 'test', service: 'edge' } });
    expect(run.results[0]?.error?.code).toBe('InvalidParameterException');
  });

  it('a rate interrupts Spot tasks at seeded moments: the same seed, the same ones', () => {
    const d = fargateCluster([service('edge', 4, { capacityProviderStrategy: spotOnly })], {
      fargate: { spotInterruptionsPerHour: 2 },
    });
    const times = (seed: number) =>
      simulate(d, seed)
        .until(minutes(120), minutes(10))
        .events.filter(
          (e) => e.detail.stopCode === 'SpotInterruption' && e.detail.lastStatus === 'STOPPED',
        )
        .map((e) => e.time);
    const once = times(7);
    expect(once.length).toBeGreaterThan(2);
    expect(times(7)).toEqual(once);
    expect(times(8)).not.toEqual(once);
  });
});
