import type { HistorySample, ServiceCounts, TaskStateCounts } from '../../engine';

/**
 * One chart series as its change points: `t[i]` (virtual ms) is when it became `v[i]`.
 * A count only changes when a task does, so this costs what changed, not what elapsed.
 */
interface Steps {
  t: number[];
  v: number[];
}

export const DEPLOYMENT_FIELDS = ['running', 'pending', 'healthy'] as const;
export type DeploymentField = (typeof DEPLOYMENT_FIELDS)[number];

export const GROUP_FIELDS = ['desired', 'inService', 'pending'] as const;
export type GroupField = (typeof GROUP_FIELDS)[number];

/**
 * Series keys: tasks by lastStatus, a service's counts and bounds, each of its deployments'
 * counts (by deployment id, what its tasks are `startedBy`), a target group's minute of
 * requests per second and healthy targets, a call's minute of requests per second; each
 * minute, a scaling policy's metric (`scaling:<service>:<MetricName>`: CPUUtilization,
 * MemoryUtilization, RequestCountPerTarget, a customized metric's name), an Auto Scaling
 * group's desired, InService and booting (launched, not yet registered) instances, a
 * capacity provider's CapacityProviderReservation, and the run's cost so far in USD.
 */
export type SeriesKey =
  | `status:${string}`
  | `service:${string}:${'desired' | 'running' | 'pending' | 'healthy' | 'lower' | 'upper'}`
  | `deployment:${string}:${string}:${DeploymentField}`
  | `tg:${string}:${'served' | 'failed' | 'healthy'}`
  | `call:${string}:${'served' | 'failed'}`
  | `scaling:${string}:${string}`
  | `asg:${string}:${GroupField}`
  | `cpr:${string}`
  | 'cost:totalUsd';

export const scalingKey = (service: string, metricName: string): SeriesKey =>
  `scaling:${service}:${metricName}`;
export const groupKey = (group: string, field: GroupField): SeriesKey => `asg:${group}:${field}`;
export const providerKey = (provider: string): SeriesKey => `cpr:${provider}`;
export const COST_KEY: SeriesKey = 'cost:totalUsd';

/**
 * Asks a window for every deployment of `service` recorded so far, in the order they first
 * had tasks: the page cannot know the ids of deployments that have already left the service.
 */
export function allDeploymentsKey(service: string, field: DeploymentField): string {
  return `deployment:${service}:*:${field}`;
}

export function deploymentKey(service: string, id: string, field: DeploymentField): SeriesKey {
  return `deployment:${service}:${id}:${field}`;
}

const ALL_DEPLOYMENTS = /^deployment:(.*):\*:(running|pending|healthy)$/;

export interface HistoryWindow {
  fromMs: number;
  toMs: number;
  /** Column end times (virtual ms), about one per pixel column. */
  times: number[];
  /** Each requested series at each column end (the value in force then). */
  series: Record<string, number[]>;
  /** For each deployment a `deployment:<service>:*:<field>` key expanded to: `family:revision`, by `deployment:<service>:<id>`. */
  labels?: Record<string, string>;
}

/** Index of the last change at or before `atMs`, or -1. */
function lastAtOrBefore(t: readonly number[], atMs: number): number {
  let lo = 0;
  let hi = t.length - 1;
  let found = -1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if ((t[mid] ?? 0) <= atMs) {
      found = mid;
      lo = mid + 1;
    } else hi = mid - 1;
  }
  return found;
}

/** The history a chart draws: every count change of one branch, kept as steps. */
export class History {
  private readonly steps = new Map<string, Steps>();
  /** By service, its deployments in the order they first had tasks, each with its `family:revision`. */
  private readonly deployments = new Map<string, Map<string, string>>();

  /** Record `value` for `key` from `atMs` on; the same ms again overwrites (end-of-ms value). */
  set(key: string, atMs: number, value: number): void {
    let s = this.steps.get(key);
    if (!s) {
      s = { t: [], v: [] };
      this.steps.set(key, s);
    }
    const last = s.t.length - 1;
    if (last >= 0 && (s.t[last] ?? 0) > atMs)
      throw new RangeError(`history ${key}: ${atMs} ms is in its past`);
    if (last >= 0 && s.t[last] === atMs) {
      s.v[last] = value;
      // Back to what it was before this ms: no change happened at all.
      if (last > 0 && s.v[last - 1] === value) {
        s.t.pop();
        s.v.pop();
      }
      return;
    }
    if (last >= 0 && s.v[last] === value) return;
    s.t.push(atMs);
    s.v.push(value);
  }

  setCounts(atMs: number, counts: TaskStateCounts): void {
    for (const [status, n] of Object.entries(counts)) this.set(`status:${status}`, atMs, n);
  }

