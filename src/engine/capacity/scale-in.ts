import type { EngineContext } from '../context';
import type { ServiceState, TaskState } from '../model/types';
import { serviceRoute } from './route';
import { providerToShrink } from './strategy';
import { isWaiting } from './waiting';

/**
 * Which of a service's tasks on no instance a scale-in stops, `count` at most. Model
 * (ECS says nothing of it): tasks still waiting for capacity first, newest first (they
 * give nothing); then Fargate tasks by the strategy in reverse (the provider furthest
 * ahead of its share, capacity/strategy.ts), from the zone holding the most of that
 * provider's, newest first.
 */
export function unplacedToStop(
  ctx: EngineContext,
  service: ServiceState,
  tasks: readonly TaskState[],
  count: number,
): string[] {
  if (count <= 0 || tasks.length === 0) return [];
  const newestFirst = (a: TaskState, b: TaskState) =>
    b.createdAtMs - a.createdAtMs || (a.taskArn < b.taskArn ? 1 : -1);
  const waiting = tasks.filter((t) => isWaiting(ctx, t)).sort(newestFirst);
  const chosen = waiting.slice(0, count).map((t) => t.taskArn);
  const rest = tasks.filter((t) => !isWaiting(ctx, t)).sort(newestFirst);
  if (chosen.length >= count || rest.length === 0) return chosen;
  const route = serviceRoute(ctx, service);
  const items = route.kind === 'strategy' ? route.items : [];
  const providerOf = (t: TaskState) => ctx.capacity.tasks[t.taskArn]?.capacityProviderName ?? '';
  const zoneOf = (t: TaskState) => ctx.capacity.tasks[t.taskArn]?.availabilityZone ?? '';
  const left = new Set(rest);
  while (chosen.length < count && left.size > 0) {
    const counts: Record<string, number> = {};
    for (const t of left) counts[providerOf(t)] = (counts[providerOf(t)] ?? 0) + 1;
    const provider =
      items.length > 0 ? (providerToShrink(items, counts) ?? '') : providerOf(rest[0] as TaskState);
    const mine = [...left].filter((t) => providerOf(t) === provider);
    const pool = mine.length > 0 ? mine : [...left];
    const zones: Record<string, number> = {};
    for (const t of pool) zones[zoneOf(t)] = (zones[zoneOf(t)] ?? 0) + 1;
    let pick = pool[0] as TaskState;
    for (const t of pool) if ((zones[zoneOf(t)] ?? 0) > (zones[zoneOf(pick)] ?? 0)) pick = t;
    chosen.push(pick.taskArn);
    left.delete(pick);
  }
  return chosen;
}
