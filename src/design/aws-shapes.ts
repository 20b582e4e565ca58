import { z } from 'zod';
import { roleArn } from './arn-shapes';
import { ECS_ENUMS } from './aws-model/ecs-enums.generated';
import { ServiceConnectConfiguration, ServiceRegistry } from './discovery-shapes';
import { ServiceLoadBalancer } from './elb-shapes';

/**
 * AWS API input shapes, as the AWS CLI prints and accepts them. Objects are loose:
 * fields Berth does not simulate are kept, so an export gives back what was pasted.
 */

const nonEmpty = z.string().min(1, 'must not be empty');
const awsName = z
  .string()
  .regex(/^[A-Za-z0-9_-]{1,255}$/, 'must be 1-255 letters, digits, hyphens or underscores');

export const KeyValuePair = z.looseObject({ name: z.string(), value: z.string().optional() });

export const PortMapping = z.looseObject({
  containerPort: z.number().int().min(0).max(65535).optional(),
  hostPort: z.number().int().min(0).max(65535).optional(),
  protocol: z.enum(['tcp', 'udp']).optional(),
  name: z
    .string()
    .regex(
      /^[a-z0-9_][a-z0-9_-]{0,63}$/,
      'must be 1-64 lowercase letters, digits, - or _, not starting with -',
    )
    .optional(),
  appProtocol: z.enum(['http', 'http2', 'grpc']).optional(),
  containerPortRange: z.string().optional(),
});
export type PortMapping = z.infer<typeof PortMapping>;

/** Container `healthCheck` (ecs-behavior §2.1): ranges as the API enforces them. */
export const HealthCheck = z.looseObject({
  command: z
    .array(z.string())
    .min(1, 'needs a command such as ["CMD-SHELL", "curl -f http://localhost/ || exit 1"]')
    .refine((c) => c[0] === 'CMD' || c[0] === 'CMD-SHELL', {
      message: 'must start with "CMD" or "CMD-SHELL"',
    }),
  interval: z
    .number()
    .int()
    .min(5, 'must be 5-300 seconds')
    .max(300, 'must be 5-300 seconds')
    .optional(),
  timeout: z
    .number()
    .int()
    .min(2, 'must be 2-60 seconds')
    .max(60, 'must be 2-60 seconds')
    .optional(),
  retries: z.number().int().min(1, 'must be 1-10').max(10, 'must be 1-10').optional(),
  startPeriod: z
    .number()
    .int()
    .min(0, 'must be 0-300 seconds')
    .max(300, 'must be 0-300 seconds')
    .optional(),
});
export type HealthCheck = z.infer<typeof HealthCheck>;

export const ContainerDefinition = z.looseObject({
  name: awsName,
  image: nonEmpty.max(255),
  cpu: z.number().int().min(0).optional(),
  memory: z.number().int().min(1).optional(),
  memoryReservation: z.number().int().min(1).optional(),
  essential: z.boolean().optional(),
  portMappings: z.array(PortMapping).optional(),
  environment: z.array(KeyValuePair).optional(),
  command: z.array(z.string()).optional(),
  entryPoint: z.array(z.string()).optional(),
  stopTimeout: z.number().int().optional(),
  startTimeout: z.number().int().optional(),
  healthCheck: HealthCheck.optional(),
  /** GPUs this container reserves, or the Elastic Inference accelerator it uses (SDK3 ResourceRequirement). */
  resourceRequirements: z
    .array(
      z.looseObject({
        type: z.enum(['GPU', 'InferenceAccelerator']),
        value: z.string().min(1, 'must not be empty'),
      }),
    )
    .optional(),
});
export type ContainerDefinition = z.infer<typeof ContainerDefinition>;

export const PlacementConstraint = z
  .looseObject({
    type: z.enum(['distinctInstance', 'memberOf']),
    expression: z.string().optional(),
  })
  .refine((c) => c.type !== 'memberOf' || (c.expression ?? '').trim() !== '', {
    path: ['expression'],
    message: 'is required for a memberOf constraint',
  });
export type PlacementConstraint = z.infer<typeof PlacementConstraint>;

export const PlacementStrategy = z
  .looseObject({
    type: z.enum(['binpack', 'spread', 'random']),
    field: z.string().optional(),
  })
  .refine((s) => s.type !== 'binpack' || s.field === 'cpu' || s.field === 'memory', {
    path: ['field'],
    message: 'must be "cpu" or "memory" for binpack',
  })
  .refine((s) => s.type !== 'spread' || (s.field ?? '') !== '', {
    path: ['field'],
    message: 'is required for spread, e.g. "attribute:ecs.availability-zone" or "instanceId"',
  });
