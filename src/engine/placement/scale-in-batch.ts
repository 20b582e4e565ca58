import { type Bucket, Cell } from './fast/cell';
import { Fenwick } from './fast/fenwick';
import { countAtMost } from './fast/sorted';
import { chooseTaskToStop } from './scale-in';
import { effectiveStrategies } from './strategies/defaults';
import type { CandidateInstance, PickRng, PlacementRequest, TaskOnInstance } from './types';

const NO_VALUE = '(none)';

/** How one strategy ranks a task to stop, read off its instance. */
type Rank =
  | { kind: 'own-constant'; of: (i: CandidateInstance) => number }
  | { kind: 'own-count' }
  | { kind: 'shared'; attribute: string };

/**
 * The strategies before the first random, as chooseTaskToStop reads them. A random
 * draw and the final tie-break are the same single draw among what is left, and a
 * strategy scoring every instance alike (an unknown field) cannot split a tie.
 */
function ranksOf(request: PlacementRequest): Rank[] {
  const { strategies } = effectiveStrategies(request.strategies, request.scheduler);
  const ranks: Rank[] = [];
  const task = request.task;
  for (const s of strategies) {
    if (s.type === 'random') break;
    const field = s.field ?? '';
    if (s.type === 'binpack') {
      if (field === 'cpu')
        ranks.push({ kind: 'own-constant', of: (i) => i.remainingCpu + task.cpu });
      else if (field === 'memory')
        ranks.push({ kind: 'own-constant', of: (i) => i.remainingMemoryMiB + task.memoryMiB });
    } else if (field === 'instanceId' || field === 'host') ranks.push({ kind: 'own-count' });
    else if (field.startsWith('attribute:'))
      ranks.push({ kind: 'shared', attribute: field.slice('attribute:'.length) });
  }
  return ranks;
}

/** A top bucket's tasks, in draw order, with the ones still there counted. */
interface BucketTasks {
  positions: number[];
  alive: Fenwick;
}

/**
 * `count` calls of chooseTaskToStop, each after the one before took its task away
 * and lowered its instance's count of the group (what scale-in does between stops),
 * with the same choices and the same draws, at O(log n) a stop instead of O(n).
 *
 * Why it can be exact: every score of a task is its instance's, and a stop only
 * lowers one instance's count (and its attribute values' totals), so instances sit
 * in cells (one per combination of spread-attribute values, where those totals are
 * equal) and, inside a cell, in buckets of equal own scores (placement's fast/Cell,
 * with scores negated: the most wins). The stop always comes from a best bucket and
 * moves its instance to a worse one. The draw is among the best buckets' tasks in
 * input order: each best bucket keeps its tasks sorted, with a Fenwick tree of those
 * still there. Falls back to the per-task loop on input it cannot index.
 */
export function chooseTasksToStop(
  tasks: readonly TaskOnInstance[],
  instances: readonly CandidateInstance[],
  request: PlacementRequest,
  count: number,
  rng: PickRng,
): string[] {
  const index = StopIndex.build(tasks, instances, request);
  if (!index) return stopOneByOne(tasks, instances, request, count, rng);
  const out: string[] = [];
  for (let k = 0; k < count; k++) {
    const position = index.take(rng);
    if (position === undefined) break;
    out.push(tasks[position]!.taskArn);
  }
  return out;
}

/** The reference: what scale-in did before, one full choice per task. */
export function stopOneByOne(
  tasks: readonly TaskOnInstance[],
  instances: readonly CandidateInstance[],
  request: PlacementRequest,
  count: number,
  rng: PickRng,
): string[] {
  const group = request.task.group;
  const live = instances.map((i) => ({ ...i, taskGroupCounts: { ...i.taskGroupCounts } }));
  const byArn = new Map(live.map((i) => [i.containerInstanceArn, i]));
  let remaining = [...tasks];
  const out: string[] = [];
  for (let k = 0; k < count && remaining.length > 0; k++) {
    const choice = chooseTaskToStop(remaining, live, request, rng);
    const task = remaining.find((t) => t.taskArn === choice.taskArn);
    if (!task) break;
    remaining = remaining.filter((t) => t !== task);
    out.push(task.taskArn);
    const instance = byArn.get(task.containerInstanceArn);
    if (instance) {
      const counts = instance.taskGroupCounts as Record<string, number>;
      counts[group] = Math.max(0, (counts[group] ?? 1) - 1);
    }
  }
  return out;
}

