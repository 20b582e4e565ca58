import type { PlacementConstraint, PlacementStrategy, TaskDefinitionRevision } from '../../design';
import type {
  ContainerInstanceStatus,
  TaskDesiredStatus,
  TaskLastStatus,
  TaskStopCode,
} from '../api';
import type { CandidateInstance, PlacementRequest, PlacementTrace } from '../placement';

/** Engine state is plain data; everything that changes it lives in lifecycle/, scheduler/, commands/. */

export interface TaskDefinitionModel extends TaskDefinitionRevision {
  arn: string;
  cpu: number;
  memoryMiB: number;
  networkMode: 'bridge' | 'host' | 'awsvpc' | 'none';
  portMappings: { containerPort: number; hostPort?: number; protocol: 'tcp' | 'udp' }[];
  placementConstraints: PlacementConstraint[];
  requiredAttributes: { name: string; value?: string }[];
}

export interface WorkloadTiming {
  imagePullMs: number;
  startMs: number;
  stopMs: number;
}

export interface TaskState {
  taskArn: string;
  taskId: string;
  clusterName: string;
  taskDefinition: TaskDefinitionModel;
  group: string;
  serviceName?: string;
  startedBy?: string;
  containerInstanceArn?: string;
  hostPorts: {
    containerPort: number;
    hostPort: number;
    protocol: 'tcp' | 'udp';
    dynamic: boolean;
  }[];
  lastStatus: TaskLastStatus;
  desiredStatus: TaskDesiredStatus;
  stopCode?: TaskStopCode;
  stoppedReason?: string;
  createdAtMs: number;
  pullStartedAtMs?: number;
  pullStoppedAtMs?: number;
  startedAtMs?: number;
  stoppingAtMs?: number;
  stoppedAtMs?: number;
  /** Bumped on every change: EventBridge `detail.version`, and stale timers are ignored. */
  version: number;
  /** Placement explanation, kept for every task placed alone... */
  placementTrace?: PlacementTrace;
  /** ...or, for a task placed in a batch, what it takes to rebuild it on demand. */
  placementBatch?: { batch: PlacementBatch; index: number };
}

export interface InstanceState {
  containerInstanceArn: string;
  ec2InstanceId: string;
  clusterName: string;
  instanceType: string;
  availabilityZone: string;
  status: ContainerInstanceStatus;
  agentConnected: boolean;
  agentVersion: string;
  registeredAtMs: number;
  attributes: Record<string, string>;
  registeredCpu: number;
  registeredMemoryMiB: number;
  remainingCpu: number;
  remainingMemoryMiB: number;
  eniLimit: number;
  eniUsed: number;
  reservedTcpPorts: Set<number>;
  reservedUdpPorts: Set<number>;
  /** Host ports handed out from the ephemeral range: in use, but outside the 100-port limit (§3.3). */
  dynamicTcpPorts: Set<number>;
  dynamicUdpPorts: Set<number>;
  /** Tasks placed here and not yet STOPPED, in placement order. */
  taskArns: Set<string>;
  version: number;
  /** The design's own fields (describe-container-instances shape), kept for output. */
  source: Record<string, unknown>;
}

export interface ServiceState {
  serviceArn: string;
  serviceName: string;
  clusterName: string;
  taskDefinition: TaskDefinitionModel;
  schedulingStrategy: 'REPLICA' | 'DAEMON';
  desiredCount: number;
  placementConstraints: PlacementConstraint[];
  placementStrategy: PlacementStrategy[];
  status: 'ACTIVE' | 'DRAINING' | 'INACTIVE';
  /** deploymentConfiguration bounds; they also govern instance draining (§7.4, §8.1). */
  minimumHealthyPercent: number;
  maximumPercent: number;
  /** The deployment-configuration deadlock was reported and has not cleared since. */
  boundsBlocked?: boolean;
  createdAtMs: number;
  /** Steady state was last reported and nothing has changed since. */
  steady: boolean;
  /** The current placement failure message, shown once until the task is placed. */
  placementFailure?: string;
  /** The console sentence last shown for it, and when: repeats are hidden (§16). */
  placementFailureShown?: { message: string; atMs: number };
  /** Why the last task of this service could not be placed: the "Why not placed?" table. */
  failedPlacement?: {
    atMs: number;
    reason: string;
    closestMatch?: string;
    closestMatchArn?: string;
    trace: PlacementTrace;
  };
  deploymentId: string;
  source: Record<string, unknown>;
}

export interface ServiceEvent {
  id: string;
  serviceName: string;
  createdAtMs: number;
  message: string;
}

/** A batch placement, kept (shared by its tasks) so any task's trace can be replayed. */
export interface PlacementBatch {
  request: PlacementRequest;
  instances: readonly CandidateInstance[];
  rngState: readonly number[];
}
