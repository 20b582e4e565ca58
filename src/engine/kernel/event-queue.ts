// Pending events ordered by (timeMs, insertion sequence): a total order, so
// two events at the same millisecond always fire in the order they were
// scheduled and a run never depends on the queue's internals.
//
// Layout: a ladder queue (Tang, Goh and Thng, 2005) over a small binary heap.
// Each entry lives in exactly one of, from earliest to latest:
//
//   heap      the next few events, in a binary min-heap ordered by
//             (time, sequence);
//   rungs     one to MAX_RUNGS levels of FIFO buckets, each level splitting
//             one bucket of the level above into finer time ranges;
//   top       unsorted FIFO list of everything beyond the first rung;
//   infinite  FIFO list of the events at +Infinity, which come last.
//
// A push lands in a bucket (O(1)); when the heap runs dry the next bucket is
// moved into it, or split into a finer rung first if it is too full; when
// the rungs are used up, a new first rung is built from the top list. Each
// entry is therefore touched a constant number of times outside a heap that
// stays a few entries deep, instead of climbing and sinking through a heap
// of every pending event. Skewed times (a burst at one instant, a timer far
// in the future) only mean deeper rungs or, at worst, a larger heap: never
// worse than a plain heap's amortized O(log n) per operation.
//
// Where an entry goes is a pure function of its time and the ladder's
// current shape (rung bounds and how far each rung has been consumed), and
// that function never decreases as time grows. Equal times therefore always
// share a container, every bucket and list is kept in insertion order, and
// the heap breaks ties by sequence: that is the whole (time, sequence) order.
//
// Payloads, times and sequence numbers are stored per slot; slots are
// recycled through a free list and the lists are linked through `nextBySlot`,
// so push and pop allocate nothing once the queue has reached its working
// size.

const DEFAULT_CAPACITY = 64;
// Entries per bucket aimed for when a rung is built: finer buckets hand the
// heap fewer entries at a time.
const ENTRIES_PER_BUCKET = 4;
// A bucket holding more entries than this is split into a new rung rather
// than poured into the heap (unless its times are all equal).
const MAX_HEAP_BATCH = 32;
const MAX_RUNGS = 8;
// Shrinks a rung's scale a hair so that its latest entry still maps inside
// the last bucket despite rounding.
const SCALE_SHRINK = 1 - 2 ** -20;

export interface QueueEntry<T> {
  /** null stands for +Infinity, which JSON cannot hold. */
  timeMs: number | null;
  seq: number;
  payload: T;
}

const timeOf = (entry: QueueEntry<unknown>) => entry.timeMs ?? Number.POSITIVE_INFINITY;

function compareEntries<T>(a: QueueEntry<T>, b: QueueEntry<T>): number {
  const ta = timeOf(a);
  const tb = timeOf(b);
  if (ta !== tb) return ta < tb ? -1 : 1;
  return a.seq - b.seq;
}

export class EventQueue<T> {
  // The heap at the bottom: (time, slot) pairs.
  private heapTimes: Float64Array;
  private heapSlots: Int32Array;
  private heapCount = 0;

  private timeBySlot: Float64Array;
  // Float64 holds integers exactly up to 2^53: no wrap-around in practice.
  private seqBySlot: Float64Array;
  // Link to the next entry of the same bucket or list; -1 ends it.
  private nextBySlot: Int32Array;
  private payloads: (T | undefined)[];
  private freeSlots: Int32Array;
  private freeCount = 0;
  private count = 0;
  private nextSeq = 0;

  // Rung r maps time t to bucket floor((t / 2 - rungHalfStart[r]) *
  // rungScale[r]) (halving first keeps the difference finite for any two
  // finite times). Buckets below rungCursor[r] are used up: their times
  // belong to the rungs below or the heap. Bucket j of rung r is
  // rungBuckets[r][3j .. 3j + 2] = [head slot, tail slot, entry count].
  // Rung 0 always exists; past its last bucket lies the top list.
  private rungCount = 1;
  private readonly rungHalfStart = new Float64Array(MAX_RUNGS);
  private readonly rungScale = new Float64Array(MAX_RUNGS).fill(1);
  private readonly rungBucketCount = new Int32Array(MAX_RUNGS);
  private readonly rungCursor = new Int32Array(MAX_RUNGS);
  private readonly rungBuckets: Int32Array[] = [];

