import type { Command, DesignDocument, ScriptAction } from '../../design';
import {
  type ActionResult,
  createSimulation,
  type EngineCheckpoint,
  type Frame,
  restoreSimulation,
  type ServiceEventView,
  type Simulation,
  type Snapshot,
} from '../../engine';
import { CheckpointShelf } from './checkpoints';
import { History, type HistoryWindow } from './history';
import { marksOf } from './marks';
import { mergeFrames } from './merge-frames';
import type { BranchInfo, RunMemory, RunSpec, TimelineMark, TimelineView } from './types';

/** Every two simulated minutes at first; the shelf doubles it when it fills. */
export const CHECKPOINT_EVERY_MS = 120_000;
/** About 128 MB at most for one branch's checkpoints (about 1.5 simulated hours of 2,000 tasks). */
export const CHECKPOINT_BUDGET_CHARS = 128 * 1024 * 1024;
/**
 * Task changes (a task placed, started, stopped) played since the last checkpoint after
 * which one is taken early: a seek replays at most about this much work, so a burst of
 * placements does not make the moments after it slow to reach.
 */
export const CHECKPOINT_AFTER_TASK_CHANGES = 1_000;
/**
 * Checkpoint characters one unit of work pays for. A unit is one thing a frame carries (a
 * task change, an EventBridge event, a datapoint, a service event): the engine spends
 * about 10-12 us on one, and writing a checkpoint about 5 ns a character (measured on B3
 * and the seek hour), so a unit costs about what 2,000 characters do. A due checkpoint is
 * taken once the work since the last one times this reaches the last one's size: the
 * checkpoints then cost at most about a quarter of the engine's time, and a seek replays
 * at most about three times what its restore (JSON.parse and restoreSimulation, ~7 ns a
 * character) costs. A quiet stretch (a few datapoints a minute) goes on without one,
 * which its replay can afford. On B3's day: 1,000 took 48 checkpoints (~250 ms), 500 took
 * 25 (~120 ms) with the same median seek (14 ms); the seek hour, paced by its bursts
 * (CHECKPOINT_AFTER_TASK_CHANGES), keeps 8 either way.
 */
export const CHECKPOINT_CHARS_PER_WORK = 500;
/** The log a seek sends: ECS's console shows 100 events a service; this is the run's. */
export const EVENTS_SENT = 500;

interface Branch {
  id: number;
  parentId: number | null;
  forkedAtMs: number;
  journal: ScriptAction[];
  /** The furthest virtual time this branch was played to: its recorded future ends here. */
  endMs: number;
  history: History;
  checkpoints: CheckpointShelf;
  serviceEvents: ServiceEventView[];
  marks: TimelineMark[];
  /** Task changes played on new ground since this branch's last checkpoint. */
  changesSinceCheckpoint: number;
  /** Work (CHECKPOINT_CHARS_PER_WORK's units) played on new ground since then. */
  workSinceCheckpoint: number;
}

/** What a frame says the engine did: the units of CHECKPOINT_CHARS_PER_WORK. */
function workOf(frame: Frame): number {
  return (
    frame.tasks.length + frame.events.length + frame.metrics.length + frame.serviceEvents.length
  );
}

function mmss(ms: number): string {
  const s = Math.floor(ms / 1000);
  const h = Math.floor(s / 3600);
  const m = Math.floor((s % 3600) / 60);
  const pad = (n: number) => String(n).padStart(2, '0');
  return h > 0 ? `${h}:${pad(m)}:${pad(s % 60)}` : `${m}:${pad(s % 60)}`;
}

/**
 * The run the worker keeps: design + seed + one journal per branch, checkpoints to seek
 * quickly, and the history the charts draw, recorded once per branch as it is first
 * played. The engine is deterministic, so replaying a branch after a seek produces the
 * same history and events: what is already recorded is skipped, never doubled.
 */
export class RunKeeper {
  private sim: Simulation;
  private branch: Branch;
  private readonly branches = new Map<number, Branch>();
  private nextBranchId = 1;
  private readonly startMs: number;
  /** What checkpoints cost this keeper so far (wall time: the bench's, not the run's). */
  private readonly cost = { taken: 0, chars: 0, ms: 0 };

