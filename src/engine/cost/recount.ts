import type { EngineContext } from '../context';
import { costInstanceLaunched, costInstanceRegistered, costTaskPulling } from './hooks';
import { type CostState, newCostState } from './state';

/**
 * Meters for a checkpoint taken before cost was kept: what bills now starts billing at
 * the checkpoint's moment (what it cost before is not known). Restore only: it walks
 * every instance and task once.
 */
export function recountCost(ctx: EngineContext): CostState {
  const saved = ctx.cost;
  ctx.cost = newCostState();
  try {
    for (const instance of Object.values(ctx.capacity.instances)) {
      if (instance.lifecycle !== 'Terminating') costInstanceLaunched(ctx, instance);
    }
    for (const instance of ctx.instances.values()) {
      if (instance.status !== 'INACTIVE') costInstanceRegistered(ctx, instance);
    }
    for (const task of ctx.tasks.values()) {
      if (task.lastStatus !== 'STOPPED' && task.pullStartedAtMs !== undefined)
        costTaskPulling(ctx, task);
    }
    return ctx.cost;
  } finally {
    ctx.cost = saved;
  }
}
