import { z } from 'zod';
import { targetGroupRef } from './arn-shapes';
import { type AutoscalingCommand, autoscalingScriptActions } from './autoscaling-shapes';
import {
  Attribute,
  CapacityProviderStrategy,
  DeploymentConfiguration,
  HealthCheckGracePeriodSeconds,
  NetworkConfiguration,
  PlacementConstraint,
  PlacementStrategy,
  RegisterTaskDefinitionInput,
  Resource,
} from './aws-shapes';
import { type CapacityCommand, capacityScriptActions } from './capacity-shapes';
import { PutMetricDataInput } from './cloudwatch-shapes';
import { CreateDeploymentInput } from './codedeploy-shapes';
import { ServiceConnectConfiguration, ServiceRegistry } from './discovery-shapes';
import { ServiceLoadBalancer } from './elb-shapes';
import { at } from './script-time';
import { WorkloadFailure } from './workload-shapes';

/**
 * Timed actions. AWS operations keep their names and input shapes; simulator
 * faults have plain names. Each action is also a command the running engine takes.
 */

const clusterRef = z.string().optional();

export const UpdateServiceInput = z.looseObject({
  cluster: clusterRef,
  service: z.string().min(1),
  desiredCount: z.number().int().min(0).optional(),
  taskDefinition: z.string().optional(),
  capacityProviderStrategy: CapacityProviderStrategy.optional(),
  networkConfiguration: NetworkConfiguration.optional(),
  placementConstraints: z.array(PlacementConstraint).max(10).optional(),
  placementStrategy: z.array(PlacementStrategy).max(5, 'allows at most 5 strategies').optional(),
  deploymentConfiguration: DeploymentConfiguration.optional(),
  forceNewDeployment: z.boolean().optional(),
  healthCheckGracePeriodSeconds: HealthCheckGracePeriodSeconds.optional(),
  /** A changed load balancer, registry or Service Connect configuration starts a deployment (§8). */
  loadBalancers: z.array(ServiceLoadBalancer).optional(),
  serviceRegistries: z.array(ServiceRegistry).max(1, 'allows 1 service registry').optional(),
  serviceConnectConfiguration: ServiceConnectConfiguration.optional(),
});
export type UpdateServiceInput = z.infer<typeof UpdateServiceInput>;

export const RunTaskInput = z.looseObject({
  cluster: clusterRef,
  taskDefinition: z.string().min(1),
  // The API rejects count 11 with InvalidParameterException; the engine reports it
  // as the action's error, so the gate lets any positive integer through.
  count: z.number().int().min(1).optional(),
  group: z.string().max(255).optional(),
  startedBy: z.string().max(128).optional(),
  placementConstraints: z.array(PlacementConstraint).optional(),
  placementStrategy: z.array(PlacementStrategy).optional(),
  launchType: z.enum(['EC2', 'FARGATE', 'EXTERNAL', 'MANAGED_INSTANCES']).optional(),
  capacityProviderStrategy: CapacityProviderStrategy.optional(),
  networkConfiguration: NetworkConfiguration.optional(),
});
export type RunTaskInput = z.infer<typeof RunTaskInput>;

export const StopTaskInput = z.looseObject({
  cluster: clusterRef,
  task: z.string().min(1),
  reason: z.string().max(255).optional(),
});
export type StopTaskInput = z.infer<typeof StopTaskInput>;

export const TerminateInstanceInput = z.looseObject({
  ec2InstanceId: z.string().min(1),
});
export type TerminateInstanceInput = z.infer<typeof TerminateInstanceInput>;

/** A fault: every container instance in the zone is lost (Berth's own action). */
export const FailAvailabilityZoneInput = z.looseObject({
  cluster: clusterRef,
  availabilityZone: z
    .string()
    .regex(/^[a-z]{2}(-[a-z]+)+-\d[a-z]$/, 'must be a zone such as us-east-1a'),
});
export type FailAvailabilityZoneInput = z.infer<typeof FailAvailabilityZoneInput>;

/** A fault: targets of a group start failing their health checks (Berth's own action). */
export const FailTargetHealthInput = z.looseObject({
  /** The target group's ARN or Name. */
  targetGroupArn: targetGroupRef,
  /** How many healthy targets fail (1 when absent and no taskIds). */
  count: z.number().int().min(1).optional(),
  taskIds: z.array(z.string().min(1)).optional(),
});
export type FailTargetHealthInput = z.infer<typeof FailTargetHealthInput>;

/**
 * A fault: tasks of this revision started from now on fail as `failure` says (Berth's own
 * action; the design's `workloads[].failure`, applied mid-run). `failure` absent: they
 * no longer fail.
 */
export const FailRevisionInput = z.looseObject({
  /** family:revision, or a task definition ARN. */
  taskDefinition: z.string().min(1),
  failure: WorkloadFailure.optional(),
});
export type FailRevisionInput = z.infer<typeof FailRevisionInput>;

export const UpdateContainerInstancesStateInput = z.looseObject({
  cluster: clusterRef,
  /** Container instance ARNs or ids, as the API takes them; EC2 instance ids are accepted too. */
  containerInstances: z.array(z.string().min(1)).min(1).max(10),
  status: z.enum(['ACTIVE', 'DRAINING']),
});
export type UpdateContainerInstancesStateInput = z.infer<typeof UpdateContainerInstancesStateInput>;

/**
 * RegisterContainerInstance input. ECS reads the instance's id, type and AZ from the
 * signed `instanceIdentityDocument`; Berth also takes them as plain fields.
 */
