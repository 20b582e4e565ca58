import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Command, HealthCheck, Workload } from '../../design';
import type { Frame, ServiceView, TaskView } from '../api';
import { createSimulation, restoreSimulation, type Simulation } from '../simulation';
import { design, instance, minutes, seconds, service, taskDefinition } from '../testing/builders';
import { failureArb, healthCheckArb } from '../testing/random-runs';
import { deploymentBounds } from './bounds';
import { HEALTHY_AFTER_RUNNING_MS } from './health';

/**
 * Rolling deployments of one REPLICA service on a cluster with room to spare: no
 * draining, no terminations, no StopTask, no load balancer. Watched every simulated
 * second (ecs-behavior §2.2, §8, §9.1). RUNS=2000 npx vitest run ... --testTimeout=600000
 * hunts longer than the default runs do.
 */

const STOPPED_TASK_KEPT_MS = 3_600_000;
const SETTLE_MS = minutes(25);
/** The builders' design starts here (startTime's default). */
const START = '2026-01-01T00:00:00Z';

const percentages = fc.record({
  minimumHealthyPercent: fc.integer({ min: 0, max: 100 }),
  maximumPercent: fc.integer({ min: 100, max: 200 }),
});

const revisionArb = fc.record(
  {
    healthCheck: healthCheckArb,
    imagePullSeconds: fc.integer({ min: 0, max: 20 }),
    startSeconds: fc.integer({ min: 0, max: 10 }),
    stopSeconds: fc.integer({ min: 0, max: 10 }),
    ignoresSigterm: fc.boolean(),
  },
  { requiredKeys: [] },
);
type Revision = typeof revisionArb extends fc.Arbitrary<infer T> ? T : never;

/** One UpdateService that starts a deployment, and what may come with it. */
const stepArb = fc.record(
  {
    /** Seconds after the step before (the first: after the service is created). */
    gapSeconds: fc.integer({ min: 0, max: 300 }),
    /** A new revision, registered by the script `leadSeconds` before (or with) the deployment. */
    revision: revisionArb,
    leadSeconds: fc.integer({ min: 0, max: 120 }),
    /** Name the family alone (its latest revision) rather than family:revision, where that is the same. */
    byFamily: fc.boolean(),
    forceNewDeployment: fc.boolean(),
    deploymentConfiguration: percentages,
    /** A desired count set just before, if the service is steady then (between deployments). */
    desiredCount: fc.integer({ min: 0, max: 8 }),
    /** A desired count set this long after the deployment began, whatever it is doing then. */
    rescale: fc.record({
      afterSeconds: fc.integer({ min: 0, max: 120 }),
      desiredCount: fc.integer({ min: 0, max: 8 }),
    }),
  },
  { requiredKeys: ['gapSeconds', 'leadSeconds', 'byFamily', 'forceNewDeployment'] },
);
type Step = typeof stepArb extends fc.Arbitrary<infer T> ? T : never;

const scenarioArb = fc.record({
  seed: fc.nat(1000),
  desired: fc.integer({ min: 1, max: 8 }),
  config: percentages,
  breaker: fc.record({ enable: fc.boolean(), rollback: fc.boolean() }),
  grace: fc.option(fc.integer({ min: 0, max: 120 }), { nil: undefined }),
  strategy: fc.constantFrom('spread', 'binpack', 'none'),
  /** awsvpc adds PROVISIONING and DEPROVISIONING (an ENI each, trunked for room). */
  awsvpc: fc.boolean(),
  /** Behind an ALB: healthy needs a healthy target too (§2.2), stops drain first (§14.4). */
  lb: fc.option(
    fc.record({
      intervalSeconds: fc.integer({ min: 5, max: 30 }),
      deregistrationDelaySeconds: fc.integer({ min: 0, max: 60 }),
    }),
    { nil: undefined },
  ),
  first: revisionArb,
  steps: fc.array(stepArb, { minLength: 1, maxLength: 3 }),
  /** Which step's revision fails, and how; absent: nothing fails. */
  failing: fc.option(fc.record({ step: fc.nat(2), failure: failureArb }), { nil: undefined }),
  breakAtMs: fc.nat(minutes(30)),
});
type Scenario = typeof scenarioArb extends fc.Arbitrary<infer T> ? T : never;

