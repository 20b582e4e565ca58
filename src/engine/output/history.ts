import type {
  AutoScalingGroupCounts,
  DeploymentCounts,
  HistorySample,
  ServiceCounts,
} from '../api';
import { groupCounts } from '../capacity/view';
import type { EngineContext } from '../context';
import { deploymentBounds } from '../deployment/bounds';
import { deploymentTallies } from '../lifecycle/tallies';

/**
 * The history a chart draws: one sample per virtual ms at which a count changed, with
 * the values at the end of that ms. The sample of the current ms stays open while the
 * ms goes on and is closed by the first change of a later ms, or by the frame; closing
 * reads the tallies then, so a burst of changes in one ms costs one sample, and a sample
 * costs what changed in it, never a walk of all tasks or services.
 */
export interface OpenSample {
  atMs: number;
  traffic?: Record<string, { served: number; failed: number; healthy: number }>;
  calls?: Record<string, { served: number; failed: number }>;
  taskStateCounts: boolean;
  services: Set<string>;
  scaling?: Record<string, number>;
  /** The Auto Scaling groups' counts are read when the sample closes. */
  groups?: boolean;
  providers?: Record<string, number>;
  costUsd?: number;
}

/** The open sample of the current ms, closing the one of an earlier ms first. */
function sampleNow(ctx: EngineContext): OpenSample {
  const open = ctx.out.openSample;
  if (open && open.atMs === ctx.nowMs) return open;
  if (open) closeSample(ctx);
  const fresh: OpenSample = { atMs: ctx.nowMs, taskStateCounts: false, services: new Set() };
  ctx.out.openSample = fresh;
  return fresh;
}

/** A minute of requests, per target group, and its healthy targets, for the chart. */
export function noteTraffic(
  ctx: EngineContext,
  traffic: Record<string, { served: number; failed: number; healthy: number }>,
): void {
  sampleNow(ctx).traffic = traffic;
}

/** A minute of requests, per call between services, for the chart. */
export function noteCalls(
  ctx: EngineContext,
  calls: Record<string, { served: number; failed: number }>,
): void {
  sampleNow(ctx).calls = calls;
}

/** The minute's values of the scaling policies' metrics, by `<service>:<MetricName>`. */
export function noteScaling(ctx: EngineContext, values: Record<string, number>): void {
  sampleNow(ctx).scaling = values;
}

/** The Auto Scaling groups may have moved: their counts go in the sample as it closes. */
export function noteGroups(ctx: EngineContext): void {
  sampleNow(ctx).groups = true;
}

/** The minute's CapacityProviderReservation, by provider. */
export function noteProviders(ctx: EngineContext, values: Record<string, number>): void {
  sampleNow(ctx).providers = values;
}

/** The run's cost so far, once a minute. */
export function noteCost(ctx: EngineContext, totalUsd: number): void {
  sampleNow(ctx).costUsd = totalUsd;
}

/** Call before the task counts by lastStatus change. */
export function noteTaskCountsChange(ctx: EngineContext): void {
  sampleNow(ctx).taskStateCounts = true;
}

/** Call before a service's desired, running or pending count changes. */
export function noteServiceChange(ctx: EngineContext, serviceName: string): void {
  sampleNow(ctx).services.add(serviceName);
}

export function serviceCountsOf(ctx: EngineContext, serviceName: string): ServiceCounts {
  const tally = ctx.tallies.services.get(serviceName);
  const service = ctx.services.get(serviceName);
  const desired = service?.desiredCount ?? 0;
  const { lower, upper } = deploymentBounds(
    desired,
    service?.minimumHealthyPercent ?? 100,
    service?.maximumPercent ?? 200,
  );
  return {
    desiredCount: desired,
    runningCount: tally?.running ?? 0,
    pendingCount: tally?.pending ?? 0,
    healthyCount: tally?.healthy ?? 0,
    lowerBound: lower,
    upperBound: upper,
    deployments: deploymentCountsOf(ctx, serviceName),
  };
}

/**
 * The service's deployments that have tasks, from the kept per-deployment tallies: a sample
 * costs those, and holds only what a noted change moves (a deployment's status or a new,
 * empty one is not a count change), so a run sliced anywhere records the same bytes.
 */
function deploymentCountsOf(
  ctx: EngineContext,
  serviceName: string,
): Record<string, DeploymentCounts> {
  const out: Record<string, DeploymentCounts> = {};
  for (const [id, tally] of deploymentTallies(ctx, serviceName))
    out[id] = {
      taskDefinition: tally.taskDefinition,
      runningCount: tally.running,
      pendingCount: tally.pending,
      healthyCount: tally.healthy,
    };
  return out;
}

/** Put the open sample, with the values as they stand now, into the outbox's history. */
export function closeSample(ctx: EngineContext): void {
  const open = ctx.out.openSample;
  if (!open) return;
  delete ctx.out.openSample;
  const sample: HistorySample = { atMs: open.atMs };
  if (open.taskStateCounts) sample.taskStateCounts = { ...ctx.tallies.byStatus };
  if (open.traffic) sample.traffic = open.traffic;
  if (open.calls) sample.calls = open.calls;
  if (open.services.size > 0) {
    const services: Record<string, ServiceCounts> = {};
    for (const name of open.services) services[name] = serviceCountsOf(ctx, name);
    sample.services = services;
  }
  if (open.scaling) sample.scaling = open.scaling;
  if (open.groups) {
    const groups: Record<string, AutoScalingGroupCounts> = {};
    for (const group of Object.values(ctx.capacity.groups))
      groups[group.name] = groupCounts(ctx, group);
    sample.groups = groups;
  }
  if (open.providers) sample.providers = open.providers;
  if (open.costUsd !== undefined) sample.costUsd = open.costUsd;
  ctx.out.history.push(sample);
}

/**
 * Samples as one history, merging neighbours at the same ms (later values win). A command
 * applied at the very ms a frame ended adds a second sample at that ms to the next frame;
 * merged, the history is the one the same run sliced any other way gives.
 */
export function coalesceHistory(samples: readonly HistorySample[]): HistorySample[] {
  const out: HistorySample[] = [];
  for (const sample of samples) {
    const last = out[out.length - 1];
    if (!last || last.atMs !== sample.atMs) {
      out.push(sample);
      continue;
    }
    // In closeSample's key order, so a merged sample reads as the one sample of a run
    // sliced elsewhere, byte for byte.
    const merged: HistorySample = { atMs: last.atMs };
    const taskStateCounts = sample.taskStateCounts ?? last.taskStateCounts;
    if (taskStateCounts) merged.taskStateCounts = taskStateCounts;
    if (last.traffic || sample.traffic) merged.traffic = { ...last.traffic, ...sample.traffic };
    if (last.calls || sample.calls) merged.calls = { ...last.calls, ...sample.calls };
    if (last.services || sample.services)
      merged.services = { ...last.services, ...sample.services };
    if (last.scaling || sample.scaling) merged.scaling = { ...last.scaling, ...sample.scaling };
    if (last.groups || sample.groups) merged.groups = { ...last.groups, ...sample.groups };
    if (last.providers || sample.providers)
      merged.providers = { ...last.providers, ...sample.providers };
    const costUsd = sample.costUsd ?? last.costUsd;
    if (costUsd !== undefined) merged.costUsd = costUsd;
    out[out.length - 1] = merged;
  }
  return out;
}
