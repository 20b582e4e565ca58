import type { ServiceEventView } from '../engine';

export const EVENT_LOG_CAP = 300;

/** Newest first, as the ECS console lists service events; bounded. */
export function prependEvents(
  log: readonly ServiceEventView[],
  incoming: readonly ServiceEventView[],
  cap = EVENT_LOG_CAP,
): readonly ServiceEventView[] {
  if (incoming.length === 0) return log;
  // Reverse first: within one millisecond, later in the frame means newer (sort is stable).
  const newest = [...incoming].reverse().sort((a, b) => b.createdAtMs - a.createdAtMs);
  return [...newest, ...log].slice(0, cap);
}
