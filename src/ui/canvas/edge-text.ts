import type { ServiceView } from '../../engine';

/** A rate as a person reads it on a label: whole numbers from 10 up, one decimal below. */
export function rateText(perSecond: number): string {
  return perSecond >= 10 ? String(Math.round(perSecond)) : String(perSecond);
}

export interface EdgePart {
  name: string;
  /** `3✓ 1↘`: healthy and draining targets. */
  targets: string;
  /** Requests per second served over the last minute, when any were sent. */
  served?: string;
  /** 503s per second over the last minute, when any. */
  failed?: string;
}

/** What a load balancer's edge to a service says about each of its target groups. */
export function edgeParts(view: ServiceView | undefined, groups: readonly string[]): EdgePart[] {
  return groups.map((name) => {
    const tg = view?.targetGroups?.find((g) => g.name === name);
    if (!tg) return { name, targets: '' };
    const part: EdgePart = {
      name,
      targets: `${tg.healthy}✓${tg.draining > 0 ? ` ${tg.draining}↘` : ''}`,
    };
    if (tg.servedPerSecond > 0 || tg.failedPerSecond > 0)
      part.served = `${rateText(tg.servedPerSecond)} req/s`;
    if (tg.failedPerSecond > 0) part.failed = `${rateText(tg.failedPerSecond)} 503/s`;
    return part;
  });
}

/**
 * How the service's traffic splits by revision: during a blue/green shift, the new
 * revision's share of production; otherwise, while two revisions serve (a rolling
 * update), each one's share of last minute's served requests (slow start included),
 * or of the healthy tasks before a minute has passed. Undefined while one serves.
 */
export function revisionSplit(view: ServiceView | undefined): string | undefined {
  const primary = view?.deployments[0];
  if (!view || !primary) return undefined;
  if (primary.stage !== undefined && primary.trafficPercent !== undefined)
    return `new ${primary.trafficPercent}%`;
  if (view.deployments.length < 2) return undefined;
  const served = new Map<string, number>();
  for (const tg of view.targetGroups ?? [])
    for (const [revision, n] of Object.entries(tg.servedByRevision ?? {}))
      served.set(revision, (served.get(revision) ?? 0) + n);
  const shares: [string, number][] =
    [...served.values()].filter((n) => n > 0).length >= 2
      ? view.deployments.map((d) => [d.taskDefinition, served.get(d.taskDefinition) ?? 0])
      : view.deployments.map((d) => [d.taskDefinition, d.healthyCount]);
  const serving = shares.filter(([, n]) => n > 0);
  if (serving.length < 2) return undefined;
  const total = serving.reduce((n, [, x]) => n + x, 0);
  return serving.map(([r, n]) => `${r} ${Math.round((n / total) * 100)}%`).join(' / ');
}
