import { describe, expect, it } from 'vitest';
import { STRATEGY_MESSAGES } from '../../design/capacity-references';
import { design, minutes, service, taskDefinition } from '../testing/builders';
import { simulate } from '../testing/harness';

// UpdateService's capacityProviderStrategy and networkConfiguration (§13.1): refused as
// CreateService refuses a strategy; a strategy change needs forceNewDeployment, in ECS's
// words; a new network configuration starts a deployment.

const edge = {
  ...taskDefinition('edge', { networkMode: 'awsvpc' }),
  requiresCompatibilities: ['FARGATE' as const],
  cpu: '256',
  memory: '512',
};
const subnets = (...ids: string[]) => ({ awsvpcConfiguration: { subnets: ids } });
const on = (provider: string) => [{ capacityProvider: provider, weight: 1 }];

function fargate(serviceFields: Record<string, unknown>) {
  return design({
    clusters: [{ clusterName: 'test', capacityProviders: ['FARGATE', 'FARGATE_SPOT'] }],
    taskDefinitions: [edge],
    services: [
      service('edge', 2, { networkConfiguration: subnets('subnet-x-a'), ...serviceFields }),
    ] as never,
  });
}

const update = (input: Record<string, unknown>) =>
  ({ action: 'UpdateService', input: { cluster: 'test', service: 'edge', ...input } }) as never;

const FORCE =
  'When switching from launch type to capacity provider strategy on an existing service, or making a change to a capacity provider strategy on a service that is already using one, you must force a new deployment.';

const liveProviders = (run: ReturnType<typeof simulate>) =>
  run
    .tasks()
    .filter((t) => t.desiredStatus === 'RUNNING')
    .map((t) => t.capacityProviderName)
    .sort();

describe('UpdateService capacityProviderStrategy', () => {
  it('a change without forceNewDeployment is refused in ECS words, and nothing changes', () => {
    const run = simulate(fargate({ capacityProviderStrategy: on('FARGATE') }))
      .until(minutes(1))
      .apply(update({ capacityProviderStrategy: on('FARGATE_SPOT'), desiredCount: 5 }));
    expect(run.results[0]?.error).toEqual({ code: 'InvalidParameterException', message: FORCE });
    run.until(minutes(2));
    expect(liveProviders(run)).toEqual(['FARGATE', 'FARGATE']);
  });

  it('with forceNewDeployment: a new deployment whose tasks follow the new strategy', () => {
    const run = simulate(fargate({ capacityProviderStrategy: on('FARGATE') }))
      .until(minutes(1))
      .apply(update({ capacityProviderStrategy: on('FARGATE_SPOT'), forceNewDeployment: true }))
      .until(minutes(3));
    expect(run.results[0]?.error).toBeUndefined();
    expect(liveProviders(run)).toEqual(['FARGATE_SPOT', 'FARGATE_SPOT']);
    const [described] = run.sim.describe().services;
    expect(described?.capacityProviderStrategy).toEqual([
      { capacityProvider: 'FARGATE_SPOT', weight: 1, base: 0 },
    ]);
  });

  it('from a launch type to a strategy, forced: the launch type is gone', () => {
    const run = simulate(fargate({ launchType: 'FARGATE' }))
      .until(minutes(1))
      .apply(update({ capacityProviderStrategy: on('FARGATE_SPOT') }))
      .apply(update({ capacityProviderStrategy: on('FARGATE_SPOT'), forceNewDeployment: true }))
      .until(minutes(3));
    expect(run.results.map((r) => r.error?.message)).toEqual([FORCE, undefined]);
    expect(liveProviders(run)).toEqual(['FARGATE_SPOT', 'FARGATE_SPOT']);
    expect(run.sim.describe().services[0]?.launchType).toBeUndefined();
  });

  it('the same strategy again needs no force and starts nothing', () => {
    const run = simulate(fargate({ capacityProviderStrategy: on('FARGATE') }))
      .until(minutes(1))
      .apply(
        update({ capacityProviderStrategy: [{ capacityProvider: 'FARGATE', weight: 1, base: 0 }] }),
      );
    expect(run.results[0]?.error).toBeUndefined();
    const deployments = run.sim.describe().services[0]?.deployments as unknown[];
    expect(deployments).toHaveLength(1);
  });

  it.each([
    [
      'a provider the cluster lacks',
      [{ capacityProvider: 'cp', weight: 1 }],
      STRATEGY_MESSAGES.notAssociated,
    ],
    [
      "the cluster's default, from a strategy of its own",
      [],
      "A service that uses a capacity provider strategy of its own cannot be updated to use the cluster's default capacity provider strategy.",
    ],
  ])('refuses %s', (_label, strategy, message) => {
    const run = simulate(fargate({ capacityProviderStrategy: on('FARGATE') }))
      .until(minutes(1))
      .apply(update({ capacityProviderStrategy: strategy, forceNewDeployment: true }));
    expect(run.results[0]?.error?.message).toBe(message);
  });
});

describe('UpdateService networkConfiguration', () => {
  it('starts a deployment whose tasks take the new subnets', () => {
    const run = simulate(fargate({ launchType: 'FARGATE' }))
      .until(minutes(1))
      .apply(update({ networkConfiguration: subnets('subnet-x-b') }))
      .until(minutes(3));
    expect(run.results[0]?.error).toBeUndefined();
    const zones = run
      .tasks()
      .filter((t) => t.desiredStatus === 'RUNNING')
      .map((t) => t.availabilityZone);
    expect(zones).toEqual(['us-east-1b', 'us-east-1b']);
    expect(run.sim.describe().services[0]?.networkConfiguration).toEqual(subnets('subnet-x-b'));
  });

  it('the same configuration again starts nothing', () => {
    const run = simulate(fargate({ launchType: 'FARGATE' }))
      .until(minutes(1))
      .apply(update({ networkConfiguration: subnets('subnet-x-a') }));
    expect(run.sim.describe().services[0]?.deployments as unknown[]).toHaveLength(1);
  });
});
