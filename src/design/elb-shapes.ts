import { z } from 'zod';
import { roleArn, targetGroupRef } from './arn-shapes';

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
  TargetGroupArn: targetGroupRef.optional(),
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
  TargetGroupArn: targetGroupRef,
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
  TargetGroupArn: targetGroupRef.optional(),
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

/** The condition fields an ALB rule matches on (ecs-behavior §14.5). */
export const CONDITION_FIELDS = [
  'host-header',
  'path-pattern',
  'http-header',
  'http-request-method',
  'query-string',
  'source-ip',
] as const;
export type ConditionField = (typeof CONDITION_FIELDS)[number];

/** Each field's own `*Config`; `Values` on the condition itself is for host-header and path-pattern. */
export const CONDITION_CONFIG: Record<ConditionField, string> = {
  'host-header': 'HostHeaderConfig',
  'path-pattern': 'PathPatternConfig',
  'http-header': 'HttpHeaderConfig',
  'http-request-method': 'HttpRequestMethodConfig',
  'query-string': 'QueryStringConfig',
  'source-ip': 'SourceIpConfig',
};

/** §14.5: a rule takes at most one of each of these. */
const ONE_PER_RULE: readonly ConditionField[] = [
  'host-header',
  'http-request-method',
  'path-pattern',
  'source-ip',
];
/** §14.5: condition values and wildcards per rule. */
export const MAX_CONDITION_VALUES = 5;
export const MAX_WILDCARDS = 5;

const IPV4_CIDR =
  /^(25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)(\.(25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)){3}\/(3[0-2]|[12]?\d)$/;
const IPV6_CIDR = /^[0-9A-Fa-f:]*:[0-9A-Fa-f:.]*\/(12[0-8]|1[01]\d|[1-9]?\d)$/;
const cidr = z
  .string()
  .refine((v) => IPV4_CIDR.test(v) || (IPV6_CIDR.test(v) && v.split('::').length <= 2), {
    error: (i) =>
      `must be a CIDR block such as 203.0.113.0/24 or 2001:db8::/32, got ${JSON.stringify(i.input)}`,
  });
/** ELB: the method's characters are A-Z, hyphen and underscore, at most 40. */
export const HTTP_METHOD = /^[A-Z_-]{1,40}$/;
const method = z.string().regex(HTTP_METHOD, 'must be 1-40 of A-Z, - and _, as GET or POST');

const values = z.array(z.string().min(1).max(128, 'must be at most 128 characters'));

export const RuleCondition = z
  .looseObject({
    Field: z.enum(CONDITION_FIELDS),
    /** host-header and path-pattern only: the older form of their Config's Values. */
    Values: values.optional(),
    HostHeaderConfig: z.looseObject({ Values: values }).optional(),
    PathPatternConfig: z.looseObject({ Values: values }).optional(),
    HttpHeaderConfig: z
      .looseObject({ HttpHeaderName: z.string().min(1).max(40), Values: values })
      .optional(),
    HttpRequestMethodConfig: z.looseObject({ Values: z.array(method) }).optional(),
    QueryStringConfig: z
      .looseObject({
        Values: z.array(z.looseObject({ Key: z.string().optional(), Value: z.string().min(1) })),
      })
      .optional(),
    SourceIpConfig: z.looseObject({ Values: z.array(cidr) }).optional(),
  })
  .superRefine((c, ctx) => {
    const own = CONDITION_CONFIG[c.Field];
    for (const key of Object.values(CONDITION_CONFIG))
      if (key !== own && (c as Record<string, unknown>)[key] !== undefined)
        ctx.addIssue({
          code: 'custom',
          path: [key],
          message: `does not go with Field ${c.Field}: use ${own}`,
        });
    const legacy = c.Field === 'host-header' || c.Field === 'path-pattern';
    if (c.Values !== undefined && !legacy)
      ctx.addIssue({
        code: 'custom',
        path: ['Values'],
        message: `is for host-header and path-pattern only: ${c.Field} takes ${own}`,
      });
    if (conditionValueCount(c) === 0)
      ctx.addIssue({
        code: 'custom',
        path: [],
        message: legacy
          ? `needs Values or ${own}.Values, at least one`
          : `needs ${own}.Values, at least one`,
      });
  });
