import type { FitViewOptions } from '@xyflow/react';
import type { BerthNode } from './flow-nodes';

/** The padding every fit leaves around what it fits. */
export const FIT_PADDING = 0.08;

/** A presenter-mode task chip's height in flow units (presenter.css: `.presenter .task-chip`). */
export const PRESENTER_CHIP_PX = 28;
/** The bar for a room: a chip at least 16 px tall on screen. */
export const PRESENTER_MIN_CHIP_ON_SCREEN_PX = 16;
export const PRESENTER_FIT_MIN_ZOOM = PRESENTER_MIN_CHIP_ON_SCREEN_PX / PRESENTER_CHIP_PX;

/**
 * Up to this many instances, presenter mode reads them: the fit zooms to the lanes, the
 * chips at least 16 px tall, and what does not fit is a pan away. With more, the fit shows
 * the whole design and the zone summaries take over (zone-summary.ts), as the issue asks
 * of a large cluster on a projector.
 */
export const PRESENTER_READ_INSTANCES = 9;

/** What the room reads: the instances and their chips, and Fargate's tasks. */
const READ_TYPES = new Set<BerthNode['type']>(['instance', 'booting', 'fargateLane']);

/**
 * How zoom-to-fit frames the design. Out of presenter mode: everything. In presenter mode
 * with a few instances: the instances and Fargate lanes, never so far out that a chip is
 * under 16 px on screen.
 */
export function fitOptionsFor(nodes: readonly BerthNode[], presenter: boolean): FitViewOptions {
  if (!presenter) return { padding: FIT_PADDING };
  const instances = nodes.filter((n) => n.type === 'instance' && !n.hidden).length;
  if (instances === 0 || instances > PRESENTER_READ_INSTANCES) return { padding: FIT_PADDING };
  const read = nodes.filter((n) => READ_TYPES.has(n.type) && !n.hidden).map((n) => ({ id: n.id }));
  return { padding: FIT_PADDING, minZoom: PRESENTER_FIT_MIN_ZOOM, nodes: read };
}
