import type { DesignDocument, ScriptAction, WorkloadFailure } from '../../design';
import type { AlarmState } from '../alarms/alarms';
import type { ActionResult, EcsEvent, HistorySample, MetricDatum, TaskStateCounts } from '../api';
import type { AutoscalingState } from '../autoscaling/state';
import type { CapacityState } from '../capacity/state';
import type { EngineEvent } from '../context';
import type { CostState } from '../cost/state';
import type { CallCounts, CallVia, ClientCache, Endpoint } from '../discovery/state';
import type { TrafficAccumulator } from '../elb/traffic';
import type { QueueEntry } from '../kernel';
import type { ClusterTally, DeploymentTally, ServiceTally } from '../lifecycle/tallies';
import type {
  InstanceState,
  ServiceEvent,
  ServiceState,
  TaskDefinitionModel,
  TaskState,
} from '../model/types';
import type { CandidateInstance, PlacementRequest } from '../placement';

/**
 * The whole engine state as plain JSON: enough to go on exactly as the uninterrupted
 * run would. Sets become arrays in their iteration order (the scheduler walks them in
 * that order), shared objects become indexes into a table, and helpers that are pure
 * functions of the design (workload timings, query caches) are rebuilt on restore.
 */
export interface EngineCheckpoint {
  format: 'berth-checkpoint';
  version: 1;
  design: DesignDocument;
  seed: number;
  nowMs: number;
  /** Every command applied through the engine, at its time; `journalNext` are not applied yet. */
  journal: ScriptAction[];
  journalNext: number;
  queue: { entries: QueueEntry<EngineEvent>[]; nextSeq: number };
  rng: {
    ids: number[];
    placement: number[];
    scheduler: number[];
    deployments?: number[];
    workload?: number[];
  };
  taskDefinitions: TaskDefinitionModel[];
  tasks: TaskCheckpoint[];
  /** Instances in the engine's order, each as it stands. */
  instances: InstanceCheckpoint[];
  services: ServiceCheckpoint[];
  /** Task ARNs by service, in the order the scheduler walks them. */
  serviceTasks: [string, string[]][];
  accountSettings: [string, string][];
  serviceEvents: ServiceEvent[];
  actions: ActionResult[];
  pendingReconciles: string[];
  /** Placement batches shared by the tasks placed in them, for traces rebuilt on demand. */
  batches: BatchCheckpoint[];
  /** The candidate instances those batches saw, each stored once. */
  candidates: CandidateCheckpoint[];
  /** Requests integrated this minute, per target group (elb/traffic.ts). */
  traffic?: [string, TrafficAccumulator][];
  /** Each alarm's state and recent minutes. */
  alarms?: [string, AlarmState][];
  capacity?: CapacityState;
  autoscaling?: AutoscalingState;
  /** Absent in a checkpoint from before cost was kept: restore starts the meters then. */
  cost?: CostState;
  /** Where each route (a rule's, or a listener's default) sends traffic now, by route key. */
  routes?: [string, [string, number][]][];
  /** FailRevision's faults by task definition ARN (null: no longer fails). */
  revisionFailures?: [string, WorkloadFailure | null][];
  /** Cloud Map's endpoints and the clients' cached answers (discovery/state.ts). */
  discovery?: DiscoveryCheckpoint;
  /** The kept counts; a checkpoint from before they were kept has none, and restore recounts. */
  tallies?: TalliesCheckpoint;
  out: OutboxCheckpoint;
}

export interface DiscoveryCheckpoint {
  endpoints: [string, [string, Endpoint][]][];
  calls: {
    lastMs: number;
    counts: Record<CallVia, CallCounts>;
    lastMinute?: CallCounts;
    clients: [string, ClientCache][];
  }[];
}

export interface TalliesCheckpoint {
  byStatus: TaskStateCounts;
  services: [string, ServiceTally][];
  /** Per service, its deployments with tasks; absent from checkpoints taken before they were kept. */
  deployments?: [string, [string, DeploymentTally][]][];
  clusters: [string, ClusterTally][];
  /** The STOPPED queue still kept, oldest first. */
  stopped: string[];
}

export type TaskCheckpoint = Omit<TaskState, 'taskDefinition' | 'placementBatch'> & {
  taskDefinitionArn: string;
  placementBatch?: { batch: number; index: number };
};

export type InstanceCheckpoint = Omit<
  InstanceState,
  'reservedTcpPorts' | 'reservedUdpPorts' | 'dynamicTcpPorts' | 'dynamicUdpPorts' | 'taskArns'
> & {
  reservedTcpPorts: number[];
  reservedUdpPorts: number[];
  dynamicTcpPorts: number[];
  dynamicUdpPorts: number[];
  taskArns: string[];
};

export type ServiceCheckpoint = Omit<ServiceState, 'taskDefinition'> & {
  taskDefinitionArn: string;
};

export interface BatchCheckpoint {
  request: PlacementRequest;
  /** Indexes into `candidates`. */
  instances: number[];
  rngState: number[];
}

export type CandidateCheckpoint = Omit<
  CandidateInstance,
  'reservedTcpPorts' | 'reservedUdpPorts' | 'dynamicTcpPorts' | 'dynamicUdpPorts'
> & {
  reservedTcpPorts: number[];
  reservedUdpPorts: number[];
  dynamicTcpPorts?: number[];
  dynamicUdpPorts?: number[];
};

export interface OutboxCheckpoint {
  events: EcsEvent[];
  serviceEvents: ServiceEvent[];
  metrics: MetricDatum[];
  dirtyTasks: string[];
  removedTasks: string[];
  dirtyInstances: string[];
  dirtyServices: string[];
  history?: HistorySample[];
  openSample?: {
    atMs: number;
    taskStateCounts: boolean;
    services: string[];
    scaling?: Record<string, number>;
    groups?: boolean;
    providers?: Record<string, number>;
    costUsd?: number;
  };
}
