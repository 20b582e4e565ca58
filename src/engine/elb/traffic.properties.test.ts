import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Command, DesignDocument, TrafficSpec, Workload } from '../../design';
import type { Frame } from '../api';
import type { EngineCheckpoint } from '../checkpoint';
import { createSimulation, restoreSimulation, type Simulation } from '../simulation';
import { design, instance, minutes, seconds, service, taskDefinition } from '../testing/builders';
import { requestsBetween } from './rate';

/**
 * Load balancers, traffic, ECS blue/green (BLUE_GREEN, LINEAR, CANARY), faults and an
 * alarm on the ALB's 5XX count, at random (ecs-behavior §9, §11, §14). One ALB, one or
 * two services behind it on listeners of their own, bridge tasks on dynamic host ports.
 */

const ARN = 'arn:aws:elasticloadbalancing:us-east-1:123456789012';
const LB = `${ARN}:loadbalancer/app/front/50dc6c495c0c9188`;
const LB_DIMENSION = 'app/front/50dc6c495c0c9188';
const tgArn = (name: string) =>
  `${ARN}:targetgroup/${name}/${name === 'blue' ? '1111111111111111' : name === 'green' ? '2222222222222222' : '3333333333333333'}`;
const listenerArn = (i: number) => `${ARN}:listener/app/front/50dc6c495c0c9188/f2f7dc8efc52${i}ab2`;
const END_MS = minutes(25);
const START = Date.parse('2026-01-01T00:00:00Z');

const trafficArb: fc.Arbitrary<Omit<TrafficSpec, 'listenerArn'>> = fc.oneof(
  fc.record({ requestsPerSecond: fc.integer({ min: 1, max: 300 }) }),
  fc.record({
    requestsPerSecond: fc.integer({ min: 0, max: 100 }),
    steps: fc.array(
      fc.record({
        at: fc.integer({ min: 0, max: 1500 }),
        requestsPerSecond: fc.double({ min: 0, max: 200, noNaN: true }),
      }),
      { minLength: 1, maxLength: 3 },
    ),
  }),
  fc.record({
    requestsPerSecond: fc.integer({ min: 0, max: 50 }),
    spikes: fc.array(
      fc.record({
        at: fc.double({ min: 0, max: 1500, noNaN: true }),
        durationSeconds: fc.double({ min: 0.5, max: 200, noNaN: true }),
        requestsPerSecond: fc.integer({ min: 1, max: 500 }),
      }),
      { minLength: 1, maxLength: 2 },
    ),
  }),
);

/** How a deployed revision fails: usually every task, sometimes until a fix (untilSeconds). */
const failureArb = fc.record(
  {
    type: fc.constantFrom('FAIL_TO_START' as const, 'FAIL_HEALTH_CHECK' as const, 'CRASH' as const),
    probability: fc.constantFrom(0.3, 1),
    afterSeconds: fc.integer({ min: 0, max: 60 }),
    untilSeconds: fc.integer({ min: 0, max: 1500 }),
  },
  { requiredKeys: ['type', 'probability'] },
);

const strategyArb = fc.oneof(
  fc.record({ strategy: fc.constant('BLUE_GREEN' as const), bakeTimeInMinutes: fc.nat(2) }),
  fc.record({
    strategy: fc.constant('LINEAR' as const),
    bakeTimeInMinutes: fc.nat(2),
    linearConfiguration: fc.record({
      stepPercent: fc.constantFrom(25, 33.3, 50, 100),
      stepBakeTimeInMinutes: fc.nat(2),
    }),
  }),
  fc.record({
    strategy: fc.constant('CANARY' as const),
    bakeTimeInMinutes: fc.nat(2),
    canaryConfiguration: fc.record({
      canaryPercent: fc.constantFrom(0.1, 10, 50),
      canaryBakeTimeInMinutes: fc.nat(2),
    }),
  }),
);

const faultArb = fc.oneof(
  fc.record({
    kind: fc.constant('failTarget' as const),
    /** The first service's group, its pair's, the second service's (missing ones are refused). */
    group: fc.constantFrom('blue', 'blue', 'green', 'other'),
    count: fc.integer({ min: 1, max: 3 }),
  }),
  fc.record({ kind: fc.constant('failZone' as const), zone: fc.constantFrom('a', 'b', 'c') }),
  fc.record({ kind: fc.constant('stopTask' as const), nth: fc.nat(20) }),
);
type Fault = typeof faultArb extends fc.Arbitrary<infer T> ? T : never;

