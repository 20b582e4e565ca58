import fc from 'fast-check';
import type { Command, DesignDocument } from '../../design';
import type { Simulation } from '../simulation';
import { design, instance, minutes, service, taskDefinition } from './builders';

/**
 * Random designs and command sequences for property tests: a few instances, up to three
 * services with varied resources, ports, network modes and strategies, a short script,
 * and commands of every kind at random moments.
 */

// A command is drawn as a recipe and resolved against the run when it is applied, so
// StopTask and the instance operations name tasks and instances that exist then.
export type Recipe =
  | { kind: 'scale'; service: number; desiredCount: number }
  | { kind: 'runTask'; service: number; count: number }
  | { kind: 'stopTask'; nth: number }
  | { kind: 'drain'; instance: number; status: 'ACTIVE' | 'DRAINING' }
  | { kind: 'terminate'; instance: number }
  | { kind: 'attribute'; instance: number; value: string | null }
  | { kind: 'register'; n: number };

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
    }),
    { minLength: 1, maxLength: 3 },
  ),
  script: fc.array(
    fc.record({ at: fc.integer({ min: 0, max: 600 }), service: fc.nat(2), desired: fc.nat(10) }),
    { maxLength: 3 },
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

export function buildDesign(s: Scenario): DesignDocument {
  const names = s.services.map((_, i) => `svc${i}`);
  return design({
    seed: s.seed,
    containerInstances: s.instances.map((x, i) =>
      instance({ id: instanceId(i), type: x.type, az: x.az }),
    ),
    taskDefinitions: s.services.map((x, i) =>
      taskDefinition(`svc${i}`, {
        cpu: x.cpu,
        memory: x.memory,
        networkMode: x.networkMode,
        ...(x.hostPort === undefined || x.networkMode === 'awsvpc' ? {} : { hostPort: x.hostPort }),
      }),
    ),
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
      }),
    ),
    script: s.script.map((a) => ({
      at: a.at,
      action: 'UpdateService' as const,
      input: {
        cluster: 'test',
        service: names[a.service % names.length] ?? 'svc0',
        desiredCount: a.desired,
      },
    })),
  });
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