class StopIndex {
  private readonly ranks: Rank[];
  /** Per instance: its remaining tasks (input positions, ascending). */
  private readonly own: number[][];
  private readonly counts: number[];
  private readonly cellOf: Int32Array;
  private readonly cells: Cell[] = [];
  /** Tasks of the group per attribute value: one slot per (shared rank, value). */
  private readonly totals: number[] = [];
  private readonly cached = new Map<Bucket, BucketTasks>();
  /** Tasks whose instance is not in the cluster view: they go first (chooseTaskToStop). */
  private readonly orphans: number[] = [];
  private readonly instanceOf: Int32Array;
  private readonly key: number[];

  private constructor(
    private readonly instances: readonly CandidateInstance[],
    private readonly request: PlacementRequest,
    taskCount: number,
  ) {
    this.ranks = ranksOf(request);
    this.own = instances.map(() => []);
    this.counts = instances.map((i) => i.taskGroupCounts[request.task.group] ?? 0);
    this.cellOf = new Int32Array(instances.length).fill(-1);
    this.instanceOf = new Int32Array(taskCount);
    this.key = [];
  }

  static build(
    tasks: readonly TaskOnInstance[],
    instances: readonly CandidateInstance[],
    request: PlacementRequest,
  ): StopIndex | undefined {
    const index = new StopIndex(instances, request, tasks.length);
    const at = new Map<string, number>();
    for (const [i, instance] of instances.entries()) at.set(instance.containerInstanceArn, i);
    // Several instances under one ARN: chooseTaskToStop's map keeps the last; leave it to it.
    if (at.size !== instances.length) return undefined;
    for (const [p, task] of tasks.entries()) {
      const i = at.get(task.containerInstanceArn);
      index.instanceOf[p] = i ?? -1;
      if (i === undefined) index.orphans.push(p);
      else index.own[i]!.push(p);
    }
    return index.fill() ? index : undefined;
  }

  private fill(): boolean {
    const group = this.request.task.group;
    const slotOf = this.ranks.map(() => new Map<string, number>());
    // Totals count every instance given, with tasks to stop or not (spread's rule).
    for (const instance of this.instances) {
      for (const [r, rank] of this.ranks.entries()) {
        if (rank.kind !== 'shared') continue;
        const value = instance.attributes[rank.attribute] ?? NO_VALUE;
        let slot = slotOf[r]!.get(value);
        if (slot === undefined) {
          slot = this.totals.push(0) - 1;
          slotOf[r]!.set(value, slot);
        }
        this.totals[slot] = this.totals[slot]! + (instance.taskGroupCounts[group] ?? 0);
      }
    }
    const cellIds = new Map<string, number>();
    for (const [i, instance] of this.instances.entries()) {
      if (this.own[i]!.length === 0) continue;
      const slots: number[] = [];
      for (const [r, rank] of this.ranks.entries()) {
        if (rank.kind === 'shared')
          slots.push(slotOf[r]!.get(instance.attributes[rank.attribute] ?? NO_VALUE)!);
      }
      const id = slots.join(',');
      let cell = cellIds.get(id);
      if (cell === undefined) {
        cell = this.cells.push(new Cell(slots)) - 1;
        cellIds.set(id, cell);
      }
      this.cellOf[i] = cell;
      const key = this.ownKey(i);
      if (!key.every(Number.isFinite)) return false;
      this.cells[cell]!.add(i, key);
    }
    return true;
  }

  /** The own scores, negated: Cell keeps the lowest key on top, the stop wants the most. */
  private ownKey(i: number): number[] {
    const key = this.key;
    key.length = 0;
    const instance = this.instances[i]!;
    for (const rank of this.ranks) {
      if (rank.kind === 'own-constant') key.push(-rank.of(instance));
      else if (rank.kind === 'own-count') key.push(-this.counts[i]!);
    }
    return key;
  }