const scenarioArb = fc.record({
  seed: fc.nat(1000),
  /** Instances per zone, in us-east-1a..c. */
  perZone: fc.integer({ min: 1, max: 2 }),
  services: fc.array(
    fc.record({
      desired: fc.integer({ min: 1, max: 4 }),
      traffic: trafficArb,
      deregistrationDelaySeconds: fc.integer({ min: 0, max: 60 }),
      intervalSeconds: fc.integer({ min: 5, max: 30 }),
    }),
    { minLength: 1, maxLength: 2 },
  ),
  /** The first service as a blue/green pair, and how it shifts. */
  blueGreen: fc.option(strategyArb, { nil: undefined }),
  breaker: fc.option(fc.record({ enable: fc.constant(true), rollback: fc.boolean() }), {
    nil: undefined,
    freq: 2,
  }),
  /** An alarm on the ALB's 5XX count, named by the first service's deployments. */
  alarm: fc.option(fc.record({ threshold: fc.constantFrom(0, 10, 100), rollback: fc.boolean() }), {
    nil: undefined,
  }),
  deployments: fc.array(
    fc.record({
      atMs: fc.integer({ min: 0, max: minutes(15) }),
      service: fc.nat(1),
      failure: fc.option(failureArb, { nil: undefined, freq: 2 }),
    }),
    { maxLength: 3 },
  ),
  faults: fc.array(fc.record({ atMs: fc.integer({ min: 0, max: minutes(20) }), fault: faultArb }), {
    maxLength: 4,
  }),
  breakAtMs: fc.integer({ min: 0, max: END_MS }),
});
type Scenario = typeof scenarioArb extends fc.Arbitrary<infer T> ? T : never;

const family = (i: number) => `svc${i}`;

function revision(i: number, image: number) {
  const td = taskDefinition(family(i), { cpu: 128, memory: 256, hostPort: 0 });
  return {
    ...td,
    containerDefinitions: td.containerDefinitions.map((c) => ({
      ...c,
      image: `example/${family(i)}:${image}`,
    })),
  };
}

/** Each service's revision per deployment, in order: 2, 3, ... of its family. */
function deploymentRevisions(s: Scenario): number[] {
  const next = s.services.map(() => 2);
  return [...s.deployments]
    .sort((a, b) => a.atMs - b.atMs)
    .map((d) => {
      const i = d.service % s.services.length;
      const r = next[i] ?? 2;
      next[i] = r + 1;
      return r;
    });
}

function buildDesign(s: Scenario): DesignDocument {
  const group = (name: string, x: Scenario['services'][number]) => ({
    Name: name,
    Protocol: 'HTTP' as const,
    Port: 80,
    TargetGroupArn: tgArn(name),
    HealthCheckIntervalSeconds: x.intervalSeconds,
    Attributes: [
      {
        Key: 'deregistration_delay.timeout_seconds',
        Value: String(x.deregistrationDelaySeconds),
      },
    ],
  });
  const groupOf = (i: number) => (i === 0 ? 'blue' : 'other');
  const first = s.services[0];
  const deployments = [...s.deployments].sort((a, b) => a.atMs - b.atMs);
  const revisions = deploymentRevisions(s);
  const workloads: Workload[] = deployments.flatMap((d, k) =>
    d.failure
      ? [
          {
            family: family(d.service % s.services.length),
            revision: revisions[k] ?? 2,
            failure: d.failure,
          },
        ]
      : [],
  );
  return design({
    seed: s.seed,
    containerInstances: ['a', 'b', 'c'].flatMap((az, z) =>
      Array.from({ length: s.perZone }, (_, k) =>
        instance({ id: `i-0000000000000${z}${k}a1`, az: `us-east-1${az}` }),
      ),
    ),
    taskDefinitions: s.services.map((_, i) => revision(i, 1)),
    services: s.services.map((x, i) =>
      service(family(i), x.desired, {
        loadBalancers: [
          {
            targetGroupArn: tgArn(groupOf(i)),
            containerName: family(i),
            containerPort: 80,
            ...(i === 0 &&
              s.blueGreen && {
                advancedConfiguration: {
                  alternateTargetGroupArn: tgArn('green'),
                  productionListenerRule: listenerArn(0),
                },
              }),
          },
        ],
        deploymentConfiguration: {
          minimumHealthyPercent: 100,
          maximumPercent: 200,
          ...(i === 0 && s.blueGreen),
          ...(s.breaker && { deploymentCircuitBreaker: s.breaker }),
          ...(i === 0 &&
            s.alarm && {
              alarms: { alarmNames: ['errors'], enable: true, rollback: s.alarm.rollback },
            }),
        },
      }),
    ),
    loadBalancers: [{ Name: 'front', Type: 'application', LoadBalancerArn: LB }],
    targetGroups: [
      ...s.services.map((x, i) => group(groupOf(i), x)),
      ...(s.blueGreen && first ? [group('green', first)] : []),
    ],
    listeners: s.services.map((_, i) => ({
      LoadBalancerArn: LB,
      ListenerArn: listenerArn(i),
      Port: 80 + i,
      DefaultActions: [
        i === 0 && s.blueGreen
          ? {
              Type: 'forward' as const,
              ForwardConfig: {
                TargetGroups: [
                  { TargetGroupArn: tgArn('blue'), Weight: 100 },
                  { TargetGroupArn: tgArn('green'), Weight: 0 },
                ],
              },
            }
          : { Type: 'forward' as const, TargetGroupArn: tgArn(groupOf(i)) },
      ],
    })),
    traffic: s.services.map((x, i) => ({ listenerArn: listenerArn(i), ...x.traffic })),
    ...(s.alarm && {
      alarms: [
        {
          AlarmName: 'errors',
          Namespace: 'AWS/ApplicationELB',
          MetricName: 'HTTPCode_ELB_5XX_Count',
          Dimensions: [{ Name: 'LoadBalancer', Value: LB_DIMENSION }],
          Statistic: 'Sum' as const,
          Period: 60,
          EvaluationPeriods: 1,
          Threshold: s.alarm.threshold,
          ComparisonOperator: 'GreaterThanThreshold' as const,
          TreatMissingData: 'notBreaching' as const,
        },
      ],
    }),
    workloads,
    script: deployments.flatMap((d, k) => {
      const i = d.service % s.services.length;
      return [
        {
          at: d.atMs / 1000,
          action: 'RegisterTaskDefinition' as const,
          input: revision(i, revisions[k] ?? 2),
        },
        {
          at: d.atMs / 1000,
          action: 'UpdateService' as const,
          input: { cluster: 'test', service: family(i), taskDefinition: family(i) },
        },
      ];
    }),
  });
}

