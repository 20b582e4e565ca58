import { insertSorted, removeSorted } from './sorted';

/** Candidates of one cell that share every own score. */
export interface Bucket {
  /** The own scores, in strategy order; rewritten in place when the bucket is reused. */
  readonly key: number[];
  /** Instance indices, ascending: the order the pipeline draws ties in. */
  readonly members: number[];
}

export function compareKeys(a: readonly number[], b: readonly number[]): number {
  for (let i = 0; i < a.length; i++) {
    const x = a[i]!;
    const y = b[i]!;
    if (x !== y) return x < y ? -1 : 1;
  }
  return 0;
}

/**
 * The candidates that share one value of every attribute spread, so the
 * spread counts are constant inside and the lowest own scores are the
 * cell's best. Buckets are sorted by key, highest first, none empty: the
 * best is the last one, and the task always goes to it. binpack then moves
 * that instance to a still lower key, an append (or a rewrite of its own
 * bucket in place when it was alone); spread(instanceId) moves it one step
 * up, next to the end. Either way no allocation and no search in the
 * usual case; a binary search otherwise.
 */
export class Cell {
  private readonly buckets: Bucket[] = [];

  /** One counter slot per attribute spread: where this cell's value is counted. */
  constructor(readonly slots: readonly number[]) {}

  top(): Bucket | undefined {
    return this.buckets[this.buckets.length - 1];
  }

  add(index: number, key: readonly number[]): void {
    const buckets = this.buckets;
    // Where the key goes: the first bucket whose key is not higher.
    let lo = 0;
    let hi = buckets.length;
    if (hi > 0 && compareKeys(buckets[hi - 1]!.key, key) > 0) lo = hi;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (compareKeys(buckets[mid]!.key, key) > 0) lo = mid + 1;
      else hi = mid;
    }
    const at = buckets[lo];
    if (at && compareKeys(at.key, key) === 0) insertSorted(at.members, index);
    else if (lo === buckets.length) buckets.push({ key: key.slice(), members: [index] });
    else buckets.splice(lo, 0, { key: key.slice(), members: [index] });
  }

  /** Instance `index`, in the top bucket, now has `key`, or left the candidates (undefined). */
  moveFromTop(index: number, key: readonly number[] | undefined): void {
    const buckets = this.buckets;
    const top = buckets[buckets.length - 1]!;
    if (key && compareKeys(key, top.key) === 0) return;
    removeSorted(top.members, index);
    if (top.members.length > 0) {
      if (key) this.add(index, key);
      return;
    }
    const next = buckets[buckets.length - 2];
    if (key && (!next || compareKeys(key, next.key) < 0)) {
      // Still the lowest key here: the emptied bucket takes it.
      for (let k = 0; k < key.length; k++) top.key[k] = key[k]!;
      top.members.push(index);
      return;
    }
    buckets.pop();
    if (key) this.add(index, key);
  }
}
