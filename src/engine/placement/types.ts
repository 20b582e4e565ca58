// Inputs and outputs of task placement. Plain data only: a decision and its
// trace are stored with every task and must survive JSON and structured clone.

/** Seeded generator supplied by the caller; placement draws only to settle ties. */
export interface PickRng {
  nextInt(maxExclusive: number): number;
}

export type InstanceStatus = 'ACTIVE' | 'DRAINING' | 'REGISTERING' | 'DEREGISTERING' | 'INACTIVE';
export type Protocol = 'tcp' | 'udp';

export interface CandidateInstance {
  containerInstanceArn: string;
  ec2InstanceId: string;
  status: InstanceStatus;
  agentConnected: boolean;
  agentVersion: string;
  /** Epoch milliseconds. */
  registeredAtMs: number;
  /** Built-in (`ecs.availability-zone`, `ecs.instance-type`, ...) and custom; '' for attributes without value. */
  attributes: Readonly<Record<string, string>>;
  registeredCpu: number;
  registeredMemoryMiB: number;
  remainingCpu: number;
  remainingMemoryMiB: number;
  /** GPUs no task holds; absent means none (an instance without GPUs, or a caller from before GPUs). */
  remainingGpus?: number;
  /** Agent defaults (22, 2375, 2376, 51678, 51679) plus static host ports of tasks; count toward the 100 limit. */
  reservedTcpPorts: ReadonlySet<number>;
  reservedUdpPorts: ReadonlySet<number>;
  /** Host ports handed out dynamically to bridge tasks; in use, but not counted toward the 100 limit. */
  dynamicTcpPorts?: ReadonlySet<number>;
  dynamicUdpPorts?: ReadonlySet<number>;
  /** Ephemeral range for dynamic host ports; defaults to 32768-61000. */
  dynamicPortRange?: PortRange;
  /** awsvpc task slots (already the task limit: ENIs - 1, or the trunk limit). */
  eniLimit: number;
  eniUsed: number;
  /** What `runningTasksCount` in the query language sees. */
  runningTasksCount: number;
  /** Live (not STOPPED) tasks on this instance per task group, e.g. 'service:web', 'family:batch'. */
  taskGroupCounts: Readonly<Record<string, number>>;
}

export interface PortRange {
  from: number;
  to: number;
}

export interface PortNeed {
  containerPort: number;
  /** Omitted or 0 in bridge mode: a dynamic host port. */
  hostPort?: number | undefined;
  protocol: Protocol;
}

export type NetworkMode = 'bridge' | 'host' | 'awsvpc' | 'none';

export interface TaskRequirements {
  family: string;
  cpu: number;
  memoryMiB: number;
  /** Physical GPUs, summed over the containers' GPU resourceRequirements; absent means 0. */
  gpus?: number;
  networkMode: NetworkMode;
  portMappings: readonly PortNeed[];
  /** 'service:web', 'family:x' or a RunTask group. */
  group: string;
  /** e.g. from runtimePlatform: ecs.os-type=linux, ecs.cpu-architecture=arm64. */
  requiredAttributes: readonly { name: string; value?: string | undefined }[];
}

// AWS shapes; `| undefined` so the design's zod-inferred types assign directly.
export interface PlacementConstraint {
  type: 'distinctInstance' | 'memberOf';
  expression?: string | undefined;
}

export interface PlacementStrategy {
  type: 'binpack' | 'spread' | 'random';
  field?: string | undefined;
}

export type Scheduler = 'service' | 'runTask' | 'daemon';

export interface PlacementRequest {
  task: TaskRequirements;
  constraints: readonly PlacementConstraint[];
  strategies: readonly PlacementStrategy[];
  scheduler: Scheduler;
}

export type FailureReason =
  | 'RESOURCE:CPU'
  | 'RESOURCE:MEMORY'
  | 'RESOURCE:GPU'
  | 'RESOURCE:PORTS'
  | 'RESOURCE:ENI'
  /** No Fargate capacity for the task (§4.6); in Berth, none is modelled yet. */
  | 'RESOURCE:FARGATE'
  | 'ATTRIBUTE'
  | 'AGENT'
  | 'MISSING';

