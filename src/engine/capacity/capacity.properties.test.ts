import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Command } from '../../design';
import { createSimulation, restoreSimulation, type Simulation } from '../simulation';
import { design, minutes, taskDefinition } from '../testing/builders';

// Invariants of capacity (issue 8): no task placed without capacity, Fargate tasks never
// on an instance, an Auto Scaling group's desired capacity within its bounds, the same
// seed the same run, and a checkpoint taken mid-scale-out going on exactly.

const END_MS = minutes(30);

const serviceArb = fc.record({
  kind: fc.constantFrom('provider', 'fargate', 'ec2'),
  desired: fc.integer({ min: 0, max: 8 }),
  cpu: fc.constantFrom(256, 512, 1024, 2048),
  spotWeight: fc.integer({ min: 0, max: 4 }),
  base: fc.integer({ min: 0, max: 2 }),
});

const commandArb = fc.record({
  atMs: fc.integer({ min: 0, max: END_MS - 1 }),
  what: fc.constantFrom('desiredCount', 'setDesired', 'spot', 'terminate', 'maxSize'),
  service: fc.nat(2),
  n: fc.integer({ min: 0, max: 10 }),
});

const scenarioArb = fc.record({
  seed: fc.integer({ min: 0, max: 1000 }),
  min: fc.integer({ min: 0, max: 2 }),
  max: fc.integer({ min: 2, max: 8 }),
  desired: fc.integer({ min: 0, max: 3 }),
  zones: fc.integer({ min: 1, max: 3 }),
  scaling: fc.boolean(),
  protect: fc.boolean(),
  target: fc.integer({ min: 50, max: 100 }),
  minStep: fc.integer({ min: 1, max: 3 }),
  maxStep: fc.integer({ min: 1, max: 10 }),
  warmup: fc.constantFrom(0, 60, 300),
  bootSeconds: fc.constantFrom(0, 30, 60, 120),
  spotRate: fc.constantFrom(0, 0, 3),
  services: fc.array(serviceArb, { minLength: 1, maxLength: 3 }),
  commands: fc.array(commandArb, { maxLength: 6 }),
});
type Scenario = typeof scenarioArb extends fc.Arbitrary<infer T> ? T : never;

function buildDesign(s: Scenario) {
  const desired = Math.max(s.min, Math.min(s.max, s.desired));
  return design({
    seed: s.seed,
    clusters: [{ clusterName: 'test', capacityProviders: ['cp', 'FARGATE', 'FARGATE_SPOT'] }],
    launchTemplates: [
      {
        LaunchTemplateName: 'node',
        LaunchTemplateData: { InstanceType: 'm5.large', UserData: 'ECS_CLUSTER=test' },
      },
    ],
    autoScalingGroups: [
      {
        AutoScalingGroupName: 'nodes',
        MinSize: s.min,
        MaxSize: s.max,
        DesiredCapacity: desired,
        LaunchTemplate: { LaunchTemplateName: 'node' },
        AvailabilityZones: ['us-east-1a', 'us-east-1b', 'us-east-1c'].slice(0, s.zones),
        NewInstancesProtectedFromScaleIn: s.protect,
        bootSeconds: s.bootSeconds,
      },
    ],
    capacityProviders: [
      {
        name: 'cp',
        autoScalingGroupProvider: {
          autoScalingGroupArn: 'nodes',
          managedScaling: {
            status: s.scaling ? 'ENABLED' : 'DISABLED',
            targetCapacity: s.target,
            minimumScalingStepSize: Math.min(s.minStep, s.maxStep),
            maximumScalingStepSize: s.maxStep,
            instanceWarmupPeriod: s.warmup,
          },
          managedTerminationProtection: s.scaling && s.protect ? 'ENABLED' : 'DISABLED',
        },
      },
    ],
    fargate: { spotInterruptionsPerHour: s.spotRate },
    taskDefinitions: s.services.map((svc, i) => ({
      ...taskDefinition(`s${i}`, { cpu: svc.cpu, memory: 512, networkMode: 'awsvpc' }),
      requiresCompatibilities: ['EC2', 'FARGATE'] as ('EC2' | 'FARGATE')[],
      cpu: String(svc.cpu),
      memory: String(svc.cpu * 2),
    })),
    services: s.services.map((svc, i) => ({
      cluster: 'test',
      serviceName: `s${i}`,
      taskDefinition: `s${i}`,
      desiredCount: svc.desired,
      ...(svc.kind === 'ec2' && { launchType: 'EC2' }),
      ...(svc.kind === 'provider' && {
        capacityProviderStrategy: [{ capacityProvider: 'cp', weight: 1 }],
      }),
      ...(svc.kind === 'fargate' && {
        capacityProviderStrategy: [
          { capacityProvider: 'FARGATE', base: svc.base, weight: 1 },
          { capacityProvider: 'FARGATE_SPOT', weight: svc.spotWeight },
        ],
      }),
    })) as never,
  } as never);
}

