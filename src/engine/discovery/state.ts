/**
 * Service discovery's run state (ecs-behavior §15): which tasks each server service has
 * in Cloud Map now, and what each client task last heard. Plain data: the checkpoint
 * keeps it as it is.
 */

/** A server task as discovery sees it; tasks with none of these are not kept. */
export interface Endpoint {
  /** In Cloud Map (and Service Connect's endpoint list): RUNNING and still wanted. */
  registered: boolean;
  /** Reported healthy to Cloud Map (always, without HealthCheckCustomConfig). */
  healthy: boolean;
  /** Its container answers requests: RUNNING, or draining behind a load balancer. */
  serving: boolean;
}

/** How a client task finds the server: fixed when it starts, by its service's configuration then. */
export type CallVia = 'dns' | 'connect' | 'none';

/** What a client task's resolver holds: the answer and how many times it asked. */
export interface ClientCache {
  via: CallVia;
  answer: string[];
  resolves: number;
}

/** Requests this minute, served and failed. */
export interface CallCounts {
  served: number;
  failed: number;
}

export interface CallState {
  /** Requests integrated up to here (virtual ms). */
  lastMs: number;
  /** This minute's requests by the way their client task resolved the endpoint. */
  counts: Record<CallVia, CallCounts>;
  /** The last whole minute's, over all ways: what the page's call edges show. */
  lastMinute?: CallCounts;
  /** The client service's RUNNING tasks, by taskArn, each with its cached answer. */
  clients: Map<string, ClientCache>;
}

export interface DiscoveryState {
  /** By server service name, its tasks by taskArn. */
  endpoints: Map<string, Map<string, Endpoint>>;
  /** One per compiled call, in the same order. */
  calls: CallState[];
}

export function newDiscoveryState(callCount: number): DiscoveryState {
  return {
    endpoints: new Map(),
    calls: Array.from({ length: callCount }, () => ({
      lastMs: 0,
      counts: emptyCounts(),
      clients: new Map(),
    })),
  };
}

export function emptyCounts(): Record<CallVia, CallCounts> {
  return {
    dns: { served: 0, failed: 0 },
    connect: { served: 0, failed: 0 },
    none: { served: 0, failed: 0 },
  };
}
