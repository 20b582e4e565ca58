import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Command } from '../../design';
import { COMMON_INSTANCE_TYPES } from '../../design';
import { type CandidateInstance, checkInstance, type PlacementRequest } from '../placement';
import { createSimulation, type Simulation } from '../simulation';
import { design, instance, minutes, service, taskDefinition } from '../testing/builders';

// Whenever a service waits for a place while some ACTIVE instance of its cluster
// passes all of its filters, a change was missed: every change that frees or adds
// capacity must wake the waiting services within the same instant.

interface ServiceSpec {
  cpu: number;
  memory: number;
  hostPort: number | undefined;
  desired: number;
}

const instanceId = (i: number) => `i-${String(i + 1).padStart(17, '0')}`;

type Step =
  | { at: number; kind: 'command'; command: Command }
  | { at: number; kind: 'stopTask'; pick: number };

const stepArb = (services: string[], instances: number): fc.Arbitrary<Step> => {
  const at = fc.integer({ min: 0, max: 90_000 }).map((ms) => ms / 1000);
  const command = (c: fc.Arbitrary<Command>) =>
    fc.record({ at, kind: fc.constant('command' as const), command: c });
  return fc.oneof(
    command(
      fc.record({
        action: fc.constant('UpdateService' as const),
        input: fc.record({
          cluster: fc.constant('test'),
          service: fc.constantFrom(...services),
          desiredCount: fc.integer({ min: 0, max: 8 }),
        }),
      }),
    ),
    command(
      fc.record({
        action: fc.constant('RunTask' as const),
        input: fc.record({
          cluster: fc.constant('test'),
          taskDefinition: fc.constantFrom(...services),
          count: fc.integer({ min: 1, max: 4 }),
        }),
      }),
    ),
    command(
      fc.record({
        action: fc.constant('UpdateContainerInstancesState' as const),
        input: fc.record({
          cluster: fc.constant('test'),
          containerInstances: fc.constantFrom(
            ...Array.from({ length: instances }, (_, i) => [instanceId(i)]),
          ),
          status: fc.constantFrom('ACTIVE' as const, 'DRAINING' as const),
        }),
      }),
    ),
    command(
      fc.record({
        action: fc.constant('TerminateInstance' as const),
        input: fc.record({
          ec2InstanceId: fc.constantFrom(
            ...Array.from({ length: instances }, (_, i) => instanceId(i)),
          ),
        }),
      }),
    ),
    command(
      fc.record({
        action: fc.constant('RegisterContainerInstance' as const),
        input: fc.record({
          cluster: fc.constant('test'),
          ec2InstanceId: fc.integer({ min: 50, max: 60 }).map(instanceId),
          instanceType: fc.constantFrom('m5.large', 't3.medium'),
          availabilityZone: fc.constantFrom('us-east-1a', 'us-east-1b'),
        }),
      }),
    ),
    fc.record({ at, kind: fc.constant('stopTask' as const), pick: fc.nat(20) }),
  );
};

const scenarioArb = fc
  .record({
    instances: fc.array(
      fc.record({
        type: fc.constantFrom(...COMMON_INSTANCE_TYPES),
        az: fc.constantFrom('us-east-1a', 'us-east-1b', 'us-east-1c'),
      }),
      { minLength: 1, maxLength: 4 },
    ),
    services: fc.array(
      fc.record({
        cpu: fc.constantFrom(0, 256, 1024, 2048),
        memory: fc.constantFrom(256, 1024, 2048, 4096),
        hostPort: fc.option(fc.constantFrom(0, 80), { nil: undefined }),
        desired: fc.integer({ min: 0, max: 8 }),
      }),
      { minLength: 1, maxLength: 3 },
    ),
    seed: fc.nat(1000),
  })
  .chain((scenario) =>
    fc.record({
      scenario: fc.constant(scenario),
      steps: fc.array(
        stepArb(
          scenario.services.map((_, i) => `svc${i}`),
          scenario.instances.length,
        ),
        { maxLength: 10 },
      ),
    }),
  );

