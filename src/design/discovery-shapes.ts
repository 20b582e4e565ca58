import { z } from 'zod';
import { hasRate, NEEDS_RATE, rateCurveFields } from './traffic-shapes';

/**
 * Service discovery and Service Connect (ecs-behavior §15), as the AWS CLI takes them:
 * Cloud Map's CreatePrivateDnsNamespace / CreateHttpNamespace and servicediscovery
 * CreateService (PascalCase, as Cloud Map's API is), and CreateService's
 * `serviceRegistries` and `serviceConnectConfiguration` (camelCase, as ECS's is).
 */

/** A Cloud Map namespace: `Type` says which call made it (DNS_PRIVATE or HTTP). */
export const CloudMapNamespace = z.looseObject({
  Name: z.string().min(1).max(253),
  Id: z.string().min(1).optional(),
  Arn: z.string().min(1).optional(),
  Type: z.enum(['DNS_PRIVATE', 'HTTP']).optional(),
  Vpc: z.string().optional(),
  /** CreatePrivateDnsNamespace: the SOA TTL bounds how long a client caches "no such name". */
  Properties: z
    .looseObject({
      DnsProperties: z
        .looseObject({
          SOA: z.looseObject({ TTL: z.number().int().min(0).max(2_147_483_647) }).optional(),
        })
        .optional(),
    })
    .optional(),
});
export type CloudMapNamespace = z.infer<typeof CloudMapNamespace>;

export const DnsRecord = z.looseObject({
  Type: z.enum(['A', 'AAAA', 'SRV', 'CNAME']),
  TTL: z.number().int().min(0, 'must be 0 or more seconds').max(2_147_483_647),
});

/** servicediscovery CreateService: a name in a namespace, and how DNS answers for it. */
export const CloudMapService = z.looseObject({
  Name: z.string().min(1).max(127),
  Id: z.string().min(1).optional(),
  Arn: z.string().min(1).optional(),
  /** The namespace's Id, Arn or (Berth's shorthand) Name. */
  NamespaceId: z.string().min(1),
  DnsConfig: z
    .looseObject({
      NamespaceId: z.string().optional(),
      RoutingPolicy: z.enum(['MULTIVALUE', 'WEIGHTED']).optional(),
      DnsRecords: z.array(DnsRecord).min(1, 'needs a DNS record'),
    })
    .optional(),
  /** ECS reports the task's health to Cloud Map: unhealthy tasks leave DNS answers. */
  HealthCheckCustomConfig: z
    .looseObject({ FailureThreshold: z.number().int().optional() })
    .optional(),
});
export type CloudMapService = z.infer<typeof CloudMapService>;

export const ServiceDiscovery = z.looseObject({
  namespaces: z.array(CloudMapNamespace).default([]),
  services: z.array(CloudMapService).default([]),
});
export type ServiceDiscovery = z.infer<typeof ServiceDiscovery>;

/** CreateService `serviceRegistries[]`. */
export const ServiceRegistry = z.looseObject({
  registryArn: z.string().min(1),
  port: z.number().int().min(0).max(65535).optional(),
  containerName: z.string().min(1).optional(),
  containerPort: z.number().int().min(0).max(65535).optional(),
});
export type ServiceRegistry = z.infer<typeof ServiceRegistry>;

const dnsName = z
  .string()
  .min(1)
  .max(253)
  .regex(/^[A-Za-z0-9][A-Za-z0-9.-]*$/, 'must be a DNS name: letters, digits, . and -');

/** CreateService `serviceConnectConfiguration` (§15.2). */
export const ServiceConnectConfiguration = z.looseObject({
  enabled: z.boolean(),
  /** The Cloud Map namespace's name or ARN. */
  namespace: z.string().min(1).optional(),
  services: z
    .array(
      z.looseObject({
        portName: z.string().min(1),
        discoveryName: z.string().min(1).max(64).optional(),
        clientAliases: z
          .array(
            z.looseObject({
              port: z.number().int().min(1).max(65535),
              dnsName: dnsName.optional(),
            }),
          )
          .max(1, 'allows 1 client alias per service (§15.2)')
          .optional(),
        ingressPortOverride: z.number().int().min(1).max(65535).optional(),
        timeout: z
          .looseObject({
            idleTimeoutSeconds: z.number().int().min(0).optional(),
            perRequestTimeoutSeconds: z.number().int().min(0).optional(),
          })
          .optional(),
      }),
    )
    .optional(),
});
export type ServiceConnectConfiguration = z.infer<typeof ServiceConnectConfiguration>;

/**
 * Requests one service's tasks send to another service by name (Berth's own shape: AWS
 * has no API for a request rate). `endpoint` is a Cloud Map DNS name
 * (`<service>.<namespace>`) or a Service Connect client alias (`dnsName:port`).
 */
export const ServiceCall = z
  .looseObject({
    fromService: z.string().min(1),
    endpoint: z.string().min(1).max(260),
    ...rateCurveFields,
  })
  .refine(hasRate, { message: NEEDS_RATE });
export type ServiceCall = z.infer<typeof ServiceCall>;
