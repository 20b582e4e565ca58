import type { EngineContext } from '../context';
import { requestsBetween } from '../elb/rate';
import type { TaskState } from '../model/types';
import { type CallModel, MAX_ANSWER_RECORDS } from './model';
import type { CallState, Endpoint } from './state';

/**
 * Calls between services by name (ecs-behavior §15), as a fluid model: a call's rate is
 * shared evenly by the client service's RUNNING tasks, and each client task's share
 * evenly by the endpoints it knows.
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

/** The share of a call's requests that fail now (0 to 1), under the current caches. */
function failingShare(ctx: EngineContext, call: CallModel, state: CallState): number {
  const endpoints = ctx.discoveryState.endpoints.get(call.route.serverService);
  if (call.route.kind === 'connect' || call.route.ttlSeconds === 0) {
    for (const e of endpoints?.values() ?? []) if (e.registered && e.serving) return 0;
    return 1;
  }
  let failing = 0;
  for (const cache of state.clients.values()) {
    if (cache.answer.length === 0) {
      failing += 1;
      continue;
    }
    let dead = 0;
    for (const arn of cache.answer) if (!endpoints?.get(arn)?.serving) dead++;
    failing += dead / cache.answer.length;
  }
  return failing / state.clients.size;
}

/** Count a call's requests up to now under the state they were sent in. */
export function advanceCall(ctx: EngineContext, index: number): void {
  const call = ctx.discovery.calls[index];
  const state = ctx.discoveryState.calls[index];
  if (!call || !state || ctx.nowMs <= state.lastMs) return;
  // Calls come from the client's tasks: with none RUNNING, nothing is sent.
  if (state.clients.size > 0) {
    const requests = requestsBetween(call.curve, state.lastMs, ctx.nowMs);
    const failed = requests * failingShare(ctx, call, state);
    state.failed += failed;
    state.served += requests - failed;
  }
  state.lastMs = ctx.nowMs;
}

/** What Route 53 answers now: up to 8 healthy records, or unhealthy ones when none is. */
function answer(ctx: EngineContext, call: CallModel, resolves: number): string[] {
  const registered: string[] = [];
  const healthy: string[] = [];
  for (const [arn, e] of endpointsOf(ctx, call.route.serverService)) {
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
function resolveNow(
  ctx: EngineContext,
  index: number,
  taskArn: string,
  cache: { resolves: number },
): void {
  const call = ctx.discovery.calls[index];
  const state = ctx.discoveryState.calls[index];
  if (!call || !state || call.route.kind !== 'dns' || call.route.ttlSeconds === 0) return;
  const next = { answer: answer(ctx, call, cache.resolves), resolves: cache.resolves + 1 };
  state.clients.set(taskArn, next);
  const waitMs = next.answer.length === 0 ? call.negativeTtlMs : call.route.ttlSeconds * 1000;
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

function endpointOf(ctx: EngineContext, task: TaskState, customHealth: boolean): Endpoint {
  const wanted = task.desiredStatus === 'RUNNING';
  return {
    registered: task.lastStatus === 'RUNNING' && wanted,
    healthy: !customHealth || task.healthStatus !== 'UNHEALTHY',
    serving: task.lastStatus === 'RUNNING' || task.lastStatus === 'DEACTIVATING',
  };
}

const sameEndpoint = (a: Endpoint | undefined, b: Endpoint) =>
  a !== undefined &&
  a.registered === b.registered &&
  a.healthy === b.healthy &&
  a.serving === b.serving;

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
      const route = ctx.discovery.calls[i]?.route;
      return route?.kind === 'dns' && route.customHealth;
    });
    const map = endpointsOf(ctx, name);
    const now = endpointOf(ctx, task, customHealth);
    const before = map.get(task.taskArn);
    const kept = now.registered || now.serving;
    if (!sameEndpoint(before, now) && (kept || before)) {
      for (const i of asServer) advanceCall(ctx, i);
      if (kept) map.set(task.taskArn, now);
      else map.delete(task.taskArn);
    }
  }
  for (const i of ctx.discovery.byClient.get(name) ?? []) {
    const state = ctx.discoveryState.calls[i];
    if (!state) continue;
    const sending = task.lastStatus === 'RUNNING';
    const known = state.clients.has(task.taskArn);
    if (sending === known) continue;
    advanceCall(ctx, i);
    if (!sending) state.clients.delete(task.taskArn);
    else {
      state.clients.set(task.taskArn, { answer: [], resolves: 0 });
      resolveNow(ctx, i, task.taskArn, { resolves: 0 });
    }
  }
}
