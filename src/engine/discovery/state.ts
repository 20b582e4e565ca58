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

/** What a client task's resolver holds: the answer and how many times it asked. */
export interface ClientCache {
  answer: string[];
  resolves: number;
}

export interface CallState {
  /** Requests integrated up to here (virtual ms), this minute. */
  lastMs: number;
  served: number;
  failed: number;
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
      served: 0,
      failed: 0,
      clients: new Map(),
    })),
  };
}