export type FilterName =
  | 'status'
  | 'agent'
  | 'cpu'
  | 'gpu'
  | 'memory'
  | 'ports'
  | 'eni'
  | 'attributes'
  | 'distinctInstance'
  | 'memberOf';

export interface PlacementFailure {
  reason: FailureReason;
  /** ECS sentence, e.g. 'The closest matching container-instance <id> has insufficient memory available.' */
  closestMatch?: string;
  /** The instance that sentence names; absent when no instance came close. */
  closestMatchArn?: string;
  /** '0/6 instances: 4 insufficient memory, 2 memberOf(attribute:ecs.instance-type =~ m5.*)' */
  summary: string;
}

/** A host port the task takes on the chosen instance, one per port mapping (bridge and host mode). */
export interface AssignedPort {
  containerPort: number;
  hostPort: number;
  protocol: Protocol;
  /** Taken from the ephemeral range: goes to dynamic*Ports, not reserved*Ports. */
  dynamic: boolean;
}

export interface PlacementDecision {
  containerInstanceArn?: string;
  /** Index-aligned with `task.portMappings`; absent for awsvpc and none. */
  hostPorts?: AssignedPort[];
  failure?: PlacementFailure;
  trace: PlacementTrace;
}

/** The first filter that rejected an instance, with the numbers. */
export interface InstanceRejection {
  containerInstanceArn: string;
  filter: FilterName;
  /** 'needs 1024 MiB memory, 512 free', 'host port 80/tcp in use', 'status DRAINING', ... */
  detail: string;
}

/** How many instances one kind of rejection removed, in pipeline order. */
export interface RejectionCount {
  label: string;
  filter: FilterName;
  reason: FailureReason;
  count: number;
}

export interface RankedEntry {
  /** containerInstanceArn when placing, taskArn when choosing a task to stop. */
  id: string;
  /** What the strategy ranked by: tasks of the group for spread, units or MiB left for binpack; 0 for random (a draw, no rank). */
  score: number;
  /** The spread field's value, e.g. the Availability Zone. */
  value?: string;
}

export interface StrategyTrace {
  /** 'spread(attribute:ecs.availability-zone)', 'binpack(memory)', 'random', ... */
  strategy: string;
  /** The best score; the candidates that had it were kept. Absent for random. */
  best?: number;
  keptCount: number;
  /** Attribute spreads: tasks of the group per value seen among the candidates. */
  values?: { value: string; score: number }[];
  /** Every candidate's score (kept: score === best; random: every candidate of the draw); full trace only. */
  ranked?: RankedEntry[];
}

/** The pick among what the strategies left: index `index` of `among` ties. */
export interface TieBreak {
  among: number;
  index: number;
}

export interface PlacementTrace {
  instanceCount: number;
  rejectedCounts: RejectionCount[];
  /** One entry per rejected instance; full trace only. */
  rejected?: InstanceRejection[];
  candidateCount: number;
  /** True when the scheduler's default strategies were used (none given). */
  defaultStrategies: boolean;
  strategies: StrategyTrace[];
  tieBreak?: TieBreak;
}

export interface PlaceOptions {
  /**
   * 'full' lists every rejected instance and every candidate's score;
   * 'counts' keeps the counts, best scores and per-value summaries only, a
   * few hundred bytes whatever the cluster size. 'auto' (the default) is
   * full up to FULL_TRACE_MAX_INSTANCES instances.
   */
  trace?: 'full' | 'counts' | 'auto';
}

export interface TaskOnInstance {
  taskArn: string;
  containerInstanceArn: string;
}

export interface ScaleInTrace {
  taskCount: number;
  defaultStrategies: boolean;
  strategies: StrategyTrace[];
  tieBreak: TieBreak;
}

export interface ScaleInDecision {
  taskArn: string;
  trace: ScaleInTrace;
}
