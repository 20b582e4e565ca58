import { usesServiceConnect } from '../../design';
import type { EngineContext } from '../context';
import { requestsBetween } from '../elb/rate';
import type { TaskState } from '../model/types';
import { type CallModel, MAX_ANSWER_RECORDS } from './model';
import type { CallState, CallVia, ClientCache, Endpoint } from './state';

/**
 * Calls between services by name (ecs-behavior §15), as a fluid model: a call's rate is
 * shared evenly by the client service's RUNNING tasks, and each client task's share
 * evenly by the endpoints it knows. A client task takes Service Connect when its service
 * has Service Connect in the server's namespace as the task starts (§15.2: only tasks
 * started after a deployment see a new configuration), else Cloud Map DNS.
 *
 * - Cloud Map DNS: a client task asks when it starts and again each record TTL, and
 *   until then keeps the answer, stopped tasks and all: requests to a task that no
 *   longer answers fail. Model: each client task re-resolves on its own TTL cycle from
 *   its start; Route 53 picks up to 8 healthy records (Berth rotates through them);
 *   with none healthy it answers with up to 8 unhealthy ones; an empty answer is kept
 *   for the namespace's SOA TTL (15 s when the design sets none).
 * - Service Connect: the proxy in every client task hears of endpoint changes at once,
 *   so requests fail only while the server service has no registered task. Model: no
 *   retries or outlier detection (their parameters are not published, §15.2), and the
 *   proxy sends to a RUNNING task before its app is ready (the proxy does not use the
 *   app's health checks).
 *
 * Requests are integrated between changes of an endpoint or a client, so a minute costs
 * its changes, never a request each.
 */

function endpointsOf(ctx: EngineContext, serverService: string): Map<string, Endpoint> {
  let map = ctx.discoveryState.endpoints.get(serverService);
  if (!map) {
    map = new Map();
    ctx.discoveryState.endpoints.set(serverService, map);
  }
  return map;
}

function anyAnswering(ctx: EngineContext, serverService: string): boolean {
  for (const e of ctx.discoveryState.endpoints.get(serverService)?.values() ?? [])
    if (e.registered && e.serving) return true;
  return false;
}

/** The share of one client task's requests that fail now (0 to 1). */
function failingShare(ctx: EngineContext, call: CallModel, cache: ClientCache): number {
  if (cache.via === 'none') return 1;
  const route = cache.via === 'connect' ? call.connect : call.dns;
  if (!route) return 1;
  if (route.kind === 'connect' || route.ttlSeconds === 0)
    return anyAnswering(ctx, route.serverService) ? 0 : 1;
  if (cache.answer.length === 0) return 1;
  const endpoints = ctx.discoveryState.endpoints.get(route.serverService);
  let dead = 0;
  for (const arn of cache.answer) if (!endpoints?.get(arn)?.serving) dead++;
  return dead / cache.answer.length;
}

/** Count a call's requests up to now under the state they were sent in. */
export function advanceCall(ctx: EngineContext, index: number): void {
  const call = ctx.discovery.calls[index];
  const state = ctx.discoveryState.calls[index];
  if (!call || !state || ctx.nowMs <= state.lastMs) return;
  // Calls come from the client's tasks: with none RUNNING, nothing is sent.
  if (state.clients.size > 0) {
    const each = requestsBetween(call.curve, state.lastMs, ctx.nowMs) / state.clients.size;
    for (const cache of state.clients.values()) {
      const failed = each * failingShare(ctx, call, cache);
      const counts = state.counts[cache.via];
      counts.failed += failed;
      counts.served += each - failed;
    }
  }
  state.lastMs = ctx.nowMs;
}

/** What Route 53 answers now: up to 8 healthy records, or unhealthy ones when none is. */
function answer(ctx: EngineContext, serverService: string, resolves: number): string[] {
  const registered: string[] = [];
  const healthy: string[] = [];
  for (const [arn, e] of endpointsOf(ctx, serverService)) {
    if (!e.registered) continue;
    registered.push(arn);
    if (e.healthy) healthy.push(arn);
  }
  const pool = healthy.length > 0 ? healthy : registered;
  if (pool.length <= MAX_ANSWER_RECORDS) return pool;
  const from = (resolves * MAX_ANSWER_RECORDS) % pool.length;
  return Array.from({ length: MAX_ANSWER_RECORDS }, (_, i) => pool[(from + i) % pool.length] ?? '');
}