  private topHead = -1;
  private topTail = -1;
  private topCount = 0;
  private topMin = Number.POSITIVE_INFINITY;
  private topMax = Number.NEGATIVE_INFINITY;

  private infiniteHead = -1;
  private infiniteTail = -1;

  constructor(initialCapacity: number = DEFAULT_CAPACITY) {
    const capacity = Math.max(1, Math.ceil(initialCapacity));
    const heapCapacity = Math.min(capacity, DEFAULT_CAPACITY);
    this.heapTimes = new Float64Array(heapCapacity);
    this.heapSlots = new Int32Array(heapCapacity);
    this.timeBySlot = new Float64Array(capacity);
    this.seqBySlot = new Float64Array(capacity);
    this.nextBySlot = new Int32Array(capacity);
    this.freeSlots = new Int32Array(capacity);
    this.payloads = new Array<T | undefined>(capacity).fill(undefined);
    for (let r = 0; r < MAX_RUNGS; r++) this.rungBuckets.push(new Int32Array(0));
  }

  get size(): number {
    return this.count;
  }

  peekTimeMs(): number {
    // With only +Infinity events left (or none), the answer is the same.
    if (this.heapCount === 0 && !this.refillHeap()) return Number.POSITIVE_INFINITY;
    return this.heapTimes[0]!;
  }

  peek(): T | undefined {
    if (this.heapCount === 0 && !this.refillHeap()) {
      return this.infiniteHead < 0 ? undefined : this.payloads[this.infiniteHead];
    }
    return this.payloads[this.heapSlots[0]!];
  }

  push(timeMs: number, payload: T): void {
    // A NaN compares false both ways and would silently corrupt the order.
    if (Number.isNaN(timeMs)) throw new RangeError('EventQueue.push: timeMs is NaN');
    const n = this.count;
    if (n === this.payloads.length) this.grow();
    // With no free slot, every slot below `count` is live, so `count` is the
    // next never-used one.
    const slot = this.freeCount > 0 ? this.freeSlots[--this.freeCount]! : n;
    this.payloads[slot] = payload;
    this.seqBySlot[slot] = this.nextSeq++;
    this.timeBySlot[slot] = timeMs;
    this.count = n + 1;
    if (timeMs === Number.POSITIVE_INFINITY) {
      this.nextBySlot[slot] = -1;
      if (this.infiniteTail < 0) this.infiniteHead = slot;
      else this.nextBySlot[this.infiniteTail] = slot;
      this.infiniteTail = slot;
      return;
    }
    // Rung by rung: a time whose bucket is used up belongs further down.
    const half = timeMs * 0.5;
    for (let r = 0; r < this.rungCount; r++) {
      let k = Math.floor((half - this.rungHalfStart[r]!) * this.rungScale[r]!);
      const bucketCount = this.rungBucketCount[r]!;
      // A finer rung covers one bucket of the rung above, up to the latest
      // entry that bucket held when it was split: later times, up to that
      // bucket's end, belong with its last bucket.
      if (k >= bucketCount && r > 0) k = bucketCount - 1;
      if (k < this.rungCursor[r]!) continue;
      if (k < bucketCount) this.appendToBucket(this.rungBuckets[r]!, k, slot);
      else this.appendTop(slot, timeMs);
      return;
    }
    this.heapPush(timeMs, slot);
  }

  // Read peekTimeMs() first when the time is needed: it costs nothing and
  // keeps pop() free of allocation.
  pop(): T | undefined {
    let slot: number;
    if (this.heapCount > 0 || this.refillHeap()) {
      slot = this.heapSlots[0]!;
      this.heapRemoveTop();
    } else {
      slot = this.infiniteHead;
      if (slot < 0) return undefined;
      this.infiniteHead = this.nextBySlot[slot]!;
      if (this.infiniteHead < 0) this.infiniteTail = -1;
    }
    const payload = this.payloads[slot];
    this.payloads[slot] = undefined;
    this.freeSlots[this.freeCount++] = slot;
    this.count--;
    return payload;
  }