function resolveFault(sim: Simulation, f: Fault): Command {
  switch (f.kind) {
    case 'failTarget':
      return { action: 'FailTargetHealth', input: { targetGroupArn: f.group, count: f.count } };
    case 'failZone':
      return { action: 'FailAvailabilityZone', input: { availabilityZone: `us-east-1${f.zone}` } };
    case 'stopTask': {
      const live = sim.snapshot().tasks.filter((t) => t.lastStatus !== 'STOPPED');
      const task = live[f.nth % Math.max(1, live.length)];
      return { action: 'StopTask', input: { cluster: 'test', task: task?.taskArn ?? 'missing' } };
    }
  }
}

interface Play {
  /** events, service events, metrics: each its own stream. */
  stream: string[][];
  end: string;
  frames: Frame[];
  checkpoints: EngineCheckpoint[];
}

/**
 * Play the scenario minute by minute (faults applied at their times), optionally through
 * a checkpoint and restore at `breakAtMs`, or at every minute with `everyMinute`.
 */
function play(s: Scenario, opts: { breakAtMs?: number; everyMinute?: boolean } = {}): Play {
  let sim = createSimulation(buildDesign(s));
  const stream: string[][] = [[], [], []];
  const frames: Frame[] = [];
  const checkpoints: EngineCheckpoint[] = [];
  const stops = new Set<number>([opts.breakAtMs ?? 0]);
  for (let t = seconds(15); t <= END_MS; t += seconds(15)) stops.add(t);
  for (const f of s.faults) stops.add(f.atMs);
  const faults = [...s.faults].sort((a, b) => a.atMs - b.atMs);
  let next = 0;
  for (const t of [...stops].sort((a, b) => a - b)) {
    const frame = sim.advance(t);
    frames.push(frame);
    stream[0]?.push(...frame.events.map((e) => JSON.stringify(e)));
    stream[1]?.push(...frame.serviceEvents.map((e) => JSON.stringify(e)));
    stream[2]?.push(...frame.metrics.map((e) => JSON.stringify(e)));
    const cp = sim.checkpoint();
    checkpoints.push(cp);
    if ((opts.breakAtMs === t && t > 0) || (opts.everyMinute && t % minutes(1) === 0))
      sim = restoreSimulation(JSON.parse(JSON.stringify(cp)));
    while ((faults[next]?.atMs ?? Number.POSITIVE_INFINITY) <= t) {
      const f = faults[next++];
      if (f) sim.apply(resolveFault(sim, f.fault));
    }
  }
  const end = JSON.stringify({ describe: sim.describe(), snapshot: sim.snapshot() });
  return { stream, end, frames, checkpoints };
}