export const RegisterContainerInstanceInput = z
  .looseObject({
    cluster: clusterRef,
    instanceIdentityDocument: z.string().optional(),
    ec2InstanceId: z
      .string()
      .regex(/^i-[0-9a-zA-Z]{1,32}$/, 'must look like i-0123456789abcdef0')
      .optional(),
    instanceType: z.string().optional(),
    availabilityZone: z.string().optional(),
    totalResources: z.array(Resource).optional(),
    attributes: z.array(Attribute).optional(),
    versionInfo: z.looseObject({ agentVersion: z.string().optional() }).optional(),
  })
  .refine((v) => v.ec2InstanceId !== undefined || v.instanceIdentityDocument !== undefined, {
    message: 'needs ec2InstanceId or an instanceIdentityDocument',
  });
export type RegisterContainerInstanceInput = z.infer<typeof RegisterContainerInstanceInput>;

export const DeregisterContainerInstanceInput = z.looseObject({
  cluster: clusterRef,
  /** A container instance ARN or id, as the API takes it; an EC2 instance id works too. */
  containerInstance: z.string().min(1),
  force: z.boolean().optional(),
});
export type DeregisterContainerInstanceInput = z.infer<typeof DeregisterContainerInstanceInput>;

/** PutAttributes / DeleteAttributes input: custom attributes on container instances. */
export const AttributesInput = z.looseObject({
  cluster: clusterRef,
  attributes: z
    .array(
      z.looseObject({
        name: z
          .string()
          .regex(/^[A-Za-z0-9\-_/.]{1,128}$/, 'must be 1-128 letters, digits or - _ / .'),
        value: z.string().min(1).max(128).optional(),
        targetType: z.literal('container-instance').optional(),
        targetId: z.string().min(1),
      }),
    )
    .min(1)
    .max(10, 'allows at most 10 attributes per call'),
});
export type AttributesInput = z.infer<typeof AttributesInput>;

/** PutAccountSetting / PutAccountSettingDefault input. */
export const AccountSetting = z.looseObject({
  name: z.enum([
    'serviceLongArnFormat',
    'taskLongArnFormat',
    'containerInstanceLongArnFormat',
    'awsvpcTrunking',
    'containerInsights',
    'fargateFIPSMode',
    'tagResourceAuthorization',
    'fargateTaskRetirementWaitPeriod',
    'guardDutyActivate',
    'defaultLogDriverMode',
  ]),
  value: z.string().min(1),
});
export type AccountSetting = z.infer<typeof AccountSetting>;

export const ScriptAction = z.discriminatedUnion('action', [
  z.looseObject({ at, action: z.literal('UpdateService'), input: UpdateServiceInput }),
  z.looseObject({ at, action: z.literal('RunTask'), input: RunTaskInput }),
  z.looseObject({ at, action: z.literal('StopTask'), input: StopTaskInput }),
  z.looseObject({ at, action: z.literal('TerminateInstance'), input: TerminateInstanceInput }),
  z.looseObject({
    at,
    action: z.literal('UpdateContainerInstancesState'),
    input: UpdateContainerInstancesStateInput,
  }),
  z.looseObject({
    at,
    action: z.literal('RegisterContainerInstance'),
    input: RegisterContainerInstanceInput,
  }),
  z.looseObject({
    at,
    action: z.literal('DeregisterContainerInstance'),
    input: DeregisterContainerInstanceInput,
  }),
  z.looseObject({ at, action: z.literal('PutAttributes'), input: AttributesInput }),
  z.looseObject({ at, action: z.literal('DeleteAttributes'), input: AttributesInput }),
  z.looseObject({ at, action: z.literal('PutAccountSetting'), input: AccountSetting }),
  z.looseObject({
    at,
    action: z.literal('RegisterTaskDefinition'),
    input: RegisterTaskDefinitionInput,
  }),
  z.looseObject({
    at,
    action: z.literal('FailAvailabilityZone'),
    input: FailAvailabilityZoneInput,
  }),
  z.looseObject({ at, action: z.literal('FailTargetHealth'), input: FailTargetHealthInput }),
  z.looseObject({ at, action: z.literal('FailRevision'), input: FailRevisionInput }),
  z.looseObject({ at, action: z.literal('PutMetricData'), input: PutMetricDataInput }),
  z.looseObject({ at, action: z.literal('CreateDeployment'), input: CreateDeploymentInput }),
  ...capacityScriptActions,
  ...autoscalingScriptActions,
]);
export type ScriptAction = z.infer<typeof ScriptAction>;

export type ActionName = ScriptAction['action'];

/** A command is a script action without its time: the engine applies it now. */
export type Command =
  | { action: 'RegisterTaskDefinition'; input: RegisterTaskDefinitionInput }
  | { action: 'FailAvailabilityZone'; input: FailAvailabilityZoneInput }
  | { action: 'FailTargetHealth'; input: FailTargetHealthInput }
  | { action: 'FailRevision'; input: FailRevisionInput }
  | { action: 'PutMetricData'; input: PutMetricDataInput }
  | { action: 'CreateDeployment'; input: CreateDeploymentInput }
  | { action: 'UpdateService'; input: UpdateServiceInput }
  | { action: 'RunTask'; input: RunTaskInput }
  | { action: 'StopTask'; input: StopTaskInput }
  | { action: 'TerminateInstance'; input: TerminateInstanceInput }
  | { action: 'UpdateContainerInstancesState'; input: UpdateContainerInstancesStateInput }
  | { action: 'RegisterContainerInstance'; input: RegisterContainerInstanceInput }
  | { action: 'DeregisterContainerInstance'; input: DeregisterContainerInstanceInput }
  | { action: 'PutAttributes'; input: AttributesInput }
  | { action: 'PutAccountSetting'; input: AccountSetting }
  | { action: 'DeleteAttributes'; input: AttributesInput }
  | CapacityCommand
  | AutoscalingCommand;
