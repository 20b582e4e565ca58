import type { TaskLastStatus } from '../engine';

/**
 * Task lastStatus in lifecycle order, with the colour each is drawn in on the
 * canvas, the chart and the legend. Calm hues, distinct on a projector; the
 * `satisfies` keeps this list in step with the engine's states.
 */
export const STATUS_COLORS = {
  PROVISIONING: '#a78bfa',
  PENDING: '#f5b942',
  ACTIVATING: '#60a5fa',
  RUNNING: '#22a06b',
  DEACTIVATING: '#f59e6b',
  STOPPING: '#e5675f',
  DEPROVISIONING: '#c084fc',
  STOPPED: '#9aa5b5',
} as const satisfies Record<TaskLastStatus, string>;

export const STATUS_ORDER = Object.keys(STATUS_COLORS) as TaskLastStatus[];

/** The states a bridge-mode task on EC2 passes through; the awsvpc-only ones hide when zero. */
export const CORE_STATUSES: readonly TaskLastStatus[] = [
  'PENDING',
  'RUNNING',
  'STOPPING',
  'STOPPED',
];