/** A DNS client task asks again; its next question is a TTL (or a negative TTL) away. */
function resolveNow(ctx: EngineContext, index: number, taskArn: string, cache: ClientCache): void {
  const dns = ctx.discovery.calls[index]?.dns;
  const state = ctx.discoveryState.calls[index];
  if (!dns || !state || cache.via !== 'dns' || dns.ttlSeconds === 0) return;
  const next: ClientCache = {
    via: 'dns',
    answer: answer(ctx, dns.serverService, cache.resolves),
    resolves: cache.resolves + 1,
  };
  state.clients.set(taskArn, next);
  const waitMs = next.answer.length === 0 ? dns.negativeTtlMs : dns.ttlSeconds * 1000;
  ctx.queue.push(ctx.nowMs + Math.max(1, waitMs), {
    kind: 'resolve',
    call: index,
    taskArn,
    resolves: next.resolves,
  });
}

/** The resolve timer: only the question the cache is waiting for counts. */
export function onResolveTimer(
  ctx: EngineContext,
  index: number,
  taskArn: string,
  resolves: number,
): void {
  const cache = ctx.discoveryState.calls[index]?.clients.get(taskArn);
  if (!cache || cache.resolves !== resolves) return;
  advanceCall(ctx, index);
  resolveNow(ctx, index, taskArn, cache);
}

function endpointOf(task: TaskState, customHealth: boolean): Endpoint {
  return {
    registered: task.lastStatus === 'RUNNING' && task.desiredStatus === 'RUNNING',
    healthy: !customHealth || task.healthStatus !== 'UNHEALTHY',
    serving: task.lastStatus === 'RUNNING' || task.lastStatus === 'DEACTIVATING',
  };
}

const sameEndpoint = (a: Endpoint | undefined, b: Endpoint) =>
  a !== undefined &&
  a.registered === b.registered &&
  a.healthy === b.healthy &&
  a.serving === b.serving;

/** How a client task of this call resolves it, by its service's configuration now. */
function viaOf(ctx: EngineContext, call: CallModel): CallVia {
  const client = ctx.services.get(call.fromService);
  if (call.connect && usesServiceConnect(ctx.design, client?.serviceConnect, call.connect))
    return 'connect';
  return call.dns ? 'dns' : 'none';
}

/**
 * A task of a service that answers or makes calls changed its status or health: what
 * came before is counted first, then Cloud Map, the proxies and the caches follow.
 */
export function noteDiscoveryTask(ctx: EngineContext, task: TaskState): void {
  const name = task.serviceName;
  if (name === undefined || ctx.discovery.calls.length === 0) return;
  const asServer = ctx.discovery.byServer.get(name);
  if (asServer) {
    const customHealth = asServer.some((i) => {
      const dns = ctx.discovery.calls[i]?.dns;
      return dns?.serverService === name && dns.customHealth;
    });
    const map = endpointsOf(ctx, name);
    const now = endpointOf(task, customHealth);
    const before = map.get(task.taskArn);
    const kept = now.registered || now.serving;
    if (!sameEndpoint(before, now) && (kept || before)) {
      for (const i of asServer) advanceCall(ctx, i);
      if (kept) map.set(task.taskArn, now);
      else map.delete(task.taskArn);
    }
  }
  for (const i of ctx.discovery.byClient.get(name) ?? []) {
    const call = ctx.discovery.calls[i];
    const state: CallState | undefined = ctx.discoveryState.calls[i];
    if (!call || !state) continue;
    const sending = task.lastStatus === 'RUNNING';
    if (sending === state.clients.has(task.taskArn)) continue;
    advanceCall(ctx, i);
    // The client's view counts its tasks by the way each finds the server.
    ctx.out.dirtyServices.add(name);
    if (!sending) {
      state.clients.delete(task.taskArn);
      continue;
    }
    const cache: ClientCache = { via: viaOf(ctx, call), answer: [], resolves: 0 };
    state.clients.set(task.taskArn, cache);
    resolveNow(ctx, i, task.taskArn, cache);
  }
}
