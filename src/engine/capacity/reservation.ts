import { instanceTypeSpec, registeredCpuUnits, registeredMemoryMiB } from '../../design';
import type { EngineContext } from '../context';
import type { TaskDefinitionModel } from '../model/types';
import { liveInstances } from './groups';
import type { GroupState, ProviderState } from './state';

/**
 * CapacityProviderReservation (ecs-behavior §13.2): CPR = M / N x 100, N the group's
 * instances (booting ones included, Model), M the instances needed to run the provider's
 * tasks: those running at least one task that is not a daemon's (an instance with only
 * daemon tasks is empty), plus the instances the tasks waiting in PROVISIONING need,
 * bin-packed onto the group's smallest instance type. N = 0: 200 with tasks to run, else 100.
 */
export interface Reservation {
  value: number;
  m: number;
  n: number;
}

export function cprOf(m: number, n: number): number {
  if (n === 0) return m > 0 ? 200 : 100;
  return Math.round((m / n) * 10000) / 100;
}

interface Need {
  cpu: number;
  memoryMiB: number;
  eni: number;
  ports: number[];
}

const needOf = (td: TaskDefinitionModel): Need => ({
  cpu: td.cpu,
  memoryMiB: td.memoryMiB,
  eni: td.networkMode === 'awsvpc' ? 1 : 0,
  ports: td.portMappings.filter((p) => (p.hostPort ?? 0) > 0).map((p) => p.hostPort ?? 0),
});

/**
 * Instances of `type` the tasks need, first-fit decreasing (largest memory first). Each
 * new instance keeps room for the cluster's daemons first (§7.1). Model: tasks that do not
 * fit an empty instance are left out, as §13.2 says, and so is a type Berth does not know.
 */
export function binPack(needs: readonly Need[], type: string, daemons: readonly Need[]): number {
  const spec = instanceTypeSpec(type);
  if (!spec) return 0;
  const empty = {
    cpu: registeredCpuUnits(spec) - daemons.reduce((s, d) => s + d.cpu, 0),
    memoryMiB: registeredMemoryMiB(spec) - daemons.reduce((s, d) => s + d.memoryMiB, 0),
    eni: spec.awsvpcTasks - daemons.reduce((s, d) => s + d.eni, 0),
    ports: new Set(daemons.flatMap((d) => d.ports)),
  };
  const fits = (bin: typeof empty, n: Need) =>
    n.cpu <= bin.cpu &&
    n.memoryMiB <= bin.memoryMiB &&
    n.eni <= bin.eni &&
    n.ports.every((p) => !bin.ports.has(p));
  const bins: (typeof empty)[] = [];
  const sorted = [...needs].sort((a, b) => b.memoryMiB - a.memoryMiB || b.cpu - a.cpu);
  for (const n of sorted) {
    if (!fits(empty, n)) continue;
    let bin = bins.find((b) => fits(b, n));
    if (!bin) {
      bin = { ...empty, ports: new Set(empty.ports) };
      bins.push(bin);
    }
    bin.cpu -= n.cpu;
    bin.memoryMiB -= n.memoryMiB;
    bin.eni -= n.eni;
    for (const p of n.ports) bin.ports.add(p);
  }
  return bins.length;
}

/** The smallest of the group's types, by vCPUs then memory: where M is packed. */
export function smallestType(types: readonly string[]): string | undefined {
  let best: string | undefined;
  for (const t of types) {
    const spec = instanceTypeSpec(t);
    const b = best === undefined ? undefined : instanceTypeSpec(best);
    if (!spec) continue;
    if (!b || spec.vcpu < b.vcpu || (spec.vcpu === b.vcpu && spec.memoryMiB < b.memoryMiB))
      best = t;
  }
  return best;
}

export function reservationOf(
  ctx: EngineContext,
  provider: ProviderState,
  group: GroupState,
  clusterName: string,
): Reservation {
  const live = liveInstances(ctx, group);
  let busy = 0;
  for (const gi of live) {
    const arn = gi.containerInstanceArn;
    const instance = arn === undefined ? undefined : ctx.instances.get(arn);
    if (!instance) continue;
    for (const taskArn of instance.taskArns) {
      const task = ctx.tasks.get(taskArn);
      const daemon =
        task?.serviceName !== undefined &&
        ctx.services.get(task.serviceName)?.schedulingStrategy === 'DAEMON';
      if (task && !daemon) {
        busy++;
        break;
      }
    }
  }
  const waiting: Need[] = [];
  for (const list of Object.values(ctx.capacity.waiting)) {
    for (const taskArn of list) {
      const task = ctx.tasks.get(taskArn);
      if (task && ctx.capacity.tasks[taskArn]?.capacityProviderName === provider.name)
        waiting.push(needOf(task.taskDefinition));
    }
  }
  const daemons: Need[] = [];
  for (const s of ctx.services.values()) {
    if (s.clusterName === clusterName && s.schedulingStrategy === 'DAEMON' && s.status === 'ACTIVE')
      daemons.push(needOf(s.taskDefinition));
  }
  const type = smallestType(group.instanceTypes);
  const m = busy + (waiting.length > 0 && type ? binPack(waiting, type, daemons) : 0);
  return { value: cprOf(m, live.length), m, n: live.length };
}