  /**
   * Every pending entry with its sequence number, in firing order: plain data
   * for a checkpoint. `nextSeq` is the sequence the next push will get.
   */
  entries(): { entries: QueueEntry<T>[]; nextSeq: number } {
    const entries: QueueEntry<T>[] = [];
    const free = new Set<number>();
    for (let i = 0; i < this.freeCount; i++) free.add(this.freeSlots[i]!);
    // Slots below the high-water mark that are not free are exactly the live ones.
    const highWater = this.count + this.freeCount;
    for (let slot = 0; slot < highWater; slot++) {
      if (free.has(slot)) continue;
      const timeMs = this.timeBySlot[slot]!;
      entries.push({
        timeMs: timeMs === Number.POSITIVE_INFINITY ? null : timeMs,
        seq: this.seqBySlot[slot]!,
        payload: this.payloads[slot] as T,
      });
    }
    entries.sort(compareEntries);
    return { entries, nextSeq: this.nextSeq };
  }

  /**
   * A queue that pops exactly what the checkpointed one would have: the order
   * is (time, sequence) alone, so the ladder's shape need not be saved.
   */
  static fromEntries<P>(saved: {
    entries: readonly QueueEntry<P>[];
    nextSeq: number;
  }): EventQueue<P> {
    const queue = new EventQueue<P>(Math.max(DEFAULT_CAPACITY, saved.entries.length));
    const sorted = [...saved.entries].sort(compareEntries);
    for (const entry of sorted) {
      queue.nextSeq = entry.seq;
      queue.push(timeOf(entry), entry.payload);
    }
    queue.nextSeq = saved.nextSeq;
    return queue;
  }

  // Keeps the grown capacity: a cleared queue is usually refilled to a
  // similar size (a replay from the start).
  clear(): void {
    this.count = 0;
    this.freeCount = 0;
    this.nextSeq = 0;
    this.heapCount = 0;
    this.rungCount = 1;
    this.rungHalfStart[0] = 0;
    this.rungScale[0] = 1;
    this.rungBucketCount[0] = 0;
    this.rungCursor[0] = 0;
    this.topHead = -1;
    this.topTail = -1;
    this.topCount = 0;
    this.topMin = Number.POSITIVE_INFINITY;
    this.topMax = Number.NEGATIVE_INFINITY;
    this.infiniteHead = -1;
    this.infiniteTail = -1;
    this.payloads.fill(undefined);
  }

  // Called with an empty heap: moves the earliest bucket into it, splitting
  // crowded buckets into finer rungs and building a new first rung from the
  // top list when the rungs are used up. False when only +Infinity events
  // (or none) remain.
  private refillHeap(): boolean {
    for (;;) {
      const r = this.rungCount - 1;
      const buckets = this.rungBuckets[r]!;
      const bucketCount = this.rungBucketCount[r]!;
      let j = this.rungCursor[r]!;
      while (j < bucketCount && buckets[3 * j]! < 0) j++;
      if (j < bucketCount) {
        this.rungCursor[r] = j + 1;
        const head = buckets[3 * j]!;
        const entries = buckets[3 * j + 2]!;
        if (
          entries > MAX_HEAP_BATCH &&
          r + 1 < MAX_RUNGS &&
          this.splitBucket(r + 1, head, entries)
        ) {
          this.rungCount = r + 2;
          continue;
        }
        // Insertion order, into an empty heap: each entry is the newest the
        // heap has seen, as heapPush() assumes.
        for (let s = head; s >= 0; ) {
          const next = this.nextBySlot[s]!;
          this.heapPush(this.timeBySlot[s]!, s);
          s = next;
        }
        return true;
      }
      this.rungCursor[r] = bucketCount;
      if (r > 0) {
        this.rungCount = r;
        continue;
      }
      if (this.topCount === 0) return false;
      const head = this.topHead;
      const entries = this.topCount;
      const min = this.topMin;
      const max = this.topMax;
      this.topHead = -1;
      this.topTail = -1;
      this.topCount = 0;
      this.topMin = Number.POSITIVE_INFINITY;
      this.topMax = Number.NEGATIVE_INFINITY;
      this.buildRung(0, head, entries, min, max);
    }
  }

  // Spreads a crowded bucket over a new rung r; false (and nothing changed)
  // when its times are all equal, as no rung could split them.
  private splitBucket(r: number, head: number, entries: number): boolean {
    const times = this.timeBySlot;
    let min = times[head]!;
    let max = min;
    for (let s = this.nextBySlot[head]!; s >= 0; s = this.nextBySlot[s]!) {
      const t = times[s]!;
      if (t < min) min = t;
      if (t > max) max = t;
    }
    if (min === max) return false;
    this.buildRung(r, head, entries, min, max);
    return true;
  }

