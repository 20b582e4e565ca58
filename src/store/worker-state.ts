import { create } from 'zustand';
import { mmss } from '../design/virtual-clock';

/** The clock as sentences say it; the dock's stopped line reads it from here. */
export { mmss };

/** Why the run's worker stopped, and what the page kept to restart it. */
export interface WorkerStop {
  /** Says what happened, as the end of "The simulation stopped: …". */
  reason: string;
  /** The moment the page last saw: where "Restart from" picks up. */
  atMs: number;
  /** The commands of the shown branch's journal, all kept. */
  commands: number;
  /** A restart from `atMs` failed: only 0:00 is offered. */
  restoreFailed: boolean;
}

export interface WorkerState {
  stop: WorkerStop | null;
}

export const useWorkerStore = create<WorkerState>()(() => ({ stop: null }));

/** The one sentence the dock shows, e.g. "The simulation stopped: …. Your design and the 12 commands you applied are kept." */
export function stopSentence(stop: WorkerStop): string {
  const head = `The simulation stopped: ${stop.reason}.`;
  if (stop.commands === 0) return `${head} Your design is kept.`;
  const commands = stop.commands === 1 ? 'the command' : `the ${stop.commands} commands`;
  return `${head} Your design and ${commands} you applied are kept.`;
}

/** Whether "Restart from <atMs>" can be offered besides "Restart at 0:00". */
export function canRestoreAt(stop: WorkerStop): boolean {
  return stop.atMs > 0 && !stop.restoreFailed;
}
