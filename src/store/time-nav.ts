import { useRunStore } from './run';
import { seek, step } from './sim-control';

/**
 * Moving through time: inside what the branch has played it is a seek; past its end
 * the run plays on. One seek at a time: a drag asks often, the latest target wins.
 */
let inFlight = false;
let wanted: number | null = null;

export function scrubTo(atMs: number): void {
  const { endMs } = useRunStore.getState();
  wanted = Math.round(Math.min(Math.max(0, atMs), endMs));
  if (inFlight) return;
  const target = wanted;
  wanted = null;
  inFlight = true;
  void seek(target).finally(() => {
    inFlight = false;
    if (wanted !== null) scrubTo(wanted);
  });
}

/** Left/Right: 1 s; with Shift, 10 s. Forward past the played end steps the run on. */
export function stepBy(ms: number): void {
  const { nowMs, endMs } = useRunStore.getState();
  const target = Math.max(0, nowMs + ms);
  if (target <= endMs) scrubTo(target);
  else step((target - nowMs) / 1000);
}

export function goToEnd(): void {
  scrubTo(useRunStore.getState().endMs);
}
