import { z } from 'zod';

/**
 * Elastic Load Balancing inputs, as the AWS CLI takes them (PascalCase, as the ELB APIs
 * are): CreateLoadBalancer, CreateTargetGroup, CreateListener, CreateRule, each with the
 * ARN AWS gives back. Berth also lets a reference name the resource instead of its ARN.
 */

const lbName = z
  .string()
  .regex(
    /^[A-Za-z0-9](?:[A-Za-z0-9-]{0,30}[A-Za-z0-9])?$/,
    'must be 1-32 letters, digits or hyphens, not starting or ending with a hyphen',
  );

const seconds = (min: number, max: number) =>
  z
    .number()
    .int()
    .min(min, `must be ${min}-${max} seconds`)
    .max(max, `must be ${min}-${max} seconds`);
const count = (min: number, max: number) =>
  z.number().int().min(min, `must be ${min}-${max}`).max(max, `must be ${min}-${max}`);

/** ELBv2 CreateLoadBalancer, or a Classic ELB (`Type: "classic"`, elb CreateLoadBalancer). */
export const LoadBalancer = z.looseObject({
  Name: lbName,
  LoadBalancerArn: z.string().min(1).optional(),
  Type: z.enum(['application', 'network', 'classic']).optional(),
  Scheme: z.enum(['internet-facing', 'internal']).optional(),
  Subnets: z.array(z.string()).optional(),
  /** Classic ELB: the instance port it sends to, and its health check. */
  Listeners: z
    .array(
      z.looseObject({
        Protocol: z.string(),
        LoadBalancerPort: z.number().int().min(1).max(65535),
        InstanceProtocol: z.string().optional(),
        InstancePort: z.number().int().min(1).max(65535),
      }),
    )
    .optional(),
  HealthCheck: z
    .looseObject({
      Target: z.string(),
      Interval: seconds(5, 300),
      Timeout: seconds(2, 60),
      UnhealthyThreshold: count(2, 10),
      HealthyThreshold: count(2, 10),
    })
    .optional(),
});
export type LoadBalancer = z.infer<typeof LoadBalancer>;

export const TargetGroupAttribute = z.looseObject({ Key: z.string().min(1), Value: z.string() });

/** CreateTargetGroup (ecs-behavior §14.2, §14.3). */
export const TargetGroup = z.looseObject({
  Name: lbName,
  TargetGroupArn: z.string().min(1).optional(),
  Protocol: z.enum(['HTTP', 'HTTPS', 'TCP', 'TLS', 'UDP', 'TCP_UDP', 'GENEVE']).optional(),
  Port: z.number().int().min(1).max(65535).optional(),
  TargetType: z.enum(['instance', 'ip', 'lambda', 'alb']).optional(),
  VpcId: z.string().optional(),
  HealthCheckProtocol: z.enum(['HTTP', 'HTTPS', 'TCP']).optional(),
  HealthCheckPath: z.string().optional(),
  HealthCheckIntervalSeconds: seconds(5, 300).optional(),
  HealthCheckTimeoutSeconds: seconds(2, 120).optional(),
  HealthyThresholdCount: count(2, 10).optional(),
  UnhealthyThresholdCount: count(2, 10).optional(),
  Matcher: z
    .looseObject({ HttpCode: z.string().optional(), GrpcCode: z.string().optional() })
    .optional(),
  /** ModifyTargetGroupAttributes' pairs, e.g. deregistration_delay.timeout_seconds. */
  Attributes: z.array(TargetGroupAttribute).optional(),
});
export type TargetGroup = z.infer<typeof TargetGroup>;

const TargetGroupTuple = z.looseObject({
  TargetGroupArn: z.string().min(1),
  Weight: z.number().int().min(0).max(999).optional(),
});

export const Action = z.looseObject({
  Type: z.enum([
    'forward',
    'fixed-response',
    'redirect',
    'authenticate-oidc',
    'authenticate-cognito',
  ]),
  TargetGroupArn: z.string().min(1).optional(),
  ForwardConfig: z
    .looseObject({
      TargetGroups: z.array(TargetGroupTuple).min(1).max(5, 'allows at most 5 target groups'),
    })
    .optional(),
  Order: z.number().int().optional(),
});
export type Action = z.infer<typeof Action>;

/** CreateListener. */
export const Listener = z.looseObject({
  LoadBalancerArn: z.string().min(1),
  ListenerArn: z.string().min(1).optional(),
  Protocol: z.string().optional(),
  Port: z.number().int().min(1).max(65535),
  DefaultActions: z.array(Action).min(1, 'needs a default action'),
});
export type Listener = z.infer<typeof Listener>;

/** CreateRule (ecs-behavior §14.5). */
export const ListenerRule = z.looseObject({
  ListenerArn: z.string().min(1),
  RuleArn: z.string().min(1).optional(),
  Priority: z.number().int().min(1).max(50000),
  Conditions: z.array(
    z.looseObject({
      Field: z.string(),
      Values: z.array(z.string()).optional(),
      PathPatternConfig: z.looseObject({ Values: z.array(z.string()) }).optional(),
      HostHeaderConfig: z.looseObject({ Values: z.array(z.string()) }).optional(),
    }),
  ),
  Actions: z.array(Action).min(1),
});
export type ListenerRule = z.infer<typeof ListenerRule>;

/** A service's `loadBalancers` entry, as CreateService takes it. */
export const ServiceLoadBalancer = z
  .looseObject({
    targetGroupArn: z.string().min(1).optional(),
    loadBalancerName: z.string().min(1).optional(),
    containerName: z.string().min(1),
    containerPort: z.number().int().min(0).max(65535),
    /** ECS blue/green, linear and canary deployments (ecs-behavior §11): the second group. */
    advancedConfiguration: z
      .looseObject({
        alternateTargetGroupArn: z.string().min(1),
        productionListenerRule: z.string().min(1).optional(),
        testListenerRule: z.string().min(1).optional(),
        roleArn: z.string().optional(),
      })
      .optional(),
  })
  .refine((l) => l.targetGroupArn !== undefined || l.loadBalancerName !== undefined, {
    message: 'needs targetGroupArn (ALB, NLB) or loadBalancerName (Classic ELB)',
  });
export type ServiceLoadBalancer = z.infer<typeof ServiceLoadBalancer>;
