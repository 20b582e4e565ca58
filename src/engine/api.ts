/**
 * What the engine gives the outside world: plain, serialisable data. The worker
 * forwards these across comlink; the CLI prints them; the UI draws them.
 */

import type { LaunchType } from '../design';

export const TASK_STATES = [
  'PROVISIONING',
  'PENDING',
  'ACTIVATING',
  'RUNNING',
  'DEACTIVATING',
  'STOPPING',
  'DEPROVISIONING',
  'STOPPED',
] as const;
export type TaskLastStatus = (typeof TASK_STATES)[number];
export type TaskDesiredStatus = 'PENDING' | 'RUNNING' | 'STOPPED';
export type TaskStopCode =
  | 'TaskFailedToStart'
  | 'EssentialContainerExited'
  | 'UserInitiated'
  | 'ServiceSchedulerInitiated'
  | 'SpotInterruption'
  | 'TerminationNotice'
  | 'InfrastructureHealth';

/** One task, compact: what the canvas and charts need. */
export interface TaskView {
  taskArn: string;
  /** The last part of the ARN, as the console shows it. */
  taskId: string;
  clusterName: string;
  group: string;
  serviceName?: string;
  family: string;
  revision: number;
  containerInstanceArn?: string;
  ec2InstanceId?: string;
  /** The instance's zone, or a Fargate task's (its ENI's subnet). */
  availabilityZone?: string;
  /** Where it runs: EC2 (an instance), FARGATE (no instance), EXTERNAL. */
  launchType?: LaunchType;
  /** The capacity provider it was placed by (FARGATE, FARGATE_SPOT, or an Auto Scaling group's). */
  capacityProviderName?: string;
  lastStatus: TaskLastStatus;
  desiredStatus: TaskDesiredStatus;
  /** From the essential containers' health checks; UNKNOWN without any (ecs-behavior §2.1). */
  healthStatus: 'HEALTHY' | 'UNHEALTHY' | 'UNKNOWN';
  /** Behind a load balancer: the worst state of its targets (unhealthy, draining, initial, healthy). */
  targetHealth?: 'initial' | 'healthy' | 'unhealthy' | 'draining';
  cpu: number;
  memoryMiB: number;
  /** Host ports the task holds on its instance (bridge and host network modes). */
  hostPorts: {
    containerPort: number;
    hostPort: number;
    protocol: 'tcp' | 'udp';
    dynamic: boolean;
  }[];
  startedBy?: string;
  stopCode?: TaskStopCode;
  stoppedReason?: string;
  createdAtMs: number;
  startedAtMs?: number;
  stoppedAtMs?: number;
}

export type ContainerInstanceStatus = 'ACTIVE' | 'DRAINING' | 'INACTIVE';

export interface InstanceView {
  containerInstanceArn: string;
  ec2InstanceId: string;
  clusterName: string;
  instanceType: string;
  availabilityZone: string;
  status: ContainerInstanceStatus;
  agentConnected: boolean;
  registeredCpu: number;
  registeredMemoryMiB: number;
  remainingCpu: number;
  remainingMemoryMiB: number;
  runningTasksCount: number;
  pendingTasksCount: number;
  /** Static host ports held (agent defaults and tasks'), TCP then UDP: the 100-port limit counts these. */
  reservedTcpPorts: number[];
  reservedUdpPorts: number[];
  /** Host ports handed out from the ephemeral range; outside the 100 limit. */
  dynamicPortCount: number;
  /** awsvpc task slots: used of the limit (ENIs - 1, or the trunk limit). */
  eniUsed: number;
  eniLimit: number;
  attributes: Record<string, string>;
}

