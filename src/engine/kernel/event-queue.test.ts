import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { EventQueue } from './event-queue';

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

  it('keeps the order when a pop is followed by pushes, pops and peeks in any mix', () => {
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

  it('pops a burst at one instant in insertion order from a deep heap', () => {
    const queue = new EventQueue<number>();
    const expected: number[] = [];
    for (let i = 0; i < 3000; i++) queue.push(i % 2 === 0 ? 1000 + i : 500, i);
    for (let i = 1; i < 3000; i += 2) expected.push(i);
    for (let i = 0; i < 3000; i += 2) expected.push(i);
    expect(drain(queue).map((e) => e.payload)).toEqual(expected);
  });

  it('matches a reference in a hold model with many equal times', () => {
    const queue = new EventQueue<number>(4);
    const reference = new ReferenceQueue();
    let state = 12345;
    // Small integer delays: most pops and pushes tie with other entries.
    const nextDelay = () => {
      state = (state * 1103515245 + 12345) % 2147483648;
      return state % 7;
    };
    for (let i = 0; i < 500; i++) {
      const t = nextDelay();
      queue.push(t, i);
      reference.push(t, i);
    }
    for (let i = 0; i < 20_000; i++) {
      const timeMs = queue.peekTimeMs();
      const expected = reference.pop()!;
      expect(timeMs).toBe(expected.timeMs);
      const payload = queue.pop()!;
      if (payload !== expected.payload) expect(payload).toBe(expected.payload);
      const delay = nextDelay();
      queue.push(timeMs + delay, payload);
      reference.push(timeMs + delay, payload);
    }
    expect(drain(queue).map((e) => e.payload)).toEqual(reference.drain());
  });

  it('matches a stable sort under any mix of operations, with many equal times', () => {
    type Op =
      | { kind: 'push'; timeMs: number }
      | { kind: 'pop' }
      | { kind: 'peek' }
      | { kind: 'clear' }
      | { kind: 'pushMany'; timeMs: number; count: number };
    const time = fc.oneof(
      { weight: 6, arbitrary: fc.integer({ min: 0, max: 3 }) },
      { weight: 2, arbitrary: fc.integer({ min: -50, max: 50 }) },
      { weight: 1, arbitrary: fc.double({ min: -1e12, max: 1e12, noNaN: true }) },
      {
        weight: 1,
        arbitrary: fc.constantFrom(0, -0, Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY),
      },
    );
    const op: fc.Arbitrary<Op> = fc.oneof(
      { weight: 8, arbitrary: fc.record({ kind: fc.constant('push' as const), timeMs: time }) },
      {
        weight: 1,
        arbitrary: fc.record({
          kind: fc.constant('pushMany' as const),
          timeMs: time,
          count: fc.integer({ min: 1, max: 60 }),
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
          for (const o of ops) {
            if (o.kind === 'push' || o.kind === 'pushMany') {
              const count = o.kind === 'push' ? 1 : o.count;
              for (let k = 0; k < count; k++) {
                queue.push(o.timeMs, next);
                reference.push(o.timeMs, next);
                next++;
              }
            } else if (o.kind === 'pop') {
              // No peek first: a pop straight after a pop must still be right.
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
          expect(drain(queue)).toEqual(
            reference.drain().map((payload, k) => ({ timeMs: reference.poppedTimes[k], payload })),
          );
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
