import type {
  PlacementConstraint,
  PlacementStrategy,
  TaskDefinitionRevision,
  Workload,
} from '../../design';
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

/** How a task definition's containers behave when they run (the design's `workloads`). */
export interface WorkloadTiming {
  imagePullMs: number;
  startMs: number;
  stopMs: number;
  /** How this revision fails, if it does. */
  failure?: NonNullable<Workload['failure']>;
  /** SIGTERM is ignored: a stop always waits the whole stopTimeout. */
  ignoresSigterm: boolean;
}

/** A service's loadBalancers entry, resolved: its group, and for blue/green the other one. */
export interface ServiceTarget {
  targetGroupArn: string;
  containerName: string;
  containerPort: number;
  alternateTargetGroupArn?: string;
  /** The route the shift moves: a listener rule's key, or a ListenerArn for its default action (named so for old checkpoints). */
  listenerArn?: string;
  /** The route test traffic takes (testListenerRule, or CodeDeploy's testTrafficRoute): green's during a deployment. */
  testRoute?: string;
}

export interface DeploymentStrategy {
  type: 'ROLLING' | 'BLUE_GREEN' | 'LINEAR' | 'CANARY';
  bakeTimeMs: number;
  stepPercent: number;
  stepBakeMs: number;
  canaryPercent: number;
  canaryBakeMs: number;
}

/** A task registered in a target group (ecs-behavior §14.2): instance and port, or IP and port. */
export interface TargetState {
  targetGroupArn: string;
  id: string;
  port: number;
  state: 'initial' | 'healthy' | 'unhealthy' | 'draining';
  /** When it turned healthy into a slow start (§14.3): its share ramps up from then. */
  slowStartFromMs?: number;
}

/** Container health as ECS reports it (ecs-behavior §2.1). */
export type HealthStatus = 'HEALTHY' | 'UNHEALTHY' | 'UNKNOWN';

/** A deployment as DescribeServices lists it (§8.2); its tasks are those it `startedBy`. */
export interface DeploymentState {
  /** `ecs-svc/` and 19 digits. */
  id: string;
  status: 'PRIMARY' | 'ACTIVE';
  taskDefinitionArn: string;
  desiredCount: number;
  rolloutState: 'IN_PROGRESS' | 'COMPLETED' | 'FAILED';
  rolloutStateReason: string;
  /** Consecutive failed tasks, for the circuit breaker (§9.1). */
  failedTasks: number;
  /** A task of this deployment has reached RUNNING: the circuit breaker's second stage. */
  reachedRunning: boolean;
  createdAtMs: number;
  updatedAtMs: number;
  /** This deployment rolls back the one with this id. */
  rollbackOf?: string;
  /** The deployment CreateService made: it completes quietly (Model, deployments.ts). */
  createdWithService?: true;
  /** An alarm was already in ALARM when it started: alarms are ignored for it (§9.2). */
  alarmsIgnored?: true;
  /** Its tasks are all in place; the alarms' bake time runs until then (§9.2). */
  bakeUntilMs?: number;
  /** Which of each target's two groups its tasks register in (blue/green, §11). */
  targetSide: 'primary' | 'alternate';
  /** ECS's strategy for it (§11); ROLLING replaces tasks within the bounds. */
  strategy: 'ROLLING' | 'BLUE_GREEN' | 'LINEAR' | 'CANARY';
  /** A blue/green deployment's lifecycle stage (ServiceDeployment.lifecycleStage). */
  stage?: 'SCALE_UP' | 'PRODUCTION_TRAFFIC_SHIFT' | 'BAKE_TIME' | 'CLEAN_UP';
  /** When its stage or traffic step ends. */
  stageUntilMs?: number;
  /** Production traffic on its tasks, percent. */
  trafficPercent?: number;
  /** How this one shifts, when not the service's own strategy (a CodeDeploy config, §10). */
  plan?: DeploymentStrategy;
  /** CodeDeploy's deployment id (`d-...`) and the AppSpec hooks still to run, in order. */
  codeDeploy?: { id: string; hooks: { event: string; fn: string }[]; autoRollback: boolean };
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
  /** Task health from its essential containers' health checks (§2.1); UNKNOWN without any. */
  healthStatus: HealthStatus;
  /** How this task will fail, drawn from the seed when it was created (workloads[].failure). */
  fails?: 'FAIL_TO_START' | 'FAIL_HEALTH_CHECK' | 'CRASH';
  /** Its targets while it is registered in its service's target groups (elb/targets.ts). */
  targets?: TargetState[];
  /** How its health timer settled: for a task with no checks, HEALTHY after 40 s (§2.2). */
  healthSettled?: 'HEALTHY' | 'UNHEALTHY';
  /** The scheduler counts it healthy now (§2.2); kept by lifecycle/tallies.ts. */
  countedHealthy?: boolean;
  /** It was stopped for failing its health check: a circuit-breaker failure (§9.1). */
  failedHealthCheck?: boolean;
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
  /** GPU ids it registered (`GPU-<uuid>`), in order; empty without GPUs. Never changes. */
  gpuIds: string[];
  /** GPUs no task holds: tasks take from these while they hold resources (§3, §4.1). */
  remainingGpus: number;
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
  /** The PRIMARY deployment's id: what new tasks are `startedBy`. */
  deploymentId: string;
  /** PRIMARY first, then the ACTIVE ones still being replaced (§8.2). */
  deployments: DeploymentState[];
  /** The last deployment that completed: what a rollback returns to (§9.1). */
  lastCompleted?: { id: string; taskDefinitionArn: string };
  deploymentCircuitBreaker: { enable: boolean; rollback: boolean };
  healthCheckGracePeriodSeconds: number;
  /** Its `loadBalancers`, by the target group each names (a Classic ELB's is `classic:NAME`). */
  targets: ServiceTarget[];
  /** serviceConnectConfiguration's switch and namespace: how its new tasks find other services (§15.2). */
  serviceConnect?: { enabled: boolean; namespace?: string };
  /** ECS, or CODE_DEPLOY: then only CodeDeploy's CreateDeployment deploys it (§10). */
  deploymentController: 'ECS' | 'CODE_DEPLOY' | 'EXTERNAL';
  /** deploymentConfiguration.alarms when enabled: alarms that fail a deployment (§9.2). */
  alarmConfig?: { alarmNames: string[]; rollback: boolean };
  /** Which group of each blue/green target serves production now. */
  productionSide: 'primary' | 'alternate';
  /** deploymentConfiguration's strategy and its steps (§11), in ms. */
  strategy: DeploymentStrategy;
  /** Registrations and deregistrations not yet told in a service event, by target group. */
  targetNotes?: { registered: Record<string, number>; deregistered: Record<string, number> };
  /** Tasks that stopped before RUNNING in a row, and when launches may resume (§7.3). */
  startFailures: number;
  launchHoldUntilMs?: number;
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
