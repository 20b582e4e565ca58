import type { Frame } from '../../engine';

function latestBy<T>(older: readonly T[], newer: readonly T[], key: (item: T) => string): T[] {
  if (older.length === 0) return [...newer];
  if (newer.length === 0) return [...older];
  const byKey = new Map<string, T>();
  for (const item of older) byKey.set(key(item), item);
  for (const item of newer) {
    byKey.delete(key(item));
    byKey.set(key(item), item);
  }
  return [...byKey.values()];
}

/** Two consecutive frames as one: what a single advance over both spans would say. */
export function mergeFrames(a: Frame, b: Frame): Frame {
  const removed = new Set([...a.removedTaskArns, ...b.removedTaskArns]);
  const gone = new Set(b.removedTaskArns);
  const tasks = latestBy(a.tasks, b.tasks, (t) => t.taskArn).filter((t) => !gone.has(t.taskArn));
  return {
    nowMs: b.nowMs,
    tasks,
    removedTaskArns: [...removed],
    instances: latestBy(a.instances, b.instances, (i) => i.ec2InstanceId),
    services: latestBy(a.services, b.services, (s) => s.serviceName),
    events: [...a.events, ...b.events],
    serviceEvents: [...a.serviceEvents, ...b.serviceEvents],
    metrics: [...a.metrics, ...b.metrics],
    taskStateCounts: b.taskStateCounts,
    history: [...a.history, ...b.history],
    // Sent whole: the later frame's, or the earlier one's if the later has none.
    ...((b.capacity ?? a.capacity) && { capacity: b.capacity ?? a.capacity }),
    ...((b.scaling ?? a.scaling) && { scaling: b.scaling ?? a.scaling }),
    ...((b.cost ?? a.cost) && { cost: b.cost ?? a.cost }),
  };
}
