import type { TaskStateCounts } from '../engine';

/** One chart sample: task counts by lastStatus at virtual second `t`. */
export type SeriesPoint = TaskStateCounts & { t: number };

export interface Series {
  points: readonly SeriesPoint[];
  /** Virtual ms between kept points; doubles each time the cap is hit. */
  stepMs: number;
}

/** About two points per pixel column of a dock-sized chart (toolchain note 8). */
export const SERIES_CAP = 600;
const FIRST_STEP_MS = 1000;

export function emptySeries(): Series {
  return { points: [], stepMs: FIRST_STEP_MS };
}

/**
 * Keep the series bounded whatever the run length: points closer than `stepMs`
 * are skipped, and when the cap is reached every other point goes and the step doubles.
 */
export function addPoint(
  series: Series,
  nowMs: number,
  counts: TaskStateCounts,
  cap = SERIES_CAP,
): Series {
  const last = series.points.at(-1);
  const t = nowMs / 1000;
  if (last && (nowMs - last.t * 1000 < series.stepMs || t <= last.t)) return series;
  let points: readonly SeriesPoint[] = [...series.points, { ...counts, t }];
  let stepMs = series.stepMs;
  if (points.length > cap) {
    const lastIndex = points.length - 1;
    points = points.filter((_, i) => i % 2 === 0 || i === lastIndex);
    stepMs *= 2;
  }
  return { points, stepMs };
}
