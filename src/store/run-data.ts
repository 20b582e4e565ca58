import type {
  Frame,
  InstanceView,
  ServiceEventView,
  ServiceView,
  Snapshot,
  TaskStateCounts,
  TaskView,
} from '../engine';
import { prependEvents } from './event-log';
import { addPoint, emptySeries, type Series } from './series';
import { sameView, upsert } from './views';

/** Live simulation state as the page keeps it: keyed for cheap per-node selection. */
export interface RunData {
  nowMs: number;
  tasks: Readonly<Record<string, TaskView>>;
  /** Task ARNs on each instance (by ec2InstanceId), oldest first, STOPPED left out. */
  instanceTasks: Readonly<Record<string, readonly string[]>>;
  instances: Readonly<Record<string, InstanceView>>;
  services: Readonly<Record<string, ServiceView>>;
  counts: TaskStateCounts;
  series: Series;
  events: readonly ServiceEventView[];
}

export function zeroCounts(): TaskStateCounts {
  return {
    PROVISIONING: 0,
    PENDING: 0,
    ACTIVATING: 0,
    RUNNING: 0,
    DEACTIVATING: 0,
    STOPPING: 0,
    DEPROVISIONING: 0,
    STOPPED: 0,
  };
}

export function emptyRunData(): RunData {
  return {
    nowMs: 0,
    tasks: {},
    instanceTasks: {},
    instances: {},
    services: {},
    counts: zeroCounts(),
    series: emptySeries(),
    events: [],
  };
}

const onInstance = (task: TaskView | undefined) =>
  task?.ec2InstanceId !== undefined && task.lastStatus !== 'STOPPED'
    ? task.ec2InstanceId
    : undefined;

/** Rebuild the chip lists of only the instances whose tasks changed. */
function reindex(
  data: RunData,
  tasks: Readonly<Record<string, TaskView>>,
  changed: readonly string[],
): Readonly<Record<string, readonly string[]>> {
  const touched = new Set<string>();
  for (const arn of changed) {
    const before = onInstance(data.tasks[arn]);
    const after = onInstance(tasks[arn]);
    // A status change on the same instance keeps the list: its chip reads its own status.
    if (before === after) continue;
    if (before) touched.add(before);
    if (after) touched.add(after);
  }
  if (touched.size === 0) return data.instanceTasks;
  const next = { ...data.instanceTasks };
  for (const id of touched) next[id] = [];
  const lists = next as Record<string, string[]>;
  for (const task of Object.values(tasks)) {
    const id = onInstance(task);
    if (id && touched.has(id)) lists[id]?.push(task.taskArn);
  }
  for (const id of touched) {
    const list = lists[id] ?? [];
    list.sort((a, b) => (tasks[a]?.createdAtMs ?? 0) - (tasks[b]?.createdAtMs ?? 0));
    const old = data.instanceTasks[id];
    // Same members in the same order: keep the old array so the node does not re-render.
    if (old && old.length === list.length && old.every((arn, i) => arn === list[i])) next[id] = old;
  }
  return next;
}

function withTasks(data: RunData, views: readonly TaskView[], removed: readonly string[]): RunData {
  let tasks = upsert(data.tasks, views, (t) => t.taskArn);
  if (removed.length > 0) {
    const copy = { ...tasks };
    for (const arn of removed) delete copy[arn];
    tasks = copy;
  }
  if (tasks === data.tasks) return data;
  const changed = [...views.map((t) => t.taskArn), ...removed];
  return { ...data, tasks, instanceTasks: reindex(data, tasks, changed) };
}

export function fromSnapshot(snapshot: Snapshot): RunData {
  const base = emptyRunData();
  const data = withTasks(base, snapshot.tasks, []);
  return {
    ...data,
    nowMs: snapshot.nowMs,
    instances: upsert(base.instances, snapshot.instances, (i) => i.ec2InstanceId),
    services: upsert(base.services, snapshot.services, (s) => s.serviceName),
    counts: snapshot.taskStateCounts,
    series: addPoint(base.series, snapshot.nowMs, snapshot.taskStateCounts),
    events: prependEvents([], snapshot.serviceEvents),
  };
}

export function withFrame(data: RunData, frame: Frame): RunData {
  const next = withTasks(data, frame.tasks, frame.removedTaskArns);
  return {
    ...next,
    nowMs: frame.nowMs,
    instances: upsert(next.instances, frame.instances, (i) => i.ec2InstanceId),
    services: upsert(next.services, frame.services, (s) => s.serviceName),
    counts: sameView(next.counts, frame.taskStateCounts) ? next.counts : frame.taskStateCounts,
    series: addPoint(next.series, frame.nowMs, frame.taskStateCounts),
    events: prependEvents(next.events, frame.serviceEvents),
  };
}