export type RuleCondition = z.infer<typeof RuleCondition>;

/** The values a condition compares, each counting against the rule's 5 (§14.5). */
export function conditionValues(c: RuleCondition): string[] {
  switch (c.Field) {
    case 'host-header':
      return [...(c.Values ?? []), ...(c.HostHeaderConfig?.Values ?? [])];
    case 'path-pattern':
      return [...(c.Values ?? []), ...(c.PathPatternConfig?.Values ?? [])];
    case 'http-header':
      return c.HttpHeaderConfig?.Values ?? [];
    case 'http-request-method':
      return c.HttpRequestMethodConfig?.Values ?? [];
    case 'query-string':
      return (c.QueryStringConfig?.Values ?? []).map((p) => `${p.Key ?? ''}=${p.Value}`);
    case 'source-ip':
      return c.SourceIpConfig?.Values ?? [];
  }
}

function conditionValueCount(c: RuleCondition): number {
  return conditionValues(c).length;
}

/** Unescaped `*` and `?`: what ELB counts as wildcards. */
function wildcardCount(c: RuleCondition): number {
  if (c.Field === 'http-request-method' || c.Field === 'source-ip') return 0;
  const texts =
    c.Field === 'query-string'
      ? (c.QueryStringConfig?.Values ?? []).flatMap((p) => [p.Key ?? '', p.Value])
      : conditionValues(c);
  return texts.reduce((n, t) => n + (t.replace(/\\./g, '').match(/[*?]/g)?.length ?? 0), 0);
}

/** CreateRule (ecs-behavior §14.5). */
export const ListenerRule = z
  .looseObject({
    ListenerArn: z.string().min(1),
    RuleArn: z.string().min(1).optional(),
    Priority: z.number().int().min(1).max(50000),
    Conditions: z.array(RuleCondition).min(1, 'needs a condition'),
    Actions: z.array(Action).min(1),
  })
  .superRefine((r, ctx) => {
    for (const field of ONE_PER_RULE) {
      const at = r.Conditions.flatMap((c, i) => (c.Field === field ? [i] : []));
      for (const i of at.slice(1))
        ctx.addIssue({
          code: 'custom',
          path: ['Conditions', i, 'Field'],
          message: `a rule takes at most one ${field} condition: put its values in one`,
        });
    }
    const count = r.Conditions.reduce((n, c) => n + conditionValueCount(c), 0);
    if (count > MAX_CONDITION_VALUES)
      ctx.addIssue({
        code: 'custom',
        path: ['Conditions'],
        message: `has ${count} condition values: a rule allows at most ${MAX_CONDITION_VALUES}`,
      });
    const wildcards = r.Conditions.reduce((n, c) => n + wildcardCount(c), 0);
    if (wildcards > MAX_WILDCARDS)
      ctx.addIssue({
        code: 'custom',
        path: ['Conditions'],
        message: `has ${wildcards} wildcards: a rule allows at most ${MAX_WILDCARDS}`,
      });
  });
export type ListenerRule = z.infer<typeof ListenerRule>;

/** A service's `loadBalancers` entry, as CreateService takes it. */
export const ServiceLoadBalancer = z
  .looseObject({
    targetGroupArn: targetGroupRef.optional(),
    loadBalancerName: z.string().min(1).optional(),
    containerName: z.string().min(1),
    containerPort: z.number().int().min(0).max(65535),
    /** ECS blue/green, linear and canary deployments (ecs-behavior §11): the second group. */
    advancedConfiguration: z
      .looseObject({
        alternateTargetGroupArn: targetGroupRef,
        productionListenerRule: z.string().min(1).optional(),
        testListenerRule: z.string().min(1).optional(),
        roleArn: roleArn.optional(),
      })
      .optional(),
  })
  .refine((l) => l.targetGroupArn !== undefined || l.loadBalancerName !== undefined, {
    message: 'needs targetGroupArn (ALB, NLB) or loadBalancerName (Classic ELB)',
  });
export type ServiceLoadBalancer = z.infer<typeof ServiceLoadBalancer>;
