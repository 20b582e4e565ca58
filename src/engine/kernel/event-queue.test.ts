import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { EventQueue } from './event-queue';
import { createRng } from './rng';

// Not `a.timeMs - b.timeMs`: Infinity - Infinity is NaN.
function byTimeThenSeq(a: { timeMs: number; seq: number }, b: { timeMs: number; seq: number }) {
  if (a.timeMs !== b.timeMs) return a.timeMs < b.timeMs ? -1 : 1;
  return a.seq - b.seq;
}

// The order spelled out: entries in insertion order, the earliest time wins
// and the first inserted wins a tie. Linear scans keep it obviously right.
class ReferenceQueue {
  private entries: { timeMs: number; payload: number }[] = [];
  poppedTimes: number[] = [];

  get size(): number {
    return this.entries.length;
  }

  push(timeMs: number, payload: number): void {
    this.entries.push({ timeMs, payload });
  }

  peek(): { timeMs: number; payload: number } | undefined {
    let best: { timeMs: number; payload: number } | undefined;
    // Strictly earlier only, so the first inserted of equal times stays.
    for (const e of this.entries) if (best === undefined || e.timeMs < best.timeMs) best = e;
    return best;
  }

  pop(): { timeMs: number; payload: number } | undefined {
    const best = this.peek();
    if (best !== undefined) this.entries.splice(this.entries.indexOf(best), 1);
    return best;
  }

  clear(): void {
    this.entries = [];
  }

  drain(): number[] {
    const out: number[] = [];
    this.poppedTimes = [];
    for (let e = this.pop(); e !== undefined; e = this.pop()) {
      out.push(e.payload);
      this.poppedTimes.push(e.timeMs);
    }
    return out;
  }
}

// Entries kept sorted by (time, insertion order) through a binary search:
// fast enough for long runs, and still simple enough to trust.
class SortedReference {
  private times: number[] = [];
  private payloads: number[] = [];
  private head = 0;

  get size(): number {
    return this.times.length - this.head;
  }

  push(timeMs: number, payload: number): void {
    // After every entry at an earlier or equal time: a tie goes last.
    let lo = this.head;
    let hi = this.times.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (this.times[mid]! <= timeMs) lo = mid + 1;
      else hi = mid;
    }
    this.times.splice(lo, 0, timeMs);
    this.payloads.splice(lo, 0, payload);
  }

  pop(): { timeMs: number; payload: number } | undefined {
    if (this.size === 0) return undefined;
    const entry = { timeMs: this.times[this.head]!, payload: this.payloads[this.head]! };
    this.head++;
    if (this.head >= 1024) {
      this.times.splice(0, this.head);
      this.payloads.splice(0, this.head);
      this.head = 0;
    }
    return entry;
  }

  drain(): number[] {
    const out: number[] = [];
    for (let e = this.pop(); e !== undefined; e = this.pop()) out.push(e.payload);
    return out;
  }
}

// expect() on every step of a long run is slow; only call it on a mismatch.
function expectSame<T>(actual: T, expected: T): void {
  if (!Object.is(actual, expected)) expect(actual).toBe(expected);
}

function drain<T>(queue: EventQueue<T>): { timeMs: number; payload: T | undefined }[] {
  const out: { timeMs: number; payload: T | undefined }[] = [];
  while (queue.size > 0) {
    const timeMs = queue.peekTimeMs();
    out.push({ timeMs, payload: queue.pop() });
  }
  return out;
}

