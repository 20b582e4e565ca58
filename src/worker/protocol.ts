import type { Command, DesignDocument, ScriptAction } from '../design';
import type {
  ActionResult,
  CapacityProviderExplanation,
  Frame,
  PlacementExplanation,
  ScalingExplanation,
  Snapshot,
} from '../engine';
import type { HistoryWindow, RunMemory, RunSpec, TimelineView } from './run';

/**
 * What crosses the worker boundary. Types only: the main thread imports this
 * file with `import type`, so no engine code ends up in the page's bundle.
 */

export type ResetReason = 'load' | 'seek' | 'branch';

export type SimMessage =
  /** The state at one moment replaces everything: a new run, a seek, another branch. */
  | {
      kind: 'reset';
      reason: ResetReason;
      snapshot: Snapshot;
      timeline: TimelineView;
      playing: boolean;
      speed: number;
    }
  /** What changed since the last message; `endMs` is how far the shown branch has been played. */
  | { kind: 'frame'; frame: Frame; endMs: number; playing: boolean; speed: number }
  /** The branches or the marks changed. */
  | { kind: 'timeline'; timeline: TimelineView }
  /** The engine threw while playing; the worker paused itself. */
  | { kind: 'error'; message: string }
  /** Still working: sent during a long replay, which keeps the worker from answering a ping. */
  | { kind: 'beat' };

/**
 * Faults the e2e suite injects to check that the page survives its worker: the next step
 * throws inside the engine's step, never returns, or an error escapes the worker. Honoured
 * only by a worker started for tests (see client.ts); any other worker refuses them.
 */
export type TestFault = 'throw' | 'hang' | 'crash';

export type LoadResult = { ok: true; nowMs: number } | { ok: false; message: string };

/** A new run: a design alone starts at 0:00; a whole spec reopens a run where it was left. */
export type RunRequest =
  | { design: DesignDocument; seed?: number; journal?: readonly ScriptAction[] }
  | RunSpec;

export interface HistoryQuery {
  fromMs: number;
  toMs: number;
  /** About the chart's width in pixels. */
  columns: number;
  keys: readonly string[];
  /** Another branch, to compare; the shown one when absent. */
  branchId?: number;
}

export type ApplyResult = ActionResult & { forked?: boolean };

export interface SimApi {
  /** Replace the run with a new one (see RunRequest) and push a reset. */
  load(request: RunRequest): LoadResult;
  play(): void;
  pause(): void;
  /** Advance virtual time by `seconds` at once and push the frame. */
  step(seconds: number): void;
  /** Virtual seconds per wall second. */
  setSpeed(speed: number): void;
  /** Apply an AWS operation (or a fault) now, journal it, and push the frame it causes. */
  apply(command: Command): ApplyResult;
  /** Show the shown branch at `atMs` (clamped to what it has played) and push a reset. */
  seek(atMs: number): void;
  /** Show another branch at the same moment and push a reset. */
  switchBranch(branchId: number): void;
  /** Part of a branch's history, decimated to about one point per column. */
  history(query: HistoryQuery): HistoryWindow | null;
  /** The run as a value: what a reload or a link carries. */
  spec(): RunSpec | null;
  memory(): RunMemory | null;
  /** Why a task (ARN or id) is on its instance; null when the task is not known. */
  explainTask(taskRef: string): PlacementExplanation | null;
  /** Why a service's next task waits for a place; null while nothing waits. */
  explainService(serviceName: string): PlacementExplanation | null;
  /** Why a service's desired count is what it is; null without a scalable target. */
  explainScaling(serviceName: string): ScalingExplanation | null;
  /** What a capacity provider's managed scaling does next and what holds it; null when unknown. */
  explainCapacityProvider(name: string): CapacityProviderExplanation | null;
  /** One listener; a later call replaces it. Across comlink pass `Comlink.proxy(fn)`. */
  subscribe(callback: (message: SimMessage) => void): void;
  /** The heartbeat: answers at once unless the worker is stuck in a step. */
  ping(): number;
  /** Arm a test fault; false when this worker was not started for tests. */
  fault(kind: TestFault): boolean;
}
