// Pending events ordered by (timeMs, insertion sequence): a total order, so
// two events at the same millisecond always fire in the order they were
// scheduled and a run never depends on heap internals.
//
// Layout: a binary min-heap of (time, slot) pairs in two typed arrays.
// Payloads and their sequence numbers are stored per slot, and slots are
// recycled through a free list, so sifting moves only two numbers per level
// and push/pop allocate nothing once the queue has reached its working size.
// Sequence numbers are only read to break ties, so they stay off the hot path.
//
// Two things make it fast (see bench/queue.bench.ts):
// - pop() only takes the root and leaves a hole there; the next push() drops
//   its entry into that hole (one walk down the heap instead of a walk down
//   for the pop plus a walk up for the push), and anything else that needs
//   the heap whole (peek, a second pop) first fills the hole with the last
//   entry, which is the classic pop.
// - The hole walks down three levels per step: the eight great-grandchildren
//   of i sit side by side at 8i+7..8i+14, so all fourteen candidates are read
//   at once and the three picks are made from independent comparisons. The
//   CPU then waits for one round of loads per three levels instead of one per
//   level, and the picks are arithmetic, not coin-flip branches it would
//   mispredict half the time.

const DEFAULT_CAPACITY = 64;

export class EventQueue<T> {
  private times: Float64Array;
  private slots: Int32Array;
  // Float64 holds integers exactly up to 2^53: no wrap-around in practice.
  private seqBySlot: Float64Array;
  private payloads: (T | undefined)[];
  private freeSlots: Int32Array;
  private freeCount = 0;
  private count = 0;
  private nextSeq = 0;
  // True after a pop() that left entries behind: position 0 is vacant and
  // the `count` live entries sit at positions 1..count.
  private hole = false;

  constructor(initialCapacity: number = DEFAULT_CAPACITY) {
    const capacity = Math.max(1, Math.ceil(initialCapacity));
    this.times = new Float64Array(capacity);
    this.slots = new Int32Array(capacity);
    this.seqBySlot = new Float64Array(capacity);
    this.freeSlots = new Int32Array(capacity);
    this.payloads = new Array<T | undefined>(capacity).fill(undefined);
  }

  get size(): number {
    return this.count;
  }

  peekTimeMs(): number {
    if (this.hole) this.fillHole();
    return this.count === 0 ? Number.POSITIVE_INFINITY : this.times[0]!;
  }

  peek(): T | undefined {
    if (this.hole) this.fillHole();
    return this.count === 0 ? undefined : this.payloads[this.slots[0]!];
  }

  push(timeMs: number, payload: T): void {
    // A NaN compares false both ways and would silently corrupt the heap.
    if (Number.isNaN(timeMs)) throw new RangeError('EventQueue.push: timeMs is NaN');
    const n = this.count;
    let i: number;
    if (this.hole) {
      // The hole goes down to a leaf and the new entry climbs from there:
      // with positions 1..n live, the heap ends up with 0..n filled.
      this.hole = false;
      i = this.sinkHole(n + 1);
    } else {
      if (n === this.times.length) this.grow();
      i = n;
    }
    // With no free slot, every slot below `count` is live, so `count` is the
    // next never-used one.
    const slot = this.freeCount > 0 ? this.freeSlots[--this.freeCount]! : n;
    this.payloads[slot] = payload;
    this.seqBySlot[slot] = this.nextSeq++;
    const times = this.times;
    const slots = this.slots;
    // The new sequence is larger than every queued one, so a parent at the
    // same time already comes first: comparing times alone is enough here.
    while (i > 0) {
      const parent = (i - 1) >> 1;
      const parentTime = times[parent]!;
      if (parentTime <= timeMs) break;
      times[i] = parentTime;
      slots[i] = slots[parent]!;
      i = parent;
    }
    times[i] = timeMs;
    slots[i] = slot;
    this.count = n + 1;
  }

  // Read peekTimeMs() first when the time is needed: it costs nothing and
  // keeps pop() free of allocation.
  pop(): T | undefined {
    if (this.hole) this.fillHole();
    const n = this.count;
    if (n === 0) return undefined;
    const topSlot = this.slots[0]!;
    const payload = this.payloads[topSlot];
    this.payloads[topSlot] = undefined;
    this.freeSlots[this.freeCount++] = topSlot;
    this.count = n - 1;
    this.hole = n > 1;
    return payload;
  }

  // Keeps the grown capacity: a cleared queue is usually refilled to a
  // similar size (a replay from the start).
  clear(): void {
    this.count = 0;
    this.freeCount = 0;
    this.nextSeq = 0;
    this.hole = false;
    this.payloads.fill(undefined);
  }