  add(sample: HistorySample): void {
    if (sample.taskStateCounts) this.setCounts(sample.atMs, sample.taskStateCounts);
    // A minute's requests, as requests per second over the minute that ended here.
    for (const [name, t] of Object.entries(sample.traffic ?? {})) {
      this.set(`tg:${name}:served`, sample.atMs, t.served / 60);
      this.set(`tg:${name}:failed`, sample.atMs, t.failed / 60);
      if (t.healthy !== undefined) this.set(`tg:${name}:healthy`, sample.atMs, t.healthy);
    }
    for (const [label, t] of Object.entries(sample.calls ?? {})) {
      this.set(`call:${label}:served`, sample.atMs, t.served / 60);
      this.set(`call:${label}:failed`, sample.atMs, t.failed / 60);
    }
    for (const [name, c] of Object.entries(sample.services ?? {})) {
      this.set(`service:${name}:desired`, sample.atMs, c.desiredCount);
      this.set(`service:${name}:running`, sample.atMs, c.runningCount);
      this.set(`service:${name}:pending`, sample.atMs, c.pendingCount);
      // Samples from before these were kept have none: leave those series as they were.
      if (c.healthyCount !== undefined) {
        this.set(`service:${name}:healthy`, sample.atMs, c.healthyCount);
        this.set(`service:${name}:lower`, sample.atMs, c.lowerBound);
        this.set(`service:${name}:upper`, sample.atMs, c.upperBound);
      }
      if (c.deployments) this.setDeployments(name, sample.atMs, c.deployments);
    }
    // `<service>:<MetricName>` as the engine keys it.
    for (const [key, value] of Object.entries(sample.scaling ?? {}))
      this.set(`scaling:${key}`, sample.atMs, value);
    for (const [name, g] of Object.entries(sample.groups ?? {}))
      for (const field of GROUP_FIELDS) this.set(groupKey(name, field), sample.atMs, g[field]);
    for (const [name, cpr] of Object.entries(sample.providers ?? {}))
      this.set(providerKey(name), sample.atMs, cpr);
    if (sample.costUsd !== undefined) this.set(COST_KEY, sample.atMs, sample.costUsd);
  }

  /** A service's deployments with tasks at `atMs`; one recorded before and absent now has none. */
  private setDeployments(
    service: string,
    atMs: number,
    counts: NonNullable<ServiceCounts['deployments']>,
  ): void {
    let known = this.deployments.get(service);
    if (!known) {
      known = new Map();
      this.deployments.set(service, known);
    }
    for (const [id, d] of Object.entries(counts))
      if (!known.has(id)) known.set(id, d.taskDefinition);
    for (const id of known.keys()) {
      const d = counts[id];
      this.set(deploymentKey(service, id, 'running'), atMs, d?.runningCount ?? 0);
      this.set(deploymentKey(service, id, 'pending'), atMs, d?.pendingCount ?? 0);
      this.set(deploymentKey(service, id, 'healthy'), atMs, d?.healthyCount ?? 0);
    }
  }

  /** A service's deployments recorded at or before `atMs`, oldest first, with their `family:revision`. */
  deploymentsOf(service: string, atMs = Number.POSITIVE_INFINITY): [string, string][] {
    return [...(this.deployments.get(service) ?? [])].filter(([id]) => {
      const t = this.steps.get(deploymentKey(service, id, 'running'))?.t[0];
      return t !== undefined && t <= atMs;
    });
  }

  valueAt(key: string, atMs: number): number {
    const s = this.steps.get(key);
    if (!s) return 0;
    const i = lastAtOrBefore(s.t, atMs);
    return i < 0 ? 0 : (s.v[i] ?? 0);
  }

  keys(): string[] {
    return [...this.steps.keys()];
  }

  /** Service names that have a series. */
  serviceNames(): string[] {
    const names = new Set<string>();
    for (const key of this.steps.keys()) {
      const m = /^service:(.*):(desired|running|pending)$/.exec(key);
      if (m?.[1] !== undefined) names.add(m[1]);
    }
    return [...names];
  }

  /** Change points kept, over all series: what memory the history costs. */
  size(): number {
    let n = 0;
    for (const s of this.steps.values()) n += s.t.length;
    return n;
  }

  /** A copy holding only what happened at or before `atMs`: the shared past of a new branch. */
  until(atMs: number): History {
    const copy = new History();
    for (const [key, s] of this.steps) {
      const n = lastAtOrBefore(s.t, atMs) + 1;
      copy.steps.set(key, { t: s.t.slice(0, n), v: s.v.slice(0, n) });
    }
    for (const service of this.deployments.keys()) {
      const kept = this.deploymentsOf(service, atMs);
      if (kept.length > 0) copy.deployments.set(service, new Map(kept));
    }
    return copy;
  }

  /**
   * The series at `columns` evenly spaced column ends over [fromMs, toMs]: the page draws
   * about one point per pixel column whatever the run length. Costs columns x keys plus
   * a binary search per key.
   */
  window(fromMs: number, toMs: number, columns: number, keys: readonly string[]): HistoryWindow {
    const n = Math.max(1, Math.min(4000, Math.floor(columns)));
    const span = Math.max(0, toMs - fromMs);
    const times: number[] = [];
    for (let c = 0; c < n; c++) times.push(Math.round(fromMs + (span * (c + 1)) / n));
    if (span === 0) times.splice(0, times.length, fromMs);
    const series: Record<string, number[]> = {};
    const labels: Record<string, string> = {};
    const expanded = keys.flatMap((key) => {
      const m = ALL_DEPLOYMENTS.exec(key);
      if (!m) return [key];
      const [, service = '', field = 'running'] = m;
      return this.deploymentsOf(service, toMs).map(([id, label]) => {
        labels[`deployment:${service}:${id}`] = label;
        return `deployment:${service}:${id}:${field}`;
      });
    });
    for (const key of expanded) {
      const s = this.steps.get(key);
      const out: number[] = [];
      if (!s) {
        for (let c = 0; c < times.length; c++) out.push(0);
        series[key] = out;
        continue;
      }
      let i = lastAtOrBefore(s.t, times[0] ?? fromMs);
      for (const at of times) {
        while (i + 1 < s.t.length && (s.t[i + 1] ?? 0) <= at) i++;
        out.push(i < 0 ? 0 : (s.v[i] ?? 0));
      }
      series[key] = out;
    }
    return Object.keys(labels).length > 0
      ? { fromMs, toMs, times, series, labels }
      : { fromMs, toMs, times, series };
  }
}