function expectSameStream(actual: string[][], expected: string[][]): void {
  for (let k = 0; k < expected.length; k++) {
    const a = actual[k] ?? [];
    const b = expected[k] ?? [];
    const i = a.findIndex((line, j) => line !== b[j]);
    const at = i === -1 && a.length !== b.length ? Math.min(a.length, b.length) : i;
    if (at !== -1) expect(`${k} #${at}: ${a[at]}`).toBe(`${k} #${at}: ${b[at]}`);
  }
}

/** The last deployment and fault early enough for everything to settle by the end. */
const QUIET_AFTER_DEPLOYMENT_MS = minutes(8);
const QUIET_AFTER_FAULT_MS = minutes(12);
/** Revisions that work, deployed early, and faults early: the end of the run is quiet. */
const quietArb = scenarioArb.map((s) => ({
  ...s,
  deployments: s.deployments.map((d) => ({
    ...d,
    atMs: d.atMs % QUIET_AFTER_DEPLOYMENT_MS,
    failure: undefined,
  })),
  faults: s.faults.map((f) => ({ ...f, atMs: f.atMs % QUIET_AFTER_FAULT_MS })),
}));

/**
 * Revisions that never start or never pass their target checks, deployed early, with the
 * breaker's rollback on and no faults. CRASH is left out: Berth's breaker counts no crash
 * after RUNNING (§9.1 names failed starts and failed health checks only), so a crashing
 * revision's deployment stays IN_PROGRESS.
 */
const rollbackArb = fc
  .record({
    s: scenarioArb,
    type: fc.constantFrom('FAIL_TO_START' as const, 'FAIL_HEALTH_CHECK' as const),
  })
  .map(({ s, type }) => ({
    ...s,
    breaker: { enable: true as const, rollback: true },
    ...(s.alarm && { alarm: { ...s.alarm, rollback: true } }),
    // Every other deployment fails: some start while a blue/green one is still under way.
    deployments: s.deployments.map((d, k) => ({
      ...d,
      atMs: d.atMs % QUIET_AFTER_DEPLOYMENT_MS,
      failure: k % 2 === 0 ? { type, probability: 1 as const } : undefined,
    })),
    faults: [],
  }));

function expectQuietEnd(s: Scenario): void {
  const run = play(s);
  const cp = run.checkpoints.at(-1);
  if (!cp) throw new Error('no checkpoint');
  // Zone faults may leave too little room, and a fault's failed targets may trip the
  // breaker: a FAILED deployment launches nothing (§8.2). Neither is what this checks.
  fc.pre(cp.instances.filter((x) => x.status === 'ACTIVE').length >= 2);
  fc.pre(cp.services.every((x) => x.deployments.every((d) => d.rolloutState !== 'FAILED')));
  const d = buildDesign(s);
  const routes = new Map(cp.routes ?? []);
  for (const l of d.listeners ?? []) {
    if (routes.has(l.ListenerArn ?? '')) continue;
    const a = l.DefaultActions[0];
    routes.set(
      l.ListenerArn ?? '',
      a?.ForwardConfig
        ? a.ForwardConfig.TargetGroups.map((g) => [g.TargetGroupArn, g.Weight ?? 1])
        : [[a?.TargetGroupArn ?? '', 1]],
    );
  }
  s.services.forEach((x, i) => {
    const svc = cp.services.find((v) => v.serviceName === family(i));
    expect(svc?.deployments.map((dep) => dep.rolloutState)).toEqual(['COMPLETED']);
    const live = cp.tasks.filter((t) => t.serviceName === family(i) && t.lastStatus !== 'STOPPED');
    expect(
      live.map((t) => t.lastStatus),
      family(i),
    ).toEqual(live.map(() => 'RUNNING'));
    expect(live).toHaveLength(x.desired);
    const production = (routes.get(listenerArn(i)) ?? [])
      .filter(([, w]) => w > 0)
      .map(([arn]) => arn);
    for (const t of live)
      expect(
        (t.targets ?? []).map((g) => [g.targetGroupArn, g.state]),
        `${family(i)} ${t.taskArn}`,
      ).toEqual(production.map((arn) => [arn, 'healthy']));
  });
  const last = run.frames
    .flatMap((f) => f.metrics)
    .filter((m) => m.MetricName === 'HTTPCode_ELB_5XX_Count')
    .at(-1);
  expect(last?.Value).toBe(0);
}

