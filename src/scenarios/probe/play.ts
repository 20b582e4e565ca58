import type { DesignDocument, ScriptAction } from '../../design';
import { createSimulation } from '../../engine';
import { changesWithinFrame, type Measure, measureValue, RunView, type Sample } from './measure';

/** A run as a value: what a lesson starts from, and what a learner's edits make of it. */
export interface RunSpec {
  design: DesignDocument;
  seed: number;
  journal: readonly ScriptAction[];
}

/**
 * Model: measures read once per simulated second, and service counts at every ms they
 * changed (from the frames' history). A second is finer than any lesson asks (a deployment
 * step, a scaling minute), and 600 frames for ten minutes cost a few milliseconds.
 */
export const STEP_MS = 1000;

/**
 * Plays the run headless from 0:00 to `untilMs` and records each measure's value at every
 * moment it could have changed: the same engine, seed and journal as the app's worker, so
 * the same numbers.
 */
export function playMeasures(
  run: RunSpec,
  untilMs: number,
  measures: readonly Measure[],
): Sample[][] {
  const sim = createSimulation(run.design, run.seed, [...run.journal]);
  const view = new RunView();
  const series: Sample[][] = measures.map(() => []);
  const record = (atMs: number, within: boolean) => {
    measures.forEach((m, i) => {
      if (changesWithinFrame(m) !== within) return;
      const value = measureValue(m, view);
      const list = series[i] as Sample[];
      const last = list.at(-1);
      if (last && last.atMs === atMs) last.value = value;
      else if (!last || last.value !== value) list.push({ atMs, value });
    });
  };
  record(0, true);
  record(0, false);
  for (let t = STEP_MS; ; t = Math.min(untilMs, t + STEP_MS)) {
    const frame = sim.advance(t);
    view.take(frame, (atMs) => record(atMs, true));
    record(frame.nowMs, false);
    if (t >= untilMs) break;
  }
  return series;
}

/** The value a series holds at `atMs`: its last sample at or before it. */
export function valueAt(series: readonly Sample[], atMs: number): number {
  let value = series[0]?.value ?? 0;
  for (const s of series) {
    if (s.atMs > atMs) break;
    value = s.value;
  }
  return value;
}

/** The samples that hold during [fromMs, toMs], the one in force at fromMs first. */
export function span(series: readonly Sample[], fromMs: number, toMs: number): Sample[] {
  const inside = series.filter((s) => s.atMs > fromMs && s.atMs <= toMs);
  return [{ atMs: fromMs, value: valueAt(series, fromMs) }, ...inside];
}
