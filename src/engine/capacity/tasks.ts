import type { LaunchType } from '../../design';
import type { EngineContext } from '../context';
import type { TaskState } from '../model/types';
import type { TaskCapacity } from './state';

const EC2: TaskCapacity = { launchType: 'EC2' };

/**
 * Where a task runs: its launch type, capacity provider, and a Fargate task's zone.
 * Kept in CapacityState by task ARN (TaskState has no field for it); a plain EC2 task
 * without a provider has no record.
 */
export function taskCapacity(ctx: EngineContext, task: TaskState): TaskCapacity {
  return ctx.capacity.tasks[task.taskArn] ?? EC2;
}

/** A service's live tasks counted by where they run (their zone, or their provider). */
export function liveTaskCounts(
  ctx: EngineContext,
  tasks: Iterable<TaskState>,
  by: 'availabilityZone' | 'capacityProviderName',
): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const t of tasks) {
    if (t.desiredStatus === 'STOPPED') continue;
    const key = ctx.capacity.tasks[t.taskArn]?.[by];
    if (key !== undefined) counts[key] = (counts[key] ?? 0) + 1;
  }
  return counts;
}

export function setTaskCapacity(ctx: EngineContext, task: TaskState, info: TaskCapacity): void {
  if (info.launchType === 'EC2' && info.capacityProviderName === undefined) return;
  ctx.capacity.tasks[task.taskArn] = info;
}

export function isFargateTask(ctx: EngineContext, task: TaskState): boolean {
  return ctx.capacity.tasks[task.taskArn]?.launchType === 'FARGATE';
}

export function launchTypeOf(ctx: EngineContext, task: TaskState): LaunchType {
  return taskCapacity(ctx, task).launchType;
}

/** A STOPPED task's record is forgotten once the engine forgets the task (after an hour). */
export function noteTaskStopped(ctx: EngineContext, task: TaskState): void {
  if (ctx.capacity.tasks[task.taskArn] !== undefined) ctx.capacity.taskOrder.push(task.taskArn);
}

/** Tasks are forgotten in the order they stopped: a walk from the head costs what it removes. */
export function forgetGoneTasks(ctx: EngineContext): void {
  const c = ctx.capacity;
  while (c.tasksHead < c.taskOrder.length) {
    const arn = c.taskOrder[c.tasksHead] ?? '';
    if (ctx.tasks.has(arn)) break;
    delete c.tasks[arn];
    c.tasksHead++;
  }
  if (c.tasksHead > 1024 && c.tasksHead * 2 > c.taskOrder.length) {
    c.taskOrder.splice(0, c.tasksHead);
    c.tasksHead = 0;
  }
}
