import fc from 'fast-check';
import type {
  Command,
  DesignDocument,
  HealthCheck,
  RegisterTaskDefinitionInput,
} from '../../design';
import type { Simulation } from '../simulation';
import { design, instance, minutes, service, taskDefinition } from './builders';

/**
 * Random designs and command sequences for property tests: a few instances, up to three
 * services with varied resources, ports, network modes, strategies and deployment
 * configurations, workloads that fail or ignore SIGTERM, a short script that may
 * register and deploy new revisions, and commands of every kind at random moments,
 * deployments among them.
 */

/** A container health check within the API's ranges (ecs-behavior §2.1). */
export const healthCheckArb: fc.Arbitrary<HealthCheck> = fc.record(
  {
    command: fc.constant(['CMD-SHELL', 'curl -f http://localhost/ || exit 1']),
    interval: fc.integer({ min: 5, max: 40 }),
    retries: fc.integer({ min: 1, max: 4 }),
    startPeriod: fc.integer({ min: 0, max: 60 }),
  },
  { requiredKeys: ['command'] },
);

/** minimumHealthyPercent 0..100 and maximumPercent 100..200: min <= max by construction. */
export const deploymentConfigurationArb = fc.record(
  {
    minimumHealthyPercent: fc.integer({ min: 0, max: 100 }),
    maximumPercent: fc.integer({ min: 100, max: 200 }),
    deploymentCircuitBreaker: fc.record({ enable: fc.boolean(), rollback: fc.boolean() }),
  },
  { requiredKeys: [] },
);
export type DeploymentConfigurationInput =
  typeof deploymentConfigurationArb extends fc.Arbitrary<infer T> ? T : never;

/** workloads[].failure: some tasks (or all) fail to start, fail their checks, or crash. */
export const failureArb = fc.record(
  {
    type: fc.constantFrom('FAIL_TO_START' as const, 'FAIL_HEALTH_CHECK' as const, 'CRASH' as const),
    probability: fc.constantFrom(0, 0.3, 0.5, 1),
    afterSeconds: fc.integer({ min: 0, max: 60 }),
    untilSeconds: fc.integer({ min: 0, max: 900 }),
  },
  { requiredKeys: ['type'] },
);

// A command is drawn as a recipe and resolved against the run when it is applied, so
// StopTask and the instance operations name tasks and instances that exist then.
export type Recipe =
  | { kind: 'scale'; service: number; desiredCount: number }
  | { kind: 'runTask'; service: number; count: number }
  | { kind: 'stopTask'; nth: number }
  | { kind: 'drain'; instance: number; status: 'ACTIVE' | 'DRAINING' }
  | { kind: 'terminate'; instance: number }
  | { kind: 'attribute'; instance: number; value: string | null }
  | { kind: 'register'; n: number }
  | { kind: 'registerRevision'; service: number; image: number; healthCheck?: HealthCheck }
  | {
      kind: 'deploy';
      service: number;
      /** The family (its latest revision), a revision by number (modulo those registered), or none. */
      target: 'family' | 'none' | number;
      forceNewDeployment: boolean;
      deploymentConfiguration?: DeploymentConfigurationInput;
      healthCheckGracePeriodSeconds?: number;
    };

export const recipe: fc.Arbitrary<Recipe> = fc.oneof(
  fc.record({
    kind: fc.constant('scale' as const),
    service: fc.nat(2),
    desiredCount: fc.integer({ min: 0, max: 12 }),
  }),
  fc.record({
    kind: fc.constant('runTask' as const),
    service: fc.nat(2),
    count: fc.integer({ min: 1, max: 4 }),
  }),
  fc.record({ kind: fc.constant('stopTask' as const), nth: fc.nat(30) }),
  fc.record({
    kind: fc.constant('drain' as const),
    instance: fc.nat(5),
    status: fc.constantFrom('ACTIVE' as const, 'DRAINING' as const),
  }),
  fc.record({ kind: fc.constant('terminate' as const), instance: fc.nat(5) }),
  fc.record({
    kind: fc.constant('attribute' as const),
    instance: fc.nat(5),
    value: fc.option(fc.constantFrom('blue', 'green'), { nil: null }),
  }),
  fc.record({ kind: fc.constant('register' as const), n: fc.nat(3) }),
  fc.record(
    {
      kind: fc.constant('registerRevision' as const),
      service: fc.nat(2),
      image: fc.nat(9),
      healthCheck: healthCheckArb,
    },
    { requiredKeys: ['kind', 'service', 'image'] },
  ),
  fc.record(
    {
      kind: fc.constant('deploy' as const),
      service: fc.nat(2),
      target: fc.oneof(fc.constantFrom('family' as const, 'none' as const), fc.nat(5)),
      forceNewDeployment: fc.boolean(),
      deploymentConfiguration: deploymentConfigurationArb,
      healthCheckGracePeriodSeconds: fc.integer({ min: 0, max: 120 }),
    },
    { requiredKeys: ['kind', 'service', 'target', 'forceNewDeployment'] },
  ),
);

