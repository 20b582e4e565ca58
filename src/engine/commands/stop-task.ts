import type { StopTaskInput } from '../../design';
import type { EngineContext } from '../context';
import { stopTask as stop } from '../lifecycle/transitions';
import { describeTask } from '../output/describe-task';
import { clusterOf, taskOf } from './lookup';

export function stopTask(ctx: EngineContext, input: StopTaskInput): Record<string, unknown> {
  const clusterName = clusterOf(ctx, input.cluster);
  const task = taskOf(ctx, clusterName, input.task);
  stop(ctx, task, 'UserInitiated', input.reason ?? 'Task stopped by user');
  return { task: describeTask(ctx, task) };
}