export type PlacementStrategy = z.infer<typeof PlacementStrategy>;

export const NetworkMode = z.enum(['bridge', 'host', 'awsvpc', 'none']);
export type NetworkMode = z.infer<typeof NetworkMode>;

/** RegisterTaskDefinition input (§17.1). `cpu` and `memory` are strings, as in the API. */
export const RegisterTaskDefinitionInput = z.looseObject({
  family: awsName,
  containerDefinitions: z
    .array(ContainerDefinition)
    .min(1, 'needs at least one container')
    .max(10, 'allows at most 10 containers'),
  networkMode: NetworkMode.optional(),
  cpu: z
    .string()
    .regex(
      /^\s*(\d+|\d+(\.\d+)?\s*vcpu)\s*$/i,
      'must be CPU units such as "256" or vCPUs such as "1 vCPU"',
    )
    .optional(),
  memory: z
    .string()
    .regex(/^\s*(\d+|\d+(\.\d+)?\s*gb)\s*$/i, 'must be MiB such as "512" or GB such as "2 GB"')
    .optional(),
  requiresCompatibilities: z
    .array(z.enum(['EC2', 'FARGATE', 'EXTERNAL', 'MANAGED_INSTANCES']))
    .optional(),
  /** A task definition takes memberOf only (TaskDefinitionPlacementConstraintType). */
  placementConstraints: z
    .array(
      PlacementConstraint.refine((c) => c.type === 'memberOf', {
        path: ['type'],
        message: 'must be memberOf in a task definition (distinctInstance is for services)',
      }),
    )
    .max(10)
    .optional(),
  runtimePlatform: z
    .looseObject({
      cpuArchitecture: z.enum(['X86_64', 'ARM64']).optional(),
      operatingSystemFamily: z
        .enum((ECS_ENUMS.OSFamily ?? ['LINUX']) as [string, ...string[]])
        .optional(),
    })
    .optional(),
  /** Elastic Inference accelerators, named by containers' InferenceAccelerator requirements. */
  inferenceAccelerators: z
    .array(z.looseObject({ deviceName: nonEmpty, deviceType: nonEmpty }))
    .optional(),
  taskRoleArn: roleArn.optional(),
  executionRoleArn: roleArn.optional(),
});
export type RegisterTaskDefinitionInput = z.infer<typeof RegisterTaskDefinitionInput>;

/** The rolling update's failure detection (ecs-behavior §9.1). */
export const DeploymentCircuitBreaker = z.looseObject({
  enable: z.boolean(),
  rollback: z.boolean(),
});

const minutes = z
  .number()
  .int()
  .min(0, 'must be 0-1440 minutes')
  .max(1440, 'must be 0-1440 minutes');
const tenths = (min: number, max: number) =>
  z
    .number()
    .min(min, `must be ${min}-${max}`)
    .max(max, `must be ${min}-${max}`)
    .refine((n) => Math.abs(n * 10 - Math.round(n * 10)) < 1e-9, {
      message: 'must be a multiple of 0.1',
    });

export const DeploymentConfiguration = z.looseObject({
  minimumHealthyPercent: z.number().int().min(0).optional(),
  maximumPercent: z.number().int().min(0).optional(),
  deploymentCircuitBreaker: DeploymentCircuitBreaker.optional(),
  /** CloudWatch alarms that fail a deployment when one enters ALARM (§9.2). */
  alarms: z
    .looseObject({
      alarmNames: z.array(z.string().min(1)).min(1),
      enable: z.boolean(),
      rollback: z.boolean(),
    })
    .optional(),
  /** ECS's own deployment strategies (ecs-behavior §11); ROLLING by default. */
  strategy: z.enum(['ROLLING', 'BLUE_GREEN', 'LINEAR', 'CANARY']).optional(),
  /** Both revisions kept after production traffic reaches 100%. */
  bakeTimeInMinutes: minutes.optional(),
  linearConfiguration: z
    .looseObject({
      stepPercent: tenths(3, 100).optional(),
      stepBakeTimeInMinutes: minutes.optional(),
    })
    .optional(),
  canaryConfiguration: z
    .looseObject({
      canaryPercent: tenths(0.1, 100).optional(),
      canaryBakeTimeInMinutes: minutes.optional(),
    })
    .optional(),
});
export type DeploymentConfiguration = z.infer<typeof DeploymentConfiguration>;

/** `healthCheckGracePeriodSeconds` (§2.3): 0 to 2,147,483,647. */
export const HealthCheckGracePeriodSeconds = z.number().int().min(0).max(2_147_483_647);