  /** Compare two cells' best buckets over every rank in order: < 0 when a stops first. */
  private compareCells(a: Cell, b: Cell): number {
    const ta = a.top()!;
    const tb = b.top()!;
    let shared = 0;
    let own = 0;
    for (const rank of this.ranks) {
      let x: number;
      let y: number;
      if (rank.kind === 'shared') {
        x = -this.totals[a.slots[shared]!]!;
        y = -this.totals[b.slots[shared]!]!;
        shared++;
      } else {
        x = ta.key[own]!;
        y = tb.key[own]!;
        own++;
      }
      if (x !== y) return x < y ? -1 : 1;
    }
    return 0;
  }

  private tasksOf(bucket: Bucket): BucketTasks {
    let entry = this.cached.get(bucket);
    if (!entry) {
      const positions: number[] = [];
      for (const i of bucket.members) for (const p of this.own[i]!) positions.push(p);
      positions.sort((x, y) => x - y);
      entry = { positions, alive: new Fenwick(positions.length) };
      this.cached.set(bucket, entry);
    }
    return entry;
  }

  private forget(entry: BucketTasks, position: number): void {
    entry.alive.add(countAtMost(entry.positions, position) - 1, -1);
  }

  /** The next task to stop, as chooseTaskToStop would pick it; undefined when none is left. */
  take(rng: PickRng): number | undefined {
    if (this.orphans.length > 0) {
      const at = this.orphans.length > 1 ? rng.nextInt(this.orphans.length) : 0;
      return this.orphans.splice(at, 1)[0];
    }
    const tied: Cell[] = [];
    for (const cell of this.cells) {
      if (!cell.top()) continue;
      const order = tied.length === 0 ? -1 : this.compareCells(cell, tied[0]!);
      if (order < 0) tied.length = 0;
      if (order <= 0) tied.push(cell);
    }
    if (tied.length === 0) return undefined;
    const entries = tied.map((cell) => this.tasksOf(cell.top()!));
    let total = 0;
    for (const e of entries) total += e.alive.total;
    const n = total > 1 ? rng.nextInt(total) : 0;
    const position = nthAcross(entries, n);
    this.remove(position);
    return position;
  }

  private remove(position: number): void {
    const i = this.instanceOf[position]!;
    const cell = this.cells[this.cellOf[i]!]!;
    const top = cell.top()!;
    const entry = this.tasksOf(top);
    this.forget(entry, position);
    const list = this.own[i]!;
    list.splice(countAtMost(list, position) - 1, 1);
    const before = this.counts[i]!;
    const after = Math.max(0, before - 1);
    this.counts[i] = after;
    // Its attribute values now count one task of the group fewer (spread's totals).
    for (const slot of cell.slots) this.totals[slot] = this.totals[slot]! - (before - after);
    const key = list.length > 0 ? this.ownKey(i) : undefined;
    const stays = key !== undefined && compare(key, top.key) === 0;
    if (stays) return;
    // It leaves the best bucket: its other tasks are no longer among the tied.
    for (const p of list) this.forget(entry, p);
    if (top.members.length === 1) this.cached.delete(top);
    cell.moveFromTop(i, key);
    // Cell may hand the emptied bucket object to the instance; then its cache is stale.
    const now = cell.top();
    if (now && this.cached.has(now) && now.members[countAtMost(now.members, i) - 1] === i)
      this.cached.delete(now);
  }
}

function compare(a: readonly number[], b: readonly number[]): number {
  for (let k = 0; k < a.length; k++) {
    if (a[k] !== b[k]) return a[k]! < b[k]! ? -1 : 1;
  }
  return 0;
}

/** The n-th (0-based) remaining task, in input order, across the tied buckets. */
function nthAcross(entries: readonly BucketTasks[], n: number): number {
  if (entries.length === 1) {
    const only = entries[0]!;
    return only.positions[only.alive.nth(n)]!;
  }
  let lo = 0;
  let hi = 0;
  for (const e of entries) hi = Math.max(hi, e.positions[e.positions.length - 1] ?? 0);
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    let atMost = 0;
    for (const e of entries) atMost += e.alive.prefix(countAtMost(e.positions, mid));
    if (atMost > n) hi = mid;
    else lo = mid + 1;
  }
  return lo;
}