describe('EventQueue', () => {
  it('pops in time order', () => {
    const queue = new EventQueue<string>();
    queue.push(30, 'c');
    queue.push(10, 'a');
    queue.push(20, 'b');
    expect(drain(queue)).toEqual([
      { timeMs: 10, payload: 'a' },
      { timeMs: 20, payload: 'b' },
      { timeMs: 30, payload: 'c' },
    ]);
  });

  it('pops equal times in insertion order', () => {
    const queue = new EventQueue<number>(2);
    for (let i = 0; i < 100; i++) queue.push(i % 3 === 0 ? 5 : 7, i);
    const popped = drain(queue).map((e) => e.payload);
    const expected = [
      ...Array.from({ length: 100 }, (_, i) => i).filter((i) => i % 3 === 0),
      ...Array.from({ length: 100 }, (_, i) => i).filter((i) => i % 3 !== 0),
    ];
    expect(popped).toEqual(expected);
  });

  it('keeps insertion order for equal times pushed between pops', () => {
    const queue = new EventQueue<string>();
    queue.push(1, 'first');
    queue.push(0, 'now');
    expect(queue.pop()).toBe('now');
    queue.push(1, 'second');
    queue.push(1, 'third');
    expect(drain(queue).map((e) => e.payload)).toEqual(['first', 'second', 'third']);
  });

  it('reports empty state', () => {
    const queue = new EventQueue<number>();
    expect(queue.size).toBe(0);
    expect(queue.peekTimeMs()).toBe(Number.POSITIVE_INFINITY);
    expect(queue.peek()).toBeUndefined();
    expect(queue.pop()).toBeUndefined();
  });

  it('peeks without removing', () => {
    const queue = new EventQueue<string>();
    queue.push(4, 'x');
    queue.push(2, 'y');
    expect(queue.peekTimeMs()).toBe(2);
    expect(queue.peek()).toBe('y');
    expect(queue.size).toBe(2);
  });

  it('grows past its initial capacity', () => {
    const queue = new EventQueue<number>(1);
    for (let i = 999; i >= 0; i--) queue.push(i, i);
    expect(queue.size).toBe(1000);
    expect(drain(queue).map((e) => e.payload)).toEqual(Array.from({ length: 1000 }, (_, i) => i));
  });

  it('clears and restarts the sequence', () => {
    const queue = new EventQueue<string>(2);
    for (let i = 0; i < 10; i++) queue.push(i, `old${i}`);
    queue.clear();
    expect(queue.size).toBe(0);
    expect(queue.pop()).toBeUndefined();
    queue.push(3, 'a');
    queue.push(3, 'b');
    queue.push(1, 'c');
    expect(drain(queue).map((e) => e.payload)).toEqual(['c', 'a', 'b']);
  });

  it('rejects NaN times', () => {
    expect(() => new EventQueue<number>().push(Number.NaN, 1)).toThrow(RangeError);
  });

  it('matches a stable sort under random pushes and pops', () => {
    type Op = { kind: 'push'; timeMs: number } | { kind: 'pop' };
    const op: fc.Arbitrary<Op> = fc.oneof(
      // Few distinct times, so ties are common.
      fc.record({ kind: fc.constant('push' as const), timeMs: fc.integer({ min: 0, max: 20 }) }),
      fc.record({
        kind: fc.constant('push' as const),
        timeMs: fc.double({ min: -1e6, max: 1e6, noNaN: true }),
      }),
      // Infinity ties the sentinel the heap keeps past its last entry.
      fc.record({
        kind: fc.constant('push' as const),
        timeMs: fc.constantFrom(Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY),
      }),
      fc.constant({ kind: 'pop' as const }),
    );
    fc.assert(
      fc.property(fc.array(op, { maxLength: 400 }), (ops) => {
        const queue = new EventQueue<number>(1);
        // Reference: entries kept sorted by (time, seq) with a plain sort.
        let reference: { timeMs: number; seq: number }[] = [];
        let seq = 0;
        for (const o of ops) {
          if (o.kind === 'push') {
            queue.push(o.timeMs, seq);
            reference.push({ timeMs: o.timeMs, seq });
            seq++;
          } else {
            reference.sort(byTimeThenSeq);
            const expected = reference[0];
            reference = reference.slice(1);
            expect(queue.peekTimeMs()).toBe(expected?.timeMs ?? Number.POSITIVE_INFINITY);
            expect(queue.pop()).toBe(expected?.seq);
          }
          expect(queue.size).toBe(reference.length);
        }
        reference.sort(byTimeThenSeq);
        expect(drain(queue).map((e) => e.payload)).toEqual(reference.map((r) => r.seq));
      }),
      { numRuns: 300 },
    );
  });

  it('keeps the order when pops, pushes and peeks come in any mix', () => {
    const queue = new EventQueue<string>(2);
    for (let i = 0; i < 40; i++) queue.push(10 + (i % 5), `a${i}`);
    expect(queue.pop()).toBe('a0');
    // Straight after a pop: an earlier push, then two pops without a peek.
    queue.push(1, 'early');
    expect(queue.pop()).toBe('early');
    expect(queue.pop()).toBe('a5');
    expect(queue.size).toBe(38);
    expect(queue.peek()).toBe('a10');
    expect(queue.peekTimeMs()).toBe(10);
    expect(queue.pop()).toBe('a10');
    // A push at the time just popped goes after every entry already there.
    queue.push(10, 'late10');
    const rest = drain(queue).map((e) => e.payload);
    expect(rest.slice(0, 6)).toEqual(['a15', 'a20', 'a25', 'a30', 'a35', 'late10']);
    expect(rest).toHaveLength(38);
  });

  it('pops a large burst at one instant in insertion order', () => {
    const queue = new EventQueue<number>();
    const expected: number[] = [];
    for (let i = 0; i < 3000; i++) queue.push(i % 2 === 0 ? 1000 + i : 500, i);
    for (let i = 1; i < 3000; i += 2) expected.push(i);
    for (let i = 0; i < 3000; i += 2) expected.push(i);
    expect(drain(queue).map((e) => e.payload)).toEqual(expected);
  });

  it('keeps near events in order around a far timer', () => {
    const queue = new EventQueue<number>();
    const reference = new SortedReference();
    const rng = createRng(3);
    const push = (timeMs: number, payload: number) => {
      queue.push(timeMs, payload);
      reference.push(timeMs, payload);
    };
    push(1e12, -1);
    // Near events clustered in a sliver of the far timer's range, so they
    // share one bucket of the first rung and get split again and again.
    for (let i = 0; i < 5000; i++) push(rng.nextFloat() * 1000, i);
    for (let i = 0; i < 5000; i++) {
      const expected = reference.pop()!;
      expectSame(queue.peekTimeMs(), expected.timeMs);
      expectSame(queue.pop(), expected.payload);
      if (i % 3 === 0) push(expected.timeMs + rng.nextFloat(), 5000 + i);
    }
    expect(drain(queue).map((e) => e.payload)).toEqual(reference.drain());
  });

  it('orders times across the whole double range', () => {
    const times = [
      Number.MAX_VALUE,
      -Number.MAX_VALUE,
      1e300,
      -1e300,
      Number.MIN_VALUE,
      -Number.MIN_VALUE,
      2 * Number.MIN_VALUE,
      0,
      -0,
      1,
      1 + Number.EPSILON,
      1 + 2 * Number.EPSILON,
      1e12,
      1e12 + 1e-4,
      Number.POSITIVE_INFINITY,
      Number.NEGATIVE_INFINITY,
    ];
    const queue = new EventQueue<number>();
    const reference = new ReferenceQueue();
    // Many copies, so buckets overflow and rungs get built on these ranges.
    for (let round = 0; round < 40; round++) {
      for (let k = 0; k < times.length; k++) {
        const payload = round * times.length + k;
        queue.push(times[(k * 7 + round) % times.length]!, payload);
        reference.push(times[(k * 7 + round) % times.length]!, payload);
      }
      // Interleave pops so that rungs are built, used up and rebuilt.
      if (round % 4 === 3) {
        for (let k = 0; k < 20; k++) expectSame(queue.pop(), reference.pop()?.payload);
      }
    }
    const rest = drain(queue);
    expect(rest.map((e) => e.payload)).toEqual(reference.drain());
    expect(rest.map((e) => e.timeMs)).toEqual(reference.poppedTimes);
  });

  it('clears in the middle of a run and starts afresh', () => {
    const queue = new EventQueue<number>();
    const rng = createRng(9);
    for (let i = 0; i < 2000; i++) queue.push(rng.nextFloat() * 100, i);
    for (let i = 0; i < 700; i++) queue.pop();
    queue.push(Number.POSITIVE_INFINITY, -1);
    queue.clear();
    expect(queue.size).toBe(0);
    expect(queue.peek()).toBeUndefined();
    expect(queue.peekTimeMs()).toBe(Number.POSITIVE_INFINITY);
    const reference = new SortedReference();
    for (let i = 0; i < 2000; i++) {
      const timeMs = rng.nextFloat() * 50 - 25;
      queue.push(timeMs, i);
      reference.push(timeMs, i);
    }
    expect(drain(queue).map((e) => e.payload)).toEqual(reference.drain());
  });

  // The classic hold model (pop the earliest, schedule it again a random
  // delay later) under time distributions that stress a bucketed queue:
  // ties, bursts at one instant, far timers, heavy tails, extreme ranges.
  const distributions: Record<string, (u: () => number) => number> = {
    exponential: (u) => -Math.log(1 - u()),
    'integer ties': (u) => Math.floor(-Math.log(1 - u()) * 3),
    'bursts at one instant': (u) => (u() < 0.3 ? 0 : -Math.log(1 - u()) * 1000),
    'far timers': (u) => (u() < 0.02 ? 1e9 : -Math.log(1 - u())),
    'heavy tail': (u) => 1 / (1 - u()) ** 2 - 1,
    clusters: (u) => Math.floor(u() * 4) * 1000 + u() * 1e-6,
    'extreme ranges': (u) => {
      const x = u();
      if (x < 0.05) return Number.POSITIVE_INFINITY;
      if (x < 0.1) return 1e300 * u();
      if (x < 0.15) return 1e-300 * u();
      return -Math.log(1 - u());
    },
  };
  for (const [name, draw] of Object.entries(distributions)) {
    for (const pending of [50, 2000]) {
      it(`matches a reference in a hold model: ${name}, ${pending} pending`, () => {
        const rng = createRng(pending);
        const u = () => rng.nextFloat();
        const queue = new EventQueue<number>(8);
        const reference = new SortedReference();
        for (let i = 0; i < pending; i++) {
          const timeMs = draw(u) * (u() < 0.5 ? 1 : -1);
          queue.push(timeMs, i);
          reference.push(timeMs, i);
        }
        for (let i = 0; i < 20_000; i++) {
          const expected = reference.pop()!;
          expectSame(queue.size, reference.size + 1);
          expectSame(queue.peekTimeMs(), expected.timeMs);
          expectSame(queue.pop(), expected.payload);
          // Infinite times stay infinite: draw those afresh.
          const next = Number.isFinite(expected.timeMs)
            ? expected.timeMs + draw(u)
            : draw(u) * (u() < 0.5 ? 1 : -1);
          queue.push(next, expected.payload);
          reference.push(next, expected.payload);
        }
        expect(drain(queue).map((e) => e.payload)).toEqual(reference.drain());
      });
    }
  }

  it('matches a stable sort under any mix of operations, with many equal times', () => {
    type Op =
      | { kind: 'push'; timeMs: number }
      | { kind: 'pushMany'; timeMs: number; count: number; stepMs: number }
      | { kind: 'hold'; delayMs: number }
      | { kind: 'pop' }
      | { kind: 'peek' }
      | { kind: 'clear' };
    const time = fc.oneof(
      { weight: 6, arbitrary: fc.integer({ min: 0, max: 3 }) },
      { weight: 2, arbitrary: fc.integer({ min: -50, max: 50 }) },
      { weight: 2, arbitrary: fc.double({ min: -1e12, max: 1e12, noNaN: true }) },
      {
        weight: 1,
        arbitrary: fc.constantFrom(0, -0, Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY),
      },
    );
    const op: fc.Arbitrary<Op> = fc.oneof(
      { weight: 8, arbitrary: fc.record({ kind: fc.constant('push' as const), timeMs: time }) },
      {
        // A run of equal or closely spaced times: a bucket that overflows.
        weight: 2,
        arbitrary: fc.record({
          kind: fc.constant('pushMany' as const),
          timeMs: time,
          count: fc.integer({ min: 1, max: 80 }),
          stepMs: fc.constantFrom(0, 1e-9, 0.5, 3),
        }),
      },
      {
        weight: 4,
        arbitrary: fc.record({
          kind: fc.constant('hold' as const),
          delayMs: fc.oneof(fc.constantFrom(0, 1e-9), fc.double({ min: 0, max: 100, noNaN: true })),
        }),
      },
      { weight: 6, arbitrary: fc.constant({ kind: 'pop' as const }) },
      { weight: 2, arbitrary: fc.constant({ kind: 'peek' as const }) },
      { weight: 1, arbitrary: fc.constant({ kind: 'clear' as const }) },
    );
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 80 }),
        fc.array(op, { maxLength: 1500 }),
        (capacity, ops) => {
          const queue = new EventQueue<number>(capacity);
          const reference = new ReferenceQueue();
          let next = 0;
          const push = (timeMs: number) => {
            queue.push(timeMs, next);
            reference.push(timeMs, next);
            next++;
          };
          for (const o of ops) {
            if (o.kind === 'push') {
              push(o.timeMs);
            } else if (o.kind === 'pushMany') {
              for (let k = 0; k < o.count; k++) push(o.timeMs + k * o.stepMs);
            } else if (o.kind === 'hold') {
              const head = reference.peek();
              if (head !== undefined) {
                // No peek first: a pop straight after a pop must still be right.
                expect(queue.pop()).toBe(reference.pop()?.payload);
                push(head.timeMs + o.delayMs);
              }
            } else if (o.kind === 'pop') {
              expect(queue.pop()).toBe(reference.pop()?.payload);
            } else if (o.kind === 'peek') {
              const head = reference.peek();
              expect(queue.peek()).toBe(head?.payload);
              expect(queue.peekTimeMs()).toBe(head?.timeMs ?? Number.POSITIVE_INFINITY);
            } else {
              queue.clear();
              reference.clear();
            }
            expect(queue.size).toBe(reference.size);
          }
          const rest = drain(queue);
          expect(rest.map((e) => e.payload)).toEqual(reference.drain());
          expect(rest.map((e) => e.timeMs)).toEqual(reference.poppedTimes);
        },
      ),
      { numRuns: 200 },
    );
  });

  it('handles infinite times', () => {
    const queue = new EventQueue<string>();
    queue.push(Number.POSITIVE_INFINITY, 'never');
    queue.push(Number.NEGATIVE_INFINITY, 'first');
    queue.push(0, 'zero');
    expect(drain(queue).map((e) => e.payload)).toEqual(['first', 'zero', 'never']);
  });
});