  // The classic second half of a pop: the last entry moves into the hole.
  // Floyd's bottom-up order: the hole sinks to a leaf first, then the last
  // entry climbs from there; it is usually late, so it rarely climbs far.
  private fillHole(): void {
    this.hole = false;
    const last = this.count;
    const times = this.times;
    const slots = this.slots;
    const seqs = this.seqBySlot;
    const time = times[last]!;
    const slot = slots[last]!;
    let i = this.sinkHole(last);
    const seq = seqs[slot]!;
    while (i > 0) {
      const parent = (i - 1) >> 1;
      const parentTime = times[parent]!;
      if (parentTime < time || (parentTime === time && seqs[slots[parent]!]! < seq)) break;
      times[i] = parentTime;
      slots[i] = slots[parent]!;
      i = parent;
    }
    times[i] = time;
    slots[i] = slot;
  }

  // Moves the hole at the root down to a leaf, each time pulling up the
  // earlier child; only positions below `end` hold entries. Returns the
  // hole's final position.
  private sinkHole(end: number): number {
    const times = this.times;
    const slots = this.slots;
    const seqs = this.seqBySlot;
    let i = 0;
    // Three levels per step while all eight great-grandchildren exist.
    for (;;) {
      const e = 8 * i + 7;
      if (e + 7 >= end) break;
      const c = 2 * i + 1;
      const g = 4 * i + 3;
      const c0 = times[c]!;
      const c1 = times[c + 1]!;
      const g0 = times[g]!;
      const g1 = times[g + 1]!;
      const g2 = times[g + 2]!;
      const g3 = times[g + 3]!;
      const e0 = times[e]!;
      const e1 = times[e + 1]!;
      const e2 = times[e + 2]!;
      const e3 = times[e + 3]!;
      const e4 = times[e + 4]!;
      const e5 = times[e + 5]!;
      const e6 = times[e + 6]!;
      const e7 = times[e + 7]!;
      if (c0 === c1 || g0 === g1 || g2 === g3 || e0 === e1 || e2 === e3 || e4 === e5 || e6 === e7) {
        // Some pair ties on time and only its sequences can tell which is
        // first: take one careful level, then try three at a time again.
        const child = c1 < c0 || (c1 === c0 && seqs[slots[c + 1]!]! < seqs[slots[c]!]!) ? c + 1 : c;
        times[i] = times[child]!;
        slots[i] = slots[child]!;
        i = child;
        continue;
      }
      // Bit picks: b chooses the child, gi (0..3) the grandchild below it,
      // and the grandchild's bit in `mask` the great-grandchild below that.
      // (x & -b) is x when b is 1 and 0 when b is 0.
      const b = +(c1 < c0);
      const lo = +(g1 < g0);
      const hi = +(g3 < g2);
      const gi = 2 * b + lo + ((hi - lo) & -b);
      const mask = +(e1 < e0) | (+(e3 < e2) << 1) | (+(e5 < e4) << 2) | (+(e7 < e6) << 3);
      const child = c + b;
      const grand = g + gi;
      const great = e + 2 * gi + ((mask >> gi) & 1);
      times[i] = times[child]!;
      slots[i] = slots[child]!;
      times[child] = times[grand]!;
      slots[child] = slots[grand]!;
      times[grand] = times[great]!;
      slots[grand] = slots[great]!;
      i = great;
    }
    // The last two levels at most, one at a time.
    let child = 2 * i + 1;
    while (child < end) {
      const right = child + 1;
      if (right < end) {
        const leftTime = times[child]!;
        const rightTime = times[right]!;
        if (leftTime === rightTime) {
          if (seqs[slots[right]!]! < seqs[slots[child]!]!) child = right;
        } else {
          child += +(rightTime < leftTime);
        }
      }
      times[i] = times[child]!;
      slots[i] = slots[child]!;
      i = child;
      child = 2 * i + 1;
    }
    return i;
  }

  private grow(): void {
    const capacity = this.times.length * 2;
    this.times = copyInto(new Float64Array(capacity), this.times);
    this.slots = copyInto(new Int32Array(capacity), this.slots);
    this.seqBySlot = copyInto(new Float64Array(capacity), this.seqBySlot);
    this.freeSlots = copyInto(new Int32Array(capacity), this.freeSlots);
    for (let i = this.payloads.length; i < capacity; i++) this.payloads.push(undefined);
  }
}

function copyInto<A extends Float64Array | Int32Array>(target: A, source: A): A {
  target.set(source);
  return target;
}