export interface ServiceView {
  serviceName: string;
  clusterName: string;
  status: 'ACTIVE' | 'DRAINING' | 'INACTIVE';
  schedulingStrategy: 'REPLICA' | 'DAEMON';
  taskDefinition: string;
  desiredCount: number;
  runningCount: number;
  pendingCount: number;
  /** Why the last task could not be placed, while tasks are waiting for a place. */
  placementFailure?: string;
  /** RUNNING and counted healthy by the scheduler (§2.2). */
  healthyCount: number;
  /** The deployment bounds in force (ecs-behavior §8.1). */
  minimumHealthyPercent: number;
  maximumPercent: number;
  /** What they allow now: at least `lower` healthy, at most `upper` RUNNING + PENDING. */
  bounds: { lower: number; upper: number };
  /** PRIMARY first, then the ACTIVE ones being replaced, as DescribeServices lists them. */
  deployments: DeploymentView[];
  /** The calls its tasks make to other services by name (design `calls`), live. */
  calls?: {
    endpoint: string;
    /** The service that answers; the record TTL when DNS can find it. */
    serverService: string;
    ttlSeconds?: number;
    /** Its RUNNING tasks by the way each finds the server. */
    tasksVia: { dns: number; connect: number; none: number };
    /** Requests per second over the last whole minute, served and failed. */
    servedPerSecond: number;
    failedPerSecond: number;
  }[];
  /** The CloudWatch alarms its deployments watch (deploymentConfiguration.alarms), with their state now. */
  alarms?: { alarmName: string; state: 'OK' | 'ALARM' | 'INSUFFICIENT_DATA'; reason?: string }[];
  /** Its target groups and how many of its targets are in each state; absent without any. */
  targetGroups?: {
    targetGroupArn: string;
    name: string;
    initial: number;
    healthy: number;
    unhealthy: number;
    draining: number;
    /** Requests per second over the last whole minute, served and answered 503. */
    servedPerSecond: number;
    failedPerSecond: number;
    /** Served per second over the last whole minute by revision (`family:revision`). */
    servedByRevision?: Record<string, number>;
  }[];
}

export interface DeploymentView {
  id: string;
  status: 'PRIMARY' | 'ACTIVE';
  /** `family:revision`. */
  taskDefinition: string;
  desiredCount: number;
  runningCount: number;
  pendingCount: number;
  /** RUNNING and counted healthy by the scheduler (§2.2). */
  healthyCount: number;
  failedTasks: number;
  rolloutState: 'IN_PROGRESS' | 'COMPLETED' | 'FAILED';
  rolloutStateReason: string;
  /** The circuit breaker started it to roll a failed deployment back (§9.1). */
  rollback: boolean;
  /** ROLLING, or ECS's blue/green family (§11) with its stage and production traffic. */
  strategy: 'ROLLING' | 'BLUE_GREEN' | 'LINEAR' | 'CANARY';
  stage?: 'SCALE_UP' | 'PRODUCTION_TRAFFIC_SHIFT' | 'BAKE_TIME' | 'CLEAN_UP';
  trafficPercent?: number;
  createdAtMs: number;
}

/** A line of DescribeServices `events`, in the console's words. */
export interface ServiceEventView {
  id: string;
  serviceName: string;
  createdAtMs: number;
  message: string;
}

/** An EventBridge event in its real envelope. */
export interface EcsEvent {
  version: '0';
  id: string;
  'detail-type':
    | 'ECS Task State Change'
    | 'ECS Container Instance State Change'
    | 'ECS Service Action'
    | 'ECS Deployment State Change';
  source: 'aws.ecs';
  account: string;
  time: string;
  region: string;
  resources: string[];
  detail: Record<string, unknown>;
}

/** A CloudWatch datapoint, as PutMetricData / GetMetricData shape it. */
export interface MetricDatum {
  Namespace: string;
  MetricName: string;
  Dimensions: { Name: string; Value: string }[];
  Timestamp: string;
  Value: number;
  Unit: 'Percent' | 'Count';
  /** Seconds the datapoint aggregates. */
  Period: number;
}

export type TaskStateCounts = Record<TaskLastStatus, number>;

