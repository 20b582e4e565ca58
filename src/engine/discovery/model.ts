import {
  type ConnectRoute,
  callRoutes,
  type DesignDocument,
  type DnsRoute,
  findCloudMapService,
  findNamespace,
  type RateCurve,
} from '../../design';

/** Model: how long a client keeps an empty answer when the namespace sets no SOA TTL. */
export const DEFAULT_NEGATIVE_TTL_SECONDS = 15;

/** Route 53 answers with at most this many healthy records (ecs-behavior §15.1). */
export const MAX_ANSWER_RECORDS = 8;

/** One of the design's `calls`, with both ways it can resolve: a pure function of the design. */
export interface CallModel {
  index: number;
  /** `client → endpoint`, how charts and metrics name it. */
  label: string;
  fromService: string;
  endpoint: string;
  dns?: DnsRoute & {
    /** How long a client keeps an empty answer (negative caching), ms. */
    negativeTtlMs: number;
  };
  connect?: ConnectRoute;
  curve: RateCurve;
}

export interface DiscoveryModel {
  calls: CallModel[];
  /** Call indexes by a service that may answer them, and by the service that makes them. */
  byServer: Map<string, number[]>;
  byClient: Map<string, number[]>;
}

function negativeTtlSeconds(design: DesignDocument, serverService: string): number {
  const server = design.services.find((s) => s.serviceName === serverService);
  const registry = server?.serviceRegistries?.[0];
  const cm = registry && findCloudMapService(design, registry.registryArn);
  const ns = cm && findNamespace(design, cm.NamespaceId);
  return ns?.Properties?.DnsProperties?.SOA?.TTL ?? DEFAULT_NEGATIVE_TTL_SECONDS;
}

function addTo(map: Map<string, number[]>, key: string, i: number) {
  const list = map.get(key) ?? [];
  if (!list.includes(i)) list.push(i);
  map.set(key, list);
}

/** The design's calls as the engine follows them; the gate has refused any that resolve nowhere. */
export function compileDiscovery(design: DesignDocument): DiscoveryModel {
  const model: DiscoveryModel = { calls: [], byServer: new Map(), byClient: new Map() };
  (design.calls ?? []).forEach((call, index) => {
    const routes = callRoutes(design, call.endpoint);
    const i = model.calls.length;
    model.calls.push({
      index,
      label: `${call.fromService} → ${call.endpoint}`,
      fromService: call.fromService,
      endpoint: call.endpoint,
      ...(routes.dns && {
        dns: {
          ...routes.dns,
          negativeTtlMs: negativeTtlSeconds(design, routes.dns.serverService) * 1000,
        },
      }),
      ...(routes.connect && { connect: routes.connect }),
      curve: call,
    });
    if (routes.dns) addTo(model.byServer, routes.dns.serverService, i);
    if (routes.connect) addTo(model.byServer, routes.connect.serverService, i);
    addTo(model.byClient, call.fromService, i);
  });
  return model;
}
