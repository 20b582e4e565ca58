import type { DesignDocument, MetricAlarm, ScriptAction, WorkloadFailure } from '../design';
import type { AlarmState } from './alarms/alarms';
import type { ActionResult, EcsEvent, HistorySample, MetricDatum, TaskLastStatus } from './api';
import type { AutoscalingEvent } from './autoscaling/hooks';
import type { AutoscalingState } from './autoscaling/state';
import type { CapacityEvent } from './capacity/hooks';
import type { CapacityState } from './capacity/state';
import type { CostState } from './cost/state';
import type { DiscoveryModel } from './discovery/model';
import type { DiscoveryState } from './discovery/state';
import type { TargetGroupModel } from './elb/model';
import type { ListenerTraffic, Routes, TrafficAccumulator } from './elb/traffic';
import type { EventQueue, Rng } from './kernel';
import type { Tallies } from './lifecycle/tallies';
import type {
  InstanceState,
  ServiceEvent,
  ServiceState,
  TaskDefinitionModel,
  TaskState,
  WorkloadTiming,
} from './model/types';
import type { OpenSample } from './output/history';

/** Everything the clock can wake up for. Timers carry the version they were set for. */
export type EngineEvent =
  | { kind: 'task'; taskArn: string; version: number; to: TaskLastStatus }
  /** A RUNNING task's health check settles, or its essential container exits. */
  | { kind: 'health'; taskArn: string; startedAtMs: number; to: 'HEALTHY' | 'UNHEALTHY' }
  | { kind: 'crash'; taskArn: string; startedAtMs: number }
  /** A target's first health checks settle: healthy, or unhealthy after the threshold. */
  | {
      kind: 'target';
      taskArn: string;
      startedAtMs: number;
      targetGroupArn: string;
      to: 'healthy' | 'unhealthy';
    }
  /** A DNS client task's cached answer expires: it asks Cloud Map again (discovery/). */
  | { kind: 'resolve'; call: number; taskArn: string; resolves: number }
  | { kind: 'reconcile'; serviceName: string }
  | { kind: 'script'; index: number }
  | { kind: 'metrics' }
  | { kind: 'prune' }
  | CapacityEvent
  | AutoscalingEvent;

export interface EngineRngs {
  ids: Rng;
  placement: Rng;
  scheduler: Rng;
  /** Deployment ids and their events: their own stream, so task ids stay as they were. */
  deployments: Rng;
  /** Which tasks of a failing workload fail. */
  workload: Rng;
}

/** What the engine has produced since the last frame. */
export interface Outbox {
  events: EcsEvent[];
  serviceEvents: ServiceEvent[];
  metrics: MetricDatum[];
  dirtyTasks: Set<string>;
  removedTasks: Set<string>;
  dirtyInstances: Set<string>;
  dirtyServices: Set<string>;
  /** Every change of the counts, a sample per ms (output/history.ts)... */
  history: HistorySample[];
  /** ...and the sample of the current ms, still taking changes. */
  openSample?: OpenSample;
}

export interface EngineContext {
  design: DesignDocument;
  region: string;
  account: string;
  startEpochMs: number;
  nowMs: number;
  taskDefinitions: TaskDefinitionModel[];
  tasks: Map<string, TaskState>;
  /** By containerInstanceArn. */
  instances: Map<string, InstanceState>;
  instanceArnByEc2Id: Map<string, string>;
  services: Map<string, ServiceState>;
  /** Target groups (and Classic ELBs) by ARN: a pure function of the design. */
  targetGroups: Map<string, TargetGroupModel>;
  /** The requests each route takes (a matched rule's, or a listener's default): a pure function of the design. */
  listenerTraffic: ListenerTraffic;
  /**
   * Where each route (a listener rule's, or a listener's default action) sends them now:
   * run state, moved by blue/green shifts.
   */
  routes: Routes;
  /** The design's alarms by the metric each watches: a pure function of the design. */
  alarmsByMetric: Map<string, MetricAlarm[]>;
  /** Each alarm's state and its last minutes' datapoints (run state). */
  alarms: Map<string, AlarmState>;
  /** The design's calls between services, resolved: a pure function of the design. */
  discovery: DiscoveryModel;
  /** Cloud Map's endpoints and the clients' cached answers (run state). */
  discoveryState: DiscoveryState;
  /** Auto Scaling groups, capacity providers, Fargate (capacity/): plain data. */
  capacity: CapacityState;
  /** Service auto scaling (autoscaling/): plain data. */
  autoscaling: AutoscalingState;
  /** What the run has cost so far, kept as instances and Fargate tasks start and stop (cost/): plain data. */
  cost: CostState;
  /** Requests integrated so far this minute, per target group. */
  traffic: Map<string, TrafficAccumulator>;
  /** Tasks by service name, so the scheduler's passes cost what the service has, not the cluster. */
  serviceTasks: Map<string, Set<TaskState>>;
  /** Task, service and cluster counts kept as they change (lifecycle/tallies.ts). */
  tallies: Tallies;
  /** Account settings in force now (PutAccountSetting), by name. */
  accountSettings: Map<string, string>;
  serviceEvents: ServiceEvent[];
  actions: ActionResult[];
  queue: EventQueue<EngineEvent>;
  rng: EngineRngs;
  timing: (td: TaskDefinitionModel) => WorkloadTiming;
  /** FailRevision's faults by task definition ARN: a failure, or null for "no longer fails" (run state). */
  revisionFailures: Map<string, WorkloadFailure | null>;
  /** Reconciles already queued for the current instant, so a burst of changes costs one pass. */
  pendingReconciles: Set<string>;
  out: Outbox;
  seed: number;
  /**
   * Every command applied to the run through `apply`, at its virtual time, in the
   * script's shape. Entries from `journalNext` on are not applied yet: a replay applies
   * each once the clock reaches it, after the events of that instant, as a person's edit was.
   */
  journal: ScriptAction[];
  journalNext: number;
}

export function isoAt(ctx: Pick<EngineContext, 'startEpochMs'>, ms: number): string {
  return new Date(ctx.startEpochMs + ms).toISOString();
}

export function newOutbox(): Outbox {
  return {
    events: [],
    serviceEvents: [],
    metrics: [],
    dirtyTasks: new Set(),
    removedTasks: new Set(),
    dirtyInstances: new Set(),
    dirtyServices: new Set(),
    history: [],
  };
}
