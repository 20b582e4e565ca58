import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseQuery } from '../../design/query';
import { checkInstance } from './check-instance';
import { DEFAULT_DYNAMIC_PORT_RANGE, MAX_RESERVED_PORTS } from './limits';
import { placeTask } from './place-task';
import { evaluateQuery } from './query/evaluator';
import { instance } from './testing/builders';
import { placeSequence } from './testing/place-sequence';
import { seededRng } from './testing/seeded-rng';
import type {
  CandidateInstance,
  PlacementConstraint,
  PlacementRequest,
  PlacementStrategy,
  PortNeed,
} from './types';

// Random clusters and tasks, placed in sequence as the engine does: the hard
// rules must hold for every placed task, whatever the strategies.

const EXPRESSIONS = [
  'attribute:ecs.availability-zone != us-east-1c',
  'attribute:ecs.instance-type =~ m5.*',
  'runningTasksCount < 3',
  'not(task:group == service:db)',
  'attribute:ecs.availability-zone in [us-east-1a, us-east-1b] or agentVersion >= 1.70',
];

const clusterInstance = fc
  .record({
    cpu: fc.constantFrom(1024, 2048, 4096),
    memoryMiB: fc.constantFrom(1024, 2048, 4096, 8192),
    az: fc.constantFrom('us-east-1a', 'us-east-1b', 'us-east-1c'),
    type: fc.constantFrom('m5.large', 't3.micro', 'c5.large'),
    status: fc.constantFrom('ACTIVE', 'ACTIVE', 'ACTIVE', 'DRAINING' as const),
    agentConnected: fc.constantFrom(true, true, true, false),
    agentVersion: fc.constantFrom('1.60.0', '1.80.0'),
    eniLimit: fc.integer({ min: 0, max: 3 }),
    tcpPorts: fc.subarray([80, 443, 8080]),
    udpPorts: fc.subarray([53, 80]),
    db: fc.nat(2),
    gpus: fc.constantFrom(-1, -1, 0, 1, 4),
  })
  .map(({ db, gpus, ...spec }) =>
    instance({
      ...spec,
      tasks: db > 0 ? { 'service:db': db } : {},
      // -1: an instance without GPUs (no remainingGpus at all).
      ...(gpus >= 0 && { freeGpus: gpus }),
    }),
  );

const portNeed: fc.Arbitrary<PortNeed> = fc.constantFrom<PortNeed>(
  { containerPort: 80, hostPort: 80, protocol: 'tcp' },
  { containerPort: 80, hostPort: 80, protocol: 'udp' },
  { containerPort: 8080, hostPort: 8080, protocol: 'tcp' },
  { containerPort: 3000, protocol: 'tcp' },
  { containerPort: 3001, hostPort: 0, protocol: 'udp' },
);

const constraint: fc.Arbitrary<PlacementConstraint> = fc.oneof(
  fc.constant<PlacementConstraint>({ type: 'distinctInstance' }),
  fc
    .constantFrom(...EXPRESSIONS)
    .map((expression): PlacementConstraint => ({ type: 'memberOf', expression })),
);

const strategy: fc.Arbitrary<PlacementStrategy> = fc.constantFrom<PlacementStrategy>(
  { type: 'binpack', field: 'cpu' },
  { type: 'binpack', field: 'memory' },
  { type: 'spread', field: 'attribute:ecs.availability-zone' },
  { type: 'spread', field: 'instanceId' },
  { type: 'random' },
);

const placementRequest: fc.Arbitrary<PlacementRequest> = fc
  .record({
    task: fc.record({
      family: fc.constant('app'),
      cpu: fc.constantFrom(128, 256, 512, 1024),
      memoryMiB: fc.constantFrom(128, 512, 1024, 2048),
      networkMode: fc.constantFrom('bridge', 'host', 'awsvpc', 'none' as const),
      portMappings: fc.uniqueArray(portNeed, {
        maxLength: 2,
        selector: (p) => `${p.containerPort}/${p.protocol}`,
      }),
      group: fc.constantFrom('service:web', 'family:batch'),
      requiredAttributes: fc.subarray([{ name: 'ecs.os-type', value: 'linux' }]),
    }),
    constraints: fc.array(constraint, { maxLength: 3 }),
    strategies: fc.array(strategy, { maxLength: 3 }),
    scheduler: fc.constantFrom('service', 'runTask' as const),
    gpus: fc.constantFrom(0, 0, 1, 2),
  })
  .map(({ gpus, ...req }) => ({
    ...req,
    task: {
      ...req.task,
      ...(gpus > 0 && { gpus }),
      ...(req.task.networkMode === 'none' && { portMappings: [] }),
    },
  }));