const RUNS = Number(process.env.RUNS ?? 15);

// Heavier seeds take a few seconds on a busy 2-core machine, past vitest's 5 s default;
// RUNS=1000 npx vitest run src/engine/elb/traffic.properties.test.ts hunts longer.
describe('traffic, target groups and blue/green under faults', {
  timeout: 2_000 * Math.max(15, RUNS),
}, () => {
  it('a checkpoint at any moment restores to the same run; the same seed gives the same run', () => {
    fc.assert(
      fc.property(scenarioArb, (s) => {
        const whole = play(s);
        const again = play(s);
        expect(again.end).toBe(whole.end);
        expectSameStream(again.stream, whole.stream);
        const broken = play(s, { breakAtMs: s.breakAtMs });
        expectSameStream(broken.stream, whole.stream);
        expect(broken.end).toBe(whole.end);
      }),
      { numRuns: RUNS },
    );
  });

  it('restoring every minute (the target counts recounted from the tasks) changes nothing', () => {
    // The engine keeps target counts live (ctx.tallies.targets) and a restore counts them
    // afresh from the tasks' targets: a drift in the live counts shows as a different
    // HealthyHostCount, UnHealthyHostCount or 503 after a restore.
    fc.assert(
      fc.property(scenarioArb, (s) => {
        const whole = play(s);
        const restored = play(s, { everyMinute: true });
        expectSameStream(restored.stream, whole.stream);
        expect(restored.end).toBe(whole.end);
      }),
      { numRuns: RUNS },
    );
  });

  it('requests are conserved, targets belong to running tasks, and a service with traffic gets tasks back', () => {
    fc.assert(
      fc.property(scenarioArb, (s) => {
        const run = play(s);
        const d = buildDesign(s);
        // (d) Per minute, the ALB's RequestCount (served + 503) is the traffic's integral.
        // Berth stamps a datapoint with the end of the minute it counts (metrics.ts).
        const perTg = new Map<number, number>();
        const lbCount = new Map<number, number>();
        for (const m of run.frames.flatMap((f) => f.metrics)) {
          if (m.Namespace !== 'AWS/ApplicationELB' || m.MetricName !== 'RequestCount') continue;
          const at = Date.parse(m.Timestamp) - START;
          if (m.Dimensions.length === 1) lbCount.set(at, m.Value);
          else perTg.set(at, (perTg.get(at) ?? 0) + 1);
        }
        const groups = (d.targetGroups ?? []).length;
        for (const [at, count] of lbCount) {
          const expected = (d.traffic ?? []).reduce(
            (n, spec) => n + requestsBetween(spec, Math.max(0, at - minutes(1)), at),
            0,
          );
          expect(Math.abs(count - expected), `minute at ${at} ms`).toBeLessThanOrEqual(
            groups + 1e-6,
          );
        }
        // Every minute of the run has its datapoint.
        for (let at = minutes(1); at <= END_MS; at += minutes(1))
          expect(lbCount.has(at), `RequestCount at ${at} ms`).toBe(true);

        // (e) Targets: only on RUNNING tasks, or draining ones on DEACTIVATING tasks.
        for (const cp of run.checkpoints) {
          for (const task of cp.tasks) {
            const targets = task.targets ?? [];
            if (targets.length === 0) continue;
            if (task.lastStatus === 'DEACTIVATING')
              expect(
                targets.map((t) => t.state),
                `${task.taskArn} DEACTIVATING at ${cp.nowMs}`,
              ).toEqual(targets.map(() => 'draining'));
            else expect(task.lastStatus, `${task.taskArn} at ${cp.nowMs}`).toBe('RUNNING');
          }
        }

        // (f) A service with traffic does not sit at 0 RUNNING tasks for long, unless the
        // revision it runs always fails (then the scheduler's back-off may hold it, §7.3), its
        // deployment FAILED, or the faults left no instance.
        const alwaysFails = new Set(
          d.workloads
            .filter((w) => w.failure && (w.failure.probability ?? 1) === 1)
            .map((w) => `${w.family}:${w.revision}`),
        );
        const LIMIT = minutes(5);
        s.services.forEach((_, i) => {
          let zeroSince: number | undefined;
          for (const cp of run.checkpoints) {
            const mine = cp.tasks.filter((t) => t.serviceName === family(i));
            const running = mine.filter((t) => t.lastStatus === 'RUNNING').length;
            // taskDefinitionArn ends family:revision.
            const failing = mine.some((t) =>
              alwaysFails.has(t.taskDefinitionArn.slice(t.taskDefinitionArn.lastIndexOf('/') + 1)),
            );
            const svc = cp.services.find((x) => x.serviceName === family(i));
            // Zone faults may have lost every instance: then nothing can run.
            const room = cp.instances.some((x) => x.status === 'ACTIVE');
            // A FAILED deployment launches no new tasks (§8.2): one an alarm failed without
            // rollback leaves the service short, at 0 after a StopTask, as ECS does.
            const failed = svc?.deployments[0]?.rolloutState === 'FAILED';
            if (running > 0 || failing || failed || !room || (svc?.desiredCount ?? 0) === 0)
              zeroSince = undefined;
            else zeroSince ??= cp.nowMs;
            if (zeroSince !== undefined)
              expect(cp.nowMs - zeroSince, `${family(i)} at 0 RUNNING at ${cp.nowMs}`).toBeLessThan(
                LIMIT,
              );
          }
        });
      }),
      { numRuns: RUNS },
    );
  });

  it('once deployments and faults are over, production traffic reaches healthy targets only, with no 503s', () => {
    fc.assert(fc.property(quietArb, expectQuietEnd), { numRuns: RUNS });
  });

  it('a revision that always fails rolls back, by the breaker or the alarm, to healthy targets and no 503s', () => {
    fc.assert(fc.property(rollbackArb, expectQuietEnd), { numRuns: RUNS });
  });

  it("a blue/green deployment that a failed newer one rolled back to stops that one's tasks and completes", () => {
    // Found by the rollback property: rev 3 and rev 4 start while rev 2's linear shift is
    // under way; rev 4 fails and rolls back to rev 2, already in CLEAN_UP, and rev 3's
    // unhealthy task, never replaced as it was not PRIMARY, held rev 2 IN_PROGRESS for good.
    const s: Scenario = {
      seed: 0,
      perZone: 1,
      services: [
        {
          desired: 1,
          traffic: { requestsPerSecond: 1 },
          deregistrationDelaySeconds: 0,
          intervalSeconds: 5,
        },
      ],
      blueGreen: {
        strategy: 'LINEAR',
        bakeTimeInMinutes: 0,
        linearConfiguration: { stepPercent: 25, stepBakeTimeInMinutes: 0 },
      },
      breaker: { enable: true, rollback: true },
      alarm: undefined,
      deployments: [
        { atMs: 18001, service: 0, failure: { type: 'FAIL_HEALTH_CHECK', probability: 1 } },
        { atMs: 0, service: 0, failure: undefined },
        { atMs: 18002, service: 0, failure: { type: 'FAIL_HEALTH_CHECK', probability: 1 } },
      ],
      faults: [],
      breakAtMs: 0,
    };
    expectQuietEnd(s);
    const cp = play(s).checkpoints.at(-1);
    expect(cp?.services[0]?.deployments.map((d) => d.taskDefinitionArn.slice(-6))).toEqual([
      'svc0:2',
    ]);
  });

  it('a linear deployment whose blue task is stopped early still shifts every step before it completes', () => {
    // Found by the property above: with blue gone, green alone at the desired count looked
    // like a finished deployment, which COMPLETED at 25% and left 75% of requests on an
    // empty group, answered 503 for good.
    const s: Scenario = {
      seed: 0,
      perZone: 1,
      services: [
        {
          desired: 1,
          traffic: { requestsPerSecond: 10 },
          deregistrationDelaySeconds: 0,
          intervalSeconds: 5,
        },
      ],
      blueGreen: {
        strategy: 'LINEAR',
        bakeTimeInMinutes: 0,
        linearConfiguration: { stepPercent: 25, stepBakeTimeInMinutes: 0 },
      },
      breaker: undefined,
      alarm: undefined,
      deployments: [{ atMs: 0, service: 0, failure: undefined }],
      faults: [{ atMs: 0, fault: { kind: 'stopTask', nth: 0 } }],
      breakAtMs: 0,
    };
    const run = play(s);
    const said = run.frames
      .flatMap((f) => f.serviceEvents)
      .map((e) => e.message)
      .filter((m) => /shifted|completed|steady/.test(m))
      .map((m) => /shifted (\d+)%/.exec(m)?.[1] ?? (m.includes('steady') ? 'steady' : 'done'));
    expect(said).toEqual(['25', '50', '75', '100', 'done', 'steady']);
    expect(run.checkpoints.at(-1)?.routes).toEqual([
      [
        listenerArn(0),
        [
          [tgArn('blue'), 0],
          [tgArn('green'), 100],
        ],
      ],
    ]);
  });
});

