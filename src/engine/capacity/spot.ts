import type { InterruptSpotTaskInput } from '../../design';
import { AwsError } from '../commands/errors';
import { clusterOf } from '../commands/lookup';
import type { EngineContext } from '../context';
import { restoreRng } from '../kernel';
import { killTask, stopTask } from '../lifecycle/transitions';
import type { TaskState } from '../model/types';

/**
 * Fargate Spot interruptions (ecs-behavior §6.2): a two-minute warning, delivered as a task
 * state change event and a SIGTERM; SIGKILL after the stop timeout; stop code
 * `SpotInterruption`. The service then starts replacements on Fargate Spot.
 */

export const SPOT_WARNING_MS = 120_000;
/** The stoppedReason ECS gives an interrupted Spot task. */
export const SPOT_STOPPED_REASON = 'Your Spot Task was interrupted.';

/**
 * The warning: the task is asked to stop at once (its event carries the stop code and
 * reason, desiredStatus STOPPED), drains and gets SIGTERM as any stop, and is gone
 * two minutes later whatever it is still doing (Model: a deregistration delay longer
 * than the warning is cut short).
 */
export function interruptSpot(ctx: EngineContext, task: TaskState): void {
  if (task.desiredStatus === 'STOPPED') return;
  stopTask(ctx, task, 'SpotInterruption', SPOT_STOPPED_REASON);
  ctx.queue.push(ctx.nowMs + SPOT_WARNING_MS, {
    kind: 'capacity',
    what: 'spot-reclaim',
    taskArn: task.taskArn,
  });
}

export function onSpotReclaim(ctx: EngineContext, taskArn: string): void {
  const task = ctx.tasks.get(taskArn);
  if (task && task.lastStatus !== 'STOPPED')
    killTask(ctx, task, 'SpotInterruption', SPOT_STOPPED_REASON);
}

/** A timer for the seeded interruption of a Spot task, when the design sets a rate. */
export function scheduleSpotInterruption(ctx: EngineContext, task: TaskState): void {
  const perHour = ctx.capacity.spotInterruptionsPerHour;
  if (perHour <= 0) return;
  const rng = restoreRng(ctx.capacity.rng);
  // Model: interruptions arrive as a Poisson process per task, `perHour` per RUNNING hour.
  const hours = -Math.log(1 - rng.nextFloat()) / perHour;
  ctx.capacity.rng = [...rng.getState()];
  ctx.queue.push(ctx.nowMs + Math.max(1000, Math.round(hours * 3_600_000)), {
    kind: 'capacity',
    what: 'spot-interrupt',
    taskArn: task.taskArn,
  });
}

export function onSpotInterrupt(ctx: EngineContext, taskArn: string): void {
  const task = ctx.tasks.get(taskArn);
  if (task) interruptSpot(ctx, task);
}

/**
 * InterruptSpotTask (a fault, Berth's own): `count` (1 by default) of the service's
 * FARGATE_SPOT tasks not yet asked to stop are reclaimed, oldest first (Model).
 */
export function interruptSpotTasks(
  ctx: EngineContext,
  input: InterruptSpotTaskInput,
): Record<string, unknown> {
  const clusterName = clusterOf(ctx, input.cluster);
  const service = ctx.services.get(input.service);
  if (!service || service.clusterName !== clusterName)
    throw new AwsError('ServiceNotFoundException', 'Service not found.');
  const spot = [...(ctx.serviceTasks.get(service.serviceName) ?? [])]
    .filter(
      (t) =>
        t.desiredStatus !== 'STOPPED' &&
        ctx.capacity.tasks[t.taskArn]?.capacityProviderName === 'FARGATE_SPOT',
    )
    .sort((a, b) => a.createdAtMs - b.createdAtMs || (a.taskArn < b.taskArn ? -1 : 1))
    .slice(0, input.count ?? 1);
  if (spot.length === 0)
    throw new AwsError(
      'InvalidParameterException',
      `Service ${service.serviceName} has no FARGATE_SPOT task to interrupt.`,
    );
  for (const task of spot) interruptSpot(ctx, task);
  return { interruptedTasks: spot.map((t) => t.taskArn) };
}
