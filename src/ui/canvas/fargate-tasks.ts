import type { TaskView } from '../../engine';
import { fargateLaneHeight } from './geometry';

/** A task that runs on no instance of the cluster: Fargate, by launch type or provider. */
export function isFargateTask(task: TaskView): boolean {
  return (
    task.launchType === 'FARGATE' ||
    task.capacityProviderName === 'FARGATE' ||
    task.capacityProviderName === 'FARGATE_SPOT'
  );
}

export const isSpotTask = (task: TaskView) => task.capacityProviderName === 'FARGATE_SPOT';

export const fargateLaneId = (cluster: string, az: string) => `${cluster}\u0000${az}`;

/** Service, then on-demand before Spot, then age: each run of equal (service, Spot) is one group. */
function byGroup(a: TaskView, b: TaskView): number {
  const sa = a.serviceName ?? `\uffff${a.family}`;
  const sb = b.serviceName ?? `\uffff${b.family}`;
  if (sa !== sb) return sa < sb ? -1 : 1;
  const spot = Number(isSpotTask(a)) - Number(isSpotTask(b));
  return spot !== 0 ? spot : a.createdAtMs - b.createdAtMs;
}

export interface FargateIndex {
  /** Live (not STOPPED) Fargate tasks per cluster and zone, grouped in order. */
  lanes: Readonly<Record<string, readonly TaskView[]>>;
  /** Per cluster, the zones with a Fargate task now. */
  zones: Readonly<Record<string, readonly string[]>>;
  /** One height for every Fargate lane, tall enough for the fullest. */
  height: number;
}

const sameList = (a: readonly TaskView[] | undefined, b: readonly TaskView[]) =>
  a !== undefined && a.length === b.length && a.every((t, i) => t === b[i]);

/** The consecutive (service, Spot) groups of a lane's ordered tasks, by size. */
export function groupSizes(tasks: readonly TaskView[]): number[] {
  const sizes: number[] = [];
  let last: string | undefined;
  for (const t of tasks) {
    const key = `${t.serviceName ?? t.family}|${isSpotTask(t)}`;
    if (key === last) sizes[sizes.length - 1]! += 1;
    else sizes.push(1);
    last = key;
  }
  return sizes;
}

/**
 * Fargate tasks by lane. One pass over the tasks each time the task record changes
 * (a frame with task changes), never per lane; a lane's list keeps its identity while
 * its tasks did not change, so its node repaints only when one did.
 */
export function indexFargate(
  tasks: Readonly<Record<string, TaskView>>,
  previous?: FargateIndex,
): FargateIndex {
  const lists = new Map<string, TaskView[]>();
  const zones = new Map<string, Set<string>>();
  for (const task of Object.values(tasks)) {
    if (task.lastStatus === 'STOPPED' || !isFargateTask(task)) continue;
    const az = task.availabilityZone ?? '';
    const id = fargateLaneId(task.clusterName, az);
    const list = lists.get(id) ?? [];
    if (list.length === 0) lists.set(id, list);
    list.push(task);
    const set = zones.get(task.clusterName) ?? new Set<string>();
    if (set.size === 0) zones.set(task.clusterName, set);
    set.add(az);
  }
  const lanes: Record<string, readonly TaskView[]> = {};
  let height = fargateLaneHeight([]);
  for (const [id, list] of lists) {
    list.sort(byGroup);
    const old = previous?.lanes[id];
    lanes[id] = old && sameList(old, list) ? old : list;
    height = Math.max(height, fargateLaneHeight(groupSizes(list)));
  }
  return {
    lanes,
    zones: Object.fromEntries([...zones].map(([c, set]) => [c, [...set].sort()])),
    height,
  };
}

let cache: { tasks: Readonly<Record<string, TaskView>>; index: FargateIndex } | undefined;

/** indexFargate of the store's tasks, computed once per task record however many read it. */
export function fargateIndexOf(tasks: Readonly<Record<string, TaskView>>): FargateIndex {
  if (cache?.tasks === tasks) return cache.index;
  const index = indexFargate(tasks, cache?.index);
  cache = { tasks, index };
  return index;
}