/**
 * Listener rules (ecs-behavior §14.5) at random: one listener, three target groups with a
 * healthy task each, rules of random priorities and conditions, and a random mix of
 * requests. A second reading of ALB's rules (patterns as regular expressions) says where
 * each request should go; the run's RequestCount per group must agree, and the ALB's
 * RequestCount must be every request, whatever the rules.
 */
const RULE_GROUPS = ['tga', 'tgb', 'tgc'] as const;
const ruleTg = (name: string) =>
  `${ARN}:targetgroup/${name}/${name === 'tga' ? 'a' : name === 'tgb' ? 'b' : 'c'}000000000000000`;

const conditionArb = fc.oneof(
  fc.record({
    Field: fc.constant('path-pattern' as const),
    Values: fc.uniqueArray(fc.constantFrom('/api/*', '/api/v?/*', '/img/*.png', '*', '/a*b', '/'), {
      minLength: 1,
      maxLength: 2,
    }),
  }),
  fc.record({
    Field: fc.constant('host-header' as const),
    HostHeaderConfig: fc.record({
      Values: fc.uniqueArray(fc.constantFrom('*.example.com', 'API.example.com', 'static.*'), {
        minLength: 1,
        maxLength: 2,
      }),
    }),
  }),
  fc.record({
    Field: fc.constant('http-request-method' as const),
    HttpRequestMethodConfig: fc.record({
      Values: fc.uniqueArray(fc.constantFrom('GET', 'POST'), { minLength: 1, maxLength: 2 }),
    }),
  }),
  fc.record({
    Field: fc.constant('http-header' as const),
    HttpHeaderConfig: fc.record({
      HttpHeaderName: fc.constantFrom('X-Canary', 'x-canary'),
      Values: fc.uniqueArray(fc.constantFrom('1', 'T*'), { minLength: 1, maxLength: 1 }),
    }),
  }),
);