interface Plan {
  /** Step times, ms. */
  at: number[];
  /** The revision number each step deploys, or undefined for a step that only forces. */
  revisionOf: (number | undefined)[];
  /** Health checks by revision number. */
  checks: Map<number, HealthCheck | undefined>;
  /** The revision that fails, if one does. */
  failingRevision?: number;
}

/** A step without a revision of its own only forces a new deployment of what runs. */
const ownRevision = (step: Step) => step.revision !== undefined || !step.forceNewDeployment;

function plan(s: Scenario): Plan {
  const at: number[] = [];
  const revisionOf: (number | undefined)[] = [];
  const checks = new Map<number, HealthCheck | undefined>([[1, s.first.healthCheck]]);
  let t = 0;
  let next = 2;
  for (const step of s.steps) {
    t += seconds(step.gapSeconds);
    at.push(t);
    if (ownRevision(step)) {
      checks.set(next, step.revision?.healthCheck);
      revisionOf.push(next++);
    } else revisionOf.push(undefined);
  }
  const failingRevision = s.failing ? revisionOf[s.failing.step % s.steps.length] : undefined;
  return failingRevision === undefined
    ? { at, revisionOf, checks }
    : { at, revisionOf, checks, failingRevision };
}

function td(rev: Revision | undefined, image: number, awsvpc: boolean) {
  const base = awsvpc
    ? taskDefinition('web', { cpu: 128, memory: 256, networkMode: 'awsvpc' })
    : taskDefinition('web', { cpu: 128, memory: 256, hostPort: 0 });
  return {
    ...base,
    containerDefinitions: base.containerDefinitions.map((c) => ({
      ...c,
      image: `example/web:${image}`,
      // Port 80 for the target group: dynamic on the host with bridge, the ENI's with awsvpc.
      portMappings: [
        { containerPort: 80, ...(!awsvpc && { hostPort: 0 }), protocol: 'tcp' as const },
      ],
      ...(rev?.healthCheck && { healthCheck: rev.healthCheck }),
    })),
  };
}

const TG = 'arn:aws:elasticloadbalancing:us-east-1:123456789012:targetgroup/web/73e2d6bc24d8a067';
const LB =
  'arn:aws:elasticloadbalancing:us-east-1:123456789012:loadbalancer/app/front/50dc6c495c0c9188';
const LISTENER =
  'arn:aws:elasticloadbalancing:us-east-1:123456789012:listener/app/front/50dc6c495c0c9188/f2f7dc8efc522ab2';

function loadBalancing(s: Scenario) {
  if (!s.lb) return {};
  return {
    loadBalancers: [{ Name: 'front', Type: 'application' as const, LoadBalancerArn: LB }],
    targetGroups: [
      {
        Name: 'web',
        Protocol: 'HTTP' as const,
        Port: 80,
        TargetGroupArn: TG,
        TargetType: s.awsvpc ? ('ip' as const) : ('instance' as const),
        HealthCheckIntervalSeconds: s.lb.intervalSeconds,
        Attributes: [
          {
            Key: 'deregistration_delay.timeout_seconds',
            Value: String(s.lb.deregistrationDelaySeconds),
          },
        ],
      },
    ],
    listeners: [
      {
        LoadBalancerArn: LB,
        ListenerArn: LISTENER,
        Port: 80,
        DefaultActions: [{ Type: 'forward' as const, TargetGroupArn: TG }],
      },
    ],
  };
}

function workload(rev: Revision | undefined, revision: number): Workload[] {
  if (!rev) return [];
  const { healthCheck: _, ...timing } = rev;
  return [{ family: 'web', revision, ...timing }];
}

