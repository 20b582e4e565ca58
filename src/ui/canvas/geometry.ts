/**
 * Canvas geometry in flow coordinates. Zones are fixed-width columns side by
 * side, with a band for services above them; instances stack inside their lane.
 */
export const LANE_WIDTH = 320;
export const LANE_GAP = 28;
export const LANE_TOP = 224;
export const LANE_HEADER = 52;
export const LANE_MIN_HEIGHT = 320;
export const INSTANCE_WIDTH = 280;
export const INSTANCE_INSET = (LANE_WIDTH - INSTANCE_WIDTH) / 2;
/** Vertical room one instance node takes in a lane, gap included (room for a placement ribbon and tags). */
export const INSTANCE_SLOT = 232;
export const SERVICE_WIDTH = 250;
export const SERVICE_GAP = 24;
export const BAND_HEIGHT = 200;
/** The class of a node's header: the only place a node is dragged from (a body press pans). */
export const NODE_HANDLE = 'node-handle';
/** Pixels a press must travel before it moves a node: a click with a shaky hand stays a click. */
export const NODE_DRAG_THRESHOLD = 6;

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

/** The first y at or below `preferred` where an instance overlaps none of `taken`. */
export function freeSlotY(preferred: number, taken: readonly number[]): number {
  let y = Math.max(preferred, laneContentTop);
  for (;;) {
    const clash = taken.find((other) => Math.abs(other - y) < INSTANCE_SLOT);
    if (clash === undefined) return y;
    y = clash + INSTANCE_SLOT;
  }
}
