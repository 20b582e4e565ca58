import {
  type CallRoute,
  type DesignDocument,
  findCloudMapService,
  findNamespace,
  type RateCurve,
  resolveCall,
} from '../../design';

/** Model: how long a client keeps an empty answer when the namespace sets no SOA TTL. */
export const DEFAULT_NEGATIVE_TTL_SECONDS = 15;

/** Route 53 answers with at most this many healthy records (ecs-behavior §15.1). */
export const MAX_ANSWER_RECORDS = 8;

/** One of the design's `calls`, resolved: a pure function of the design. */
export interface CallModel {
  index: number;
  /** `client → endpoint`, how charts and metrics name it. */
  label: string;
  fromService: string;
  endpoint: string;
  route: CallRoute;
  curve: RateCurve;
  /** How long a client keeps an empty answer (negative caching), ms. */
  negativeTtlMs: number;
}

export interface DiscoveryModel {
  calls: CallModel[];
  /** Call indexes by the service that answers them, and by the service that makes them. */
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

/** The design's calls as the engine follows them; the gate has refused any that do not resolve. */
export function compileDiscovery(design: DesignDocument): DiscoveryModel {
  const model: DiscoveryModel = { calls: [], byServer: new Map(), byClient: new Map() };
  (design.calls ?? []).forEach((call, index) => {
    const route = resolveCall(design, call.fromService, call.endpoint);
    if ('error' in route) return;
    model.calls.push({
      index,
      label: `${call.fromService} → ${call.endpoint}`,
      fromService: call.fromService,
      endpoint: call.endpoint,
      route,
      curve: call,
      negativeTtlMs: negativeTtlSeconds(design, route.serverService) * 1000,
    });
    const i = model.calls.length - 1;
    model.byServer.set(route.serverService, [
      ...(model.byServer.get(route.serverService) ?? []),
      i,
    ]);
    model.byClient.set(call.fromService, [...(model.byClient.get(call.fromService) ?? []), i]);
  });
  return model;
}
