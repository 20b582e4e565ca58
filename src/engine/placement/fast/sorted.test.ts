import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { insertSorted, nthOfUnion, removeSorted } from './sorted';

// Disjoint ascending lists: deal distinct indices out to a few lists.
const dealt = fc.uniqueArray(fc.nat(5000), { minLength: 1, maxLength: 300 }).chain((values) =>
  fc.array(fc.nat(3), { minLength: values.length, maxLength: values.length }).map((owners) => {
    const lists: number[][] = [[], [], [], []];
    for (const [k, value] of values.entries()) lists[owners[k]!]!.push(value);
    return {
      values: values.toSorted((a, b) => a - b),
      lists: lists.map((l) => l.toSorted((a, b) => a - b)),
    };
  }),
);

describe('sorted index lists', () => {
  it('nthOfUnion is the n-th of all values together, walking or searching', () => {
    fc.assert(
      fc.property(dealt, fc.nat(), ({ values, lists }, pick) => {
        const nonEmpty = lists.filter((l) => l.length > 0);
        const n = pick % values.length;
        expect(nthOfUnion(nonEmpty, nonEmpty.length, n)).toBe(values[n]);
      }),
    );
  });

  it('insertSorted and removeSorted keep the list ascending', () => {
    fc.assert(
      fc.property(fc.uniqueArray(fc.nat(100)), fc.nat(), (values, drop) => {
        const list: number[] = [];
        for (const v of values) insertSorted(list, v);
        expect(list).toEqual(values.toSorted((a, b) => a - b));
        if (values.length === 0) return;
        const gone = values[drop % values.length]!;
        removeSorted(list, gone);
        expect(list).toEqual(values.filter((v) => v !== gone).toSorted((a, b) => a - b));
      }),
    );
  });
});