const rulesScenarioArb = fc.record({
  seed: fc.nat(1000),
  rules: fc.uniqueArray(
    fc.record({
      Priority: fc.integer({ min: 1, max: 50 }),
      // One of each field at most (§14.5): unique by Field.
      Conditions: fc.uniqueArray(conditionArb, {
        minLength: 1,
        maxLength: 2,
        selector: (c) => c.Field,
      }),
      weights: fc.tuple(fc.nat(3), fc.nat(3), fc.nat(3)),
    }),
    { maxLength: 5, selector: (r) => r.Priority },
  ),
  defaultWeights: fc.tuple(fc.nat(3), fc.nat(3), fc.nat(3)),
  specs: fc.array(
    fc.record(
      {
        requestsPerSecond: fc.integer({ min: 1, max: 200 }),
        path: fc.constantFrom('/api/x', '/api/v2/y', '/img/a.png', '/', '/ab', '/API/x'),
        host: fc.constantFrom('api.example.com', 'static.example.com', 'www.other.org'),
        method: fc.constantFrom('GET', 'POST', 'DELETE'),
        headers: fc.constantFrom({ 'X-Canary': '1' }, { 'x-canary': 'true' }, {}),
      },
      { requiredKeys: ['requestsPerSecond'] },
    ),
    { minLength: 1, maxLength: 4 },
  ),
});
type RulesScenario = typeof rulesScenarioArb extends fc.Arbitrary<infer T> ? T : never;

/** Weights 0,0,0 send nothing; give every action some group so all requests are counted. */
const forwardTo = (w: readonly number[]) => ({
  Type: 'forward' as const,
  ForwardConfig: {
    TargetGroups: RULE_GROUPS.map((g, i) => ({
      TargetGroupArn: ruleTg(g),
      Weight: w.every((x) => x === 0) && i === 0 ? 1 : (w[i] ?? 0),
    })),
  },
});

function buildRulesDesign(s: RulesScenario): DesignDocument {
  return design({
    seed: s.seed,
    containerInstances: ['a', 'b', 'c'].map((az, z) =>
      instance({ id: `i-0000000000000${z}0e1`, az: `us-east-1${az}` }),
    ),
    taskDefinitions: RULE_GROUPS.map((g) =>
      taskDefinition(g, { cpu: 128, memory: 256, hostPort: 0 }),
    ),
    services: RULE_GROUPS.map((g) =>
      service(g, 1, {
        loadBalancers: [{ targetGroupArn: ruleTg(g), containerName: g, containerPort: 80 }],
      }),
    ),
    loadBalancers: [{ Name: 'front', Type: 'application', LoadBalancerArn: LB }],
    targetGroups: RULE_GROUPS.map((g) => ({
      Name: g,
      Protocol: 'HTTP' as const,
      Port: 80,
      TargetGroupArn: ruleTg(g),
      HealthCheckIntervalSeconds: 5,
    })),
    listeners: [
      {
        LoadBalancerArn: LB,
        ListenerArn: listenerArn(0),
        Port: 80,
        DefaultActions: [forwardTo(s.defaultWeights)],
      },
    ],
    listenerRules: s.rules.map((r) => ({
      ListenerArn: listenerArn(0),
      Priority: r.Priority,
      Conditions: r.Conditions,
      Actions: [forwardTo(r.weights)],
    })),
    traffic: s.specs.map((x) => ({ listenerArn: listenerArn(0), ...x })),
  });
}

