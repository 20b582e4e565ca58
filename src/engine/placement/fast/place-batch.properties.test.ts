import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { instance } from '../testing/builders';
import { placeSequence } from '../testing/place-sequence';
import { seededRng } from '../testing/seeded-rng';
import type {
  CandidateInstance,
  PlacementConstraint,
  PlacementRequest,
  PlacementStrategy,
  PortNeed,
} from '../types';
import { explainBatchTask } from './explain';
import { placeBatch } from './place-batch';
import { scanBatch } from './scan-batch';
import type { BatchResult } from './types';

// Small clusters with few distinct sizes, so ties, full instances and
// failures are common: the batch must match the scan to the last draw.

const withoutAz = (i: CandidateInstance): CandidateInstance => {
  const { 'ecs.availability-zone': _, ...attributes } = i.attributes;
  return { ...i, attributes };
};

const clusterInstance = fc
  .record({
    cpu: fc.constantFrom(512, 1024, 2048),
    memoryMiB: fc.constantFrom(1024, 2048, 4096),
    az: fc.constantFrom('us-east-1a', 'us-east-1b', 'us-east-1c'),
    azMissing: fc.constantFrom(false, false, false, false, true),
    type: fc.constantFrom('m5.large', 'm5.xlarge', 'c5.xlarge'),
    status: fc.constantFrom('ACTIVE', 'ACTIVE', 'ACTIVE', 'DRAINING' as const),
    agentConnected: fc.constantFrom(true, true, true, true, false),
    eniLimit: fc.integer({ min: 0, max: 3 }),
    web: fc.constantFrom(0, 0, 1, 2),
    db: fc.constantFrom(0, 0, 1),
    gpus: fc.constantFrom(-1, -1, -1, 0, 1, 2),
  })
  .map(({ web, db, azMissing, gpus, ...spec }) => {
    const tasks: Record<string, number> = {};
    if (web > 0) tasks['service:web'] = web;
    if (db > 0) tasks['service:db'] = db;
    // -1: an instance without GPUs (no remainingGpus at all).
    const built = instance({ ...spec, tasks, ...(gpus >= 0 && { freeGpus: gpus }) });
    return azMissing ? withoutAz(built) : built;
  });

const EXPRESSIONS = [
  'attribute:ecs.instance-type =~ m5.*',
  'attribute:ecs.availability-zone != us-east-1c',
  'runningTasksCount < 3',
  'not(task:group == service:web)',
  'task:group == service:db or attribute:ecs.instance-type == c5.xlarge',
  'attribute:ecs.instance-type ==',
];

const constraint: fc.Arbitrary<PlacementConstraint> = fc.oneof(
  fc.constant<PlacementConstraint>({ type: 'distinctInstance' }),
  fc
    .constantFrom(...EXPRESSIONS)
    .map((expression): PlacementConstraint => ({ type: 'memberOf', expression })),
);

const strategy: fc.Arbitrary<PlacementStrategy> = fc.constantFrom<PlacementStrategy>(
  { type: 'spread', field: 'attribute:ecs.availability-zone' },
  { type: 'spread', field: 'attribute:ecs.instance-type' },
  { type: 'spread', field: 'instanceId' },
  { type: 'spread', field: 'host' },
  { type: 'spread', field: 'nonsense' },
  { type: 'binpack', field: 'memory' },
  { type: 'binpack', field: 'cpu' },
  { type: 'binpack', field: 'disk' },
  { type: 'random' },
);

const portNeed: fc.Arbitrary<PortNeed> = fc.constantFrom<PortNeed>(
  { containerPort: 80, hostPort: 80, protocol: 'tcp' },
  { containerPort: 8080, hostPort: 8080, protocol: 'udp' },
  { containerPort: 3000, protocol: 'tcp' },
  { containerPort: 3001, hostPort: 0, protocol: 'udp' },
);