const scenario = fc.record({
  instances: fc.array(clusterInstance, { minLength: 0, maxLength: 8 }),
  request: placementRequest,
  count: fc.integer({ min: 1, max: 14 }),
  seed: fc.nat(),
});

function usedPorts(i: CandidateInstance, protocol: 'tcp' | 'udp'): Set<number> {
  return protocol === 'tcp'
    ? new Set([...i.reservedTcpPorts, ...(i.dynamicTcpPorts ?? [])])
    : new Set([...i.reservedUdpPorts, ...(i.dynamicUdpPorts ?? [])]);
}

describe('placement invariants', () => {
  it('never over-commits CPU, memory, GPUs, ports or ENIs when decisions are applied in sequence', () => {
    fc.assert(
      fc.property(scenario, ({ instances, request, count, seed }) => {
        const { steps, instances: after } = placeSequence(
          request,
          instances,
          seededRng(seed),
          count,
        );
        for (const { decision, before } of steps) {
          if (!before) continue;
          expect(before.status).toBe('ACTIVE');
          expect(before.agentConnected).toBe(true);
          expect(before.remainingCpu).toBeGreaterThanOrEqual(request.task.cpu);
          expect(before.remainingMemoryMiB).toBeGreaterThanOrEqual(request.task.memoryMiB);
          expect(before.remainingGpus ?? 0).toBeGreaterThanOrEqual(request.task.gpus ?? 0);
          if (request.task.networkMode === 'awsvpc')
            expect(before.eniUsed).toBeLessThan(before.eniLimit);
          const ports = decision.hostPorts ?? [];
          const seen = new Set<string>();
          for (const p of ports) {
            expect(usedPorts(before, p.protocol).has(p.hostPort)).toBe(false);
            expect(seen.has(`${p.hostPort}/${p.protocol}`)).toBe(false);
            seen.add(`${p.hostPort}/${p.protocol}`);
            if (p.dynamic) {
              expect(p.hostPort).toBeGreaterThanOrEqual(DEFAULT_DYNAMIC_PORT_RANGE.from);
              expect(p.hostPort).toBeLessThanOrEqual(DEFAULT_DYNAMIC_PORT_RANGE.to);
            }
          }
          const staticCount = ports.filter((p) => !p.dynamic).length;
          if (staticCount > 0) {
            expect(
              before.reservedTcpPorts.size + before.reservedUdpPorts.size + staticCount,
            ).toBeLessThanOrEqual(MAX_RESERVED_PORTS);
          }
        }
        for (const i of after) {
          expect(i.remainingCpu).toBeGreaterThanOrEqual(0);
          expect(i.remainingMemoryMiB).toBeGreaterThanOrEqual(0);
          expect(i.remainingGpus ?? 0).toBeGreaterThanOrEqual(0);
          expect(i.eniUsed).toBeLessThanOrEqual(Math.max(i.eniLimit, 0));
        }
      }),
      { numRuns: 300 },
    );
  });

  it('every memberOf and distinctInstance constraint holds for every placed task', () => {
    fc.assert(
      fc.property(scenario, ({ instances, request, count, seed }) => {
        const { steps } = placeSequence(request, instances, seededRng(seed), count);
        for (const { before } of steps) {
          if (!before) continue;
          for (const c of request.constraints) {
            if (c.type === 'distinctInstance') {
              expect(before.taskGroupCounts[request.task.group] ?? 0).toBe(0);
            } else {
              const parsed = parseQuery(c.expression ?? '');
              expect(parsed.ok && evaluateQuery(parsed.ast, before)).toBe(true);
            }
          }
        }
      }),
      { numRuns: 300 },
    );
  });

  it('fails only when no instance passes every filter, and places only on one that does', () => {
    fc.assert(
      fc.property(scenario, ({ instances, request, seed }) => {
        const decision = placeTask(request, instances, seededRng(seed));
        const passing = instances.filter((i) => checkInstance(request, i) === undefined);
        if (decision.failure) expect(passing).toEqual([]);
        else
          expect(passing.map((i) => i.containerInstanceArn)).toContain(
            decision.containerInstanceArn,
          );
        expect(decision.trace.candidateCount).toBe(passing.length);
        expect(decision.trace.rejected?.length).toBe(instances.length - passing.length);
      }),
      { numRuns: 300 },
    );
  });

  it('the same rng seed gives the same placements and traces', () => {
    fc.assert(
      fc.property(scenario, ({ instances, request, count, seed }) => {
        const run = () =>
          JSON.stringify(placeSequence(request, instances, seededRng(seed), count).steps);
        expect(run()).toBe(run());
      }),
      { numRuns: 100 },
    );
  });
});
