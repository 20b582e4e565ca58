import type { InstanceView, TaskView } from '../../engine';
import type { RunState } from '../../store/run';
import { INSTANCE_WIDTH, LANE_HEADER } from './geometry';

/**
 * When a cluster is drawn so small that an instance's chips and numbers are dots, each
 * zone lane shows one summary instead of its instances (semantic zoom). The decision
 * reads the instance node's width on screen: its measured width (presenter mode makes
 * nodes larger) times the zoom. Two thresholds, so a zoom resting near one does not
 * flicker between the two pictures.
 */
export type CanvasDetail = 'instances' | 'zones';

/** Below this on-screen width an instance's 11 px chip letters are under 3.5 px: unreadable. */
export const SUMMARY_BELOW_PX = 90;
/**
 * Zones turn back into instances from this on-screen width (zoom 0.8 for a 280 px node).
 * The zones' own fit stops under it (SUMMARY_FIT_MAX_ZOOM), so fitting the summaries never
 * brings the instances straight back.
 */
export const INSTANCES_FROM_PX = 224;
export const SUMMARY_FIT_MAX_ZOOM = 0.6;

export function nextCanvasDetail(
  current: CanvasDetail,
  zoom: number,
  instanceWidth: number = INSTANCE_WIDTH,
): CanvasDetail {
  const onScreen = zoom * instanceWidth;
  if (current === 'instances') return onScreen < SUMMARY_BELOW_PX ? 'zones' : 'instances';
  return onScreen >= INSTANCES_FROM_PX ? 'instances' : 'zones';
}

/**
 * A lane is summarised from this many instances: one or two unreadable instances are
 * still fewer things to look at than a summary, and a small design keeps its nodes.
 */
export const SUMMARY_MIN_INSTANCES = 4;

/** The summary card in flow units, sized to be read at the zones' fit zoom (about 0.35-0.6). */
export const SUMMARY_CARD_HEIGHT = 360;
/** A lane holding a summary: its header, the card, a margin. */
export const SUMMARY_LANE_HEIGHT = LANE_HEADER + SUMMARY_CARD_HEIGHT + 28;

/** One zone lane's summary: where it is drawn and which instances it stands for. */
export interface ZoneGroup {
  /** The lane's node id (`lane:<cluster>:<az>`). */
  id: string;
  cluster: string;
  az: string;
  x: number;
  y: number;
  width: number;
  /** ec2InstanceIds drawn in the lane, design order. */
  instanceIds: readonly string[];
  booting: number;
}

interface NodeLike {
  id: string;
  type?: string | undefined;
  position: { x: number; y: number };
  width?: number | undefined;
  hidden?: boolean | undefined;
  data: unknown;
}

interface LaneData {
  az: string;
  cluster: string;
}
interface PlacedData {
  az: string;
  cluster: string;
  ec2InstanceId?: string;
}

/** The lanes whose instances are hidden, each with their ids: what the summaries draw. */
export function zoneGroups(nodes: readonly NodeLike[], inset: number, top: number): ZoneGroup[] {
  const byLane = new Map<string, { ids: string[]; booting: number }>();
  const key = (cluster: string, az: string) => `${cluster}\u0000${az}`;
  for (const n of nodes) {
    if ((n.type !== 'instance' && n.type !== 'booting') || !n.hidden) continue;
    const d = n.data as PlacedData;
    const entry = byLane.get(key(d.cluster, d.az)) ?? { ids: [], booting: 0 };
    byLane.set(key(d.cluster, d.az), entry);
    if (n.type === 'instance' && d.ec2InstanceId) entry.ids.push(d.ec2InstanceId);
    else entry.booting++;
  }
  const groups: ZoneGroup[] = [];
  for (const n of nodes) {
    if (n.type !== 'lane') continue;
    const d = n.data as LaneData;
    const entry = byLane.get(key(d.cluster, d.az));
    if (!entry) continue;
    groups.push({
      id: n.id,
      cluster: d.cluster,
      az: d.az,
      x: n.position.x + inset,
      y: top,
      width: (n.width ?? INSTANCE_WIDTH + 2 * inset) - 2 * inset,
      instanceIds: entry.ids,
      booting: entry.booting,
    });
  }
  return groups;
}

/** A service's (or a standalone family's) tasks in a zone. */
export interface ServiceTally {
  name: string;
  serviceName: string | undefined;
  running: number;
  pending: number;
  stopping: number;
}

export interface ZoneTotals {
  /** Instances the run has registered (of those the lane draws). */
  registered: number;
  draining: number;
  cpuReservedPct: number;
  memoryReservedPct: number;
  running: number;
  pending: number;
  /** By running tasks, most first; ties by name. */
  services: readonly ServiceTally[];
}

