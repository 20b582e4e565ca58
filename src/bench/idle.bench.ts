// S2: a quiet cluster. 1,000 m5.xlarge instances over three Availability Zones
// and one REPLICA service of 20,000 small tasks, all RUNNING within the first
// minutes; after that nothing happens. A run of the first hour and one more
// hour is set against a run of the first hour and one more day: idle virtual
// time should be nearly free, so the day should cost at most 1.15x the hour.
// The idle part alone (what the extra hour or day cost after settling) is
// printed beside it: a minute's metrics are real work, so the idle day alone is
// about 24x the idle hour however cheap each minute is; what matters is that
// both are small beside the first hour. Runs are taken a frame a simulated
// minute, as the runner streams them, so per-frame costs count too. Prints,
// never fails.

import { pathToFileURL } from 'node:url';
import { parseDesign } from '../design';
import { createSimulation } from '../engine';
import { benchDesign } from './bench-design';
import { compareMedians, median } from './measure';
import type { Bench, BenchResult } from './types';

const INSTANCES = 1_000;
const TASKS = 20_000;
const HOUR_MS = 3_600_000;
const DAY_MS = 24 * HOUR_MS;
/** A frame a simulated minute, as the runner streams (src/cli/run.ts). */
const FRAME_MS = 60_000;
const WARM_UP_ROUNDS = 1;
const ROUNDS = 5;

function s2Design() {
  const parsed = parseDesign(
    benchDesign({
      name: 'S2: 20,000 quiet tasks on 1,000 instances',
      seed: 12,
      idPrefix: 's2',
      instances: INSTANCES,
      services: [{ serviceName: 'api', desiredCount: TASKS }],
    }),
  );
  if (!parsed.ok) throw new Error(`S2 design refused:\n${parsed.message}`);
  return parsed.design;
}

export function runIdleBench(): BenchResult {
  const design = s2Design();
  const firstHourMs: number[] = [];
  const idleMs: { hour: number[]; day: number[] } = { hour: [], day: [] };
  const running: number[] = [];
  // The first hour, then `idle` more of nothing, a frame a minute; each part timed apart.
  const run = (idle: number, into: number[]) => () => {
    const start = performance.now();
    const sim = createSimulation(design);
    let t = 0;
    for (; t < HOUR_MS; t += FRAME_MS) sim.advance(t);
    running.push(sim.advance(t).taskStateCounts.RUNNING);
    const settled = performance.now();
    for (t += FRAME_MS; t <= HOUR_MS + idle; t += FRAME_MS) sim.advance(t);
    into.push(performance.now() - settled);
    firstHourMs.push(settled - start);
  };
  compareMedians(
    { setUp: () => {}, round: run(HOUR_MS, idleMs.hour) },
    { setUp: () => {}, round: run(DAY_MS, idleMs.day) },
    { warmUpRounds: WARM_UP_ROUNDS, rounds: ROUNDS },
  );
  // The first hour is the same work in both runs (same design, same seed): one median of
  // it over all rounds stands for both, so a neighbour's noise in it does not swing the ratio.
  const firstHour = median(firstHourMs.slice(2 * WARM_UP_ROUNDS));
  const idleHour = median(idleMs.hour.slice(WARM_UP_ROUNDS));
  const idleDay = median(idleMs.day.slice(WARM_UP_ROUNDS));
  const hourMs = firstHour + idleHour;
  const dayMs = firstHour + idleDay;
  const ratio = dayMs / hourMs;
  const checked = running.every((n) => n === TASKS);
  return {
    name: 'S2 idle day',
    baselineName: 'idle hour',
    // Simulated hours per second, whole runs (first hour included).
    opsPerSec: 25 / (dayMs / 1000),
    baselineOpsPerSec: 2 / (hourMs / 1000),
    // The figure is how much dearer the day is than the hour: lower is better, target <= 1.15.
    ratio,
    notes: `sim h/s, ${TASKS} tasks: first hour ${firstHour.toFixed(0)} ms, then 1 h more ${idleHour.toFixed(1)} ms or 1 day more ${idleDay.toFixed(1)} ms (run of 1 h + 1 day / 1 h + 1 h x${ratio.toFixed(2)}), median of ${ROUNDS}${checked ? '' : '; COUNTS WRONG'}`,
  };
}

export const idleBenches: readonly Bench[] = [{ id: 'idle', run: runIdleBench }];

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const r = runIdleBench();
  console.log(`${r.name}: ${r.notes}`);
}
