import type { ChartLevel, ChartMark } from './series';

/**
 * Where the labels of levels and marks go, in px, so that none covers another: read from
 * the back of a room, two labels on top of each other read as neither. Pure: the plot
 * draws what this says.
 */

/** About the width of one 14 px bold character. */
const CHAR_PX = 8.2;
const LINE_PX = 17;
const MARK_ROWS = 3;

export interface PlacedLevel extends ChartLevel {
  /** Label above the line, or below it when the level above would cover it. */
  below: boolean;
}

export interface PlacedMark extends ChartMark {
  /** 0, 1, 2: which line under the top the label takes; null: the tick alone. */
  row: number | null;
  /** Right of the tick, or left of it near the plot's right edge. */
  side: 'right' | 'left';
}

/** `plotHeight`: px from the top of the y axis to its 0. */
export function placeLevels(
  levels: readonly ChartLevel[],
  yMax: number,
  plotHeight: number,
): PlacedLevel[] {
  const px = (v: number) => (1 - v / yMax) * plotHeight;
  const sorted = [...levels].sort((a, b) => b.value - a.value);
  const out: PlacedLevel[] = [];
  let previous: { y: number; below: boolean } | undefined;
  for (const level of sorted) {
    const y = px(level.value);
    // Above its line unless the label of the level above sits in the same strip.
    const below =
      previous !== undefined &&
      !previous.below &&
      y - previous.y < LINE_PX &&
      y + LINE_PX < plotHeight;
    out.push({ ...level, below });
    previous = { y, below };
  }
  return out;
}

/** `plotWidth`: px from the time axis' 0 to `toS`. */
export function placeMarks(
  marks: readonly ChartMark[],
  toS: number,
  plotWidth: number,
): PlacedMark[] {
  const rowEnds: number[] = Array.from({ length: MARK_ROWS }, () => Number.NEGATIVE_INFINITY);
  return [...marks]
    .sort((a, b) => a.t - b.t)
    .map((mark) => {
      const x = toS > 0 ? (mark.t / toS) * plotWidth : 0;
      const width = mark.label.length * CHAR_PX + 10;
      const side = x + width > plotWidth ? 'left' : 'right';
      const start = side === 'right' ? x : x - width;
      const row = rowEnds.findIndex((end) => end <= start);
      if (row < 0) return { ...mark, row: null, side };
      rowEnds[row] = start + width;
      return { ...mark, row, side };
    });
}

export const MARK_LINE_PX = LINE_PX;
