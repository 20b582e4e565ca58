// B1's baseline: the scan (placeTask over every instance, then
// applyPlacement, task after task), timed and checked against the batch
// placer's result. Over 100,000 tasks it would take minutes, so unless it
// fits the budget it is timed on windows spread over the run, each started
// from the state the batch placer reached there, and extrapolated.

import { isDeepStrictEqual } from 'node:util';
import { createRng, type Rng, restoreRng } from '../engine/kernel';
import type { CandidateInstance, PlacementRequest } from '../engine/placement';
import { type BatchResult, placeBatch, scanBatch } from '../engine/placement';

const WINDOW = 1_000;
const WINDOWS = 5;
const FULL_SCAN_BUDGET_MS = 60_000;

export interface ScanMeasure {
  msPerTask: number;
  /** What was scanned, in words, for the bench's notes. */
  scope: string;
  /** The first task where the scan and the batch placer differ. */
  mismatch?: string;
}

export interface Workload {
  request: PlacementRequest;
  instances: readonly CandidateInstance[];
  count: number;
  freshRng(): Rng;
}

function timedScan(w: Workload, from: readonly CandidateInstance[], count: number, rng: Rng) {
  const start = performance.now();
  const result = scanBatch(w.request, from, count, rng);
  return { result, ms: performance.now() - start };
}

/** undefined when tasks offset.. of `fast` are the scan's tasks 0.. */
function firstDifference(w: Workload, fast: BatchResult, scan: BatchResult, offset: number) {
  for (let t = 0; t < scan.chosen.length; t++) {
    const k = offset + t;
    const same =
      fast.chosen[k] === scan.chosen[t] &&
      fast.tieAmong[k] === scan.tieAmong[t] &&
      fast.tieIndex[k] === scan.tieIndex[t];
    if (same) continue;
    const arn = (i: number | undefined) =>
      i === undefined || i < 0 ? 'nothing' : (w.instances[i]?.containerInstanceArn ?? '?');
    return `task ${k}: batch placed on ${arn(fast.chosen[k])} (tie ${fast.tieIndex[k]} of ${fast.tieAmong[k]}), scan on ${arn(scan.chosen[t])} (tie ${scan.tieIndex[t]} of ${scan.tieAmong[t]})`;
  }
  return undefined;
}

export function measureScan(w: Workload, fast: BatchResult, forceFull: boolean): ScanMeasure {
  scanBatch(w.request, w.instances, 20, createRng(1)); // JIT warm-up, untimed
  const rng = w.freshRng();
  const head = timedScan(w, w.instances, Math.min(WINDOW, w.count), rng);
  const headDiff = firstDifference(w, fast, head.result, 0);
  if (headDiff) return { msPerTask: Number.NaN, scope: 'first window', mismatch: headDiff };
  const estimateMs = (head.ms / WINDOW) * w.count;
  if (w.count <= WINDOW || forceFull || estimateMs <= FULL_SCAN_BUDGET_MS) {
    const rest = timedScan(w, head.result.instances, w.count - head.result.chosen.length, rng);
    const mismatch =
      firstDifference(w, fast, rest.result, head.result.chosen.length) ??
      (isDeepStrictEqual(rest.result.instances, fast.instances)
        ? undefined
        : 'the instances after the last task differ');
    const measure = { msPerTask: (head.ms + rest.ms) / w.count, scope: `all ${w.count} tasks` };
    return mismatch ? { ...measure, mismatch } : measure;
  }
  let ms = head.ms;
  const offsets = [0];
  for (let n = 1; n < WINDOWS; n++) {
    const offset = Math.floor((w.count * n) / WINDOWS);
    // The batch placer brings instances and rng to task `offset`; the scan goes on from there.
    const rngThere = w.freshRng();
    const there = placeBatch(w.request, w.instances, offset, rngThere);
    const window = timedScan(w, there.instances, WINDOW, restoreRng(rngThere.getState()));
    const mismatch = firstDifference(w, fast, window.result, offset);
    if (mismatch) return { msPerTask: Number.NaN, scope: `window at ${offset}`, mismatch };
    ms += window.ms;
    offsets.push(offset);
  }
  return {
    msPerTask: ms / (WINDOWS * WINDOW),
    scope: `${WINDOWS} windows of ${WINDOW} tasks starting at tasks ${offsets.join(', ')}, extrapolated`,
  };
}