function buildDesign(s: Scenario, p: Plan) {
  // Registrations in revision order: each no earlier than the one before it.
  const script: { at: number; action: 'RegisterTaskDefinition'; input: ReturnType<typeof td> }[] =
    [];
  let last = 0;
  s.steps.forEach((step, k) => {
    const revision = p.revisionOf[k];
    if (revision === undefined) return;
    const atMs = Math.max(last, (p.at[k] ?? 0) - seconds(step.leadSeconds));
    last = atMs;
    script.push({
      at: atMs / 1000,
      action: 'RegisterTaskDefinition',
      input: td(step.revision, revision, s.awsvpc),
    });
  });
  const workloads = [
    ...workload(s.first, 1),
    ...s.steps.flatMap((step, k) => {
      const revision = p.revisionOf[k];
      return revision === undefined ? [] : workload(step.revision, revision);
    }),
  ];
  if (p.failingRevision !== undefined && s.failing) {
    const own = workloads.find((w) => w.revision === p.failingRevision);
    if (own) Object.assign(own, { failure: s.failing.failure });
    else workloads.push({ family: 'web', revision: p.failingRevision, failure: s.failing.failure });
  }
  return design({
    seed: s.seed,
    // 5 x m5.large: 80 tasks of 128 CPU units, 50 trunked ENIs, past any upper bound
    // (16) plus the tasks still stopping.
    ...(s.awsvpc && { accountSettings: [{ name: 'awsvpcTrunking' as const, value: 'enabled' }] }),
    containerInstances: ['a', 'b', 'c', 'a', 'b'].map((az, i) =>
      instance({ id: `i-${String(i + 1).padStart(17, '0')}`, az: `us-east-1${az}` }),
    ),
    taskDefinitions: [td(s.first, 1, s.awsvpc)],
    services: [
      service('web', s.desired, {
        taskDefinition: 'web:1',
        deploymentConfiguration: { ...s.config, deploymentCircuitBreaker: s.breaker },
        ...(s.grace !== undefined && { healthCheckGracePeriodSeconds: s.grace }),
        ...(s.lb && {
          loadBalancers: [{ targetGroupArn: TG, containerName: 'web', containerPort: 80 }],
        }),
        ...(s.awsvpc && {
          networkConfiguration: { awsvpcConfiguration: { subnets: ['subnet-0123456789abcdef0'] } },
        }),
        ...(s.strategy !== 'none' && {
          placementStrategy: [
            { type: s.strategy, field: s.strategy === 'spread' ? 'instanceId' : 'cpu' },
          ],
        }),
      }),
    ],
    workloads,
    script,
    ...loadBalancing(s),
  });
}

/** What the frames said: every task as last shown, and those the engine removed. */
class Watch {
  readonly tasks = new Map<string, TaskView>();
  readonly removed = new Map<string, number>();
  readonly messages: { atMs: number; message: string }[] = [];
  readonly events: unknown[][] = [[], []];
  svc: ServiceView | undefined;

  take(frame: Frame): void {
    for (const t of frame.tasks) this.tasks.set(t.taskArn, t);
    for (const arn of frame.removedTaskArns) {
      const last = this.tasks.get(arn);
      // Pruned only an hour after it STOPPED, as the engine keeps them.
      expect(last?.lastStatus).toBe('STOPPED');
      expect(frame.nowMs - (last?.stoppedAtMs ?? frame.nowMs)).toBeGreaterThanOrEqual(
        STOPPED_TASK_KEPT_MS,
      );
      this.tasks.delete(arn);
      this.removed.set(arn, frame.nowMs);
    }
    for (const v of frame.services) if (v.serviceName === 'web') this.svc = v;
    for (const e of frame.serviceEvents)
      this.messages.push({ atMs: e.createdAtMs, message: e.message });
    this.events[0]?.push(...frame.events);
    this.events[1]?.push(...frame.serviceEvents);
  }

  /** RUNNING + PENDING (+ PROVISIONING, ACTIVATING) of tasks the scheduler still wants. */
  live(): TaskView[] {
    return [...this.tasks.values()].filter(
      (t) =>
        t.desiredStatus === 'RUNNING' &&
        (t.lastStatus === 'RUNNING' ||
          t.lastStatus === 'PENDING' ||
          t.lastStatus === 'PROVISIONING' ||
          t.lastStatus === 'ACTIVATING'),
    );
  }

