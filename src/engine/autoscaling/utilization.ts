import type { Workload } from '../../design';
import type { EngineContext } from '../context';
import { deploymentTallies } from '../lifecycle/tallies';
import type { ServiceState, TaskDefinitionModel } from '../model/types';

/**
 * A service's CPUUtilization and MemoryUtilization (AWS/ECS, ClusterName + ServiceName),
 * once a minute (ecs-behavior §12.1): what its RUNNING tasks use over what they reserve,
 * in percent. Costs the service's deployments and target groups, never its tasks.
 *
 * Model: the workload's load model (design `workloads[]`): each RUNNING task uses its
 * baseline (10% of its CPU and 30% of its memory reservation when the design gives none),
 * and each request per second its revision served this minute, through the service's
 * target groups, adds the per-request cost (0 when absent). A service without traffic
 * runs at its baseline. Counted over the tasks RUNNING at the minute's end. Not capped at
 * 100: on EC2 a task may use more CPU than it reserves, and Berth reports the demand.
 * A task that reserves no CPU counts as reserving 1024 units (one vCPU).
 * No datapoint while no task runs (CloudWatch gets none either).
 */

export interface Utilization {
  cpuPercent: number;
  memoryPercent: number;
  running: number;
}

/** Served requests of one minute, by `family:revision`, per target group ARN. */
export type MinuteServed = ReadonlyMap<
  string,
  { served: number; byRevision: Record<string, number> }
>;

/** A cpu of 0 (nothing reserved) is measured against one vCPU. */
const UNRESERVED_CPU_UNITS = 1024;
const DEFAULT_BASELINE_CPU = 0.1;
const DEFAULT_BASELINE_MEMORY = 0.3;

export function workloadOf(
  ctx: EngineContext,
  family: string,
  revision: number,
): Workload | undefined {
  const all = ctx.design.workloads;
  return (
    all.find((w) => w.family === family && w.revision === revision) ??
    all.find((w) => w.family === family && w.revision === undefined)
  );
}

function taskDefinitionByName(ctx: EngineContext, name: string): TaskDefinitionModel | undefined {
  const colon = name.lastIndexOf(':');
  const family = name.slice(0, colon);
  const revision = Number(name.slice(colon + 1));
  return ctx.taskDefinitions.find((t) => t.family === family && t.revision === revision);
}

interface Usage {
  reservedCpu: number;
  reservedMemory: number;
  baselineCpu: number;
  baselineMemory: number;
  cpuPerRps: number;
  memoryPerRps: number;
}

export function usageOf(ctx: EngineContext, td: TaskDefinitionModel): Usage {
  const w = workloadOf(ctx, td.family, td.revision);
  const reservedCpu = td.cpu > 0 ? td.cpu : UNRESERVED_CPU_UNITS;
  const reservedMemory = td.memoryMiB;
  return {
    reservedCpu,
    reservedMemory,
    baselineCpu: w?.baselineCpuUnits ?? DEFAULT_BASELINE_CPU * reservedCpu,
    baselineMemory: w?.baselineMemoryMiB ?? DEFAULT_BASELINE_MEMORY * reservedMemory,
    cpuPerRps: w?.cpuUnitsPerRequestPerSecond ?? 0,
    memoryPerRps: w?.memoryMiBPerRequestPerSecond ?? 0,
  };
}

/** The service's requests this minute by revision, over its target groups (both sides of a pair). */
function servedByRevision(service: ServiceState, minute: MinuteServed): Map<string, number> {
  const out = new Map<string, number>();
  const arns = new Set<string>();
  for (const t of service.targets) {
    arns.add(t.targetGroupArn);
    if (t.alternateTargetGroupArn) arns.add(t.alternateTargetGroupArn);
  }
  for (const arn of arns) {
    const m = minute.get(arn);
    if (!m) continue;
    for (const [revision, n] of Object.entries(m.byRevision))
      out.set(revision, (out.get(revision) ?? 0) + n);
  }
  return out;
}

const round2 = (n: number) => Math.round(n * 100) / 100;

export function serviceUtilization(
  ctx: EngineContext,
  service: ServiceState,
  minute: MinuteServed,
): Utilization | undefined {
  let running = 0;
  let reservedCpu = 0;
  let reservedMemory = 0;
  let usedCpu = 0;
  let usedMemory = 0;
  const served = servedByRevision(service, minute);
  const counted = new Set<string>();
  for (const tally of deploymentTallies(ctx, service.serviceName).values()) {
    if (tally.running === 0) continue;
    const td = taskDefinitionByName(ctx, tally.taskDefinition);
    if (!td) continue;
    const u = usageOf(ctx, td);
    running += tally.running;
    reservedCpu += tally.running * u.reservedCpu;
    reservedMemory += tally.running * u.reservedMemory;
    usedCpu += tally.running * u.baselineCpu;
    usedMemory += tally.running * u.baselineMemory;
    // Two deployments of one revision (a forced redeploy) share its requests once.
    if (counted.has(tally.taskDefinition)) continue;
    counted.add(tally.taskDefinition);
    const rps = (served.get(tally.taskDefinition) ?? 0) / 60;
    usedCpu += rps * u.cpuPerRps;
    usedMemory += rps * u.memoryPerRps;
  }
  if (running === 0) return undefined;
  return {
    running,
    cpuPercent: round2((usedCpu / reservedCpu) * 100),
    memoryPercent: reservedMemory > 0 ? round2((usedMemory / reservedMemory) * 100) : 0,
  };
}
