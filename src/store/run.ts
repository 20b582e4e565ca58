import { create } from 'zustand';
import type {
  AutoScalingGroupView,
  CapacityProviderView,
  CapacityView,
  CostView,
  ScalableTargetView,
} from '../engine';
import type { SimMessage } from '../worker/protocol';
import type { TimelineView } from '../worker/run';
import { emptyRunData, fromSnapshot, type RunData, withFrame } from './run-data';

/** `stopped`: the worker died or hung; what the page saw stays, frozen, until a restart. */
export type SimStatus = 'starting' | 'ready' | 'error' | 'stopped';

/** The running simulation as the page sees it: replaced by frames, never saved. */
export interface RunState extends RunData {
  status: SimStatus;
  /** Why the simulation cannot run (engine error, design refused by the engine). */
  error: string | null;
  playing: boolean;
  speed: number;
  /** Bumped on every reset (a new run, a seek, another branch), so views can tell a jump from a frame. */
  generation: number;
  /** Bumped when another run or branch is shown: what was recorded before may differ. A seek keeps it. */
  runGeneration: number;
  /** How far the shown branch has been played: the timeline's right end. */
  endMs: number;
  timeline: TimelineView;
}

export const SPEEDS = [1, 2, 5, 10, 25, 50, 100] as const;

export function emptyTimeline(): TimelineView {
  return { branchId: 1, branches: [], endMs: 0, marks: [], journal: [] };
}

export const useRunStore = create<RunState>()(() => ({
  ...emptyRunData(),
  status: 'starting',
  error: null,
  playing: false,
  speed: 1,
  generation: 0,
  runGeneration: 0,
  endMs: 0,
  timeline: emptyTimeline(),
}));

const set = useRunStore.setState;

/**
 * Selectors for the capacity, scaling and cost views. Each returns the same object while
 * nothing in it changed (run-data.ts keeps it), so a screen renders when its part moves.
 */
export const useCapacity = (): CapacityView | undefined => useRunStore((s) => s.capacity);
export const useScaling = (): readonly ScalableTargetView[] | undefined =>
  useRunStore((s) => s.scaling);
export const useCost = (): CostView | undefined => useRunStore((s) => s.cost);

export const useAutoScalingGroup = (name: string): AutoScalingGroupView | undefined =>
  useRunStore((s) => s.capacity?.groups.find((g) => g.autoScalingGroupName === name));
export const useCapacityProvider = (name: string): CapacityProviderView | undefined =>
  useRunStore((s) => s.capacity?.providers.find((p) => p.name === name));
/** A service's scalable target, if it has one. */
export const useScalableTarget = (serviceName: string): ScalableTargetView | undefined =>
  useRunStore((s) => s.scaling?.find((t) => t.serviceName === serviceName));

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
        runGeneration: message.reason === 'seek' ? s.runGeneration : s.runGeneration + 1,
        endMs: message.timeline.endMs,
        timeline: message.timeline,
      }));
      return;
    case 'frame':
      set((s) => ({
        ...withFrame(s, message.frame),
        playing: message.playing,
        speed: message.speed,
        endMs: message.endMs,
      }));
      return;
    case 'timeline':
      set({ timeline: message.timeline, endMs: message.timeline.endMs });
      return;
    case 'error':
      set({ status: 'error', error: message.message, playing: false });
      return;
  }
}

/** Nothing has happened yet: edits shape the design itself rather than the run. */
export function isPristine(s: RunState = useRunStore.getState()): boolean {
  return (
    s.nowMs === 0 &&
    s.endMs === 0 &&
    s.timeline.journal.length === 0 &&
    s.timeline.branches.length <= 1
  );
}

export function setRunError(error: string): void {
  set({ ...emptyRunData(), status: 'error', error, playing: false });
}

/** The worker is gone: keep the moment shown (the design's overlay, the journal), frozen. */
export function setStopped(): void {
  set({ status: 'stopped', playing: false });
}

/** A new worker is starting: the frozen moment stays on screen until its first reset. */
export function setRestarting(): void {
  set({ status: 'starting', playing: false });
}

export function setPlaying(playing: boolean): void {
  set({ playing });
}

export function setSpeedShown(speed: number): void {
  set({ speed });
}