  constructor(
    readonly design: DesignDocument,
    readonly seed: number = design.seed,
    journal: readonly ScriptAction[] = [],
    private readonly options: {
      everyMs?: number;
      budgetChars?: number;
      changesPerCheckpoint?: number;
      /** CHECKPOINT_CHARS_PER_WORK; Infinity takes every due checkpoint, however little happened. */
      charsPerWork?: number;
      /**
       * Called between the checkpoint intervals of a long advance: a replay of an hour
       * is busy for seconds, and the worker says it is still alive (the page's heartbeat).
       */
      onProgress?: () => void;
    } = {},
  ) {
    this.startMs = Date.parse(design.startTime);
    this.sim = createSimulation(design, seed, journal);
    this.branch = this.newBranch(null, 0, [...journal], new History(), this.newShelf());
    const snapshot = this.sim.snapshot();
    this.branch.history.setCounts(0, snapshot.taskStateCounts);
    for (const s of snapshot.services) {
      this.branch.history.add({
        atMs: 0,
        services: {
          [s.serviceName]: {
            desiredCount: s.desiredCount,
            runningCount: s.runningCount,
            pendingCount: s.pendingCount,
            healthyCount: s.healthyCount,
            lowerBound: s.bounds.lower,
            upperBound: s.bounds.upper,
          },
        },
      });
    }
    this.branch.checkpoints.add(0, JSON.stringify(this.sim.checkpoint()));
  }

  /** Reopen a run at the moment it was left, its recorded future played again. */
  static open(spec: RunSpec, options: { onProgress?: () => void } = {}): RunKeeper {
    const keeper = new RunKeeper(spec.design, spec.seed, spec.journal, options);
    keeper.advance(Math.max(spec.endMs, spec.atMs));
    keeper.seek(spec.atMs);
    return keeper;
  }

  get nowMs(): number {
    return this.sim.nowMs;
  }

  get branchId(): number {
    return this.branch.id;
  }

  get endMs(): number {
    return this.branch.endMs;
  }

  /** Whether nothing has happened yet: no time played, no command applied. */
  get pristine(): boolean {
    return this.branch.endMs === 0 && this.branch.journal.length === 0 && this.branches.size === 1;
  }

  /** The engine itself, for questions the keeper does not wrap (explain, describe). */
  get simulation(): Simulation {
    return this.sim;
  }

  /** Play forward to `toMs`, checkpointing on the way; one frame for all of it. */
  advance(toMs: number): Frame {
    let frame: Frame | undefined;
    const b = this.branch;
    for (;;) {
      const due = b.checkpoints.nextDueMs(this.sim.nowMs);
      const stop = due > this.sim.nowMs && due < toMs ? due : toMs;
      const newGround = stop > b.endMs;
      const part = this.sim.advance(stop);
      this.record(part);
      frame = frame ? mergeFrames(frame, part) : part;
      if (newGround) {
        b.changesSinceCheckpoint += part.tasks.length;
        b.workSinceCheckpoint += workOf(part);
      }
      const busy =
        newGround &&
        b.changesSinceCheckpoint >=
          (this.options.changesPerCheckpoint ?? CHECKPOINT_AFTER_TASK_CHANGES);
      const perWork = this.options.charsPerWork ?? CHECKPOINT_CHARS_PER_WORK;
      const worth =
        perWork === Number.POSITIVE_INFINITY ||
        b.workSinceCheckpoint * perWork >= b.checkpoints.lastChars;
      if ((stop >= due && stop > 0 && worth) || busy) {
        const t0 = performance.now();
        const json = JSON.stringify(this.sim.checkpoint());
        this.cost.ms += performance.now() - t0;
        this.cost.taken++;
        this.cost.chars += json.length;
        b.checkpoints.add(stop, json);
        b.changesSinceCheckpoint = 0;
        b.workSinceCheckpoint = 0;
      }
      if (stop >= toMs) break;
      this.options.onProgress?.();
    }
    return frame;
  }

