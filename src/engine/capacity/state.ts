import type {
  CapacityProviderStrategyItem,
  DesignDocument,
  LaunchType,
  PlacementConstraint,
  PlacementStrategy,
} from '../../design';
import { createRng } from '../kernel';
import { compileCapacity } from './compile';

/**
 * Auto Scaling groups, capacity providers and their managed scaling, Fargate and Spot (ecs-behavior §6, §13): run state. Plain JSON data only (no Map, Set or class): the checkpoint
 * copies it as JSON (checkpoint/plain.ts) and restores it as it was.
 */
export interface CapacityState {
  /** Launch templates by name: what an instance of a group is. */
  launchTemplates: Record<string, LaunchTemplateState>;
  /** Auto Scaling groups by name. */
  groups: Record<string, GroupState>;
  /** Capacity providers by name; FARGATE and FARGATE_SPOT are not listed (predefined). */
  providers: Record<string, ProviderState>;
  /** Per cluster, as CreateCluster / PutClusterCapacityProviders set them (§13.1). */
  clusters: Record<string, ClusterCapacity>;
  /** Instances the groups launched, by EC2 instance id. */
  instances: Record<string, GroupInstance>;
  /** Where each task runs, by task ARN, while ctx.tasks keeps the task. */
  tasks: Record<string, TaskCapacity>;
  /** ARNs in the order they entered `tasks`, from `tasksHead` on: forgotten once the task is. */
  taskOrder: string[];
  tasksHead: number;
  /**
   * Tasks of an Auto Scaling group provider waiting in PROVISIONING for capacity (§13.2),
   * oldest first, by service name (`cluster:<name>` for RunTask's).
   */
  waiting: Record<string, string[]>;
  /** The seeded draws of Spot interruptions: a stream of its own, so nothing else shifts. */
  rng: number[];
  /** Instances launched so far: each one's id is a stable hash of its group and number. */
  launched: number;
  fargateProvisioningMs: number;
  spotInterruptionsPerHour: number;
}

export interface LaunchTemplateState {
  name: string;
  id: string;
  instanceType?: string;
  /** The cluster its user data names (ECS_CLUSTER), else the agent's `default`. */
  cluster: string;
  /** ECS_INSTANCE_ATTRIBUTES of its user data. */
  attributes: Record<string, string>;
}

export interface GroupState {
  name: string;
  arn: string;
  minSize: number;
  maxSize: number;
  desiredCapacity: number;
  launchTemplate: string;
  /** Instance types it launches: the overrides, else the launch template's. */
  instanceTypes: string[];
  zones: string[];
  protectNew: boolean;
  bootMs: number;
  /** Its instances that are not terminated, in launch order. */
  instanceIds: string[];
}

export interface ProviderState {
  name: string;
  arn: string;
  group: string;
  managedScaling: {
    status: 'ENABLED' | 'DISABLED';
    targetCapacity: number;
    minimumScalingStepSize: number;
    maximumScalingStepSize: number;
    instanceWarmupPeriod: number;
  };
  managedTerminationProtection: boolean;
  /** Consecutive minutes CapacityProviderReservation was under target (the scale-in alarm's 15). */
  belowTarget: number;
  /** The last minute's CapacityProviderReservation, M and N. */
  reservation?: { value: number; m: number; n: number; atMs: number };
}

export interface ClusterCapacity {
  capacityProviders: string[];
  defaultStrategy: CapacityProviderStrategyItem[];
}

export interface GroupInstance {
  ec2InstanceId: string;
  group: string;
  instanceType: string;
  availabilityZone: string;
  /** EC2 Auto Scaling's lifecycle states Berth plays. */
  lifecycle: 'Pending' | 'InService' | 'Terminating';
  launchedAtMs: number;
  protectedFromScaleIn: boolean;
  /** Set once the agent registered it in its cluster. */
  containerInstanceArn?: string;
  cluster: string;
}

export interface TaskCapacity {
  launchType: LaunchType;
  capacityProviderName?: string;
  /** A Fargate task's zone and subnet (its ENI's), chosen when it was launched. */
  availabilityZone?: string;
  subnetId?: string;
  /** A RunTask task waiting for capacity: the placement it asked for. */
  placement?: {
    group: string;
    constraints: PlacementConstraint[];
    strategies: PlacementStrategy[];
  };
}

export function newCapacityState(design: DesignDocument): CapacityState {
  return {
    ...compileCapacity(design),
    instances: {},
    tasks: {},
    taskOrder: [],
    tasksHead: 0,
    waiting: {},
    rng: [...createRng(design.seed).fork('capacity').getState()],
    launched: 0,
    fargateProvisioningMs: (design.fargate?.provisioningSeconds ?? 15) * 1000,
    spotInterruptionsPerHour: design.fargate?.spotInterruptionsPerHour ?? 0,
  };
}
