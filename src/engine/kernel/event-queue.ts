// Pending events ordered by (timeMs, insertion sequence): a total order, so
// two events at the same millisecond always fire in the order they were
// scheduled and a run never depends on heap internals.
//
// Layout: a binary min-heap of (time, slot) pairs in two typed arrays.
// Payloads and their sequence numbers are stored per slot, and slots are
// recycled through a free list, so sifting moves only two numbers per level
// and push/pop allocate nothing once the queue has reached its working size.
// Sequence numbers are only read to break ties, so they stay off the hot path.

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
    return this.count === 0 ? Number.POSITIVE_INFINITY : this.times[0]!;
  }

  peek(): T | undefined {
    return this.count === 0 ? undefined : this.payloads[this.slots[0]!];
  }

  push(timeMs: number, payload: T): void {
    // A NaN compares false both ways and would silently corrupt the heap.
    if (Number.isNaN(timeMs)) throw new RangeError('EventQueue.push: timeMs is NaN');
    let i = this.count;
    if (i === this.times.length) this.grow();
    // With no free slot, every slot below `count` is live, so `count` is the
    // next never-used one.
    const slot = this.freeCount > 0 ? this.freeSlots[--this.freeCount]! : i;
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
    this.count++;
  }

  // Read peekTimeMs() first when the time is needed: it costs nothing and
  // keeps pop() free of allocation.
  pop(): T | undefined {
    const n = this.count;
    if (n === 0) return undefined;
    const times = this.times;
    const slots = this.slots;
    const seqs = this.seqBySlot;
    const topSlot = slots[0]!;
    const payload = this.payloads[topSlot];
    this.payloads[topSlot] = undefined;
    this.freeSlots[this.freeCount++] = topSlot;
    const last = n - 1;
    this.count = last;
    if (last === 0) return payload;

    const time = times[last]!;
    const slot = slots[last]!;
    // Sentinel: the vacated last position never wins a comparison, so the
    // loop needs no bounds check for a missing right child.
    times[last] = Number.POSITIVE_INFINITY;
    // Floyd's bottom-up variant: walk the hole to a leaf along the smaller
    // child (one comparison per level), then sift the displaced last entry
    // up; it is usually late, so it rarely climbs far. The child pick is
    // arithmetic rather than a branch because that branch is a coin flip
    // the CPU mispredicts half the time.
    let i = 0;
    let child = 1;
    while (child < last) {
      const leftTime = times[child]!;
      const rightTime = times[child + 1]!;
      if (leftTime === rightTime) {
        if (child + 1 < last && seqs[slots[child + 1]!]! < seqs[slots[child]!]!) child++;
      } else {
        child += +(rightTime < leftTime);
      }
      times[i] = times[child]!;
      slots[i] = slots[child]!;
      i = child;
      child = 2 * i + 1;
    }
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
    return payload;
  }

  // Keeps the grown capacity: a cleared queue is usually refilled to a
  // similar size (a replay from the start).
  clear(): void {
    this.count = 0;
    this.freeCount = 0;
    this.nextSeq = 0;
    this.payloads.fill(undefined);
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
