import type { CreateServiceInput } from './aws-shapes';
import type {
  CloudMapNamespace,
  CloudMapService,
  ServiceConnectConfiguration,
} from './discovery-shapes';
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

/** How a client can find the tasks of the service a call names. */
export interface DnsRoute {
  kind: 'dns';
  serverService: string;
  /** The shortest TTL of the Cloud Map service's records: how long a client keeps an answer. */
  ttlSeconds: number;
  /** ECS reports task health to Cloud Map (HealthCheckCustomConfig). */
  customHealth: boolean;
}

export interface ConnectRoute {
  kind: 'connect';
  serverService: string;
  namespace: string;
  /** The server's discoveryName (its portName when it sets none): metrics' TargetDiscoveryName. */
  discoveryName: string;
}

export type CallRoute = DnsRoute | ConnectRoute;

export type CallResolution = CallRoute | { error: string; field: 'endpoint' | 'fromService' };

/** The Service Connect alias a server service offers: `dnsName:port` (dnsName defaults to discoveryName). */
function aliasesOf(entry: NonNullable<ServiceConnectConfiguration['services']>[number]): string[] {
  return (entry.clientAliases ?? []).map(
    (a) => `${(a.dnsName ?? entry.discoveryName ?? entry.portName).toLowerCase()}:${a.port}`,
  );
}

export function serviceConnectAliases(service: CreateServiceInput): string[] {
  const sc = service.serviceConnectConfiguration;
  if (!sc?.enabled) return [];
  return (sc.services ?? []).flatMap(aliasesOf);
}

export function sameNamespace(
  design: Discovery,
  a: string | undefined,
  b: string | undefined,
): boolean {
  if (a === undefined || b === undefined) return false;
  return (findNamespace(design, a) ?? a) === (findNamespace(design, b) ?? b);
}

/**
 * Both ways a call's endpoint can resolve (ecs-behavior §15), whatever the client: as a
 * Service Connect client alias, and as a Cloud Map DNS name. Which one a client task
 * takes depends on its own service's Service Connect configuration when it starts.
 */
export function callRoutes(
  design: Discovery & Pick<DesignDocument, 'services'>,
  endpoint: string,
): { connect?: ConnectRoute; dns?: DnsRoute; dnsError?: string } {
  const wanted = endpoint.toLowerCase();
  const out: { connect?: ConnectRoute; dns?: DnsRoute; dnsError?: string } = {};
  for (const server of design.services) {
    const sc = server.serviceConnectConfiguration;
    const entry = sc?.enabled ? sc.services?.find((e) => aliasesOf(e).includes(wanted)) : undefined;
    if (!entry) continue;
    out.connect = {
      kind: 'connect',
      serverService: server.serviceName,
      namespace: sc?.namespace ?? '',
      discoveryName: entry.discoveryName ?? entry.portName,
    };
    break;
  }
  const host = wanted.replace(/:\d+$/, '');
  for (const server of design.services) {
    for (const registry of server.serviceRegistries ?? []) {
      const cm = findCloudMapService(design, registry.registryArn);
      if (!cm || cloudMapDnsName(design, cm)?.toLowerCase() !== host) continue;
      const ttls = (cm.DnsConfig?.DnsRecords ?? []).map((r) => r.TTL);
      if (ttls.length === 0) {
        out.dnsError = `${endpoint} is Cloud Map service ${cm.Name}, which has no DnsConfig.DnsRecords: DNS cannot answer for it`;
        return out;
      }
      out.dns = {
        kind: 'dns',
        serverService: server.serviceName,
        ttlSeconds: Math.min(...ttls),
        customHealth: cm.HealthCheckCustomConfig !== undefined,
      };
      return out;
    }
  }
  return out;
}

/** Whether a client with this Service Connect configuration takes the Service Connect route. */
export function usesServiceConnect(
  design: Discovery,
  clientConfig: Pick<ServiceConnectConfiguration, 'enabled' | 'namespace'> | undefined,
  route: ConnectRoute,
): boolean {
  return (
    clientConfig?.enabled === true && sameNamespace(design, clientConfig.namespace, route.namespace)
  );
}

/**
 * A call's endpoint as a client task of the design resolves it: a Service Connect
 * client alias only inside a task whose service has Service Connect in the same
 * namespace; otherwise a Cloud Map DNS name of a service some ECS service registers in.
 */
export function resolveCall(
  design: Discovery & Pick<DesignDocument, 'services'>,
  fromService: string,
  endpoint: string,
): CallResolution {
  const client = design.services.find((s) => s.serviceName === fromService);
  if (!client) return { field: 'fromService', error: `${fromService} is not in services` };
  const routes = callRoutes(design, endpoint);
  if (
    routes.connect &&
    usesServiceConnect(design, client.serviceConnectConfiguration, routes.connect)
  )
    return routes.connect;
  if (routes.dns) return routes.dns;
  if (routes.dnsError) return { field: 'endpoint', error: routes.dnsError };
  if (routes.connect)
    return {
      field: 'fromService',
      error: `${endpoint} is a Service Connect alias of ${routes.connect.serverService}, and ${fromService} has no serviceConnectConfiguration in namespace ${routes.connect.namespace}: the alias resolves only inside tasks with the Service Connect proxy`,
    };
  return {
    field: 'endpoint',
    error: `${endpoint} is neither a Service Connect client alias (dnsName:port) nor the DNS name (<service>.<namespace>) of a Cloud Map service a service registers in`,
  };
}