export const scenarioArb = fc.record({
  instances: fc.array(
    fc.record({
      type: fc.constantFrom('m5.large', 't3.medium', 'c5.xlarge'),
      az: fc.constantFrom('us-east-1a', 'us-east-1b', 'us-east-1c'),
    }),
    { minLength: 1, maxLength: 6 },
  ),
  services: fc.array(
    fc.record({
      cpu: fc.integer({ min: 0, max: 1024 }),
      memory: fc.integer({ min: 64, max: 2048 }),
      desired: fc.integer({ min: 0, max: 8 }),
      networkMode: fc.constantFrom('bridge' as const, 'awsvpc' as const),
      hostPort: fc.option(fc.constantFrom(0, 8080), { nil: undefined }),
      strategy: fc.constantFrom('spread', 'binpack', 'random', 'none'),
      deploymentConfiguration: fc.option(deploymentConfigurationArb, { nil: undefined }),
      healthCheckGracePeriodSeconds: fc.option(fc.integer({ min: 0, max: 120 }), {
        nil: undefined,
      }),
      healthCheck: fc.option(healthCheckArb, { nil: undefined }),
    }),
    { minLength: 1, maxLength: 3 },
  ),
  script: fc.array(
    fc.record({ at: fc.integer({ min: 0, max: 600 }), service: fc.nat(2), desired: fc.nat(10) }),
    { maxLength: 3 },
  ),
  /** Script RegisterTaskDefinition of a service's next revision, maybe deployed at once. */
  revisions: fc.array(
    fc.record({
      at: fc.integer({ min: 0, max: 600 }),
      service: fc.nat(2),
      healthCheck: fc.option(healthCheckArb, { nil: undefined }),
      deploy: fc.boolean(),
    }),
    { maxLength: 2 },
  ),
  /** How revisions behave; a revision the design and script do not register is dropped. */
  workloads: fc.array(
    fc.record({
      service: fc.nat(2),
      revision: fc.option(fc.integer({ min: 1, max: 3 }), { nil: undefined }),
      failure: fc.option(failureArb, { nil: undefined }),
      ignoresSigterm: fc.boolean(),
    }),
    { maxLength: 2 },
  ),
  commands: fc.array(fc.record({ atMs: fc.integer({ min: 0, max: 900_000 }), recipe }), {
    maxLength: 10,
  }),
  breakAtMs: fc.integer({ min: 0, max: 1_200_000 }),
  seed: fc.nat(1000),
});
export type Scenario = typeof scenarioArb extends fc.Arbitrary<infer T> ? T : never;

export const END_MS = minutes(20);
export const instanceId = (i: number) => `i-${String(i + 1).padStart(17, '0')}`;

/** Service `i`'s task definition: the scenario's resources, with this image and health check. */
export function revisionInput(
  s: Scenario,
  i: number,
  image = 1,
  healthCheck?: HealthCheck,
): RegisterTaskDefinitionInput {
  const x = s.services[i % s.services.length];
  const td = taskDefinition(`svc${i % s.services.length}`, {
    ...(x && { cpu: x.cpu, memory: x.memory, networkMode: x.networkMode }),
    ...(x?.hostPort === undefined || x.networkMode === 'awsvpc' ? {} : { hostPort: x.hostPort }),
  });
  return {
    ...td,
    containerDefinitions: td.containerDefinitions.map((c) => ({
      ...c,
      image: `example/${td.family}:${image}`,
      ...(healthCheck && { healthCheck }),
    })),
  };
}