  /**
   * §2.2: with a load balancer, the target healthy, and with container health checks
   * HEALTHY too; without one, HEALTHY with checks, else RUNNING 40 s.
   */
  healthy(nowMs: number, p: Plan, lb: boolean): number {
    let n = 0;
    for (const t of this.tasks.values()) {
      if (t.lastStatus !== 'RUNNING') continue;
      const container = p.checks.get(t.revision)
        ? t.healthStatus === 'HEALTHY'
        : lb || nowMs - (t.startedAtMs ?? nowMs) >= HEALTHY_AFTER_RUNNING_MS;
      if (container && (!lb || t.targetHealth === 'healthy')) n++;
    }
    return n;
  }
}

const STEADY_MESSAGE = 'service web has reached a steady state.';
const BOUNDS_MESSAGE =
  'service web was unable to stop or start tasks during a deployment because of the service deployment configuration. Update the minimumHealthyPercent or maximumPercent value and try again.';

interface Played {
  sim: Simulation;
  watch: Watch;
  endMs: number;
  /** The revision the last deployment deployed. */
  finalRevision: number;
  finalBounds: { desired: number; lower: number; upper: number };
  lastDeployAtMs: number;
  /** The revision that completed last before the failing step. */
  completedBeforeFailing?: number;
}

const revisionOfView = (v: ServiceView | undefined) =>
  Number(v?.deployments[0]?.taskDefinition.split(':')[1] ?? 0);
const steadyView = (v: ServiceView | undefined) =>
  v?.deployments.length === 1 && v.deployments[0]?.rolloutState === 'COMPLETED';

