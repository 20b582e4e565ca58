/**
 * Canvas geometry in flow coordinates. Each cluster is a frame; inside it,
 * zones are fixed-width columns side by side, with a band for services above
 * them; instances stack inside their lane. Lane x here is relative to the
 * frame's first lane (see frames.ts); the first frame's first lane is at 0.
 */
export const LANE_WIDTH = 320;
export const LANE_GAP = 28;
export const LANE_TOP = 304;
export const LANE_HEADER = 52;
export const LANE_MIN_HEIGHT = 320;
export const INSTANCE_WIDTH = 280;
export const INSTANCE_INSET = (LANE_WIDTH - INSTANCE_WIDTH) / 2;
/** Vertical room one instance node takes in a lane, gap included (room for a placement ribbon and tags). */
export const INSTANCE_SLOT = 232;
export const SERVICE_WIDTH = 250;
export const SERVICE_GAP = 24;
/** Tall enough for a service node with two target groups and its deployment bar. */
export const BAND_HEIGHT = 280;
/** The class of a node's header: the only place a node is dragged from (a body press pans). */
export const NODE_HANDLE = 'node-handle';
/** Pixels a press must travel before it moves a node: a click with a shaky hand stays a click. */
export const NODE_DRAG_THRESHOLD = 6;

/** Room between a frame's edge and its band and lanes, and above them for its label. */
export const FRAME_PAD = 18;
export const FRAME_HEADER = 46;
/** Between one cluster's frame and the next. */
export const FRAME_GAP = 64;

export function laneX(index: number): number {
  return index * (LANE_WIDTH + LANE_GAP);
}

export function lanesWidth(count: number): number {
  return Math.max(1, count) * (LANE_WIDTH + LANE_GAP) - LANE_GAP;
}

/** The lane under flow x, clamped to the outermost lanes. */
export function laneIndexAt(x: number, count: number): number {
  const index = Math.floor(x / (LANE_WIDTH + LANE_GAP));
  return Math.min(Math.max(index, 0), Math.max(count - 1, 0));
}

export const laneContentTop = LANE_TOP + LANE_HEADER;

export interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
}

function overlaps(a: Box, b: Box): boolean {
  return a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;
}

/**
 * The place nearest `wanted` along one axis (not before `min`) where the box
 * overlaps none of `taken`. The answer is `wanted` itself or flush against an
 * edge of a taken box, so those are the only candidates; past the last box is
 * always free, so there is always an answer. A tie goes to the later place
 * (below, or to the right), where a person expects a new thing to go.
 */
export function nearestFreeSpot(
  wanted: Box,
  taken: readonly Box[],
  axis: 'x' | 'y',
  min = Number.NEGATIVE_INFINITY,
): { x: number; y: number } {
  const size = axis === 'x' ? 'width' : 'height';
  const start = Math.max(wanted[axis], min);
  const candidates = [start, ...taken.flatMap((t) => [t[axis] - wanted[size], t[axis] + t[size]])];
  let best = Number.NaN;
  for (const at of candidates) {
    if (at < min) continue;
    const box = { ...wanted, [axis]: at };
    if (taken.some((t) => overlaps(box, t))) continue;
    const d = Math.abs(at - start);
    const bestD = Math.abs(best - start);
    if (Number.isNaN(best) || d < bestD || (d === bestD && at > best)) best = at;
  }
  return axis === 'x' ? { x: best, y: wanted.y } : { x: wanted.x, y: best };
}

/** The first free slot at or below `preferred` in a lane, given the y of the instances in it. */
export function freeSlotY(preferred: number, taken: readonly number[]): number {
  const box = (y: number) => ({ x: 0, y, width: INSTANCE_WIDTH, height: INSTANCE_SLOT });
  const start = Math.max(preferred, laneContentTop);
  return nearestFreeSpot(box(start), taken.map(box), 'y', start).y;
}

/** The column at a frame's right edge where its Auto Scaling groups stand, one under another. */
export const GROUP_WIDTH = 300;
export const GROUP_GAP = 28;
export const GROUP_SLOT = 270;
/** A booting instance's tile: shorter than an instance, in the same slot it will take. */
export const BOOTING_HEIGHT = 118;

/** Below the zone lanes, a Fargate lane per zone: tasks with no instance, grouped by service. */
export const FARGATE_GAP = 24;
export const FARGATE_HEADER = 52;
export const FARGATE_MIN_HEIGHT = 150;
/** A chip is 26 px wide with a 4 px gap; the lane's padding leaves 288 px a row, 24 px high. */
export const FARGATE_CHIPS_PER_ROW = 9;
export const FARGATE_ROW = 24;
/** A service's label above its chips, and the room under its last row. */
export const FARGATE_GROUP_LABEL = 26;
export const FARGATE_GROUP_GAP = 10;

/** How tall a Fargate lane must be for groups of these sizes, in steps so it does not jitter. */
export function fargateLaneHeight(groupSizes: readonly number[]): number {
  let h = FARGATE_HEADER + 12;
  for (const n of groupSizes)
    h +=
      FARGATE_GROUP_LABEL +
      Math.max(1, Math.ceil(n / FARGATE_CHIPS_PER_ROW)) * FARGATE_ROW +
      FARGATE_GROUP_GAP;
  return Math.max(FARGATE_MIN_HEIGHT, Math.ceil(h / 48) * 48);
}