/** What placement sees of an instance now, rebuilt from the snapshot. */
function candidates(sim: Simulation): CandidateInstance[] {
  const snap = sim.snapshot();
  return snap.instances
    .filter((i) => i.status !== 'INACTIVE')
    .map((i) => {
      const taskGroupCounts: Record<string, number> = {};
      for (const t of snap.tasks) {
        if (t.containerInstanceArn !== i.containerInstanceArn || t.lastStatus === 'STOPPED')
          continue;
        taskGroupCounts[t.group] = (taskGroupCounts[t.group] ?? 0) + 1;
      }
      return {
        containerInstanceArn: i.containerInstanceArn,
        ec2InstanceId: i.ec2InstanceId,
        status: i.status,
        agentConnected: i.agentConnected,
        agentVersion: '1.80.0',
        registeredAtMs: 0,
        attributes: i.attributes,
        registeredCpu: i.registeredCpu,
        registeredMemoryMiB: i.registeredMemoryMiB,
        remainingCpu: i.remainingCpu,
        remainingMemoryMiB: i.remainingMemoryMiB,
        reservedTcpPorts: new Set(i.reservedTcpPorts),
        reservedUdpPorts: new Set(i.reservedUdpPorts),
        eniLimit: i.eniLimit,
        eniUsed: i.eniUsed,
        runningTasksCount: i.runningTasksCount,
        taskGroupCounts,
      };
    });
}

function requestOf(name: string, spec: ServiceSpec): PlacementRequest {
  return {
    task: {
      family: name,
      cpu: spec.cpu,
      memoryMiB: spec.memory,
      networkMode: 'bridge',
      portMappings:
        spec.hostPort === undefined
          ? []
          : [{ containerPort: 80, hostPort: spec.hostPort, protocol: 'tcp' }],
      group: `service:${name}`,
      requiredAttributes: [],
    },
    constraints: [],
    strategies: [],
    scheduler: 'service',
  };
}

/** No service waits while its task fits an ACTIVE instance. */
function expectNoMissedWake(sim: Simulation, specs: readonly ServiceSpec[]): void {
  const pool = candidates(sim);
  for (const view of sim.snapshot().services) {
    if (view.placementFailure === undefined) continue;
    const index = Number(view.serviceName.slice('svc'.length));
    const spec = specs[index];
    if (!spec) continue;
    const request = requestOf(view.serviceName, spec);
    const fits = pool.filter((c) => checkInstance(request, c) === undefined);
    expect(
      fits.map((c) => c.ec2InstanceId),
      `${view.serviceName} waits at ${sim.nowMs} ms (${view.placementFailure})`,
    ).toEqual([]);
  }
}

describe('waiting services are retried within one scheduler pass', () => {
  it('a task that fits somewhere is never left waiting', () => {
    fc.assert(
      fc.property(scenarioArb, ({ scenario, steps }) => {
        const sim = createSimulation(
          design({
            seed: scenario.seed,
            containerInstances: scenario.instances.map((x, i) =>
              instance({ id: instanceId(i), type: x.type, az: x.az }),
            ),
            taskDefinitions: scenario.services.map((s, i) =>
              taskDefinition(`svc${i}`, {
                cpu: s.cpu,
                memory: s.memory,
                ...(s.hostPort === undefined ? {} : { hostPort: s.hostPort }),
              }),
            ),
            services: scenario.services.map((s, i) => service(`svc${i}`, s.desired)),
          }),
        );
        const ordered = [...steps].sort((a, b) => a.at - b.at);
        for (const step of ordered) {
          sim.advance(Math.max(sim.nowMs, Math.round(step.at * 1000)));
          expectNoMissedWake(sim, scenario.services);
          if (step.kind === 'command') sim.apply(step.command);
          else {
            const live = sim.snapshot().tasks.filter((t) => t.desiredStatus !== 'STOPPED');
            const task = live[step.pick % Math.max(1, live.length)];
            if (task)
              sim.apply({ action: 'StopTask', input: { cluster: 'test', task: task.taskArn } });
          }
          // One scheduler pass later: the change's instant has been played out.
          sim.advance(sim.nowMs + 1);
          expectNoMissedWake(sim, scenario.services);
        }
        sim.advance(minutes(15));
        expectNoMissedWake(sim, scenario.services);
      }),
      { numRuns: 150 },
    );
  });
});
