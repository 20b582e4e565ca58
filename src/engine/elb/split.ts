import type { EngineContext } from '../context';
import type { TargetState, TaskState } from '../model/types';

/**
 * Which revisions a target group's served requests went to (ecs-behavior §14.3). ELB
 * spreads a group's requests over its healthy targets (over all of them when it fails
 * open), each target new to the group ramping up linearly through `slow_start` while
 * another healthy target is not in slow start.
 *
 * Model: a fluid split by target weight; `least_outstanding_requests` splits as
 * `round_robin` does, since every target of a revision answers at the same speed here.
 */

interface Weighted {
  revision: string;
  /** When the target's slow start began, if it is ramping up. */
  slowStartFromMs?: number;
}

/** The tasks' targets in this group, with their revision, over the services behind it. */
function targetsIn(
  ctx: EngineContext,
  arn: string,
  state: TargetState['state'],
): { task: TaskState; target: TargetState }[] {
  const out: { task: TaskState; target: TargetState }[] = [];
  for (const service of ctx.services.values()) {
    if (!service.targets.some((t) => t.targetGroupArn === arn || t.alternateTargetGroupArn === arn))
      continue;
    for (const task of ctx.serviceTasks.get(service.serviceName) ?? []) {
      const target = task.targets?.find((t) => t.targetGroupArn === arn);
      if (target?.state === state) out.push({ task, target });
    }
  }
  return out;
}

const revisionOf = (task: TaskState) =>
  `${task.taskDefinition.family}:${task.taskDefinition.revision}`;

/**
 * The one revision behind the group when no walk is needed: one service, one
 * deployment, no slow start. Costs the services, not their tasks.
 */
function slowlessRevision(ctx: EngineContext, arn: string): string | undefined {
  if ((ctx.targetGroups.get(arn)?.slowStartMs ?? 0) > 0) return undefined;
  let found: string | undefined;
  for (const service of ctx.services.values()) {
    if (!service.targets.some((t) => t.targetGroupArn === arn || t.alternateTargetGroupArn === arn))
      continue;
    const only = service.deployments.length === 1 ? service.deployments[0] : undefined;
    if (found !== undefined || !only) return undefined;
    const td = ctx.taskDefinitions.find((t) => t.arn === only.taskDefinitionArn);
    if (!td) return undefined;
    found = `${td.family}:${td.revision}`;
  }
  return found;
}

/** Whether a target newly healthy in this group ramps up: another healthy target is not ramping. */
export function entersSlowStart(ctx: EngineContext, arn: string, nowMs: number): boolean {
  const slowMs = ctx.targetGroups.get(arn)?.slowStartMs ?? 0;
  if (slowMs <= 0) return false;
  return targetsIn(ctx, arn, 'healthy').some(
    ({ target }) =>
      target.slowStartFromMs === undefined || nowMs - target.slowStartFromMs >= slowMs,
  );
}

function weightAt(w: Weighted, atMs: number, slowMs: number): number {
  if (w.slowStartFromMs === undefined || slowMs <= 0) return 1;
  return Math.min(1, Math.max(0, (atMs - w.slowStartFromMs) / slowMs));
}

/** Add `served` requests of [fromMs, toMs) to the revisions that took them. */
export function splitServed(
  ctx: EngineContext,
  arn: string,
  fromMs: number,
  toMs: number,
  served: number,
  into: Record<string, number>,
): void {
  if (served <= 0) return;
  const only = slowlessRevision(ctx, arn);
  if (only !== undefined) {
    into[only] = (into[only] ?? 0) + served;
    return;
  }
  let pool = targetsIn(ctx, arn, 'healthy');
  if (pool.length === 0) pool = targetsIn(ctx, arn, 'unhealthy');
  if (pool.length === 0) return;
  const slowMs = ctx.targetGroups.get(arn)?.slowStartMs ?? 0;
  const weighted: Weighted[] = pool.map(({ task, target }) => ({
    revision: revisionOf(task),
    ...(target.slowStartFromMs !== undefined && { slowStartFromMs: target.slowStartFromMs }),
  }));
  const first = weighted[0]?.revision ?? '';
  const ramping = weighted.some((w) => weightAt(w, fromMs, slowMs) < 1);
  if (!ramping && weighted.every((w) => w.revision === first)) {
    into[first] = (into[first] ?? 0) + served;
    return;
  }
  // Simpson's rule over the interval: exact while no weight ramps, close while some do.
  const points = 4;
  const shares = new Map<string, number>();
  let norm = 0;
  for (let k = 0; k <= points; k++) {
    const at = fromMs + ((toMs - fromMs) * k) / points;
    const c = k === 0 || k === points ? 1 : k % 2 === 1 ? 4 : 2;
    const byRevision = new Map<string, number>();
    let total = 0;
    for (const w of weighted) {
      const x = weightAt(w, at, slowMs);
      byRevision.set(w.revision, (byRevision.get(w.revision) ?? 0) + x);
      total += x;
    }
    if (total === 0) continue;
    norm += c;
    for (const [revision, x] of byRevision)
      shares.set(revision, (shares.get(revision) ?? 0) + (c * x) / total);
  }
  if (norm === 0) return;
  for (const [revision, share] of shares)
    into[revision] = (into[revision] ?? 0) + (served * share) / norm;
}
