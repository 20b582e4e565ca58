// Q1, the classic "hold" model for event sets: keep PENDING events queued and
// repeatedly pop the earliest and schedule it again a random (exponential)
// delay later. Both queues see the same pre-drawn delays, so they perform
// the same operations in the same order. Timed loops do not dereference
// payloads: that cost belongs to the event handler, not the queue.

import { createRng, EventQueue } from '../engine/kernel';
import { compareMedians } from './measure';
import { ObjectHeap } from './object-heap';
import type { BenchResult } from './types';

const PENDING = 100_000;
const HOLDS = 1_000_000;
const VERIFIED_HOLDS = 200_000;
const WARM_UP_ROUNDS = 2;
const ROUNDS = 7;

interface Event {
  id: number;
}

interface Workload {
  initialTimes: Float64Array;
  delays: Float64Array;
  events: Event[];
}

function exponentialDelays(count: number, seed: number): Float64Array {
  const rng = createRng(seed);
  const delays = new Float64Array(count);
  for (let i = 0; i < count; i++) delays[i] = -Math.log(1 - rng.nextFloat());
  return delays;
}

function filledQueue(w: Workload): EventQueue<Event> {
  const queue = new EventQueue<Event>(PENDING);
  for (let i = 0; i < PENDING; i++) queue.push(w.initialTimes[i]!, w.events[i]!);
  return queue;
}

function filledHeap(w: Workload): ObjectHeap<Event> {
  const heap = new ObjectHeap<Event>();
  for (let i = 0; i < PENDING; i++) heap.push(w.initialTimes[i]!, w.events[i]!);
  return heap;
}

// Untimed: a fast queue that pops the wrong event would be worthless.
function popSameEvents(w: Workload): boolean {
  const queue = filledQueue(w);
  const heap = filledHeap(w);
  for (let i = 0; i < VERIFIED_HOLDS; i++) {
    const timeMs = queue.peekTimeMs();
    const event = queue.pop()!;
    const node = heap.pop()!;
    if (node.payload !== event || node.timeMs !== timeMs) return false;
    queue.push(timeMs + w.delays[i]!, event);
    heap.push(node.timeMs + w.delays[i]!, node.payload);
  }
  return true;
}

export function runQueueBench(): BenchResult {
  const w: Workload = {
    initialTimes: exponentialDelays(PENDING, 1),
    delays: exponentialDelays(HOLDS, 2),
    events: Array.from({ length: PENDING }, (_, id) => ({ id })),
  };
  const delays = w.delays;
  let queue = filledQueue(w);
  let heap = filledHeap(w);
  // Sums of popped times: kept so the loops cannot be optimised away, and
  // compared as a cheap check that both did the same work.
  let queueSum = 0;
  let heapSum = 0;

  const { aMs, bMs } = compareMedians(
    {
      setUp: () => {
        queue = filledQueue(w);
      },
      round: () => {
        let sum = 0;
        for (let i = 0; i < HOLDS; i++) {
          const timeMs = queue.peekTimeMs();
          const event = queue.pop()!;
          sum += timeMs;
          queue.push(timeMs + delays[i]!, event);
        }
        queueSum = sum;
      },
    },
    {
      setUp: () => {
        heap = filledHeap(w);
      },
      round: () => {
        let sum = 0;
        for (let i = 0; i < HOLDS; i++) {
          const node = heap.pop()!;
          sum += node.timeMs;
          heap.push(node.timeMs + delays[i]!, node.payload);
        }
        heapSum = sum;
      },
    },
    { warmUpRounds: WARM_UP_ROUNDS, rounds: ROUNDS },
  );

  const opsPerSec = HOLDS / (aMs / 1000);
  const baselineOpsPerSec = HOLDS / (bMs / 1000);
  const same = popSameEvents(w) && queueSum === heapSum ? 'same pops' : 'POPS DIFFER';
  return {
    name: 'Q1 hold, EventQueue',
    baselineName: 'object heap',
    opsPerSec,
    baselineOpsPerSec,
    ratio: opsPerSec / baselineOpsPerSec,
    notes: `holds/s, ${PENDING / 1000}k pending, median of ${ROUNDS} x ${HOLDS / 1e6}M; ${same}`,
  };
}