/** What changed during one advance of the clock. */
export interface Frame {
  nowMs: number;
  tasks: TaskView[];
  /** Tasks no longer kept (stopped long ago): drop them. */
  removedTaskArns: string[];
  instances: InstanceView[];
  services: ServiceView[];
  events: EcsEvent[];
  serviceEvents: ServiceEventView[];
  metrics: MetricDatum[];
  /** Live tasks by lastStatus at nowMs; STOPPED counts the tasks still kept. */
  taskStateCounts: TaskStateCounts;
  /**
   * Every change of the counts during this advance, in time order: one sample per
   * virtual ms at which any count changed, so a chart draws the same curve however
   * the run is sliced into frames. One exception: a command applied at the very ms the
   * previous frame ended starts this one with a second sample at that ms; it holds what
   * changed after that frame, and `coalesceHistory` merges the two.
   */
  history: HistorySample[];
  /**
   * Groups and providers now, whole, in every frame of a run that has any (a handful:
   * a frame stays a pure function of the run); absent when it has none.
   */
  capacity?: CapacityView;
  /** Scalable targets now, whole, in every frame of a run that has any. */
  scaling?: ScalableTargetView[];
  /** What the run has cost so far, in every frame. */
  cost?: CostView;
}

/** A service's counts as DescribeServices reports them. */
export interface ServiceCounts {
  desiredCount: number;
  runningCount: number;
  pendingCount: number;
  /** RUNNING and counted healthy (§2.2). */
  healthyCount: number;
  /** The deployment bounds then: ceil(desired x min / 100) and floor(desired x max / 100). */
  lowerBound: number;
  upperBound: number;
  /**
   * By deployment id (what its tasks are `startedBy`): the deployments with a task RUNNING,
   * pending or healthy. One recorded before and absent now has none left.
   */
  deployments?: Record<string, DeploymentCounts>;
}

/** One deployment's tasks, as DescribeServices' deployments count them. */
export interface DeploymentCounts {
  /** `family:revision`. */
  taskDefinition: string;
  runningCount: number;
  pendingCount: number;
  healthyCount: number;
}

/** What the counts became at one virtual ms at which any of them changed. */
export interface HistorySample {
  atMs: number;
  /**
   * Per target group (by name), requests served and failed (503) in the minute that ended
   * here, and its healthy targets then (HealthyHostCount).
   */
  traffic?: Record<string, { served: number; failed: number; healthy?: number }>;
  /** Per call between services (`client → endpoint`), requests served and failed in the minute that ended here. */
  calls?: Record<string, { served: number; failed: number }>;
  /** All tasks by lastStatus (STOPPED: those still kept); present when any changed at atMs. */
  taskStateCounts?: TaskStateCounts;
  /** Only the services whose counts changed at atMs, by serviceName. */
  services?: Record<string, ServiceCounts>;
  /**
   * The minute's value of each scaling policy's metric, by `<serviceName>:<MetricName>`
   * (the CloudWatch metric its alarms watch: CPUUtilization, MemoryUtilization,
   * RequestCountPerTarget, a customized metric's name); once a simulated minute.
   */
  scaling?: Record<string, number>;
  /** Auto Scaling groups by name, at each minute and when a boot or a command moved them. */
  groups?: Record<string, AutoScalingGroupCounts>;
  /** Each capacity provider's CapacityProviderReservation of the minute, by name. */
  providers?: Record<string, number>;
  /** What the run has cost so far (CostView.totalUsd), once a simulated minute. */
  costUsd?: number;
}

/** An Auto Scaling group's instances for the chart. */
export interface AutoScalingGroupCounts {
  desired: number;
  inService: number;
  /** Launched and not yet registered: still booting. */
  pending: number;
}

export interface Snapshot {
  nowMs: number;
  tasks: TaskView[];
  instances: InstanceView[];
  services: ServiceView[];
  serviceEvents: ServiceEventView[];
  taskStateCounts: TaskStateCounts;
  /** Auto Scaling groups and capacity providers now; absent when the design has none. */
  capacity?: CapacityView;
  /** Service auto scaling's scalable targets now; absent when the design has none. */
  scaling?: ScalableTargetView[];
  /** What the run has cost so far (us-east-1 list prices of the catalog's date). */
  cost?: CostView;
}

/** An Auto Scaling group as DescribeAutoScalingGroups shows it, with Berth's boot state. */
export interface AutoScalingGroupView {
  autoScalingGroupName: string;
  minSize: number;
  maxSize: number;
  desiredCapacity: number;
  instanceTypes: string[];
  availabilityZones: string[];
  /** Not terminated, in launch order. */
  instances: {
    instanceId: string;
    instanceType: string;
    availabilityZone: string;
    lifecycleState: 'Pending' | 'InService' | 'Terminating';
    protectedFromScaleIn: boolean;
    launchedAtMs: number;
    /** Set once its agent registered it (booting instances have none). */
    containerInstanceArn?: string;
  }[];
}

