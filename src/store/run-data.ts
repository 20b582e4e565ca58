import type {
  CapacityView,
  CostView,
  Frame,
  InstanceView,
  ScalableTargetView,
  ServiceEventView,
  ServiceView,
  Snapshot,
  TaskStateCounts,
  TaskView,
} from '../engine';
import { prependEvents } from './event-log';
import { sameView, upsert } from './views';

/** Live simulation state as the page keeps it: keyed for cheap per-node selection. */
export interface RunData {
  nowMs: number;
  tasks: Readonly<Record<string, TaskView>>;
  /**
   * The tasks on each instance (by ec2InstanceId), oldest first, STOPPED left
   * out. A list keeps its identity while none of its tasks changed, so an
   * instance repaints its chips only when one of them did.
   */
  instanceTasks: Readonly<Record<string, readonly TaskView[]>>;
  instances: Readonly<Record<string, InstanceView>>;
  services: Readonly<Record<string, ServiceView>>;
  counts: TaskStateCounts;
  events: readonly ServiceEventView[];
  /** Auto Scaling groups and capacity providers; undefined when the run has none. */
  capacity: CapacityView | undefined;
  /** Service auto scaling's scalable targets; undefined when the run has none. */
  scaling: readonly ScalableTargetView[] | undefined;
  /** What the run has cost so far. */
  cost: CostView | undefined;
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
    events: [],
    capacity: undefined,
    scaling: undefined,
    cost: undefined,
  };
}

/**
 * A view sent whole (capacity, scaling, cost): the old object while nothing in it
 * changed, so a screen selecting it does not render again for every frame.
 */
function kept<T extends object>(old: T | undefined, next: T | undefined): T | undefined {
  if (old === undefined || next === undefined) return next;
  return sameView(old, next) ? old : next;
}

const onInstance = (task: TaskView | undefined) =>
  task?.ec2InstanceId !== undefined && task.lastStatus !== 'STOPPED'
    ? task.ec2InstanceId
    : undefined;

const byAge = (a: TaskView, b: TaskView) => a.createdAtMs - b.createdAtMs;

/** The same views in the same order: the old list stays, and with it the node's render. */
function sameList(a: readonly TaskView[] | undefined, b: readonly TaskView[]): boolean {
  return a !== undefined && a.length === b.length && a.every((view, i) => view === b[i]);
}

/**
 * Rebuild the task lists of only the instances whose tasks changed. A task
 * that came or went rebuilds its instance's list from all tasks (insertion
 * order, then age); a task that changed in place swaps its view in place.
 */
function reindex(
  data: RunData,
  tasks: Readonly<Record<string, TaskView>>,
  changed: readonly string[],
): Readonly<Record<string, readonly TaskView[]>> {
  const moved = new Set<string>();
  const updated = new Set<string>();
  for (const arn of changed) {
    const before = onInstance(data.tasks[arn]);
    const after = onInstance(tasks[arn]);
    if (before === after) {
      if (after && data.tasks[arn] !== tasks[arn]) updated.add(after);
      continue;
    }
    if (before) moved.add(before);
    if (after) moved.add(after);
  }
  if (moved.size === 0 && updated.size === 0) return data.instanceTasks;
  const next: Record<string, readonly TaskView[]> = { ...data.instanceTasks };
  if (moved.size > 0) {
    const lists = new Map<string, TaskView[]>([...moved].map((id) => [id, []]));
    for (const task of Object.values(tasks)) {
      const id = onInstance(task);
      if (id) lists.get(id)?.push(task);
    }
    for (const [id, list] of lists) {
      list.sort(byAge);
      if (!sameList(data.instanceTasks[id], list)) next[id] = list;
    }
  }
  for (const id of updated) {
    if (moved.has(id)) continue;
    const old = data.instanceTasks[id] ?? [];
    next[id] = old.map((view) => tasks[view.taskArn] ?? view);
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
    events: prependEvents([], snapshot.serviceEvents),
    capacity: snapshot.capacity,
    scaling: snapshot.scaling,
    cost: snapshot.cost,
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
    events: prependEvents(next.events, frame.serviceEvents),
    // Every frame of a run that has them carries them whole; one without keeps the last.
    capacity: kept(next.capacity, frame.capacity ?? next.capacity),
    scaling: kept(next.scaling, frame.scaling ?? next.scaling),
    cost: kept(next.cost, frame.cost ?? next.cost),
  };
}
