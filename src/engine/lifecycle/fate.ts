import type { EngineContext } from '../context';
import type { TaskDefinitionModel, TaskState } from '../model/types';

/**
 * Whether a new task of this revision will fail, and how (workloads[].failure): drawn
 * once, when the task is created, from the workload stream, so the same seed fails the
 * same tasks. Only a probability strictly between 0 and 1 draws a number.
 */
export function drawFate(ctx: EngineContext, td: TaskDefinitionModel): TaskState['fails'] {
  const failure = ctx.timing(td).failure;
  if (!failure) return undefined;
  if (failure.untilSeconds !== undefined && ctx.nowMs >= failure.untilSeconds * 1000) {
    return undefined;
  }
  const p = failure.probability ?? 1;
  if (p <= 0) return undefined;
  if (p >= 1) return failure.type;
  return ctx.rng.workload.nextFloat() < p ? failure.type : undefined;
}

/** Model: a CRASH workload with no afterSeconds exits 5 s after RUNNING. */
export const DEFAULT_CRASH_AFTER_MS = 5_000;