const placementRequest: fc.Arbitrary<PlacementRequest> = fc
  .record({
    gpus: fc.constantFrom(0, 0, 0, 1),
    task: fc.record({
      family: fc.constant('web'),
      cpu: fc.constantFrom(0, 128, 256, 512),
      memoryMiB: fc.constantFrom(128, 256, 512, 1024),
      networkMode: fc.constantFrom('bridge', 'bridge', 'host', 'awsvpc', 'none' as const),
      portMappings: fc.oneof(
        { weight: 2, arbitrary: fc.constant<PortNeed[]>([]) },
        { weight: 1, arbitrary: fc.uniqueArray(portNeed, { maxLength: 2 }) },
      ),
      group: fc.constantFrom('service:web', 'service:web', 'family:batch'),
      requiredAttributes: fc.subarray([{ name: 'ecs.os-type', value: 'linux' }]),
    }),
    constraints: fc.array(constraint, { maxLength: 2 }),
    strategies: fc.array(strategy, { maxLength: 3 }),
    scheduler: fc.constantFrom('service', 'service', 'runTask', 'daemon' as const),
  })
  .map(({ gpus, ...req }) => (gpus > 0 ? { ...req, task: { ...req.task, gpus } } : req));

const scenario = fc.record({
  instances: fc.array(clusterInstance, { maxLength: 12 }),
  request: placementRequest,
  count: fc.integer({ min: 0, max: 60 }),
  seed: fc.nat(),
});

// Many alike instances: ties of dozens across Availability Zones.
const wideScenario = fc.record({
  instances: fc.array(clusterInstance, { minLength: 20, maxLength: 60 }),
  request: placementRequest,
  count: fc.integer({ min: 0, max: 150 }),
  seed: fc.nat(),
});

const withoutPath = ({ path: _, ...rest }: BatchResult) => rest;

describe('placeBatch', () => {
  it('gives the scan its exact result: instances, tie-breaks, host ports, failure, final state', () => {
    fc.assert(
      fc.property(scenario, ({ instances, request, count, seed }) => {
        const fastRng = seededRng(seed);
        const scanRng = seededRng(seed);
        const fast = placeBatch(request, instances, count, fastRng);
        const scan = scanBatch(request, instances, count, scanRng);
        expect(fast.path).toBe('indexed');
        expect(withoutPath(fast)).toEqual(withoutPath(scan));
        expect(fastRng.draws).toBe(scanRng.draws);
      }),
      { numRuns: 1500 },
    );
  });

  it('gives the scan its exact result on wider clusters with large ties', () => {
    fc.assert(
      fc.property(wideScenario, ({ instances, request, count, seed }) => {
        const fast = placeBatch(request, instances, count, seededRng(seed));
        const scan = scanBatch(request, instances, count, seededRng(seed));
        expect(withoutPath(fast)).toEqual(withoutPath(scan));
      }),
      { numRuns: 200 },
    );
  });

  it('matches placeTask and applyPlacement in sequence, and explains any task as it decided', () => {
    fc.assert(
      fc.property(scenario, fc.nat(), ({ instances, request, count, seed }, pick) => {
        const fast = placeBatch(request, instances, count, seededRng(seed));
        const { steps } = placeSequence(request, instances, seededRng(seed), count);
        for (const [k, { decision }] of steps.entries()) {
          const i = fast.chosen[k]!;
          expect(i < 0 ? undefined : fast.instances[i]?.containerInstanceArn).toBe(
            decision.containerInstanceArn,
          );
          expect(fast.hostPorts?.[k] ?? decision.hostPorts ?? []).toEqual(decision.hostPorts ?? []);
          if (decision.failure) expect(fast.failed?.failure).toEqual(decision.failure);
        }
        if (count > 0) {
          const k = pick % count;
          const explained = explainBatchTask(request, instances, () => seededRng(seed), k, {});
          expect(explained).toEqual(steps[k]?.decision);
        }
      }),
      { numRuns: 500 },
    );
  });
});