/** A capacity provider with managed scaling's state (ecs-behavior §13). */
export interface CapacityProviderView {
  name: string;
  autoScalingGroupName: string;
  managedScaling: {
    status: 'ENABLED' | 'DISABLED';
    targetCapacity: number;
    minimumScalingStepSize: number;
    maximumScalingStepSize: number;
    instanceWarmupPeriod: number;
  };
  managedTerminationProtection: boolean;
  /** The last minute's CapacityProviderReservation = M / N x 100. */
  reservation?: { value: number; m: number; n: number; atMs: number };
  /** Consecutive minutes under target, of the 15 scale-in needs. */
  minutesBelowTarget: number;
  /** Its tasks waiting in PROVISIONING for capacity. */
  provisioningTasks: number;
}

export interface CapacityView {
  groups: AutoScalingGroupView[];
  providers: CapacityProviderView[];
}

/** A service's scalable target (Application Auto Scaling) with its policies. */
export interface ScalableTargetView {
  resourceId: string;
  serviceName: string;
  clusterName: string;
  minCapacity: number;
  maxCapacity: number;
  desiredCount: number;
  policies: {
    policyName: string;
    policyType: 'TargetTrackingScaling' | 'StepScaling';
    /**
     * Target tracking: its target. Both kinds: the CloudWatch metric its alarms watch
     * (`CPUUtilization`, `MemoryUtilization`, `RequestCountPerTarget` for
     * ALBRequestCountPerTarget, a customized metric's name), as the `scaling:` chart series names it.
     */
    targetValue?: number;
    metricName?: string;
    /** The alarms it acts through, with their thresholds and state now. */
    alarms: {
      alarmName: string;
      threshold: number;
      comparisonOperator: string;
      state: 'OK' | 'ALARM' | 'INSUFFICIENT_DATA';
    }[];
  }[];
  /** The most recent scaling activities, oldest first (at most 50). */
  activities: { atMs: number; from: number; to: number; by: string; description: string }[];
}

/** Cost so far: instance-hours by type, Fargate vCPU-hours and GB-hours, priced. */
export interface CostView {
  /** The price table's date (us-east-1 list prices). */
  priceDate: string;
  totalUsd: number;
  /** What the run spends per hour at nowMs. */
  usdPerHour: number;
  /** By instance type and purchase option; Spot instances have no dated price (usd absent). */
  instances: {
    instanceType: string;
    purchase: 'on-demand' | 'spot';
    running: number;
    hours: number;
    usd?: number;
  }[];
  fargate: {
    vcpuHours: number;
    gbHours: number;
    usd: number;
    spotVcpuHours: number;
    spotGbHours: number;
    /** Absent when Fargate Spot ran and the price table has no Fargate Spot rate. */
    spotUsd?: number;
  };
}

/** The answer to one command or script action, shaped as the AWS response or error. */
export interface ActionResult {
  at: number;
  action: string;
  response?: Record<string, unknown>;
  error?: { code: string; message: string };
}

/** The result of DescribeServices / DescribeTasks / DescribeContainerInstances, for --state-out. */
export interface DescribeState {
  time: string;
  services: Record<string, unknown>[];
  tasks: Record<string, unknown>[];
  containerInstances: Record<string, unknown>[];
  /** `aws elbv2 describe-target-health` for every target group (a Classic ELB's is `classic:NAME`). */
  targetHealth: { TargetGroupArn: string; TargetHealthDescriptions: Record<string, unknown>[] }[];
  /** `aws cloudwatch describe-alarms` MetricAlarms, with each alarm's state. */
  alarms: Record<string, unknown>[];
  /** `aws application-autoscaling describe-scalable-targets` ScalableTargets. */
  scalableTargets: Record<string, unknown>[];
  /** `aws application-autoscaling describe-scaling-activities` ScalingActivities. */
  scalingActivities: Record<string, unknown>[];
  /** What the run has cost so far. */
  cost?: CostView;
  actions: ActionResult[];
}
