import type { CreateServiceInput } from './aws-shapes';
import type { CloudMapNamespace, CloudMapService } from './discovery-shapes';
import type { DesignDocument } from './document';

/**
 * References between Cloud Map resources and the services that use them: an ARN or Id
 * as AWS gives it, or (Berth's shorthand for designs written by hand) the Name.
 */
type Discovery = Pick<DesignDocument, 'serviceDiscovery'>;

function byRef<T extends { Name: string; Id?: string | undefined; Arn?: string | undefined }>(
  list: readonly T[],
  ref: string,
): T | undefined {
  return (
    list.find((x) => x.Arn === ref) ??
    list.find((x) => x.Id !== undefined && (x.Id === ref || ref.endsWith(`/${x.Id}`))) ??
    list.find((x) => x.Name === ref)
  );
}

export function findNamespace(design: Discovery, ref: string): CloudMapNamespace | undefined {
  return byRef(design.serviceDiscovery?.namespaces ?? [], ref);
}

export function findCloudMapService(design: Discovery, ref: string): CloudMapService | undefined {
  return byRef(design.serviceDiscovery?.services ?? [], ref);
}

/** A Cloud Map service's DNS name: `<service>.<namespace>`. */
export function cloudMapDnsName(design: Discovery, service: CloudMapService): string | undefined {
  const ns = findNamespace(design, service.NamespaceId);
  return ns ? `${service.Name}.${ns.Name}` : undefined;
}

/** Where a call goes: which service answers it, and how the client finds its tasks. */
export type CallRoute =
  | {
      kind: 'dns';
      serverService: string;
      /** The shortest TTL of the Cloud Map service's records: how long a client keeps an answer. */
      ttlSeconds: number;
      /** ECS reports task health to Cloud Map (HealthCheckCustomConfig). */
      customHealth: boolean;
    }
  | {
      kind: 'connect';
      serverService: string;
      namespace: string;
      /** The server's discoveryName (its portName when it sets none): metrics' TargetDiscoveryName. */
      discoveryName: string;
    };

export type CallResolution = CallRoute | { error: string; field: 'endpoint' | 'fromService' };

/** The Service Connect alias a server service offers: `dnsName:port` (dnsName defaults to discoveryName). */
export function serviceConnectAliases(service: CreateServiceInput): string[] {
  const sc = service.serviceConnectConfiguration;
  if (!sc?.enabled) return [];
  return (sc.services ?? []).flatMap((entry) =>
    (entry.clientAliases ?? []).map(
      (a) => `${(a.dnsName ?? entry.discoveryName ?? entry.portName).toLowerCase()}:${a.port}`,
    ),
  );
}

function sameNamespace(design: Discovery, a: string | undefined, b: string | undefined): boolean {
  if (a === undefined || b === undefined) return false;
  return (findNamespace(design, a) ?? a) === (findNamespace(design, b) ?? b);
}

/**
 * A call's endpoint as a client task resolves it (ecs-behavior §15): a Service Connect
 * client alias resolves only inside a task whose service has Service Connect in the same
 * namespace; otherwise a Cloud Map DNS name of a service some ECS service registers in.
 */
export function resolveCall(
  design: Discovery & Pick<DesignDocument, 'services'>,
  fromService: string,
  endpoint: string,
): CallResolution {
  const client = design.services.find((s) => s.serviceName === fromService);
  if (!client) return { field: 'fromService', error: `${fromService} is not in services` };
  const wanted = endpoint.toLowerCase();
  for (const server of design.services) {
    const entry = server.serviceConnectConfiguration?.services?.find((e) =>
      serviceConnectAliases({
        ...server,
        serviceConnectConfiguration: { enabled: true, services: [e] },
      }).includes(wanted),
    );
    if (!server.serviceConnectConfiguration?.enabled || !entry) continue;
    const namespace = server.serviceConnectConfiguration?.namespace ?? '';
    if (
      !client.serviceConnectConfiguration?.enabled ||
      !sameNamespace(design, client.serviceConnectConfiguration.namespace, namespace)
    )
      return {
        field: 'fromService',
        error: `${endpoint} is a Service Connect alias of ${server.serviceName}, and ${fromService} has no serviceConnectConfiguration in namespace ${namespace}: the alias resolves only inside tasks with the Service Connect proxy`,
      };
    return {
      kind: 'connect',
      serverService: server.serviceName,
      namespace,
      discoveryName: entry.discoveryName ?? entry.portName,
    };
  }
  const host = wanted.replace(/:\d+$/, '');
  for (const server of design.services) {
    for (const registry of server.serviceRegistries ?? []) {
      const cm = findCloudMapService(design, registry.registryArn);
      if (!cm || cloudMapDnsName(design, cm)?.toLowerCase() !== host) continue;
      const ttls = (cm.DnsConfig?.DnsRecords ?? []).map((r) => r.TTL);
      if (ttls.length === 0)
        return {
          field: 'endpoint',
          error: `${endpoint} is Cloud Map service ${cm.Name}, which has no DnsConfig.DnsRecords: DNS cannot answer for it`,
        };
      return {
        kind: 'dns',
        serverService: server.serviceName,
        ttlSeconds: Math.min(...ttls),
        customHealth: cm.HealthCheckCustomConfig !== undefined,
      };
    }
  }
  return {
    field: 'endpoint',
    error: `${endpoint} is neither a Service Connect client alias (dnsName:port) nor the DNS name (<service>.<namespace>) of a Cloud Map service a service registers in`,
  };
}