/** Model: "pending" is every state before RUNNING (PROVISIONING, PENDING, ACTIVATING). */
const PENDING_STATES = new Set(['PROVISIONING', 'PENDING', 'ACTIVATING']);

type Tally = Map<string, ServiceTally>;

/** Counting one instance's list: kept per list, which keeps its identity while none of its tasks changed. */
const tallies = new WeakMap<readonly TaskView[], Tally>();

function tallyOf(list: readonly TaskView[]): Tally {
  const known = tallies.get(list);
  if (known) return known;
  const tally: Tally = new Map();
  for (const t of list) {
    const name = t.serviceName ?? `${t.family} (task)`;
    let s = tally.get(name);
    if (!s) {
      s = { name, serviceName: t.serviceName, running: 0, pending: 0, stopping: 0 };
      tally.set(name, s);
    }
    if (t.lastStatus === 'RUNNING') s.running++;
    else if (PENDING_STATES.has(t.lastStatus)) s.pending++;
    else s.stopping++;
  }
  tallies.set(list, tally);
  return tally;
}

const pct = (used: number, total: number) => (total > 0 ? Math.round((used / total) * 100) : 0);

export function zoneTotals(
  views: readonly (InstanceView | undefined)[],
  lists: readonly (readonly TaskView[] | undefined)[],
): ZoneTotals {
  let registered = 0;
  let draining = 0;
  let cpu = 0;
  let cpuUsed = 0;
  let mem = 0;
  let memUsed = 0;
  for (const v of views) {
    if (!v || v.status === 'INACTIVE') continue;
    registered++;
    if (v.status === 'DRAINING') draining++;
    cpu += v.registeredCpu;
    cpuUsed += v.registeredCpu - v.remainingCpu;
    mem += v.registeredMemoryMiB;
    memUsed += v.registeredMemoryMiB - v.remainingMemoryMiB;
  }
  const merged: Tally = new Map();
  for (const list of lists) {
    if (!list) continue;
    for (const s of tallyOf(list).values()) {
      const m = merged.get(s.name);
      if (!m) merged.set(s.name, { ...s });
      else {
        m.running += s.running;
        m.pending += s.pending;
        m.stopping += s.stopping;
      }
    }
  }
  const services = [...merged.values()].sort(
    (a, b) => b.running + b.pending - (a.running + a.pending) || a.name.localeCompare(b.name),
  );
  return {
    registered,
    draining,
    cpuReservedPct: pct(cpuUsed, cpu),
    memoryReservedPct: pct(memUsed, mem),
    running: services.reduce((n, s) => n + s.running, 0),
    pending: services.reduce((n, s) => n + s.pending, 0),
    services,
  };
}

function sameTotals(a: ZoneTotals, b: ZoneTotals): boolean {
  if (
    a.registered !== b.registered ||
    a.draining !== b.draining ||
    a.cpuReservedPct !== b.cpuReservedPct ||
    a.memoryReservedPct !== b.memoryReservedPct ||
    a.running !== b.running ||
    a.pending !== b.pending ||
    a.services.length !== b.services.length
  )
    return false;
  return a.services.every((s, i) => {
    const t = b.services[i];
    return (
      t !== undefined &&
      s.name === t.name &&
      s.running === t.running &&
      s.pending === t.pending &&
      s.stopping === t.stopping
    );
  });
}

/**
 * A run-store selector for one zone, as stable as the instance nodes' own: it reads the
 * same `instances[id]` and `instanceTasks[id]` they read, and while none of those
 * changed identity it returns the same object, having only compared references (one per
 * instance in the zone). When some did, it sums again (a changed list is counted once,
 * an unchanged one comes from its tally), and returns the old object if the sums agree.
 * Never a walk over all tasks.
 */
export function zoneTotalsSelector(ids: readonly string[]): (s: RunState) => ZoneTotals {
  let views: (InstanceView | undefined)[] = [];
  let lists: (readonly TaskView[] | undefined)[] = [];
  let last: ZoneTotals | undefined;
  return (s) => {
    let changed = last === undefined;
    for (let i = 0; i < ids.length && !changed; i++) {
      const id = ids[i] as string;
      if (s.instances[id] !== views[i] || s.instanceTasks[id] !== lists[i]) changed = true;
    }
    if (!changed && last) return last;
    views = ids.map((id) => s.instances[id]);
    lists = ids.map((id) => s.instanceTasks[id]);
    const next = zoneTotals(views, lists);
    if (last && sameTotals(last, next)) return last;
    last = next;
    return next;
  };
}