/** ALB's patterns as regular expressions: `*` any run, `?` one character. */
const pattern = (p: string, flags: string) =>
  new RegExp(
    `^${[...p].map((ch) => (ch === '*' ? '.*' : ch === '?' ? '.' : ch.replace(/[.+^${}()|[\]\\/]/g, '\\$&'))).join('')}$`,
    `s${flags}`,
  );

function expectedGroupShares(s: RulesScenario): Map<string, number> {
  const out = new Map<string, number>(RULE_GROUPS.map((g) => [g, 0]));
  for (const spec of s.specs) {
    const matches = (c: (typeof s.rules)[number]['Conditions'][number]) => {
      switch (c.Field) {
        case 'path-pattern':
          return (
            spec.path !== undefined && c.Values.some((v) => pattern(v, '').test(spec.path ?? ''))
          );
        case 'host-header':
          return (
            spec.host !== undefined &&
            c.HostHeaderConfig.Values.some((v) => pattern(v, 'i').test(spec.host ?? ''))
          );
        case 'http-request-method':
          return c.HttpRequestMethodConfig.Values.some((v) => v === spec.method);
        case 'http-header': {
          const name = c.HttpHeaderConfig.HttpHeaderName.toLowerCase();
          const value = Object.entries(spec.headers ?? {}).find(
            ([k]) => k.toLowerCase() === name,
          )?.[1];
          return (
            value !== undefined &&
            c.HttpHeaderConfig.Values.some((v) => pattern(v, 'i').test(value))
          );
        }
      }
    };
    const rule = [...s.rules]
      .sort((a, b) => a.Priority - b.Priority)
      .find((r) => r.Conditions.every(matches));
    const groups = forwardTo(rule ? rule.weights : s.defaultWeights).ForwardConfig.TargetGroups;
    const total = groups.reduce((n, g) => n + g.Weight, 0);
    for (const [i, g] of RULE_GROUPS.entries()) {
      const share = (spec.requestsPerSecond * 60 * (groups[i]?.Weight ?? 0)) / total;
      out.set(g, (out.get(g) ?? 0) + share);
    }
  }
  return out;
}

describe('listener rules at random (ecs-behavior §14.5)', () => {
  it('each request takes the first matching rule by priority, or the default; none is lost', () => {
    fc.assert(
      fc.property(rulesScenarioArb, (s) => {
        const sim = createSimulation(buildRulesDesign(s));
        const frames = [1, 2, 3].map((m) => sim.advance(minutes(m)));
        const expected = expectedGroupShares(s);
        const everything = s.specs.reduce((n, x) => n + x.requestsPerSecond * 60, 0);
        for (const [k, frame] of frames.entries()) {
          const at = new Date(START + minutes(k + 1)).toISOString();
          const rows = frame.metrics.filter(
            (m) =>
              m.Namespace === 'AWS/ApplicationELB' &&
              m.MetricName === 'RequestCount' &&
              m.Timestamp === at,
          );
          // Served and 503s together: every request of the minute, whatever the rules.
          const lb = rows.find((m) => m.Dimensions.length === 1)?.Value;
          expect(Math.abs((lb ?? 0) - everything), `ALB at minute ${k + 1}`).toBeLessThanOrEqual(3);
          // From the second minute every group has its healthy task: each is served its share.
          if (k === 0) continue;
          for (const g of RULE_GROUPS) {
            const want = expected.get(g) ?? 0;
            const got = rows.find((m) =>
              m.Dimensions.some(
                (d) => d.Name === 'TargetGroup' && d.Value.startsWith(`targetgroup/${g}/`),
              ),
            )?.Value;
            expect(Math.abs((got ?? 0) - want), `${g} at minute ${k + 1}`).toBeLessThanOrEqual(0.5);
          }
        }
      }),
      { numRuns: RUNS },
    );
  });
});