/** A scenario's command, resolved against the run as it stands (the instance to terminate). */
function resolve(sim: Simulation, s: Scenario, c: Scenario['commands'][number]): Command {
  const service = `s${c.service % s.services.length}`;
  switch (c.what) {
    case 'desiredCount':
      return { action: 'UpdateService', input: { cluster: 'test', service, desiredCount: c.n } };
    case 'setDesired':
      return {
        action: 'SetDesiredCapacity',
        input: { AutoScalingGroupName: 'nodes', DesiredCapacity: c.n },
      };
    case 'spot':
      return {
        action: 'InterruptSpotTask',
        input: { cluster: 'test', service, count: 1 + (c.n % 3) },
      };
    case 'maxSize':
      return {
        action: 'UpdateAutoScalingGroup',
        input: { AutoScalingGroupName: 'nodes', MaxSize: Math.max(s.min, c.n) },
      };
    case 'terminate': {
      const ids = sim.checkpoint().capacity?.groups.nodes?.instanceIds ?? [];
      return {
        action: 'TerminateInstance',
        input: { ec2InstanceId: ids[c.n % Math.max(1, ids.length)] ?? 'i-00000000000000000' },
      };
    }
  }
}

/** The invariants, at one moment. */
function check(sim: Simulation): void {
  const cp = sim.checkpoint();
  const group = cp.capacity?.groups.nodes;
  if (group) {
    expect(group.desiredCapacity).toBeGreaterThanOrEqual(group.minSize);
    expect(group.desiredCapacity).toBeLessThanOrEqual(group.maxSize);
  }
  const snap = sim.snapshot();
  const instances = new Map(snap.instances.map((i) => [i.containerInstanceArn, i]));
  for (const i of snap.instances) {
    expect(i.remainingCpu).toBeGreaterThanOrEqual(0);
    expect(i.remainingMemoryMiB).toBeGreaterThanOrEqual(0);
    expect(i.eniUsed).toBeLessThanOrEqual(i.eniLimit);
  }
  for (const t of sim.describe().tasks) {
    const fargate = t.launchType === 'FARGATE';
    if (fargate) expect(t.containerInstanceArn).toBeUndefined();
    if (t.lastStatus === 'STOPPED') continue;
    const arn = t.containerInstanceArn as string | undefined;
    if (arn !== undefined) {
      const host = instances.get(arn);
      expect(host).toBeDefined();
      expect(host?.status).not.toBe('INACTIVE');
    } else if (!fargate) {
      // No instance: only a provider's task waiting for capacity, in PROVISIONING.
      expect(t.lastStatus).toBe('PROVISIONING');
      expect(t.capacityProviderName).toBe('cp');
    }
  }
}

function play(s: Scenario, opts: { breakAtMs?: number; checks?: boolean } = {}): string[] {
  let sim = createSimulation(buildDesign(s));
  // One stream per kind: a frame boundary moves which frame carries a line, never the order within a kind.
  const events: string[] = [];
  const metrics: string[] = [];
  const out: string[] = [];
  const commands = [...s.commands].sort((a, b) => a.atMs - b.atMs);
  const steps = [...new Set([...commands.map((c) => c.atMs), opts.breakAtMs ?? -1])]
    .filter((ms) => ms >= 0)
    .sort((a, b) => a - b);
  for (let t = minutes(1); t <= END_MS; t += minutes(1)) steps.push(t);
  steps.sort((a, b) => a - b);
  const applied = new Set<number>();
  for (const ms of steps) {
    const frame = sim.advance(ms);
    events.push(...frame.events.map((e) => JSON.stringify(e)));
    metrics.push(...frame.metrics.map((m) => JSON.stringify(m)));
    if (ms === opts.breakAtMs)
      sim = restoreSimulation(JSON.parse(JSON.stringify(sim.checkpoint())));
    commands.forEach((c, i) => {
      if (c.atMs !== ms || applied.has(i)) return;
      applied.add(i);
      out.push(JSON.stringify(sim.apply(resolve(sim, s, c))));
    });
    if (opts.checks && ms % minutes(1) === 0) check(sim);
  }
  out.push(JSON.stringify(sim.describe()));
  return [...events, ...metrics, ...out];
}

function firstDifference(a: string[], b: string[]): void {
  const i = a.findIndex((line, k) => line !== b[k]);
  const at = i === -1 && a.length !== b.length ? Math.min(a.length, b.length) : i;
  if (at !== -1) expect(`#${at}: ${a[at]}`).toBe(`#${at}: ${b[at]}`);
}

describe('capacity invariants (property)', () => {
  it('no task without capacity, Fargate never on an instance, desired within min and max', () => {
    fc.assert(
      fc.property(scenarioArb, (s) => {
        play(s, { checks: true });
      }),
      { numRuns: 40 },
    );
  });

  it('the same seed gives the same run', () => {
    fc.assert(
      fc.property(scenarioArb, (s) => {
        firstDifference(play(s), play(s));
      }),
      { numRuns: 15 },
    );
  });

  it('a checkpoint taken at any moment (mid scale-out included) goes on exactly', () => {
    fc.assert(
      fc.property(scenarioArb, fc.integer({ min: 1, max: END_MS - 1 }), (s, breakAtMs) => {
        firstDifference(play(s, { breakAtMs }), play(s));
      }),
      { numRuns: 30 },
    );
  });

  it('a checkpoint while instances boot and tasks wait in PROVISIONING goes on exactly', () => {
    const s: Scenario = {
      seed: 3,
      min: 0,
      max: 8,
      desired: 0,
      zones: 2,
      scaling: true,
      protect: true,
      target: 100,
      minStep: 1,
      maxStep: 10,
      warmup: 60,
      bootSeconds: 60,
      spotRate: 0,
      services: [{ kind: 'provider', desired: 8, cpu: 2048, spotWeight: 0, base: 0 }],
      commands: [],
    };
    // At 0:30 the first two instances boot and eight tasks wait; at 2:30 the next step boots.
    for (const breakAtMs of [30_000, 150_000]) firstDifference(play(s, { breakAtMs }), play(s));
  });
});
