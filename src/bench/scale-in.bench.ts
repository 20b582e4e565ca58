// S1: 1,000 m5.xlarge instances over three Availability Zones, one REPLICA service
// of small tasks under the default spread. One scheduler pass scales it out from
// 5,000 to 10,000 tasks, a later one back in to 5,000: the same number of tasks
// started as stopped, so scale-in should cost about what scale-out does (the
// target is within 1.5x). Prints, never fails.

import { pathToFileURL } from 'node:url';
import { parseDesign } from '../design';
import { createSimulation, type Simulation } from '../engine';
import { benchDesign } from './bench-design';
import { compareMedians } from './measure';
import type { Bench, BenchResult } from './types';

const INSTANCES = 1_000;
const LOW = 5_000;
const HIGH = 10_000;
const WARM_UP_ROUNDS = 1;
const ROUNDS = 5;
/** Long enough for every task to be RUNNING (pull 8 s, start 4 s) or gone (stop 2 s). */
const SETTLE_MS = 120_000;

function s1Design() {
  const parsed = parseDesign(
    benchDesign({
      name: 'S1: 5,000 <-> 10,000 tasks on 1,000 instances',
      seed: 11,
      idPrefix: 's1',
      instances: INSTANCES,
      services: [{ serviceName: 'api', desiredCount: LOW }],
    }),
  );
  if (!parsed.ok) throw new Error(`S1 design refused:\n${parsed.message}`);
  return parsed.design;
}

/** One pass of the service scheduler after a desiredCount change, frame included. */
function setDesired(sim: Simulation, desiredCount: number): void {
  sim.apply({
    action: 'UpdateService',
    input: { cluster: 'bench', service: 'api', desiredCount },
  });
  sim.advance(sim.nowMs);
}

function liveCount(sim: Simulation): number {
  return sim.snapshot().tasks.filter((t) => t.desiredStatus !== 'STOPPED').length;
}

export function runScaleInBench(): BenchResult {
  const design = s1Design();
  let sim: Simulation | undefined;
  const live: { out: number[]; in: number[] } = { out: [], in: [] };
  const { aMs: outMs, bMs: inMs } = compareMedians(
    {
      setUp: () => {
        sim = createSimulation(design);
        sim.advance(SETTLE_MS);
      },
      round: () => {
        if (sim) setDesired(sim, HIGH);
      },
    },
    {
      setUp: () => {
        if (!sim) return;
        live.out.push(liveCount(sim));
        sim.advance(sim.nowMs + SETTLE_MS);
      },
      round: () => {
        if (sim) setDesired(sim, LOW);
      },
    },
    { warmUpRounds: WARM_UP_ROUNDS, rounds: ROUNDS },
  );
  if (sim) live.in.push(liveCount(sim));
  const moved = HIGH - LOW;
  const ratio = inMs / outMs;
  const checked = live.out.every((n) => n === HIGH) && live.in.every((n) => n === LOW);
  return {
    name: 'S1 scale-in pass',
    baselineName: 'scale-out',
    opsPerSec: moved / (inMs / 1000),
    baselineOpsPerSec: moved / (outMs / 1000),
    // The figure is how much dearer a stop is than a start: lower is better, target <= 1.5.
    ratio,
    notes: `tasks/s, ${INSTANCES} instances, ${LOW}->${HIGH} in ${outMs.toFixed(1)} ms, ${HIGH}->${LOW} in ${inMs.toFixed(1)} ms (scale-in/scale-out x${ratio.toFixed(2)}), median of ${ROUNDS}${checked ? '' : '; COUNTS WRONG'}`,
  };
}

export const scaleInBenches: readonly Bench[] = [{ id: 'scale-in', run: runScaleInBench }];

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const r = runScaleInBench();
  console.log(`${r.name}: ${r.notes}`);
}
