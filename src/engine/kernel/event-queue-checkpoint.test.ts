import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { EventQueue } from './event-queue';

type Op = { kind: 'push'; timeMs: number } | { kind: 'pop' };

const op: fc.Arbitrary<Op> = fc.oneof(
  fc.record({
    kind: fc.constant('push' as const),
    timeMs: fc.oneof(fc.integer({ min: 0, max: 5_000 }), fc.constant(Number.POSITIVE_INFINITY)),
  }),
  fc.constant({ kind: 'pop' as const }),
);

function run(queue: EventQueue<number>, ops: readonly Op[], label: { next: number }): number[] {
  const popped: number[] = [];
  for (const o of ops) {
    if (o.kind === 'push') queue.push(o.timeMs, label.next++);
    else {
      const value = queue.pop();
      if (value !== undefined) popped.push(value);
    }
  }
  return popped;
}

describe('EventQueue checkpoint', () => {
  it('a queue rebuilt from its entries pops what the original pops, pushes included', () => {
    fc.assert(
      fc.property(fc.array(op, { maxLength: 300 }), fc.array(op, { maxLength: 300 }), (a, b) => {
        const original = new EventQueue<number>(4);
        const label = { next: 0 };
        run(original, a, label);
        const copy = EventQueue.fromEntries<number>(JSON.parse(JSON.stringify(original.entries())));
        const after = label.next;
        const fromOriginal = run(original, b, { next: after });
        const fromCopy = run(copy, b, { next: after });
        while (original.size > 0) fromOriginal.push(original.pop() ?? -1);
        while (copy.size > 0) fromCopy.push(copy.pop() ?? -1);
        expect(fromCopy).toEqual(fromOriginal);
      }),
      { numRuns: 300 },
    );
  });

  it('keeps each entry with its sequence number, in firing order', () => {
    const q = new EventQueue<string>();
    q.push(20, 'b');
    q.push(10, 'a');
    q.push(20, 'c');
    q.pop();
    const saved = q.entries();
    expect(saved).toEqual({
      entries: [
        { timeMs: 20, seq: 0, payload: 'b' },
        { timeMs: 20, seq: 2, payload: 'c' },
      ],
      nextSeq: 3,
    });
  });
});
