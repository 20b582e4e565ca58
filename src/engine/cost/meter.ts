import type {
  CostState,
  FargateArchitecture,
  FargateMeter,
  FargateProvider,
  InstanceMeter,
  Purchase,
} from './state';

/**
 * Model: per-second billing with a one-minute minimum, for EC2 Linux instances (On-Demand
 * and Spot) and for Fargate tasks alike (the EC2 and Fargate pricing pages). Berth bills by
 * its clock's ms; the minimum is charged when an instance or task stops, so a meter read
 * while one still runs shows the time it has used so far.
 */
export const MINIMUM_BILLED_MS = 60_000;

function instanceMeter(
  cost: CostState,
  instanceType: string,
  purchase: Purchase,
  nowMs: number,
): [string, InstanceMeter] {
  const key = `${instanceType}/${purchase}`;
  let meter = cost.instances[key];
  if (!meter) {
    meter = { instanceType, purchase, running: 0, ms: 0, atMs: nowMs };
    cost.instances[key] = meter;
  }
  return [key, meter];
}

function fargateMeter(
  cost: CostState,
  provider: FargateProvider,
  architecture: FargateArchitecture,
  nowMs: number,
): [string, FargateMeter] {
  const key = `${provider}/${architecture}`;
  let meter = cost.fargate[key];
  if (!meter) {
    meter = { provider, architecture, cpu: 0, memoryMiB: 0, cpuMs: 0, memoryMiBMs: 0, atMs: nowMs };
    cost.fargate[key] = meter;
  }
  return [key, meter];
}

/** The time since the meter last changed, folded in: what it has used up to nowMs. */
function foldInstance(meter: InstanceMeter, nowMs: number): void {
  meter.ms += meter.running * (nowMs - meter.atMs);
  meter.atMs = nowMs;
}

function foldFargate(meter: FargateMeter, nowMs: number): void {
  meter.cpuMs += meter.cpu * (nowMs - meter.atMs);
  meter.memoryMiBMs += meter.memoryMiB * (nowMs - meter.atMs);
  meter.atMs = nowMs;
}

/** The minimum's part not yet used by an instance or task that ran `usedMs`. */
function shortfall(usedMs: number): number {
  return Math.max(0, MINIMUM_BILLED_MS - usedMs);
}

/** An instance starts billing now; one already billing is left as it is. */
export function startInstance(
  cost: CostState,
  ec2InstanceId: string,
  instanceType: string,
  purchase: Purchase,
  nowMs: number,
): void {
  if (cost.billingInstances[ec2InstanceId]) return;
  const [key, meter] = instanceMeter(cost, instanceType, purchase, nowMs);
  foldInstance(meter, nowMs);
  meter.running++;
  cost.billingInstances[ec2InstanceId] = { meter: key, sinceMs: nowMs };
}

/** An instance stops billing now (its minimum charged); one not billing is ignored. */
export function stopInstance(cost: CostState, ec2InstanceId: string, nowMs: number): void {
  const billing = cost.billingInstances[ec2InstanceId];
  if (!billing) return;
  delete cost.billingInstances[ec2InstanceId];
  const meter = cost.instances[billing.meter];
  if (!meter) return;
  foldInstance(meter, nowMs);
  meter.running--;
  meter.ms += shortfall(nowMs - billing.sinceMs);
}

export function startFargateTask(
  cost: CostState,
  taskArn: string,
  size: {
    provider: FargateProvider;
    architecture: FargateArchitecture;
    cpu: number;
    memoryMiB: number;
  },
  nowMs: number,
): void {
  if (cost.billingTasks[taskArn]) return;
  const [key, meter] = fargateMeter(cost, size.provider, size.architecture, nowMs);
  foldFargate(meter, nowMs);
  meter.cpu += size.cpu;
  meter.memoryMiB += size.memoryMiB;
  cost.billingTasks[taskArn] = {
    meter: key,
    cpu: size.cpu,
    memoryMiB: size.memoryMiB,
    sinceMs: nowMs,
  };
}

export function stopFargateTask(cost: CostState, taskArn: string, nowMs: number): void {
  const billing = cost.billingTasks[taskArn];
  if (!billing) return;
  delete cost.billingTasks[taskArn];
  const meter = cost.fargate[billing.meter];
  if (!meter) return;
  foldFargate(meter, nowMs);
  meter.cpu -= billing.cpu;
  meter.memoryMiB -= billing.memoryMiB;
  const extra = shortfall(nowMs - billing.sinceMs);
  meter.cpuMs += billing.cpu * extra;
  meter.memoryMiBMs += billing.memoryMiB * extra;
}

/** What an instance meter has used up to nowMs, without changing it. */
export function instanceMsAt(meter: InstanceMeter, nowMs: number): number {
  return meter.ms + meter.running * (nowMs - meter.atMs);
}

export function fargateUseAt(
  meter: FargateMeter,
  nowMs: number,
): { cpuMs: number; memoryMiBMs: number } {
  const elapsed = nowMs - meter.atMs;
  return {
    cpuMs: meter.cpuMs + meter.cpu * elapsed,
    memoryMiBMs: meter.memoryMiBMs + meter.memoryMiB * elapsed,
  };
}