  /**
   * Apply an operation now. Looking at the past of this branch, it starts a new branch
   * from this moment; the old one, its future included, stays and can be brought back.
   */
  apply(command: Command): { result: ActionResult; frame: Frame; forked: boolean } {
    const now = this.sim.nowMs;
    const forked = now < this.branch.endMs;
    if (forked) {
      const from = this.branch;
      this.branch = this.newBranch(
        from.id,
        now,
        [],
        from.history.until(now),
        from.checkpoints.until(now),
      );
      this.branch.serviceEvents = from.serviceEvents.filter((e) => e.createdAtMs <= now);
      this.branch.marks = from.marks.filter((m) => m.atMs <= now);
      this.branch.endMs = now;
    }
    const result = this.sim.apply(command);
    this.branch.journal = [...this.sim.journal()];
    const frame = this.advance(now);
    return { result, frame, forked };
  }

  /** Show the branch at `atMs`: from the nearest checkpoint, replaying at most one interval. */
  seek(atMs: number): Snapshot {
    const target = Math.max(0, Math.round(atMs));
    const shelved = this.branch.checkpoints.latestAtOrBefore(target);
    // Going on from here is cheaper than a restore unless a checkpoint lies between.
    if (target < this.sim.nowMs || (shelved !== undefined && shelved.atMs > this.sim.nowMs)) {
      this.restoreAt(this.branch, target);
    }
    this.advance(target);
    return this.snapshot();
  }

  /** Bring back another branch at the same moment (or its end, if it ends earlier). */
  switchBranch(id: number): Snapshot {
    const target = this.branches.get(id);
    if (!target) throw new RangeError(`branch ${id} does not exist`);
    const at = Math.min(this.sim.nowMs, target.endMs);
    this.branch = target;
    // Always a restore: the live engine belongs to the other branch.
    this.restoreAt(target, at);
    this.advance(at);
    return this.snapshot();
  }

  /** A fresh engine for `branch` at its latest checkpoint at or before `atMs`. */
  private restoreAt(branch: Branch, atMs: number): void {
    const shelved = branch.checkpoints.latestAtOrBefore(atMs);
    if (shelved) {
      const checkpoint = JSON.parse(shelved.json) as EngineCheckpoint;
      // The branch's whole journal: its entries after the checkpoint replay as they come.
      this.sim = restoreSimulation({ ...checkpoint, journal: [...branch.journal] });
    } else {
      this.sim = createSimulation(this.design, this.seed, [...branch.journal]);
    }
  }

  /** The state now, with this branch's log up to now (not the engine's, which a restore resets). */
  snapshot(): Snapshot {
    const snapshot = this.sim.snapshot();
    return { ...snapshot, serviceEvents: this.eventsUntil(this.sim.nowMs, EVENTS_SENT) };
  }

  /** The last `limit` service events at or before `atMs`, oldest first. */
  eventsUntil(atMs: number, limit: number): ServiceEventView[] {
    const events = this.branch.serviceEvents;
    let end = events.length;
    while (end > 0 && (events[end - 1]?.createdAtMs ?? 0) > atMs) end--;
    return events.slice(Math.max(0, end - limit), end);
  }

  /** A window of one branch's history (this one by default), decimated to `columns`. */
  window(
    fromMs: number,
    toMs: number,
    columns: number,
    keys: readonly string[],
    branchId = this.branch.id,
  ): HistoryWindow | null {
    const branch = this.branches.get(branchId);
    if (!branch) return null;
    const until = Math.min(toMs, branch.endMs);
    const win = branch.history.window(fromMs, toMs, columns, keys);
    // Past the branch's end nothing is known: no point, not a made-up zero.
    const known = win.times.findIndex((t) => t > until);
    if (known >= 0) {
      win.times = win.times.slice(0, known);
      for (const key of Object.keys(win.series))
        win.series[key] = win.series[key]?.slice(0, known) ?? [];
    }
    return win;
  }

  serviceNames(): string[] {
    return this.branch.history.serviceNames();
  }

