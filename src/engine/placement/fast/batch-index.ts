import type { Filter } from '../filters/filter';
import type { AssignedPort, CandidateInstance, TaskRequirements } from '../types';
import { type Bucket, Cell } from './cell';
import { type LiveInstance, liveCopy, placeOnLive } from './live';
import type { BatchPlan } from './plan';
import { nthOfUnion } from './sorted';

/** Where a strategy's score is read: a cell's spread counter, or the bucket key. */
interface ScoreSource {
  shared: boolean;
  at: number;
}

function passes(filters: readonly Filter[], instance: CandidateInstance): boolean {
  for (const filter of filters) if (filter.check(instance) !== undefined) return false;
  return true;
}

/**
 * The candidates of a batch, kept ranked between placements. A placement
 * changes one instance (its own scores and filters) and the spread counts
 * of its values (its cell): nothing else needs looking at.
 */
export class BatchIndex {
  /** The instances as they stand: the caller's objects until a task lands on one. */
  readonly current: CandidateInstance[];
  private readonly live: (LiveInstance | undefined)[];
  private readonly cells: Cell[] = [];
  private readonly cellOf: Int32Array;
  /** Tasks of the group per attribute value, one slot per (spread, value). */
  private readonly totals: number[] = [];
  private readonly sources: ScoreSource[] = [];
  private readonly own: ((instance: CandidateInstance) => number)[] = [];
  private readonly scratch: number[];
  /** The cells' best buckets tied at the best scores: the first tiedCount entries. */
  private readonly tied: Bucket[] = [];
  private readonly tiedCells: Cell[] = [];
  private readonly tiedMembers: number[][] = [];
  private tiedCount = 0;

  private constructor(
    private readonly plan: BatchPlan,
    private readonly task: TaskRequirements,
    instances: readonly CandidateInstance[],
  ) {
    this.current = instances.slice();
    this.live = new Array<LiveInstance | undefined>(instances.length);
    this.cellOf = new Int32Array(instances.length);
    let sharedCount = 0;
    for (const rank of plan.ranks) {
      if (rank.shared) this.sources.push({ shared: true, at: sharedCount++ });
      else this.sources.push({ shared: false, at: this.own.push(rank.scoreOf) - 1 });
    }
    this.scratch = new Array<number>(this.own.length).fill(0);
  }

  /** undefined when a score is not a finite number: the scan handles such input alike. */
  static build(
    plan: BatchPlan,
    task: TaskRequirements,
    instances: readonly CandidateInstance[],
  ): BatchIndex | undefined {
    const index = new BatchIndex(plan, task, instances);
    return index.fill(instances) ? index : undefined;
  }

  private fill(instances: readonly CandidateInstance[]): boolean {
    const slotOf = this.plan.ranks.map(() => new Map<string, number>());
    const cellIds = new Map<number | string, number>();
    const slots: number[] = [];
    for (const [i, instance] of instances.entries()) {
      slots.length = 0;
      for (const [s, rank] of this.plan.ranks.entries()) {
        if (!rank.shared) continue;
        const value = rank.valueOf(instance);
        let slot = slotOf[s]!.get(value);
        if (slot === undefined) {
          slot = this.totals.push(rank.startTotalOf(instance)) - 1;
          if (!Number.isFinite(this.totals[slot])) return false;
          slotOf[s]!.set(value, slot);
        }
        slots.push(slot);
      }
      const cellKey = slots.length === 1 ? slots[0]! : slots.join(',');
      let cell = cellIds.get(cellKey);
      if (cell === undefined) {
        cell = this.cells.push(new Cell(slots.slice())) - 1;
        cellIds.set(cellKey, cell);
      }
      this.cellOf[i] = cell;
      if (!passes(this.plan.fixedFilters, instance) || !passes(this.plan.liveFilters, instance)) {
        continue;
      }
      const key = this.scoreInto(instance);
      if (!key.every(Number.isFinite)) return false;
      this.cells[cell]!.add(i, key);
    }
    return true;
  }

  private scoreInto(instance: CandidateInstance): number[] {
    const key = this.scratch;
    for (let k = 0; k < key.length; k++) key[k] = this.own[k]!(instance);
    return key;
  }

  /**
   * Finds the candidates tied at the best score of every strategy, across
   * cells, and returns how many there are (0: none fits).
   */
  gatherTies(): number {
    const { cells, tied, tiedCells } = this;
    let count = 0;
    for (const cell of cells) {
      const top = cell.top();
      if (top === undefined) continue;
      const order = count === 0 ? -1 : this.compare(cell, top, tiedCells[0]!, tied[0]!);
      if (order > 0) continue;
      if (order < 0) count = 0;
      tied[count] = top;
      tiedCells[count] = cell;
      count++;
    }
    this.tiedCount = count;
    let among = 0;
    for (let t = 0; t < count; t++) among += tied[t]!.members.length;
    return among;
  }

  /** The n-th of the gathered ties in input order: the pipeline's `kept[n]`. */
  nthTied(n: number): number {
    if (this.tiedCount === 1) return this.tied[0]!.members[n]!;
    const lists = this.tiedMembers;
    for (let t = 0; t < this.tiedCount; t++) lists[t] = this.tied[t]!.members;
    return nthOfUnion(lists, this.tiedCount, n);
  }

  private compare(a: Cell, aTop: Bucket, b: Cell, bTop: Bucket): number {
    for (const { shared, at } of this.sources) {
      const x = shared ? this.totals[a.slots[at]!]! : aTop.key[at]!;
      const y = shared ? this.totals[b.slots[at]!]! : bTop.key[at]!;
      if (x !== y) return x < y ? -1 : 1;
    }
    return 0;
  }

  /** Puts the task on instance i and re-ranks that instance alone. */
  place(i: number, hostPorts: readonly AssignedPort[] | undefined): void {
    let live = this.live[i];
    if (!live) {
      live = liveCopy(this.current[i]!, this.plan.mapsHostPorts);
      this.live[i] = live;
      this.current[i] = live;
    }
    placeOnLive(live, this.task, hostPorts);
    const cell = this.cells[this.cellOf[i]!]!;
    for (const slot of cell.slots) this.totals[slot]!++;
    // The task went to a best bucket, and each cell's best is its top.
    cell.moveFromTop(i, passes(this.plan.liveFilters, live) ? this.scoreInto(live) : undefined);
  }
}
