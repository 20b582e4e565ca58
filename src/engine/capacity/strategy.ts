import type { CapacityProviderStrategyItem } from '../../design';

/**
 * A capacity provider strategy's split (ecs-behavior §13.1): `base` tasks on its
 * provider first, the rest by weight ratio (A=1, B=4: one of every five on A); a
 * weight-0 provider never gets a task beyond its base.
 *
 * Model (§13.1 leaves remainders open): each new task goes where the split is furthest
 * behind, the provider whose tasks beyond its base, plus this one, over its weight is
 * lowest; a tie goes to the one listed first. So a service's tasks follow the ratio at
 * every count, and a task lost on one provider is replaced there.
 */
export function nextProvider(
  items: readonly CapacityProviderStrategyItem[],
  counts: Readonly<Record<string, number>>,
): string | undefined {
  for (const item of items) {
    const base = item.base ?? 0;
    if (base > 0 && (counts[item.capacityProvider] ?? 0) < base) return item.capacityProvider;
  }
  let best: string | undefined;
  let bestScore = Number.POSITIVE_INFINITY;
  for (const item of items) {
    const weight = item.weight ?? 0;
    if (weight <= 0) continue;
    const beyond = Math.max(0, (counts[item.capacityProvider] ?? 0) - (item.base ?? 0));
    const score = (beyond + 1) / weight;
    if (score < bestScore) {
      best = item.capacityProvider;
      bestScore = score;
    }
  }
  return best;
}

/** Providers for `n` new tasks in order, given what the service already has on each. */
export function splitTasks(
  items: readonly CapacityProviderStrategyItem[],
  counts: Readonly<Record<string, number>>,
  n: number,
): string[] {
  const now = { ...counts };
  const out: string[] = [];
  for (let i = 0; i < n; i++) {
    const p = nextProvider(items, now);
    if (p === undefined) break;
    out.push(p);
    now[p] = (now[p] ?? 0) + 1;
  }
  return out;
}

/**
 * The provider a scale-in takes a task from: the reverse of the split, the one furthest
 * ahead of its share (Model), a base kept while any other provider has tasks beyond its own.
 */
export function providerToShrink(
  items: readonly CapacityProviderStrategyItem[],
  counts: Readonly<Record<string, number>>,
): string | undefined {
  let best: string | undefined;
  let bestScore = Number.NEGATIVE_INFINITY;
  // In the strategy's order, a tie to the one listed later: the split gave it its task last.
  const names = [
    ...items.map((i) => i.capacityProvider),
    ...Object.keys(counts).filter((n) => !items.some((i) => i.capacityProvider === n)),
  ];
  for (const name of names) {
    const count = counts[name] ?? 0;
    if (count <= 0) continue;
    const item = items.find((i) => i.capacityProvider === name);
    const base = item?.base ?? 0;
    const weight = item?.weight ?? 0;
    const beyond = count - base;
    // Outside the strategy (it changed) or beyond a weight-0 provider's base: first to go.
    const score =
      item === undefined || (weight <= 0 && beyond > 0)
        ? Number.POSITIVE_INFINITY
        : beyond <= 0
          ? -1 - (base - count)
          : beyond / weight;
    if (score >= bestScore) {
      best = name;
      bestScore = score;
    }
  }
  return best;
}
