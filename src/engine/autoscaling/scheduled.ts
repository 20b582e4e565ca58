import {
  type CronFields,
  type DeleteScheduledActionInput,
  type PutScheduledActionInput,
  parseSchedule,
  type Schedule,
} from '../../design';
import { AwsError } from '../commands/errors';
import type { EngineContext } from '../context';
import { logBoundsActivity, scaleTo } from './activity';
import { autoscalingOf, type ScheduledActionState } from './state';
import { targetOf } from './targets';

/**
 * Scheduled scaling (ecs-behavior §12.4): at a time, new MinCapacity and MaxCapacity; a
 * desired count outside them moves to the bound, even during a cooldown.
 * Model: schedules are read in UTC and run on the simulated minute (an at() with seconds
 * runs at the first minute at or after it); a rate() runs every interval from StartTime,
 * or from when it was put; an at() earlier than when it was put never runs; a new min
 * above the max raises the max with it. While ScheduledScalingSuspended, runs are skipped,
 * not kept for later.
 */

const parsed = new Map<string, Schedule | string>();

function scheduleOf(text: string): Schedule | undefined {
  let s = parsed.get(text);
  if (s === undefined) {
    s = parseSchedule(text);
    parsed.set(text, s);
  }
  return typeof s === 'string' ? undefined : s;
}

function cronMatches(fields: CronFields, epochMs: number): boolean {
  const d = new Date(epochMs);
  const inList = (list: number[] | null, v: number) => list === null || list.includes(v);
  return (
    fields.minutes.includes(d.getUTCMinutes()) &&
    fields.hours.includes(d.getUTCHours()) &&
    fields.months.includes(d.getUTCMonth() + 1) &&
    inList(fields.daysOfMonth, d.getUTCDate()) &&
    inList(fields.daysOfWeek, d.getUTCDay() + 1) &&
    inList(fields.years, d.getUTCFullYear())
  );
}

export function putScheduledAction(
  ctx: EngineContext,
  input: PutScheduledActionInput,
): Record<string, unknown> {
  if (!targetOf(ctx, input.ResourceId))
    throw new AwsError(
      'ObjectNotFoundException',
      `No scalable target registered for service namespace: ecs, resource ID: ${input.ResourceId}, scalable dimension: ecs:service:DesiredCount`,
    );
  const state = autoscalingOf(ctx);
  state.scheduled = state.scheduled.filter(
    (s) => !(s.resourceId === input.ResourceId && s.name === input.ScheduledActionName),
  );
  const action: ScheduledActionState = {
    name: input.ScheduledActionName,
    resourceId: input.ResourceId,
    input: JSON.parse(JSON.stringify(input)) as PutScheduledActionInput,
    putAtMs: ctx.nowMs,
  };
  const schedule = scheduleOf(input.Schedule);
  if (schedule?.kind === 'rate') {
    const from = input.StartTime ? Date.parse(input.StartTime) - ctx.startEpochMs : ctx.nowMs;
    action.nextMs = Math.max(from, ctx.nowMs) + schedule.everyMs;
  }
  state.scheduled.push(action);
  return {};
}

export function deleteScheduledAction(
  ctx: EngineContext,
  input: DeleteScheduledActionInput,
): Record<string, unknown> {
  const state = autoscalingOf(ctx);
  const before = state.scheduled.length;
  state.scheduled = state.scheduled.filter(
    (s) => !(s.resourceId === input.ResourceId && s.name === input.ScheduledActionName),
  );
  if (state.scheduled.length === before)
    throw new AwsError(
      'ObjectNotFoundException',
      `No scheduled action found for service namespace: ecs, resource ID: ${input.ResourceId}, scalable dimension: ecs:service:DesiredCount, scheduled action name: ${input.ScheduledActionName}`,
    );
  return {};
}

/** Whether the action runs at this minute (and moves its own bookkeeping on). */
function due(ctx: EngineContext, action: ScheduledActionState, schedule: Schedule): boolean {
  const epochNow = ctx.startEpochMs + ctx.nowMs;
  switch (schedule.kind) {
    case 'at': {
      if (action.done || schedule.epochMs > epochNow) return false;
      action.done = true;
      return schedule.epochMs >= ctx.startEpochMs + action.putAtMs - 60_000;
    }
    case 'rate': {
      if ((action.nextMs ?? Number.POSITIVE_INFINITY) > ctx.nowMs) return false;
      while ((action.nextMs ?? 0) <= ctx.nowMs)
        action.nextMs = (action.nextMs ?? 0) + schedule.everyMs;
      return true;
    }
    case 'cron':
      return cronMatches(schedule.fields, Math.floor(epochNow / 60_000) * 60_000);
  }
}

/** Every minute: the scheduled actions due now run, in the order they were put. */
export function runScheduledActions(ctx: EngineContext): void {
  const epochNow = ctx.startEpochMs + ctx.nowMs;
  for (const action of autoscalingOf(ctx).scheduled) {
    const schedule = scheduleOf(action.input.Schedule);
    const target = targetOf(ctx, action.resourceId);
    if (!schedule || !target) continue;
    const { StartTime, EndTime } = action.input;
    if (StartTime && Date.parse(StartTime) > epochNow) continue;
    if (EndTime && Date.parse(EndTime) < epochNow) continue;
    if (!due(ctx, action, schedule) || target.suspended.scheduled) continue;
    const { MinCapacity, MaxCapacity } = action.input.ScalableTargetAction;
    const min = MinCapacity ?? target.min;
    const max = Math.max(MaxCapacity ?? target.max, min);
    const cause = `scheduled action name ${action.name} was triggered`;
    const parts = [
      ...(min !== target.min ? [`min capacity to ${min}`] : []),
      ...(max !== target.max ? [`max capacity to ${max}`] : []),
    ];
    target.min = min;
    target.max = max;
    if (parts.length > 0) logBoundsActivity(ctx, target, parts.join(' and '), cause, action.name);
    const desired = ctx.services.get(target.serviceName)?.desiredCount ?? 0;
    if (desired < min) scaleTo(ctx, target, min, cause, action.name);
    else if (desired > max) scaleTo(ctx, target, max, cause, action.name);
  }
}
