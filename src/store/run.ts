import { create } from 'zustand';
import type { SimMessage } from '../worker/protocol';
import { emptyRunData, fromSnapshot, type RunData, withFrame } from './run-data';

export type SimStatus = 'starting' | 'ready' | 'error';

/** The running simulation as the page sees it: replaced by frames, never saved. */
export interface RunState extends RunData {
  status: SimStatus;
  /** Why the simulation cannot run (engine error, design refused by the engine). */
  error: string | null;
  playing: boolean;
  speed: number;
  /** Bumped on every reset, so views can tell a restart from a frame. */
  generation: number;
}

export const SPEEDS = [1, 2, 5, 10, 25, 50, 100] as const;

export const useRunStore = create<RunState>()(() => ({
  ...emptyRunData(),
  status: 'starting',
  error: null,
  playing: false,
  speed: 1,
  generation: 0,
}));

const set = useRunStore.setState;

/** Fold one worker message into the store: the only way frames get in. */
export function receive(message: SimMessage): void {
  switch (message.kind) {
    case 'reset':
      set((s) => ({
        ...fromSnapshot(message.snapshot),
        status: 'ready',
        error: null,
        playing: message.playing,
        speed: message.speed,
        generation: s.generation + 1,
      }));
      return;
    case 'frame':
      set((s) => ({
        ...withFrame(s, message.frame),
        playing: message.playing,
        speed: message.speed,
      }));
      return;
    case 'error':
      set({ status: 'error', error: message.message, playing: false });
      return;
  }
}

export function setRunError(error: string): void {
  set({ ...emptyRunData(), status: 'error', error, playing: false });
}

export function setPlaying(playing: boolean): void {
  set({ playing });
}

export function setSpeedShown(speed: number): void {
  set({ speed });
}
