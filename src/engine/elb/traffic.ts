import { type Action, type DesignDocument, findTargetGroup, type TrafficSpec } from '../../design';
import type { EngineContext } from '../context';
import type { ArnScope } from '../ids';
import type { TargetState } from '../model/types';
import { targetGroupArn } from './model';
import { requestsBetween } from './rate';
import { matchRule, ruleRouteKey } from './rules';
import { splitServed } from './split';

/**
 * A fluid model of requests (ecs-behavior §14): each traffic entry takes the action of
 * the listener rule that matches it (§14.5: by Priority, lowest first) or the listener's
 * default action, and its rate is split over that action's target groups by weight. A
 * target group's share is served while it has a healthy target (or only unhealthy ones:
 * the ALB then fails open, §14.2) and fails with 503 while it has none. Requests are
 * integrated between changes of a group's targets, so a minute costs its changes, never a
 * request each.
 *
 * Model: rules are matched once per traffic entry when the run starts (the design's rules
 * are fixed for a run; a shift moves weights, not conditions), and an entry without a
 * path, host, ... satisfies no condition on it (rules.ts). Actions other than forward
 * send nowhere. Draining and initial targets take none.
 */

export interface TargetTally {
  initial: number;
  healthy: number;
  unhealthy: number;
  draining: number;
}

export interface TrafficAccumulator {
  lastMs: number;
  served: number;
  failed: number;
  /** Served requests this minute by the revision that answered them (`family:revision`). */
  byRevision?: Record<string, number>;
  /** The last whole minute's requests, served and failed (503), for the page's edges. */
  lastMinute?: { served: number; failed: number; byRevision?: Record<string, number> };
}

/** A plain copy, for a checkpoint: the per-revision sums change in place as the minute goes. */
export function copyAccumulator(acc: TrafficAccumulator): TrafficAccumulator {
  return {
    ...acc,
    ...(acc.byRevision && { byRevision: { ...acc.byRevision } }),
    ...(acc.lastMinute && {
      lastMinute: {
        ...acc.lastMinute,
        ...(acc.lastMinute.byRevision && { byRevision: { ...acc.lastMinute.byRevision } }),
      },
    }),
  };
}

/**
 * The requests each route takes (pure: the design's `traffic`, matched to rules): by
 * route key, a rule's (ruleRouteKey) or a listener's ListenerArn for its default action.
 */
export type ListenerTraffic = Map<string, TrafficSpec[]>;

/** Where each route sends its requests now: target groups and weights (run state), by route key. */
export type Routes = Map<string, [string, number][]>;

/** The route key a request of this entry takes, and that route's action. */
function resolveSpec(
  design: DesignDocument,
  spec: TrafficSpec,
): { key: string; action: Action | undefined } {
  const rules = (design.listenerRules ?? []).filter((r) => r.ListenerArn === spec.listenerArn);
  const rule = matchRule(rules, spec);
  const actions = rule
    ? rule.Actions
    : design.listeners?.find((l) => l.ListenerArn === spec.listenerArn)?.DefaultActions;
  return {
    key: rule ? ruleRouteKey(rule) : spec.listenerArn,
    // An authenticate action comes first (Order); the forward after it says where to.
    action: actions?.find((a) => a.Type === 'forward'),
  };
}

export function compileTraffic(
  scope: ArnScope,
  design: DesignDocument,
): { listenerTraffic: ListenerTraffic; routes: Routes } {
  const listenerTraffic: ListenerTraffic = new Map();
  const routes: Routes = new Map();
  for (const spec of design.traffic ?? []) {
    const { key, action } = resolveSpec(design, spec);
    const list = listenerTraffic.get(key) ?? [];
    list.push(spec);
    listenerTraffic.set(key, list);
    if (!action || routes.has(key)) continue;
    // ELB's default weight in a ForwardConfig is 1; all weights 0 send nothing.
    const tuples = action.ForwardConfig?.TargetGroups ?? [
      { TargetGroupArn: action.TargetGroupArn ?? '', Weight: 1 },
    ];
    const route: [string, number][] = [];
    for (const t of tuples) {
      const tg = findTargetGroup(design, t.TargetGroupArn);
      if (tg) route.push([tg.TargetGroupArn ?? targetGroupArn(scope, tg.Name), t.Weight ?? 1]);
    }
    routes.set(key, route);
  }
  return { listenerTraffic, routes };
}

