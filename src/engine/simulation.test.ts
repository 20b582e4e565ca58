import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { COMMON_INSTANCE_TYPES, type Command, parseDesign, sampleDesign } from '../design';
import { createSimulation } from './simulation';
import { design, instance, minutes, seconds, service, taskDefinition } from './testing/builders';
import { simulate } from './testing/harness';

const sample = () => {
  const parsed = parseDesign(sampleDesign);
  if (!parsed.ok) throw new Error(parsed.message);
  return parsed.design;
};

describe('determinism', () => {
  it('the same design and seed give the same run', () => {
    const a = simulate(sample()).until(minutes(10));
    const b = simulate(sample()).until(minutes(10));
    expect(JSON.stringify(a.events)).toBe(JSON.stringify(b.events));
    expect(JSON.stringify(a.sim.describe())).toBe(JSON.stringify(b.sim.describe()));
  });

  it('how advance is sliced never changes the run', () => {
    const whole = simulate(sample()).until(minutes(10));
    const sliced = simulate(sample()).until(minutes(10), 333);
    expect(JSON.stringify(sliced.events)).toBe(JSON.stringify(whole.events));
    expect(JSON.stringify(sliced.sim.describe())).toBe(JSON.stringify(whole.sim.describe()));
  });

  it('another seed gives other task ids', () => {
    const a = simulate(sample(), 1).until(minutes(1));
    const b = simulate(sample(), 2).until(minutes(1));
    expect(a.tasks()[0]?.taskId).not.toBe(b.tasks()[0]?.taskId);
  });
});

describe('the sample design', () => {
  it('scales to 6 at 2:00 and survives losing an instance at 4:00', () => {
    const run = simulate(sample()).until(minutes(1));
    expect(run.tasks({ lastStatus: 'RUNNING' })).toHaveLength(3);
    run.until(minutes(3));
    expect(run.tasks({ lastStatus: 'RUNNING' })).toHaveLength(6);
    run.until(minutes(6));
    const running = run.tasks({ lastStatus: 'RUNNING' });
    expect(running).toHaveLength(6);
    expect(running.some((t) => t.ec2InstanceId === 'i-0a1b2c3d4e5f60003')).toBe(false);
  });

  it('publishes CloudWatch datapoints every minute', () => {
    const run = simulate(sample()).until(minutes(3));
    const cpu = run.frames
      .flatMap((f) => f.metrics)
      .filter((m) => m.MetricName === 'CPUReservation');
    expect(cpu.map((m) => m.Timestamp)).toEqual([
      '2026-01-01T00:00:00.000Z',
      '2026-01-01T00:01:00.000Z',
      '2026-01-01T00:02:00.000Z',
      '2026-01-01T00:03:00.000Z',
    ]);
    expect(cpu[0]).toMatchObject({
      Namespace: 'AWS/ECS',
      Unit: 'Percent',
      Dimensions: [{ Name: 'ClusterName', Value: 'demo' }],
    });
    // 3 tasks x 256 CPU units over 2048 + 2048 + 2048 registered = 12.5 %.
    expect(cpu[1]?.Value).toBe(12.5);
  });
});

const commandArb = (
  services: string[],
  instances: string[],
): fc.Arbitrary<{ at: number; command: Command }> =>
  fc.oneof(
    fc.record({
      at: fc.integer({ min: 0, max: 600 }),
      command: fc.record({
        action: fc.constant('UpdateService' as const),
        input: fc.record({
          cluster: fc.constant('test'),
          service: fc.constantFrom(...services),
          desiredCount: fc.integer({ min: 0, max: 12 }),
        }),
      }),
    }),
    fc.record({
      at: fc.integer({ min: 0, max: 600 }),
      command: fc.record({
        action: fc.constant('RunTask' as const),
        input: fc.record({
          cluster: fc.constant('test'),
          taskDefinition: fc.constantFrom(...services),
          count: fc.integer({ min: 1, max: 10 }),
        }),
      }),
    }),
    fc.record({
      at: fc.integer({ min: 0, max: 600 }),
      command: fc.record({
        action: fc.constant('TerminateInstance' as const),
        input: fc.record({ ec2InstanceId: fc.constantFrom(...instances) }),
      }),
    }),
  );