  // Makes rung r cover [min, max] with about ENTRIES_PER_BUCKET entries per
  // bucket and deals the list starting at `head` into it, keeping its order.
  private buildRung(r: number, head: number, entries: number, min: number, max: number): void {
    const bucketCount = Math.max(1, Math.ceil(entries / ENTRIES_PER_BUCKET));
    const halfStart = min * 0.5;
    const halfRange = max * 0.5 - halfStart;
    // A positive, finite scale keeps the bucket index free of NaN.
    const scale =
      halfRange > 0 ? Math.min((bucketCount / halfRange) * SCALE_SHRINK, Number.MAX_VALUE) : 1;
    let buckets = this.rungBuckets[r]!;
    if (buckets.length < 3 * bucketCount) {
      buckets = new Int32Array(3 * Math.max(bucketCount, 2 * (buckets.length / 3)));
      this.rungBuckets[r] = buckets;
    }
    for (let j = 0; j < bucketCount; j++) {
      buckets[3 * j] = -1;
      buckets[3 * j + 1] = -1;
      buckets[3 * j + 2] = 0;
    }
    this.rungHalfStart[r] = halfStart;
    this.rungScale[r] = scale;
    this.rungBucketCount[r] = bucketCount;
    this.rungCursor[r] = 0;
    const times = this.timeBySlot;
    for (let s = head; s >= 0; ) {
      const next = this.nextBySlot[s]!;
      const t = times[s]!;
      const k = Math.floor((t * 0.5 - halfStart) * scale);
      if (k < bucketCount) this.appendToBucket(buckets, k, s);
      // Only rounding at the very end of the range gets here.
      else if (r === 0) this.appendTop(s, t);
      else this.appendToBucket(buckets, bucketCount - 1, s);
      s = next;
    }
  }

  private appendToBucket(buckets: Int32Array, k: number, slot: number): void {
    this.nextBySlot[slot] = -1;
    const tail = buckets[3 * k + 1]!;
    if (tail < 0) buckets[3 * k] = slot;
    else this.nextBySlot[tail] = slot;
    buckets[3 * k + 1] = slot;
    buckets[3 * k + 2]!++;
  }

  private appendTop(slot: number, timeMs: number): void {
    this.nextBySlot[slot] = -1;
    if (this.topTail < 0) this.topHead = slot;
    else this.nextBySlot[this.topTail] = slot;
    this.topTail = slot;
    this.topCount++;
    if (timeMs < this.topMin) this.topMin = timeMs;
    if (timeMs > this.topMax) this.topMax = timeMs;
  }

  // The new entry's sequence is larger than every one in the heap, so a
  // parent at the same time already comes first: comparing times is enough.
  private heapPush(timeMs: number, slot: number): void {
    let i = this.heapCount;
    if (i === this.heapTimes.length) this.growHeap();
    const times = this.heapTimes;
    const slots = this.heapSlots;
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
    this.heapCount++;
  }

  private heapRemoveTop(): void {
    const last = this.heapCount - 1;
    this.heapCount = last;
    if (last === 0) return;
    const times = this.heapTimes;
    const slots = this.heapSlots;
    const seqs = this.seqBySlot;
    const time = times[last]!;
    const slot = slots[last]!;
    // Floyd's bottom-up variant: walk the hole to a leaf along the earlier
    // child (one comparison per level), then let the displaced last entry
    // climb; it is usually late, so it rarely climbs far. The child pick is
    // arithmetic rather than a branch because that branch is a coin flip the
    // CPU mispredicts half the time.
    let i = 0;
    let child = 1;
    while (child < last) {
      const right = child + 1;
      if (right < last) {
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

  private growHeap(): void {
    const capacity = this.heapTimes.length * 2;
    this.heapTimes = copyInto(new Float64Array(capacity), this.heapTimes);
    this.heapSlots = copyInto(new Int32Array(capacity), this.heapSlots);
  }

  private grow(): void {
    const capacity = this.payloads.length * 2;
    this.timeBySlot = copyInto(new Float64Array(capacity), this.timeBySlot);
    this.seqBySlot = copyInto(new Float64Array(capacity), this.seqBySlot);
    this.nextBySlot = copyInto(new Int32Array(capacity), this.nextBySlot);
    this.freeSlots = copyInto(new Int32Array(capacity), this.freeSlots);
    for (let i = this.payloads.length; i < capacity; i++) this.payloads.push(undefined);
  }
}

function copyInto<A extends Float64Array | Int32Array>(target: A, source: A): A {
  target.set(source);
  return target;
}