/** Play the plan live, second by second, checking the bounds at each. */
function play(s: Scenario, p: Plan): Played {
  const sim = createSimulation(buildDesign(s, p));
  const watch = new Watch();
  watch.take(sim.advance(0));
  const failures = p.failingRevision !== undefined;
  let desired = s.desired;
  let config = s.config;
  let revision = 1;
  const bounds = () =>
    deploymentBounds(desired, config.minimumHealthyPercent, config.maximumPercent);
  // A bound is checked once it holds under the current desired count and configuration:
  // from the change on, if it held just before, else from the first second it holds.
  let minArmed = false;
  let maxArmed = false;
  // §8.1: the deadlock sentence is for bounds that leave no move. Bounds that do allow one
  // may wait for a task on its way to healthy, but are never stuck for good.
  // Said once, until something moves or the service is updated.
  let judged = 0;
  let said = false;
  const judgeMessages = () => {
    for (; judged < watch.messages.length; judged++) {
      const message = watch.messages[judged]?.message ?? '';
      if (/^\(service web\) has (started|stopped)/.test(message)) said = false;
      if (failures) continue;
      if (message === STEADY_MESSAGE) {
        // §8.2: steady state is the desired count healthy with the older deployments gone.
        const primary = watch.svc?.deployments[0]?.id;
        expect(watch.svc?.deployments, `${message} at ${t} ms`).toHaveLength(1);
        expect(watch.live().every((x) => x.startedBy === primary)).toBe(true);
      }
      if (message !== BOUNDS_MESSAGE) continue;
      expect(stuck({ desired, ...bounds() }), `${BOUNDS_MESSAGE} at ${t} ms`).toBe(true);
      expect(said, `${BOUNDS_MESSAGE} again at ${t} ms`).toBe(false);
      said = true;
    }
  };
  const check = (nowMs: number) => {
    judgeMessages();
    const { lower, upper } = bounds();
    const live = watch.live().length;
    if (maxArmed) expect(live, `RUNNING + PENDING at ${nowMs} ms`).toBeLessThanOrEqual(upper);
    else maxArmed = live <= upper;
    if (failures) return;
    // The lower bound is a deployment's (§8.1): a scale-in after one completed may stop
    // tasks that have run 40 s before those that have not (the strategies choose, §4.2).
    const deployments = watch.svc?.deployments ?? [];
    if (deployments.length === 1 && deployments[0]?.rolloutState !== 'IN_PROGRESS') {
      minArmed = false;
      return;
    }
    const healthy = watch.healthy(nowMs, p, s.lb !== undefined);
    if (minArmed) expect(healthy, `healthy at ${nowMs} ms`).toBeGreaterThanOrEqual(lower);
    else minArmed = healthy >= lower;
  };
  /**
   * Apply a command after this instant's own events (as `apply` does anyway), then arm
   * the bounds it may have changed by what held just before it.
   */
  const apply = (command: Command, change: () => void) => {
    watch.take(sim.advance(t));
    judgeMessages();
    const healthy = watch.healthy(t, p, s.lb !== undefined);
    const live = watch.live().length;
    const result = sim.apply(command);
    expect(result.error, JSON.stringify(command)).toBeUndefined();
    said = false;
    change();
    const { lower, upper } = bounds();
    minArmed = healthy >= lower;
    maxArmed = live <= upper;
  };

  let t = 0;
  let lastDeployAtMs = 0;
  let completedBeforeFailing: number | undefined;
  let lastCompletedRevision: number | undefined;
  const advanceTo = (toMs: number) => {
    while (t < toMs) {
      t = Math.min(t + 1000, toMs);
      watch.take(sim.advance(t));
      if (steadyView(watch.svc)) lastCompletedRevision = revisionOfView(watch.svc);
      check(t);
    }
  };
  const rescales: { atMs: number; desiredCount: number }[] = [];
  const rescaleUntil = (toMs: number) => {
    rescales.sort((a, b) => a.atMs - b.atMs);
    while ((rescales[0]?.atMs ?? Number.POSITIVE_INFINITY) <= toMs) {
      const r = rescales.shift();
      if (!r) break;
      advanceTo(r.atMs);
      apply(
        {
          action: 'UpdateService',
          input: { cluster: 'test', service: 'web', desiredCount: r.desiredCount },
        },
        () => {
          desired = r.desiredCount;
        },
      );
    }
    advanceTo(toMs);
  };
  s.steps.forEach((step, k) => {
    rescaleUntil(p.at[k] ?? t);
    const steady = steadyView(watch.svc);
    if (step.desiredCount !== undefined && steady) {
      const next = step.desiredCount;
      apply(
        {
          action: 'UpdateService',
          input: { cluster: 'test', service: 'web', desiredCount: next },
        },
        () => {
          desired = next;
        },
      );
    }
    const target = p.revisionOf[k];
    // The family alone names its latest revision: only when no later one is registered yet.
    const latest =
      sim.design.script.filter((a) => a.action === 'RegisterTaskDefinition' && a.at * 1000 <= t)
        .length + 1;
    const ref =
      target === undefined
        ? undefined
        : step.byFamily && latest === target
          ? 'web'
          : `web:${target}`;
    if (target !== undefined && target === p.failingRevision) {
      completedBeforeFailing = lastCompletedRevision;
    }
    apply(
      {
        action: 'UpdateService',
        input: {
          cluster: 'test',
          service: 'web',
          ...(ref !== undefined && { taskDefinition: ref }),
          ...(step.forceNewDeployment && { forceNewDeployment: true }),
          ...(step.deploymentConfiguration && {
            deploymentConfiguration: step.deploymentConfiguration,
          }),
        },
      },
      () => {
        if (step.deploymentConfiguration) config = step.deploymentConfiguration;
      },
    );
    lastDeployAtMs = t;
    if (step.rescale) {
      rescales.push({
        atMs: t + seconds(step.rescale.afterSeconds),
        desiredCount: step.rescale.desiredCount,
      });
    }
    if (target !== undefined) revision = target;
  });
  rescaleUntil(Math.max(t, ...rescales.map((r) => r.atMs)));
  const lastCommandAtMs = t;
  // Then until everything settles, or long enough for a failing revision to fail.
  const endMs = t + SETTLE_MS;
  while (t < endMs) {
    advanceTo(t + 1000);
    if (!failures && steadyView(watch.svc) && t - lastCommandAtMs > minutes(2)) break;
  }
  const { lower, upper } = bounds();
  return {
    sim,
    watch,
    endMs: t,
    finalRevision: revision,
    finalBounds: { desired, lower, upper },
    lastDeployAtMs,
    ...(completedBeforeFailing !== undefined && { completedBeforeFailing }),
  };
}

/** §8.1: the bounds leave no move when neither a start nor a stop fits. */
const stuck = ({ desired, lower, upper }: Played['finalBounds']) =>
  desired > 0 && upper <= desired && lower >= desired;

