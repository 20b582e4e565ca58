import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { EventQueue } from './event-queue';

// Not `a.timeMs - b.timeMs`: Infinity - Infinity is NaN.
function byTimeThenSeq(a: { timeMs: number; seq: number }, b: { timeMs: number; seq: number }) {
  if (a.timeMs !== b.timeMs) return a.timeMs < b.timeMs ? -1 : 1;
  return a.seq - b.seq;
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

  it('handles infinite times', () => {
    const queue = new EventQueue<string>();
    queue.push(Number.POSITIVE_INFINITY, 'never');
    queue.push(Number.NEGATIVE_INFINITY, 'first');
    queue.push(0, 'zero');
    expect(drain(queue).map((e) => e.payload)).toEqual(['first', 'zero', 'never']);
  });
});