const scenarioArb = fc
  .record({
    instances: fc.array(
      fc.record({
        type: fc.constantFrom(...COMMON_INSTANCE_TYPES),
        az: fc.constantFrom('us-east-1a', 'us-east-1b', 'us-east-1c'),
      }),
      { minLength: 1, maxLength: 6 },
    ),
    services: fc.array(
      fc.record({
        cpu: fc.integer({ min: 0, max: 2048 }),
        memory: fc.integer({ min: 16, max: 4096 }),
        desired: fc.integer({ min: 0, max: 10 }),
        hostPort: fc.option(fc.constantFrom(0, 80, 8080), { nil: undefined }),
      }),
      { minLength: 1, maxLength: 3 },
    ),
    seed: fc.integer({ min: 0, max: 1000 }),
  })
  .chain((s) => {
    const instanceIds = s.instances.map((_, i) => `i-${String(i + 1).padStart(17, '0')}`);
    const serviceNames = s.services.map((_, i) => `svc${i}`);
    return fc.record({
      scenario: fc.constant(s),
      commands: fc.array(commandArb(serviceNames, instanceIds), { maxLength: 8 }),
    });
  });

type ScenarioInput = typeof scenarioArb extends fc.Arbitrary<infer T> ? T : never;

function buildDesign({ scenario }: ScenarioInput) {
  return design({
    seed: scenario.seed,
    containerInstances: scenario.instances.map((x, i) =>
      instance({ id: `i-${String(i + 1).padStart(17, '0')}`, type: x.type, az: x.az }),
    ),
    taskDefinitions: scenario.services.map((s, i) =>
      taskDefinition(`svc${i}`, {
        cpu: s.cpu,
        memory: s.memory,
        ...(s.hostPort === undefined ? {} : { hostPort: s.hostPort }),
      }),
    ),
    services: scenario.services.map((s, i) => service(`svc${i}`, s.desired)),
  });
}

function play(input: ScenarioInput, check: (sim: ReturnType<typeof createSimulation>) => void) {
  const sim = createSimulation(buildDesign(input));
  const commands = [...input.commands].sort((a, b) => a.at - b.at);
  const frames = [];
  for (const { at, command } of commands) {
    frames.push(sim.advance(seconds(at)));
    check(sim);
    sim.apply(command);
    check(sim);
  }
  frames.push(sim.advance(minutes(15)));
  check(sim);
  return { frames, state: sim.describe() };
}

describe('invariants over random designs and commands', () => {
  it('no instance is ever over-committed, and no task is lost', () => {
    fc.assert(
      fc.property(scenarioArb, (input) => {
        play(input, (sim) => {
          const snap = sim.snapshot();
          for (const i of snap.instances) {
            expect(i.remainingCpu).toBeGreaterThanOrEqual(0);
            expect(i.remainingMemoryMiB).toBeGreaterThanOrEqual(0);
            const live = snap.tasks.filter(
              (t) =>
                t.containerInstanceArn === i.containerInstanceArn && t.lastStatus !== 'STOPPED',
            );
            expect(live.reduce((s, t) => s + t.cpu, 0)).toBe(i.registeredCpu - i.remainingCpu);
            expect(live.reduce((s, t) => s + t.memoryMiB, 0)).toBe(
              i.registeredMemoryMiB - i.remainingMemoryMiB,
            );
            if (i.status === 'INACTIVE') expect(live).toHaveLength(0);
          }
          // Every live task sits on a live instance.
          const active = new Set(
            snap.instances
              .filter((i) => i.status !== 'INACTIVE')
              .map((i) => i.containerInstanceArn),
          );
          for (const t of snap.tasks)
            if (t.lastStatus !== 'STOPPED')
              expect(active.has(t.containerInstanceArn ?? '')).toBe(true);
        });
      }),
      { numRuns: 60 },
    );
  });

  it('the same seed gives the same run', () => {
    fc.assert(
      fc.property(scenarioArb, (input) => {
        const a = play(input, () => {});
        const b = play(input, () => {});
        expect(JSON.stringify(b)).toBe(JSON.stringify(a));
      }),
      { numRuns: 25 },
    );
  });
});
