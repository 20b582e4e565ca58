import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Command, DesignDocument } from '../../design';
import { createSimulation, restoreSimulation, type Simulation } from '../simulation';
import { design, instance, minutes, seconds, service, taskDefinition } from '../testing/builders';

// A command is drawn as a recipe and resolved against the run when it is applied, so
// StopTask and the instance operations name tasks and instances that exist then.
type Recipe =
  | { kind: 'scale'; service: number; desiredCount: number }
  | { kind: 'runTask'; service: number; count: number }
  | { kind: 'stopTask'; nth: number }
  | { kind: 'drain'; instance: number; status: 'ACTIVE' | 'DRAINING' }
  | { kind: 'terminate'; instance: number }
  | { kind: 'attribute'; instance: number; value: string | null }
  | { kind: 'register'; n: number };

const recipe: fc.Arbitrary<Recipe> = fc.oneof(
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

const scenarioArb = fc.record({
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
type Scenario = typeof scenarioArb extends fc.Arbitrary<infer T> ? T : never;

const END_MS = minutes(20);
const instanceId = (i: number) => `i-${String(i + 1).padStart(17, '0')}`;

function buildDesign(s: Scenario): DesignDocument {
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

function resolve(sim: Simulation, s: Scenario, r: Recipe): Command {
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

/** What a run shows: every event, message and datapoint in order, and the final state. */
interface Story {
  stream: unknown[];
  end: unknown;
}

/**
 * Each kind of output is its own stream: how a run is sliced into frames changes which
 * frame carries an event, never the order within a kind.
 */
function record(sim: Simulation, stream: unknown[], toMs: number): void {
  const frame = sim.advance(toMs);
  const kinds = stream as unknown[][];
  if (kinds.length === 0) kinds.push([], [], []);
  kinds[0]?.push(...frame.events);
  kinds[1]?.push(...frame.serviceEvents);
  kinds[2]?.push(...frame.metrics);
}

function ending(sim: Simulation): unknown {
  const explanations = sim.snapshot().tasks.map((t) => sim.explainTask(t.taskArn) ?? null);
  return {
    describe: sim.describe(),
    snapshot: sim.snapshot(),
    journal: sim.journal(),
    explanations,
  };
}

/** The first difference, short enough to read in a failure. */
function expectSameStream(actual: unknown[], expected: unknown[]): void {
  const a = actual.flatMap((kind, k) =>
    (kind as unknown[]).map((x) => `${k} ${JSON.stringify(x)}`),
  );
  const b = expected.flatMap((kind, k) =>
    (kind as unknown[]).map((x) => `${k} ${JSON.stringify(x)}`),
  );
  const i = a.findIndex((line, k) => line !== b[k]);
  const at = i === -1 && a.length !== b.length ? Math.min(a.length, b.length) : i;
  if (at !== -1) expect(`#${at}: ${a[at]}`).toBe(`#${at}: ${b[at]}`);
}

/** Play the scenario's commands live, optionally checkpointing and restoring at `breakAtMs`. */
function playLive(s: Scenario, breakAtMs?: number): Story {
  let sim = createSimulation(buildDesign(s));
  const stream: unknown[] = [];
  const commands = [...s.commands].sort((a, b) => a.atMs - b.atMs);
  let broken = breakAtMs === undefined;
  const maybeBreak = (beforeMs: number) => {
    if (broken || breakAtMs === undefined || breakAtMs > beforeMs) return;
    record(sim, stream, breakAtMs);
    sim = restoreSimulation(JSON.parse(JSON.stringify(sim.checkpoint())));
    broken = true;
  };
  for (const { atMs, recipe: r } of commands) {
    maybeBreak(atMs);
    record(sim, stream, Math.max(atMs, sim.nowMs));
    sim.apply(resolve(sim, s, r));
  }
  maybeBreak(END_MS);
  record(sim, stream, END_MS);
  return { stream, end: ending(sim) };
}

describe('a run is a value', () => {
  it('checkpoint at any moment, restore, and the run goes on exactly as without the break', () => {
    fc.assert(
      fc.property(scenarioArb, (s) => {
        const whole = playLive(s);
        const broken = playLive(s, s.breakAtMs);
        expectSameStream(broken.stream, whole.stream);
        expect(JSON.stringify(broken.end)).toBe(JSON.stringify(whole.end));
      }),
      { numRuns: 60 },
    );
  });

  it('design + seed + journal replays the live run byte for byte, and so does a restore mid-replay', () => {
    fc.assert(
      fc.property(scenarioArb, (s) => {
        const live = playLive(s);
        const journal = (live.end as { journal: Parameters<typeof createSimulation>[2] }).journal;
        const replay = createSimulation(buildDesign(s), s.seed, journal);
        const stream: unknown[] = [];
        record(replay, stream, Math.min(s.breakAtMs, END_MS));
        const resumed = restoreSimulation(JSON.parse(JSON.stringify(replay.checkpoint())));
        record(resumed, stream, END_MS);
        expectSameStream(stream, live.stream);
        expect(JSON.stringify(ending(resumed))).toBe(JSON.stringify(live.end));
      }),
      { numRuns: 60 },
    );
  });

  it('an edit while journal entries wait cuts them off: the new branch goes on from there', () => {
    const d = design({
      containerInstances: [instance({ id: instanceId(0) })],
      taskDefinitions: [taskDefinition('web')],
      services: [service('web', 2)],
    });
    const sim = createSimulation(d, 7, [
      {
        at: 30,
        action: 'UpdateService',
        input: { cluster: 'test', service: 'web', desiredCount: 4 },
      },
      {
        at: 90,
        action: 'UpdateService',
        input: { cluster: 'test', service: 'web', desiredCount: 6 },
      },
    ]);
    sim.advance(seconds(60));
    sim.apply({
      action: 'UpdateService',
      input: { cluster: 'test', service: 'web', desiredCount: 1 },
    });
    sim.advance(seconds(120));
    expect(
      sim.journal().map((e) => [e.at, (e.input as { desiredCount: number }).desiredCount]),
    ).toEqual([
      [30, 4],
      [60, 1],
    ]);
    expect(sim.describe().services[0]?.desiredCount).toBe(1);
  });

  it('refuses a journal out of time order, naming the entry', () => {
    const d = design({ taskDefinitions: [taskDefinition('web')], services: [service('web', 1)] });
    const scale = { action: 'UpdateService' as const, input: { service: 'web', desiredCount: 2 } };
    expect(() =>
      createSimulation(d, 1, [
        { at: 20, ...scale },
        { at: 10, ...scale },
      ]),
    ).toThrow('journal[1].at: 10 s comes before journal[0].at (20 s)');
  });
});
