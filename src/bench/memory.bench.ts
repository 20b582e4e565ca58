// M1: the runner's heap over simulated time. 1,000 m5.xlarge instances over three
// Availability Zones and 100 REPLICA services of 200 small tasks (20,000 tasks), all
// RUNNING within the first minutes; then a quiet day. The runner (src/cli/run.ts) plays
// it a minute at a time, as `npm run sim` does, dropping the events as /dev/null would.
// The heap after a full GC at one simulated hour is set against the heap at one
// simulated day: without --metrics-out it should not grow with time (x1.00). The
// baseline, in the same run, keeps every metric datum as the runner used to.
//
// Each mode runs in its own `node --expose-gc` child (global.gc for a full collection;
// a fresh heap, so neither mode nor other benchmarks pollute the other's figures).
// Run alone: `node --expose-gc --import tsx src/bench/memory.bench.ts`. Prints, never fails.

import { spawnSync } from 'node:child_process';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { playRun, startDesign } from '../cli/run';
import { parseDesign } from '../design';
import type { MetricDatum } from '../engine';
import { benchDesign } from './bench-design';
import type { Bench, BenchResult } from './types';

const INSTANCES = 1_000;
const SERVICES = 100;
const TASKS_PER_SERVICE = 200;
const HOUR_MS = 3_600_000;
const DAY_MS = 24 * HOUR_MS;
const MIB = 1024 * 1024;

type Mode = 'stream' | 'keep';

interface Measured {
  mode: Mode;
  heapHourMiB: number;
  heapDayMiB: number;
  metricsKept: number;
  wallMs: number;
}

function m1DesignText(): string {
  const design = benchDesign({
    name: 'M1: 20,000 quiet tasks in 100 services on 1,000 instances',
    seed: 21,
    idPrefix: 'm1',
    instances: INSTANCES,
    services: Array.from({ length: SERVICES }, (_, i) => ({
      serviceName: `api-${String(i).padStart(3, '0')}`,
      desiredCount: TASKS_PER_SERVICE,
    })),
  });
  const parsed = parseDesign(design);
  if (!parsed.ok) throw new Error(`M1 design refused:\n${parsed.message}`);
  return JSON.stringify(design);
}

function heapAfterGcMiB(gc: () => void): number {
  gc();
  gc();
  return process.memoryUsage().heapUsed / MIB;
}

/** In the child: play the day in one mode and measure the heap at the hour and the day. */
function measureMode(mode: Mode, gc: () => void): Measured {
  const started = startDesign(m1DesignText(), { untilSeconds: DAY_MS / 1000 });
  if (!started.ok) throw new Error(started.message);
  const kept: MetricDatum[] = [];
  let eventChars = 0;
  const sinks = {
    onEvent: (line: string) => {
      eventChars += line.length;
    },
    ...(mode === 'keep' ? { onMetric: (datum: MetricDatum) => kept.push(datum) } : {}),
  };
  let heapHourMiB = Number.NaN;
  const start = performance.now();
  for (const t of playRun(started.run, sinks)) {
    if (t === HOUR_MS) heapHourMiB = heapAfterGcMiB(gc);
  }
  const wallMs = performance.now() - start;
  const heapDayMiB = heapAfterGcMiB(gc);
  if (eventChars === 0) throw new Error('M1 printed no events');
  return { mode, heapHourMiB, heapDayMiB, metricsKept: kept.length, wallMs };
}

function measureInChild(mode: Mode): Measured | string {
  const child = spawnSync(
    process.execPath,
    ['--expose-gc', '--import', 'tsx', fileURLToPath(import.meta.url), '--child', mode],
    { encoding: 'utf8', maxBuffer: 1 << 20 },
  );
  const line = child.stdout.trim().split('\n').at(-1) ?? '';
  try {
    return JSON.parse(line) as Measured;
  } catch {
    return `child ${mode} failed (exit ${child.status}): ${child.stderr.trim().split('\n').at(-1) ?? ''}`;
  }
}

const mib = (n: number) => `${n.toFixed(1)} MiB`;

export function runMemoryBench(): BenchResult {
  const stream = measureInChild('stream');
  const keep = measureInChild('keep');
  const name = 'M1 runner heap, 1 day';
  if (typeof stream === 'string' || typeof keep === 'string') {
    const why = [stream, keep].filter((r) => typeof r === 'string').join('; ');
    return {
      name,
      baselineName: 'metrics kept',
      opsPerSec: 0,
      baselineOpsPerSec: 0,
      ratio: Number.NaN,
      notes: why,
    };
  }
  const simSeconds = DAY_MS / 1000;
  const growth = (m: Measured) => m.heapDayMiB / m.heapHourMiB;
  return {
    name,
    baselineName: 'metrics kept',
    // Simulated seconds per wall second, for each mode.
    opsPerSec: simSeconds / (stream.wallMs / 1000),
    baselineOpsPerSec: simSeconds / (keep.wallMs / 1000),
    // Heap at a day over heap at an hour without --metrics-out: the target is x1.00.
    ratio: growth(stream),
    notes: `sim s/s, ${SERVICES * TASKS_PER_SERVICE} tasks in ${SERVICES} services; heap after GC at 1 h -> 1 day: ${mib(stream.heapHourMiB)} -> ${mib(stream.heapDayMiB)} (x${growth(stream).toFixed(2)}, ${mib(stream.heapDayMiB - stream.heapHourMiB)} a day) without --metrics-out; keeping ${keep.metricsKept} datums: ${mib(keep.heapHourMiB)} -> ${mib(keep.heapDayMiB)} (x${growth(keep).toFixed(2)}, ${mib(keep.heapDayMiB - keep.heapHourMiB)} a day)`,
  };
}

export const memoryBenches: readonly Bench[] = [{ id: 'memory', run: runMemoryBench }];

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const [flag, mode] = process.argv.slice(2);
  const gc = (globalThis as { gc?: () => void }).gc;
  if (flag === '--child' && (mode === 'stream' || mode === 'keep')) {
    if (!gc) throw new Error('the memory child needs node --expose-gc');
    console.log(JSON.stringify(measureMode(mode, gc)));
  } else {
    const r = runMemoryBench();
    console.log(`${r.name}: x${r.ratio.toFixed(2)}, ${r.notes}`);
  }
}