function expectNoTaskLost(run: Played): void {
  const { sim, watch } = run;
  const snapshot = sim.snapshot();
  // The frames told the whole story: each task as the snapshot has it, none missing.
  const byArn = new Map(snapshot.tasks.map((t) => [t.taskArn, t]));
  expect([...watch.tasks.keys()].sort()).toEqual([...byArn.keys()].sort());
  for (const [arn, t] of watch.tasks) expect(t).toEqual(byArn.get(arn));
  // Every task the scheduler says it started is one of them, or was pruned.
  const started = new Set<string>();
  for (const { message } of watch.messages) {
    if (!message.startsWith('(service web) has started')) continue;
    for (const m of message.matchAll(/\(task ([0-9a-f]{32})\)/g)) started.add(m[1] ?? '');
  }
  const ids = new Set(
    [
      ...watch.tasks.values(),
      ...[...watch.removed.keys()].map((arn) => ({ taskId: arn.split('/').at(-1) })),
    ].map((t) => t.taskId),
  );
  expect([...started].sort()).toEqual([...ids].sort());
  const view = snapshot.services.find((v) => v.serviceName === 'web');
  const { healthyCount: _a, ...a } = view?.deployments[0] ?? {};
  const { healthyCount: _b, ...b } = watch.svc?.deployments[0] ?? {};
  expect(b).toEqual(a);
}

function expectCompleted(run: Played): void {
  const view = run.sim.snapshot().services.find((v) => v.serviceName === 'web');
  const live = run.watch.live();
  const completed =
    view?.deployments.length === 1 && view.deployments[0]?.rolloutState === 'COMPLETED';
  if (stuck(run.finalBounds) && !completed) {
    // Documented deadlock (§8.1): the console says so, and the deployment waits.
    const said = run.watch.messages
      .filter((m) => m.atMs >= run.lastDeployAtMs)
      .map((m) => m.message);
    expect(said).toContain(BOUNDS_MESSAGE);
    expect(view?.deployments[0]?.rolloutState).toBe('IN_PROGRESS');
    return;
  }
  expect(view?.deployments.map((d) => [d.status, d.rolloutState, d.taskDefinition])).toEqual([
    ['PRIMARY', 'COMPLETED', `web:${run.finalRevision}`],
  ]);
  expect(live).toHaveLength(run.finalBounds.desired);
  expect(live.every((t) => t.lastStatus === 'RUNNING' && t.revision === run.finalRevision)).toBe(
    true,
  );
  // forceNewDeployment too: the last deployment's tasks, none from before it.
  const id = view?.deployments[0]?.id;
  expect(live.every((t) => t.startedBy === id)).toBe(true);
  const said = run.watch.messages.filter((m) => m.atMs >= run.lastDeployAtMs).map((m) => m.message);
  expect(said).toContain(STEADY_MESSAGE);
}

/** The run again from design + seed + journal, restored from a checkpoint on the way. */
function expectSameRun(s: Scenario, p: Plan, run: Played): void {
  const replay = createSimulation(buildDesign(s, p), s.seed, run.sim.journal());
  const events: unknown[][] = [[], []];
  const keep = (f: Frame) => {
    events[0]?.push(...f.events);
    events[1]?.push(...f.serviceEvents);
  };
  keep(replay.advance(Math.min(s.breakAtMs, run.endMs)));
  const resumed = restoreSimulation(JSON.parse(JSON.stringify(replay.checkpoint())));
  keep(resumed.advance(run.endMs));
  expect(JSON.stringify(events)).toBe(JSON.stringify(run.watch.events));
  expect(JSON.stringify(resumed.snapshot())).toBe(JSON.stringify(run.sim.snapshot()));
}

