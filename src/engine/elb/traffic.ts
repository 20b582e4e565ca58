import { type DesignDocument, findTargetGroup, type TrafficSpec } from '../../design';
import type { EngineContext } from '../context';
import type { ArnScope } from '../ids';
import type { TargetState } from '../model/types';
import { targetGroupArn } from './model';
import { requestsBetween } from './rate';

/**
 * A fluid model of requests (ecs-behavior §14): each listener's rate is split over its
 * default action's target groups by weight, and a target group's share is served while
 * it has a healthy target (or only unhealthy ones: the ALB then fails open, §14.2) and
 * fails with 503 while it has none. Requests are integrated between changes of a
 * group's targets, so a minute costs its changes, never a request each.
 *
 * Model: listener rules' conditions are not matched (requests carry no path or host);
 * every request takes the default action. Draining and initial targets take none.
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
}

/** What reaches each target group: the specs aimed at it and its share of each. */
export type TrafficPlan = Map<string, { spec: TrafficSpec; share: number }[]>;

export function compileTraffic(scope: ArnScope, design: DesignDocument): TrafficPlan {
  const plan: TrafficPlan = new Map();
  for (const spec of design.traffic ?? []) {
    const listener = design.listeners?.find((l) => l.ListenerArn === spec.listenerArn);
    const action = listener?.DefaultActions.find((a) => a.Type === 'forward');
    if (!action) continue;
    const tuples = action.ForwardConfig?.TargetGroups ?? [
      { TargetGroupArn: action.TargetGroupArn ?? '', Weight: 1 },
    ];
    // ELB's default weight in a ForwardConfig is 1... when none is given, and all 0 is none.
    const total = tuples.reduce((n, t) => n + (t.Weight ?? 1), 0);
    for (const t of tuples) {
      const tg = findTargetGroup(design, t.TargetGroupArn);
      if (!tg || total === 0) continue;
      const arn = tg.TargetGroupArn ?? targetGroupArn(scope, tg.Name);
      const list = plan.get(arn) ?? [];
      list.push({ spec, share: (t.Weight ?? 1) / total });
      plan.set(arn, list);
    }
  }
  return plan;
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
  const plan = ctx.trafficPlan.get(arn);
  if (!plan) return;
  let acc = ctx.traffic.get(arn);
  if (!acc) {
    acc = { lastMs: 0, served: 0, failed: 0 };
    ctx.traffic.set(arn, acc);
  }
  if (ctx.nowMs <= acc.lastMs) return;
  let requests = 0;
  for (const { spec, share } of plan)
    requests += share * requestsBetween(spec, acc.lastMs, ctx.nowMs);
  const tally = ctx.tallies.targets.get(arn);
  if (tally && (tally.healthy > 0 || tally.unhealthy > 0)) acc.served += requests;
  else acc.failed += requests;
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
