// B1: 5,000 instances of three types in three Availability Zones; one
// service's tasks (64 CPU units, 128 MiB) placed with
// spread(attribute:ecs.availability-zone) then binpack(memory), by the
// batch placer and by the scan, which must agree task for task. A
// difference is a bug, not noise: it is printed and the run exits 1.
// PLACEMENT_FULL_SCAN=1 scans every task, however long it takes.

import { pathToFileURL } from 'node:url';
import { createRng, type Rng } from '../engine/kernel';
import {
  type CandidateInstance,
  DEFAULT_RESERVED_TCP_PORTS,
  type PlacementConstraint,
  type PlacementRequest,
  placeBatch,
} from '../engine/placement';
import { median } from './measure';
import { measureScan, type Workload } from './placement-scan';
import type { Bench, BenchResult } from './types';

const INSTANCES = 5_000;
const WARM_UP_ROUNDS = 3;
const ROUNDS = 9;

// Registered CPU units and memory as the agent reports them (memory a little under the EC2 size).
const TYPES = [
  { type: 'm5.large', cpu: 2048, memoryMiB: 7680 },
  { type: 'c5.xlarge', cpu: 4096, memoryMiB: 7502 },
  { type: 'm5.xlarge', cpu: 4096, memoryMiB: 15692 },
] as const;
const AZS = ['us-east-1a', 'us-east-1b', 'us-east-1c'] as const;

function b1Instances(): CandidateInstance[] {
  return Array.from({ length: INSTANCES }, (_, i) => {
    // Every AZ gets every type: the AZ turns fastest, the type every third instance.
    const { type, cpu, memoryMiB } = TYPES[Math.floor(i / AZS.length) % TYPES.length]!;
    const id = `ci-${String(i).padStart(5, '0')}`;
    return {
      containerInstanceArn: `arn:aws:ecs:us-east-1:123456789012:container-instance/b1/${id}`,
      ec2InstanceId: `i-${id}`,
      status: 'ACTIVE',
      agentConnected: true,
      agentVersion: '1.80.0',
      registeredAtMs: Date.UTC(2024, 0, 1),
      attributes: {
        'ecs.availability-zone': AZS[i % AZS.length]!,
        'ecs.instance-type': type,
        'ecs.os-type': 'linux',
      },
      registeredCpu: cpu,
      registeredMemoryMiB: memoryMiB,
      remainingCpu: cpu,
      remainingMemoryMiB: memoryMiB,
      // Shaped as the engine builds candidates (scheduler/candidates.ts).
      reservedTcpPorts: new Set(DEFAULT_RESERVED_TCP_PORTS),
      reservedUdpPorts: new Set<number>(),
      dynamicTcpPorts: new Set<number>(),
      dynamicUdpPorts: new Set<number>(),
      eniLimit: 2,
      eniUsed: 0,
      runningTasksCount: 0,
      taskGroupCounts: {},
    };
  });
}

function b1Request(constraints: PlacementConstraint[]): PlacementRequest {
  return {
    task: {
      family: 'web',
      cpu: 64,
      memoryMiB: 128,
      networkMode: 'bridge',
      portMappings: [],
      group: 'service:web',
      requiredAttributes: [],
    },
    constraints,
    strategies: [
      { type: 'spread', field: 'attribute:ecs.availability-zone' },
      { type: 'binpack', field: 'memory' },
    ],
    scheduler: 'service',
  };
}

const freshRng = (): Rng => createRng(20240101).fork('placement');

function runB1(name: string, constraints: PlacementConstraint[], count: number): BenchResult {
  const w: Workload = {
    request: b1Request(constraints),
    instances: b1Instances(),
    count,
    freshRng,
  };
  const times: number[] = [];
  let fast = placeBatch(w.request, w.instances, count, freshRng());
  for (let round = 0; round < WARM_UP_ROUNDS + ROUNDS; round++) {
    const rng = freshRng();
    const start = performance.now();
    fast = placeBatch(w.request, w.instances, count, rng);
    if (round >= WARM_UP_ROUNDS) times.push(performance.now() - start);
  }
  const fastMs = median(times);
  const scan = measureScan(w, fast, process.env.PLACEMENT_FULL_SCAN === '1');
  if (scan.mismatch !== undefined || fast.placedCount !== count || fast.path !== 'indexed') {
    console.error(`${name}: PLACEMENTS DIFFER from the scan (${scan.scope})`);
    console.error(
      `  ${scan.mismatch ?? `placed ${fast.placedCount} of ${count}, path ${fast.path}`}`,
    );
    process.exit(1);
  }
  const scanMs = scan.msPerTask * count;
  return {
    name,
    baselineName: 'scan',
    opsPerSec: count / (fastMs / 1000),
    baselineOpsPerSec: count / (scanMs / 1000),
    ratio: scanMs / fastMs,
    notes:
      `${count} tasks: ${fastMs.toFixed(1)} ms (median of ${ROUNDS}) vs scan ` +
      `${(scanMs / 1000).toFixed(1)} s (${scan.msPerTask.toFixed(2)} ms/task over ${scan.scope}); identical`,
  };
}

export const placementBenches: readonly Bench[] = [
  { id: 'placement-b1', run: () => runB1('B1 spread+binpack', [], 100_000) },
  {
    id: 'placement-b1-memberof',
    run: () =>
      runB1(
        'B1 memberOf m5.*',
        [{ type: 'memberOf', expression: 'attribute:ecs.instance-type =~ m5.*' }],
        100_000,
      ),
  },
  {
    id: 'placement-b1-distinct',
    run: () => runB1('B1 distinctInstance', [{ type: 'distinctInstance' }], 4_000),
  },
];

// Run alone (`npx tsx bench/placement.bench.ts`) it prints every variant.
if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  for (const bench of placementBenches) {
    const r = bench.run();
    console.log(`${r.name}: x${r.ratio.toFixed(0)} the scan; ${r.notes}`);
  }
}