  timeline(): TimelineView {
    return {
      branchId: this.branch.id,
      branches: [...this.branches.values()].map((b) => this.info(b)),
      endMs: this.branch.endMs,
      marks: this.marks(),
      journal: this.branch.journal,
    };
  }

  /** How many marks the timeline has: it changes when a command or a notable event comes. */
  markCount(): number {
    return this.branch.journal.length + this.branch.marks.length;
  }

  /** The branch's events as marks, with one for each command of its journal. */
  private marks(): TimelineMark[] {
    const commands: TimelineMark[] = this.branch.journal.map((e) => ({
      atMs: Math.round(e.at * 1000),
      kind: 'command',
      text: e.action,
    }));
    return [...commands, ...this.branch.marks].sort((a, b) => a.atMs - b.atMs);
  }

  spec(): RunSpec {
    return {
      design: this.design,
      seed: this.seed,
      journal: this.branch.journal,
      atMs: this.sim.nowMs,
      endMs: this.branch.endMs,
    };
  }

  /** Checkpoints taken (thinned ones included), their characters and the ms spent writing them. */
  checkpointCost(): { taken: number; chars: number; ms: number } {
    return { ...this.cost };
  }

  memory(): RunMemory {
    let checkpoints = 0;
    let checkpointChars = 0;
    let historyPoints = 0;
    let serviceEvents = 0;
    const shelves = new Set<CheckpointShelf>();
    for (const b of this.branches.values()) {
      shelves.add(b.checkpoints);
      historyPoints += b.history.size();
      serviceEvents += b.serviceEvents.length;
    }
    for (const shelf of shelves) {
      checkpoints += shelf.count;
      checkpointChars += shelf.size;
    }
    return {
      checkpoints,
      checkpointChars,
      checkpointEveryMs: this.branch.checkpoints.everyMs,
      historyPoints,
      serviceEvents,
    };
  }

  private info(b: Branch): BranchInfo {
    return {
      id: b.id,
      label: b.parentId === null ? 'main' : `from ${mmss(b.forkedAtMs)}`,
      parentId: b.parentId,
      forkedAtMs: b.forkedAtMs,
      endMs: b.endMs,
      commands: b.journal.length,
    };
  }

  private newShelf(): CheckpointShelf {
    return new CheckpointShelf(
      this.options.everyMs ?? CHECKPOINT_EVERY_MS,
      this.options.budgetChars ?? CHECKPOINT_BUDGET_CHARS,
    );
  }

  private newBranch(
    parentId: number | null,
    forkedAtMs: number,
    journal: ScriptAction[],
    history: History,
    checkpoints: CheckpointShelf,
  ): Branch {
    const branch: Branch = {
      id: this.nextBranchId++,
      parentId,
      forkedAtMs,
      journal,
      endMs: 0,
      history,
      checkpoints,
      serviceEvents: [],
      marks: [],
      changesSinceCheckpoint: 0,
      workSinceCheckpoint: 0,
    };
    this.branches.set(branch.id, branch);
    return branch;
  }

  /** Fold a frame into the branch, skipping what an earlier pass already recorded. */
  private record(frame: Frame): void {
    const b = this.branch;
    const from = b.endMs;
    for (const sample of frame.history) if (sample.atMs >= from) b.history.add(sample);
    const fresh: ServiceEventView[] = [];
    for (const e of frame.serviceEvents) {
      if (e.createdAtMs < from) continue;
      if (e.createdAtMs === from && this.hasEventAtEnd(e)) continue;
      b.serviceEvents.push(e);
      fresh.push(e);
    }
    // Marks of the same kind and subject within a minute fold into one, so an event at
    // exactly `from` seen again on a replay adds nothing.
    marksOf(frame.events, fresh, b.marks, this.startMs, from);
    b.endMs = Math.max(b.endMs, frame.nowMs);
  }

  private hasEventAtEnd(e: ServiceEventView): boolean {
    const events = this.branch.serviceEvents;
    for (let i = events.length - 1; i >= 0; i--) {
      const seen = events[i];
      if (!seen || seen.createdAtMs < e.createdAtMs) return false;
      if (seen.id === e.id) return true;
    }
    return false;
  }
}
