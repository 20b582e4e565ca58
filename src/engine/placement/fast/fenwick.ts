/**
 * Counts over slots 0..n-1 with O(log n) update, prefix sum and "n-th set slot":
 * which of a bucket's tasks are still there, in the order ties are drawn in.
 */
export class Fenwick {
  private readonly tree: Int32Array;
  total = 0;

  /** Every slot starts at 1. */
  constructor(readonly size: number) {
    const tree = new Int32Array(size + 1);
    for (let i = 1; i <= size; i++) {
      tree[i] = (tree[i] ?? 0) + 1;
      const parent = i + (i & -i);
      if (parent <= size) tree[parent] = (tree[parent] ?? 0) + (tree[i] ?? 0);
    }
    this.tree = tree;
    this.total = size;
  }

  add(slot: number, delta: number): void {
    for (let i = slot + 1; i <= this.size; i += i & -i) this.tree[i] = (this.tree[i] ?? 0) + delta;
    this.total += delta;
  }

  /** Sum of slots 0..count-1. */
  prefix(count: number): number {
    let sum = 0;
    for (let i = Math.min(count, this.size); i > 0; i -= i & -i) sum += this.tree[i] ?? 0;
    return sum;
  }

  /** The slot holding the n-th (0-based) unit; n < total. */
  nth(n: number): number {
    let at = 0;
    let rest = n;
    let step = 1;
    while (step * 2 <= this.size) step *= 2;
    for (; step > 0; step >>= 1) {
      const next = at + step;
      if (next <= this.size && (this.tree[next] ?? 0) <= rest) {
        at = next;
        rest -= this.tree[next] ?? 0;
      }
    }
    return at;
  }
}
