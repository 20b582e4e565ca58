import type { Command, DesignDocument } from '../design';
import type { ActionResult, Frame, PlacementExplanation, Snapshot } from '../engine';

/**
 * What crosses the worker boundary. Types only: the main thread imports this
 * file with `import type`, so no engine code ends up in the page's bundle.
 */

export type SimMessage =
  /** A design was (re)loaded: replace everything, virtual time restarts. */
  | { kind: 'reset'; snapshot: Snapshot; playing: boolean; speed: number }
  /** What changed since the last message. */
  | { kind: 'frame'; frame: Frame; playing: boolean; speed: number }
  /** The engine threw while playing; the worker paused itself. */
  | { kind: 'error'; message: string };

export type LoadResult = { ok: true; nowMs: number } | { ok: false; message: string };

export interface SimApi {
  /** Replace the running simulation with a fresh one of `design`, at virtual time 0. */
  load(design: DesignDocument): LoadResult;
  play(): void;
  pause(): void;
  /** Advance virtual time by `seconds` at once and push the frame. */
  step(seconds: number): void;
  /** Virtual seconds per wall second. */
  setSpeed(speed: number): void;
  /** Apply an AWS operation (or a fault) now, and push the frame it causes. */
  apply(command: Command): ActionResult;
  /** Why a task (ARN or id) is on its instance; null when the task is not known. */
  explainTask(taskRef: string): PlacementExplanation | null;
  /** Why a service's next task waits for a place; null while nothing waits. */
  explainService(serviceName: string): PlacementExplanation | null;
  /** One listener; a later call replaces it. Across comlink pass `Comlink.proxy(fn)`. */
  subscribe(callback: (message: SimMessage) => void): void;
}
