import { scalingMetrics } from '../autoscaling/view';
import type { EngineContext } from '../context';
import { costView } from '../cost';
import { noteCost, noteGroups, noteProviders, noteScaling } from './history';

/**
 * The chart series of capacity and service auto scaling, once a simulated minute, after
 * the minute's metrics, alarms, scaling and managed scaling have run (simulation.ts):
 * each scaling policy's metric, each capacity provider's CapacityProviderReservation, and
 * the Auto Scaling groups' counts, and the run's cost so far. Costs the targets, providers and groups, never the tasks.
 */
export function noteMinuteSeries(ctx: EngineContext): void {
  const scaling = scalingMetrics(ctx);
  if (Object.keys(scaling).length > 0) noteScaling(ctx, scaling);
  const providers: Record<string, number> = {};
  for (const p of Object.values(ctx.capacity.providers))
    if (p.reservation?.atMs === ctx.nowMs) providers[p.name] = p.reservation.value;
  if (Object.keys(providers).length > 0) noteProviders(ctx, providers);
  noteGroupsMoved(ctx);
  // What the run has cost so far: O(meters in use), the cost helper's costView.
  noteCost(ctx, costView(ctx).totalUsd);
}

/** After something that can move a group (a boot, a command, the minute): its counts are sampled. */
export function noteGroupsMoved(ctx: EngineContext): void {
  for (const _ in ctx.capacity.groups) {
    noteGroups(ctx);
    return;
  }
}