/** One item of a capacity provider strategy (ecs-behavior §13.1). */
export const CapacityProviderStrategyItem = z.looseObject({
  capacityProvider: nonEmpty,
  weight: z.number().int().min(0, 'must be 0-1000').max(1000, 'must be 0-1000').optional(),
  base: z.number().int().min(0, 'must be 0-100000').max(100_000, 'must be 0-100000').optional(),
});
export type CapacityProviderStrategyItem = z.infer<typeof CapacityProviderStrategyItem>;

export const CapacityProviderStrategy = z
  .array(CapacityProviderStrategyItem)
  .max(20, 'allows at most 20 capacity providers');

/** awsvpc tasks' subnets and security groups (CreateService / RunTask `networkConfiguration`). */
export const NetworkConfiguration = z.looseObject({
  awsvpcConfiguration: z.looseObject({
    subnets: z.array(nonEmpty).max(16, 'allows at most 16 subnets'),
    securityGroups: z.array(nonEmpty).max(5, 'allows at most 5 security groups').optional(),
    assignPublicIp: z.enum(['ENABLED', 'DISABLED']).optional(),
  }),
});
export type NetworkConfiguration = z.infer<typeof NetworkConfiguration>;

/** CreateService input. */
export const CreateServiceInput = z.looseObject({
  cluster: z.string().optional(),
  serviceName: awsName,
  taskDefinition: nonEmpty,
  desiredCount: z.number().int().min(0).optional(),
  launchType: z.enum(['EC2', 'FARGATE', 'EXTERNAL', 'MANAGED_INSTANCES']).optional(),
  capacityProviderStrategy: CapacityProviderStrategy.optional(),
  platformVersion: z.string().optional(),
  networkConfiguration: NetworkConfiguration.optional(),
  schedulingStrategy: z.enum(['REPLICA', 'DAEMON']).optional(),
  placementConstraints: z.array(PlacementConstraint).max(10).optional(),
  placementStrategy: z.array(PlacementStrategy).max(5, 'allows at most 5 strategies').optional(),
  deploymentConfiguration: DeploymentConfiguration.optional(),
  healthCheckGracePeriodSeconds: HealthCheckGracePeriodSeconds.optional(),
  loadBalancers: z.array(ServiceLoadBalancer).optional(),
  serviceRegistries: z.array(ServiceRegistry).max(1, 'allows 1 service registry').optional(),
  serviceConnectConfiguration: ServiceConnectConfiguration.optional(),
  deploymentController: z
    .looseObject({ type: z.enum(['ECS', 'CODE_DEPLOY', 'EXTERNAL']) })
    .optional(),
});
export type CreateServiceInput = z.infer<typeof CreateServiceInput>;

export const Attribute = z.looseObject({
  name: z.string().regex(/^[A-Za-z0-9\-_/.]{1,128}$/, 'must be 1-128 letters, digits or - _ / .'),
  // ecs-behavior §4.5: letters, digits, - _ . @ / \ : and spaces, none at either end.
  value: z
    .string()
    .regex(
      /^(?! )[A-Za-z0-9\-_.@/\\: ]{1,128}(?<! )$/,
      'must be 1-128 letters, digits, spaces or - _ . @ / \\ :, with no space at either end',
    )
    .optional(),
  targetType: z.string().optional(),
  targetId: z.string().optional(),
});
export type Attribute = z.infer<typeof Attribute>;

export const Resource = z.looseObject({
  name: z.string(),
  type: z.string().optional(),
  integerValue: z.number().int().optional(),
  stringSetValue: z.array(z.string()).optional(),
});
export type Resource = z.infer<typeof Resource>;

/** A container instance as `aws ecs describe-container-instances` prints it, plus `cluster`. */
export const ContainerInstance = z.looseObject({
  cluster: z.string().optional(),
  ec2InstanceId: z.string().regex(/^i-[0-9a-zA-Z]{1,32}$/, 'must look like i-0123456789abcdef0'),
  containerInstanceArn: z.string().optional(),
  status: z.enum(['ACTIVE', 'DRAINING']).optional(),
  agentConnected: z.boolean().optional(),
  attributes: z.array(Attribute).optional(),
  registeredResources: z.array(Resource).optional(),
  versionInfo: z.looseObject({ agentVersion: z.string().optional() }).optional(),
  /** Shorthand for the `ecs.instance-type` attribute. */
  instanceType: z.string().optional(),
  /** Shorthand for the `ecs.availability-zone` attribute. */
  availabilityZone: z.string().optional(),
});
export type ContainerInstance = z.infer<typeof ContainerInstance>;
