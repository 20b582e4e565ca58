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
  /**
   * The text drawn above the line: its own label, joined by the labels of the levels just
   * under it (within a line's height), whose lines then go unlabelled: a target at 50 and
   * a scale-in alarm at 45 read as one label, not two on top of each other.
   */
  text: string;
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
  let head: { placed: PlacedLevel; y: number } | undefined;
  for (const level of sorted) {
    const y = px(level.value);
    if (head && y - head.y < LINE_PX) {
      head.placed.text = `${head.placed.text} · ${level.label}`;
      out.push({ ...level, text: '' });
      continue;
    }
    const placed = { ...level, text: level.label };
    out.push(placed);
    head = { placed, y };
  }
  return out;
}

export interface PlacedMark extends ChartMark {
  /** 0, 1, 2: which line under the top the label takes; null: the tick alone. */
  row: number | null;
  /** Right of the tick, or left of it near the plot's right edge. */
  side: 'right' | 'left';
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
