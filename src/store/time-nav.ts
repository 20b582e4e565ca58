import { useRunStore } from './run';
import { seek, step } from './sim-control';

/**
 * Moving through time: inside what the branch has played it is a seek; past its end
 * the run plays on. One seek at a time: a drag asks often, the latest target wins,
 * and a key pressed before the last seek has landed steps from where it is going.
 */
let inFlight = false;
let wanted: number | null = null;
/** Where the playhead is going: the last target asked for, until it has been shown. */
let heading: number | null = null;

export function scrubTo(atMs: number): void {
  const { endMs } = useRunStore.getState();
  const target = Math.round(Math.min(Math.max(0, atMs), endMs));
  heading = target;
  wanted = target;
  if (inFlight) return;
  wanted = null;
  inFlight = true;
  void seek(target).finally(() => {
    inFlight = false;
    if (wanted !== null) scrubTo(wanted);
    else heading = null;
  });
}

/** Left/Right: 1 s; with Shift, 10 s. Forward past the played end steps the run on. */
export function stepBy(ms: number): void {
  const { nowMs, endMs } = useRunStore.getState();
  const from = heading ?? nowMs;
  const target = Math.max(0, from + ms);
  if (target <= endMs) scrubTo(target);
  else if (heading === null) step((target - nowMs) / 1000);
}

export function goToEnd(): void {
  scrubTo(useRunStore.getState().endMs);
}
