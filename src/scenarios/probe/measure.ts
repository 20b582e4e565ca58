import type { Frame, InstanceView, ServiceCounts, TaskView } from '../../engine';

/**
 * What a lesson can ask of a run: a number that the run has at every moment. A prediction
 * reads one at a step's moment (or its lowest, highest, first reaching); a challenge's
 * check holds one to a bound over a window. Measures read the engine's frames as they
 * come (what changed), never the whole state per moment.
 */
export type Measure =
  | {
      measure: 'serviceCount';
      service: string;
      /** DescribeServices' counts: runningCount, desiredCount, pendingCount, healthy (§2.2). */
      field: 'runningCount' | 'desiredCount' | 'pendingCount' | 'healthyCount';
    }
  /** RUNNING tasks on one instance (its ec2InstanceId), of one service when named. */
  | { measure: 'tasksOnInstance'; instance: string; service?: string | undefined }
  /** ACTIVE container instances registered, in one cluster when named. */
  | { measure: 'instanceCount'; cluster?: string | undefined }
  /** What the run spends per hour now (us-east-1 list prices of the catalog's date). */
  | { measure: 'costPerHour' }
  /** Deployments the circuit breaker or an alarm started to roll back, so far. */
  | { measure: 'rollbacks'; service: string };

export interface Sample {
  atMs: number;
  value: number;
}

/** Counts kept by key, moved as the things they count change: never recounted. */
class Tally {
  private readonly byKey = new Map<string, number>();
  private readonly keysOf = new Map<string, readonly string[]>();

  /** `id` now counts under `keys` (none: it counts nowhere). */
  set(id: string, keys: readonly string[]): void {
    for (const k of this.keysOf.get(id) ?? []) this.byKey.set(k, (this.byKey.get(k) ?? 1) - 1);
    for (const k of keys) this.byKey.set(k, (this.byKey.get(k) ?? 0) + 1);
    if (keys.length > 0) this.keysOf.set(id, keys);
    else this.keysOf.delete(id);
  }

  get(key: string): number {
    return this.byKey.get(key) ?? 0;
  }
}

const ALL = '\u0000all';

/**
 * The run as frames have told it so far: the parts measures read, each updated from what
 * the frame says changed (a frame carries only the tasks and instances that changed).
 */
export class RunView {
  readonly counts = new Map<string, ServiceCounts>();
  readonly rollbackIds = new Map<string, Set<string>>();
  /** RUNNING tasks by `instance` and by `instance service`. */
  readonly runningOn = new Tally();
  /** ACTIVE container instances, in all clusters and by cluster. */
  readonly active = new Tally();
  usdPerHour = 0;
  nowMs = 0;

  /** Folds one frame in; `onCounts` hears each moment a service's counts changed. */
  take(frame: Frame, onCounts?: (atMs: number) => void): void {
    for (const sample of frame.history) {
      if (!sample.services) continue;
      for (const [name, counts] of Object.entries(sample.services)) this.counts.set(name, counts);
      onCounts?.(sample.atMs);
    }
    for (const task of frame.tasks) this.runningOn.set(task.taskArn, runningKeys(task));
    for (const arn of frame.removedTaskArns) this.runningOn.set(arn, []);
    for (const instance of frame.instances)
      this.active.set(instance.containerInstanceArn, activeKeys(instance));
    for (const service of frame.services) {
      for (const d of service.deployments) {
        if (!d.rollback) continue;
        const ids = this.rollbackIds.get(service.serviceName) ?? new Set<string>();
        ids.add(d.id);
        this.rollbackIds.set(service.serviceName, ids);
      }
    }
    if (frame.cost) this.usdPerHour = frame.cost.usdPerHour;
    this.nowMs = frame.nowMs;
  }
}

const runningKeys = (t: TaskView): string[] =>
  t.lastStatus === 'RUNNING' && t.ec2InstanceId
    ? [t.ec2InstanceId, `${t.ec2InstanceId} ${t.serviceName ?? ''}`]
    : [];

const activeKeys = (i: InstanceView): string[] =>
  i.status === 'ACTIVE' ? [ALL, `cluster ${i.clusterName}`] : [];

/** The measure's value as the view holds it now. */
export function measureValue(measure: Measure, view: RunView): number {
  switch (measure.measure) {
    case 'serviceCount': {
      const counts = view.counts.get(measure.service);
      return counts ? counts[measure.field] : 0;
    }
    case 'tasksOnInstance':
      return view.runningOn.get(
        measure.service === undefined ? measure.instance : `${measure.instance} ${measure.service}`,
      );
    case 'instanceCount':
      return view.active.get(measure.cluster === undefined ? ALL : `cluster ${measure.cluster}`);
    case 'costPerHour':
      return view.usdPerHour;
    case 'rollbacks':
      return view.rollbackIds.get(measure.service)?.size ?? 0;
  }
}

/** Service counts change at exact ms inside a frame; the rest are read once per frame. */
export const changesWithinFrame = (measure: Measure): boolean => measure.measure === 'serviceCount';

/** How the measure reads in a sentence: "web's healthyCount", "RUNNING tasks on i-2". */
export function measureLabel(measure: Measure): string {
  switch (measure.measure) {
    case 'serviceCount':
      return `${measure.service}'s ${measure.field}`;
    case 'tasksOnInstance':
      return `RUNNING ${measure.service ? `${measure.service} ` : ''}tasks on ${measure.instance}`;
    case 'instanceCount':
      return `ACTIVE container instances${measure.cluster ? ` in ${measure.cluster}` : ''}`;
    case 'costPerHour':
      return 'the cost per hour';
    case 'rollbacks':
      return `${measure.service}'s rollbacks`;
  }
}
