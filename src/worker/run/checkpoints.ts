/**
 * Checkpoints of one branch, as JSON text: a string cannot be mutated by the run that
 * goes on, it can be shared by the branches that fork from it, and its length is what
 * it costs. Kept at most every `everyMs` of virtual time (the keeper skips a moment when
 * too little happened since the last one to be worth its size); past `budgetChars` every other one
 * goes (never the first) and the interval doubles, so memory stays bounded however long
 * the run, and a seek replays at most one interval.
 */
export interface ShelvedCheckpoint {
  atMs: number;
  json: string;
}

export class CheckpointShelf {
  private items: ShelvedCheckpoint[] = [];
  private chars = 0;

  constructor(
    public everyMs: number,
    private readonly budgetChars: number,
  ) {}

  /**
   * The first moment after `afterMs` at which a checkpoint may be taken: the last one's
   * time plus a whole number of intervals, so a moment passed over (not worth a
   * checkpoint then) leaves the next chance one interval on.
   */
  nextDueMs(afterMs = 0): number {
    const last = this.items.at(-1);
    if (last === undefined) return 0;
    const intervals = Math.max(1, Math.floor((afterMs - last.atMs) / this.everyMs) + 1);
    return last.atMs + intervals * this.everyMs;
  }

  /** Characters of the latest checkpoint: what writing (and restoring) the next one will cost, about. */
  get lastChars(): number {
    return this.items.at(-1)?.json.length ?? 0;
  }

  add(atMs: number, json: string): void {
    const last = this.items.at(-1);
    if (last && last.atMs >= atMs) return;
    this.items.push({ atMs, json });
    this.chars += json.length;
    while (this.chars > this.budgetChars && this.items.length > 2) this.thin();
  }

  /** The latest checkpoint at or before `atMs`. */
  latestAtOrBefore(atMs: number): ShelvedCheckpoint | undefined {
    let found: ShelvedCheckpoint | undefined;
    for (const item of this.items) {
      if (item.atMs > atMs) break;
      found = item;
    }
    return found;
  }

  /** A shelf with only the checkpoints at or before `atMs`, sharing their text. */
  until(atMs: number): CheckpointShelf {
    const copy = new CheckpointShelf(this.everyMs, this.budgetChars);
    copy.items = this.items.filter((c) => c.atMs <= atMs);
    copy.chars = copy.items.reduce((n, c) => n + c.json.length, 0);
    return copy;
  }

  get count(): number {
    return this.items.length;
  }

  /** Characters held: about the bytes of memory the shelf costs (V8 keeps ASCII JSON one byte a character). */
  get size(): number {
    return this.chars;
  }

  private thin(): void {
    this.items = this.items.filter((_, i) => i % 2 === 0);
    this.chars = this.items.reduce((n, c) => n + c.json.length, 0);
    this.everyMs *= 2;
  }
}