export function buildDesign(s: Scenario): DesignDocument {
  const names = s.services.map((_, i) => `svc${i}`);
  const nameOf = (n: number) => names[n % names.length] ?? 'svc0';
  // Each family's revisions: 1 in the design, then one per scripted registration.
  const registered = new Map(names.map((name) => [name, 1]));
  for (const r of s.revisions)
    registered.set(nameOf(r.service), (registered.get(nameOf(r.service)) ?? 1) + 1);
  const seen = new Set<string>();
  const workloads = s.workloads.flatMap((w) => {
    const family = nameOf(w.service);
    const key = `${family}:${w.revision ?? '*'}`;
    if (seen.has(key) || (w.revision ?? 1) > (registered.get(family) ?? 1)) return [];
    seen.add(key);
    return [
      {
        family,
        ...(w.revision !== undefined && { revision: w.revision }),
        ...(w.failure && { failure: w.failure }),
        ...(w.ignoresSigterm && { ignoresSigterm: true }),
      },
    ];
  });
  return design({
    seed: s.seed,
    containerInstances: s.instances.map((x, i) =>
      instance({ id: instanceId(i), type: x.type, az: x.az }),
    ),
    taskDefinitions: s.services.map((x, i) => revisionInput(s, i, 1, x.healthCheck)),
    services: s.services.map((x, i) =>
      service(`svc${i}`, x.desired, {
        ...(x.strategy === 'none'
          ? {}
          : {
              placementStrategy: [
                x.strategy === 'random'
                  ? { type: 'random' }
                  : {
                      type: x.strategy,
                      field: x.strategy === 'spread' ? 'attribute:ecs.availability-zone' : 'memory',
                    },
              ],
            }),
        ...(x.networkMode === 'awsvpc'
          ? {
              networkConfiguration: {
                awsvpcConfiguration: { subnets: ['subnet-0123456789abcdef0'] },
              },
            }
          : {}),
        ...(x.deploymentConfiguration && { deploymentConfiguration: x.deploymentConfiguration }),
        ...(x.healthCheckGracePeriodSeconds !== undefined && {
          healthCheckGracePeriodSeconds: x.healthCheckGracePeriodSeconds,
        }),
      }),
    ),
    workloads,
    script: [
      ...s.script.map((a) => ({
        at: a.at,
        action: 'UpdateService' as const,
        input: { cluster: 'test', service: nameOf(a.service), desiredCount: a.desired },
      })),
      ...s.revisions.flatMap((r, k) => {
        const family = nameOf(r.service);
        const register = {
          at: r.at,
          action: 'RegisterTaskDefinition' as const,
          input: revisionInput(s, r.service, 100 + k, r.healthCheck),
        };
        if (!r.deploy) return [register];
        // The family alone: whatever revision is latest when the deployment starts.
        const deploy = {
          at: r.at,
          action: 'UpdateService' as const,
          input: { cluster: 'test', service: family, taskDefinition: family },
        };
        return [register, deploy];
      }),
    ],
  });
}

/** How many revisions of the family are registered now: the design's, the script's so far, the journal's. */
function revisionsOf(sim: Simulation, family: string): number {
  const registers = [...sim.design.script, ...sim.journal()].filter(
    (a) =>
      a.action === 'RegisterTaskDefinition' &&
      a.input.family === family &&
      a.at * 1000 <= sim.nowMs,
  );
  return sim.design.taskDefinitions.filter((td) => td.family === family).length + registers.length;
}

export function resolve(sim: Simulation, s: Scenario, r: Recipe): Command {
  const svc = `svc${('service' in r ? r.service : 0) % s.services.length}`;
  const ci = 'instance' in r ? instanceId(r.instance % s.instances.length) : '';
  switch (r.kind) {
    case 'scale':
      return {
        action: 'UpdateService',
        input: { cluster: 'test', service: svc, desiredCount: r.desiredCount },
      };
    case 'runTask':
      return { action: 'RunTask', input: { cluster: 'test', taskDefinition: svc, count: r.count } };
    case 'stopTask': {
      const live = sim.snapshot().tasks.filter((t) => t.lastStatus !== 'STOPPED');
      const task = live[r.nth % Math.max(1, live.length)];
      return { action: 'StopTask', input: { cluster: 'test', task: task?.taskArn ?? 'missing' } };
    }
    case 'drain':
      return {
        action: 'UpdateContainerInstancesState',
        input: { cluster: 'test', containerInstances: [ci], status: r.status },
      };
    case 'terminate':
      return { action: 'TerminateInstance', input: { ec2InstanceId: ci } };
    case 'attribute':
      return r.value === null
        ? {
            action: 'DeleteAttributes',
            input: { cluster: 'test', attributes: [{ name: 'color', targetId: ci }] },
          }
        : {
            action: 'PutAttributes',
            input: {
              cluster: 'test',
              attributes: [{ name: 'color', value: r.value, targetId: ci }],
            },
          };
    case 'registerRevision':
      return {
        action: 'RegisterTaskDefinition',
        input: revisionInput(s, r.service, 2 + r.image, r.healthCheck),
      };
    case 'deploy': {
      const taskDefinition =
        r.target === 'none'
          ? undefined
          : r.target === 'family'
            ? svc
            : `${svc}:${1 + (r.target % revisionsOf(sim, svc))}`;
      return {
        action: 'UpdateService',
        input: {
          cluster: 'test',
          service: svc,
          ...(taskDefinition !== undefined && { taskDefinition }),
          ...(r.forceNewDeployment && { forceNewDeployment: true }),
          ...(r.deploymentConfiguration && { deploymentConfiguration: r.deploymentConfiguration }),
          ...(r.healthCheckGracePeriodSeconds !== undefined && {
            healthCheckGracePeriodSeconds: r.healthCheckGracePeriodSeconds,
          }),
        },
      };
    }
    case 'register':
      return {
        action: 'RegisterContainerInstance',
        input: {
          cluster: 'test',
          ec2InstanceId: `i-0feed${String(r.n).padStart(12, '0')}`,
          instanceType: 'm5.large',
          availabilityZone: 'us-east-1b',
        },
      };
  }
}