describe('rolling deployments, every second (ecs-behavior §8, §9.1)', () => {
  it('keep minimumHealthyPercent and maximumPercent, end COMPLETED on the new revision, lose no task, and replay the same', () => {
    fc.assert(
      fc.property(
        scenarioArb.map((s) => {
          const { failing: _, ...rest } = s;
          return rest as Scenario;
        }),
        (s) => {
          const p = plan(s);
          const run = play(s, p);
          expectCompleted(run);
          expectNoTaskLost(run);
          expectSameRun(s, p, run);
        },
      ),
      { numRuns: Number(process.env.RUNS ?? 100) },
    );
  });

  it('with failing revisions still keep maximumPercent, lose no task, and replay the same', () => {
    fc.assert(
      fc.property(
        scenarioArb.filter((s) => s.failing !== undefined),
        (s) => {
          const p = plan(s);
          const run = play(s, p);
          expectNoTaskLost(run);
          expectSameRun(s, p, run);
        },
      ),
      { numRuns: Number(process.env.RUNS ?? 50) },
    );
  });

  it('the circuit breaker fails a revision that never starts or never passes its checks, and rolls back to the last COMPLETED one (§9.1)', () => {
    // The last step deploys a revision whose tasks all fail to start, the breaker on, with
    // bounds that let the deployment start tasks (a stuck one never tries, §8.1).
    // The desired count stays as the design sets it, so the bounds are known up front.
    const breakerArb = fc
      .tuple(scenarioArb, fc.boolean())
      .map(([s, checks]) => {
        const steps = s.steps.map(({ desiredCount: _, rescale: __, ...step }, k) => {
          if (k !== s.steps.length - 1) return step;
          // Stage 2 needs a container health check to fail: a quick one, within §2.1's ranges.
          const healthCheck = { command: ['CMD-SHELL', 'exit 1'], interval: 10, retries: 2 };
          const revision = checks ? { ...step.revision, healthCheck } : step.revision;
          return { ...step, forceNewDeployment: false, ...(revision && { revision }) };
        });
        const type = checks ? ('FAIL_HEALTH_CHECK' as const) : ('FAIL_TO_START' as const);
        return {
          ...s,
          steps,
          breaker: { ...s.breaker, enable: true },
          failing: { step: steps.length - 1, failure: { type } },
        } as Scenario;
      })
      .filter((s) => {
        const config = [s.config, ...s.steps.map((x) => x.deploymentConfiguration)].findLast(
          (c) => c !== undefined,
        );
        if (!config) return false;
        const { minimumHealthyPercent: min, maximumPercent: max } = config;
        return !stuck({ desired: s.desired, ...deploymentBounds(s.desired, min, max) });
      });
    fc.assert(
      fc.property(breakerArb, (s) => {
        const p = plan(s);
        const run = play(s, p);
        expectNoTaskLost(run);
        const failing = p.failingRevision;
        const view = run.sim.snapshot().services.find((v) => v.serviceName === 'web');
        const changes = run.watch.events[0]
          ?.map((e) => e as { time: string; detail: { eventName?: string; reason?: string } })
          .filter((e) => String(e.detail.eventName).startsWith('SERVICE_DEPLOYMENT_'));
        const failed = changes?.filter((e) => e.detail.eventName === 'SERVICE_DEPLOYMENT_FAILED');
        // Stage 1 counts tasks that never reach RUNNING; stage 2, once one has, failed checks.
        expect(failed?.map((e) => e.detail.reason)).toEqual([
          s.failing?.failure.type === 'FAIL_HEALTH_CHECK'
            ? 'ECS deployment circuit breaker: tasks failed health checks.'
            : 'ECS deployment circuit breaker: task failed to start.',
        ]);
        const target = run.completedBeforeFailing;
        if (s.breaker.rollback && target !== undefined) {
          expect(
            view?.deployments.map((d) => [d.status, d.rolloutState, d.taskDefinition]),
          ).toEqual([['PRIMARY', 'COMPLETED', `web:${target}`]]);
          const live = run.watch.live();
          expect(live).toHaveLength(run.finalBounds.desired);
          expect(live.every((t) => t.lastStatus === 'RUNNING' && t.revision === target)).toBe(true);
        } else {
          expect(view?.deployments[0]).toMatchObject({
            status: 'PRIMARY',
            rolloutState: 'FAILED',
            taskDefinition: `web:${failing}`,
          });
          // A FAILED deployment launches nothing more (§8.2).
          const failedAtMs = Date.parse(failed?.[0]?.time ?? '') - Date.parse(START);
          const launched = [...run.watch.tasks.values()].filter((t) => t.revision === failing);
          expect(launched.every((t) => t.createdAtMs <= failedAtMs)).toBe(true);
        }
      }),
      { numRuns: Number(process.env.RUNS ?? 40) },
    );
  });
});
