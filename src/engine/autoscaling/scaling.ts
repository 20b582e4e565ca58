import type { EngineContext } from '../context';
import type { ServiceState } from '../model/types';
import { scaleTo } from './activity';
import type { ScalableTargetState } from './state';

/**
 * What a dynamic policy asks and what holds it (ecs-behavior §12.1-§12.3): bounds,
 * suspension, cooldowns and deployments, shared by target tracking and step scaling and
 * read, unchanged, by "why hasn't it scaled yet?".
 */

export type Hold =
  | 'MaxCapacity'
  | 'MinCapacity'
  | 'DynamicScalingOutSuspended'
  | 'DynamicScalingInSuspended'
  | 'ScaleInCooldown'
  | 'DeploymentInProgress'
  | 'AlreadyThere';

export interface Proposal {
  direction: 'out' | 'in';
  /** The capacity the policy asks for, before bounds. */
  wants: number;
  policyName: string;
  alarmName: string;
  /** The state the alarm invoked the policy in: ALARM, or OK / INSUFFICIENT_DATA for their actions. */
  alarmState?: 'OK' | 'ALARM' | 'INSUFFICIENT_DATA';
  cooldownS: number;
  /** The capacity the ask was counted from (running, or the cooldown's starting capacity). */
  base: number;
}

export interface Verdict {
  to?: number;
  hold?: Hold;
}

/** Tasks RUNNING now: scaling math starts from them, not from desired (§12.1). */
export function runningOf(ctx: EngineContext, serviceName: string): number {
  return ctx.tallies.services.get(serviceName)?.running ?? 0;
}

/** §12.2: Application Auto Scaling turns scale-in off while a deployment is in progress. */
export function deploying(service: ServiceState): boolean {
  return service.deployments.some((d) => d.rolloutState === 'IN_PROGRESS');
}

export function inCooldownLeftMs(ctx: EngineContext, target: ScalableTargetState): number {
  return Math.max(0, (target.inCooldown?.untilMs ?? 0) - ctx.nowMs);
}

export function outCooldownLeftMs(ctx: EngineContext, target: ScalableTargetState): number {
  return Math.max(0, (target.outCooldown?.untilMs ?? 0) - ctx.nowMs);
}

/**
 * Where the ask lands (pure). §12.1: below min, a scale-out first jumps to min and a
 * scale-in is ignored; above max, a scale-in first drops to max and a scale-out is ignored.
 */
export function judgeProposal(
  ctx: EngineContext,
  target: ScalableTargetState,
  service: ServiceState,
  p: Proposal,
): Verdict {
  const desired = service.desiredCount;
  if (p.direction === 'out') {
    if (target.suspended.out) return { hold: 'DynamicScalingOutSuspended' };
    if (desired >= target.max) return { hold: 'MaxCapacity' };
    if (desired < target.min) return { to: target.min };
    const to = Math.min(p.wants, target.max);
    if (to > desired) return { to };
    return { hold: p.wants > target.max ? 'MaxCapacity' : 'AlreadyThere' };
  }
  if (target.suspended.in) return { hold: 'DynamicScalingInSuspended' };
  if (deploying(service)) return { hold: 'DeploymentInProgress' };
  if (inCooldownLeftMs(ctx, target) > 0) return { hold: 'ScaleInCooldown' };
  if (desired <= target.min) return { hold: 'MinCapacity' };
  if (desired > target.max) return { to: target.max };
  const to = Math.max(p.wants, target.min);
  if (to < desired) return { to };
  return { hold: p.wants < target.min ? 'MinCapacity' : 'AlreadyThere' };
}

/**
 * Scale, and start the cooldown (§12.2, §12.3): after a scale-out, the next one within it
 * counts from the capacity this one started from, so what it added is counted once; it
 * also ends a scale-in cooldown. After a scale-in, scale-in waits out the cooldown.
 * Model: cooldowns are kept per scalable target, with the length of the policy that acted.
 */
export function commitProposal(
  ctx: EngineContext,
  target: ScalableTargetState,
  p: Proposal,
  to: number,
): void {
  const cause = `monitor alarm ${p.alarmName} in state ${p.alarmState ?? 'ALARM'} triggered policy ${p.policyName}`;
  if (!scaleTo(ctx, target, to, cause, p.policyName)) return;
  if (p.direction === 'out') {
    const running = outCooldownLeftMs(ctx, target) > 0 ? target.outCooldown : undefined;
    target.outCooldown = {
      untilMs: ctx.nowMs + p.cooldownS * 1000,
      fromCapacity: running?.fromCapacity ?? p.base,
      policy: p.policyName,
    };
    delete target.inCooldown;
  } else {
    target.inCooldown = { untilMs: ctx.nowMs + p.cooldownS * 1000, policy: p.policyName };
  }
}