/** Every target group some route with traffic sends to now. */
export function trafficTargetGroups(ctx: EngineContext): string[] {
  const out = new Set<string>();
  for (const key of ctx.listenerTraffic.keys())
    for (const [arn] of ctx.routes.get(key) ?? []) out.add(arn);
  return [...out].sort();
}

export function targetTally(ctx: EngineContext, arn: string): TargetTally {
  let tally = ctx.tallies.targets.get(arn);
  if (!tally) {
    tally = { initial: 0, healthy: 0, unhealthy: 0, draining: 0 };
    ctx.tallies.targets.set(arn, tally);
  }
  return tally;
}

/** Integrate a target group's requests up to now, under the targets it has had since. */
export function advanceTraffic(ctx: EngineContext, arn: string): void {
  let acc = ctx.traffic.get(arn);
  const fromMs = acc?.lastMs ?? 0;
  if (ctx.nowMs <= fromMs) return;
  let requests = 0;
  let reached = false;
  for (const [key, specs] of ctx.listenerTraffic) {
    const route = ctx.routes.get(key) ?? [];
    const total = route.reduce((n, [, w]) => n + w, 0);
    const weight = route.find(([tg]) => tg === arn)?.[1];
    if (weight === undefined || total === 0) continue;
    reached = true;
    for (const spec of specs)
      requests += (weight / total) * requestsBetween(spec, fromMs, ctx.nowMs);
  }
  if (!reached && !acc) return;
  if (!acc) {
    acc = { lastMs: 0, served: 0, failed: 0 };
    ctx.traffic.set(arn, acc);
  }
  const tally = ctx.tallies.targets.get(arn);
  if (tally && (tally.healthy > 0 || tally.unhealthy > 0)) {
    acc.served += requests;
    acc.byRevision ??= {};
    splitServed(ctx, arn, fromMs, ctx.nowMs, requests, acc.byRevision);
  } else acc.failed += requests;
  acc.lastMs = ctx.nowMs;
}

/** The one way a target's state changes: traffic first, under the old state; then the counts. */
export function moveTarget(
  ctx: EngineContext,
  arn: string,
  from: TargetState['state'] | undefined,
  to: TargetState['state'] | undefined,
): void {
  if (from === to) return;
  advanceTraffic(ctx, arn);
  const tally = targetTally(ctx, arn);
  if (from) tally[from]--;
  if (to) tally[to]++;
}

/** Counted afresh from the tasks' targets (a restore). */
export function recountTargets(ctx: EngineContext): Map<string, TargetTally> {
  const saved = ctx.tallies.targets;
  ctx.tallies.targets = new Map();
  try {
    for (const task of ctx.tasks.values())
      for (const t of task.targets ?? []) targetTally(ctx, t.targetGroupArn)[t.state]++;
    return ctx.tallies.targets;
  } finally {
    ctx.tallies.targets = saved;
  }
}

/**
 * Send one route's traffic (a rule's, by ruleRouteKey, or a listener's default, by its
 * ARN) to these target groups and weights (a blue/green shift): what came before is
 * counted under the old weights first. Other rules of the listener keep theirs.
 */
export function setRoute(ctx: EngineContext, key: string, route: [string, number][]): void {
  for (const [arn] of ctx.routes.get(key) ?? []) advanceTraffic(ctx, arn);
  for (const [arn] of route) {
    // A group no route reached until now starts counting now, not from 0:00.
    if (!ctx.traffic.has(arn)) ctx.traffic.set(arn, { lastMs: ctx.nowMs, served: 0, failed: 0 });
    else advanceTraffic(ctx, arn);
  }
  ctx.routes.set(key, route);
}
