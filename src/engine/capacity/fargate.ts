import type { EngineContext } from '../context';
import { startTask } from '../lifecycle/transitions';
import type { ServiceState, TaskState } from '../model/types';
import { type LaunchRequest, newTask } from '../scheduler/launch';
import { scheduleSpotInterruption } from './spot';
import { liveTaskCounts, setTaskCapacity } from './tasks';
import { madeUpSubnet, zoneOfSubnet } from './zones';

/**
 * Fargate (ecs-behavior §6): a task needs no container instance and never lands on one.
 * It gets its own ENI in one of its subnets, walks PROVISIONING (capacity and the ENI,
 * `fargate.provisioningSeconds`, Model: 15 s) -> PENDING -> RUNNING, and holds nothing
 * on any instance. Model: Fargate always has capacity, Spot included.
 */

/** The zones a Fargate task may use and a subnet in each: its subnets', else the design's zones. */
function placesOf(ctx: EngineContext, req: LaunchRequest): { zone: string; subnet: string }[] {
  const subnets = req.networkConfiguration?.awsvpcConfiguration.subnets ?? [];
  const places: { zone: string; subnet: string }[] = [];
  subnets.forEach((subnet, i) => {
    const zone = zoneOfSubnet(ctx.region, subnet, i);
    if (!places.some((p) => p.zone === zone)) places.push({ zone, subnet });
  });
  if (places.length > 0) return places;
  return designZones(ctx).map((zone) => ({ zone, subnet: madeUpSubnet(zone) }));
}

/**
 * Model: with no subnets, the design's zones: those of its instances and Auto Scaling
 * groups, else the region's a, b and c.
 */
export function designZones(ctx: EngineContext): string[] {
  const zones = new Set<string>();
  for (const ci of ctx.design.containerInstances) {
    const az =
      ci.availabilityZone ?? ci.attributes?.find((a) => a.name === 'ecs.availability-zone')?.value;
    if (az) zones.add(az);
  }
  for (const g of Object.values(ctx.capacity.groups)) for (const z of g.zones) zones.add(z);
  if (zones.size === 0) for (const l of 'abc') zones.add(`${ctx.region}${l}`);
  return [...zones].sort();
}

/** A service's live Fargate tasks by zone, for the spread. */
export function fargateZoneCounts(
  ctx: EngineContext,
  tasks: Iterable<TaskState>,
): Record<string, number> {
  return liveTaskCounts(ctx, tasks, 'availabilityZone');
}

/**
 * Launch `count` Fargate tasks. Model: ECS spreads a service's Fargate tasks over its
 * subnets' zones; each goes to the zone with the fewest of them, the first on a tie.
 */
export function launchFargate(
  ctx: EngineContext,
  req: LaunchRequest,
  count: number,
  provider: 'FARGATE' | 'FARGATE_SPOT' | undefined,
  zoneCounts: Record<string, number>,
): TaskState[] {
  const places = placesOf(ctx, req);
  const tasks: TaskState[] = [];
  for (let i = 0; i < count; i++) {
    let place = places[0];
    for (const p of places) {
      if ((zoneCounts[p.zone] ?? 0) < (zoneCounts[place?.zone ?? ''] ?? 0)) place = p;
    }
    if (!place) break;
    zoneCounts[place.zone] = (zoneCounts[place.zone] ?? 0) + 1;
    const task = newTask(ctx, req, undefined, undefined, {});
    setTaskCapacity(ctx, task, {
      launchType: 'FARGATE',
      ...(provider !== undefined && { capacityProviderName: provider }),
      availabilityZone: place.zone,
      subnetId: place.subnet,
    });
    startTask(ctx, task);
    if (provider === 'FARGATE_SPOT') scheduleSpotInterruption(ctx, task);
    tasks.push(task);
  }
  return tasks;
}

/** The service's live tasks, for the counts a launch needs. */
export function liveServiceTasks(ctx: EngineContext, service: ServiceState): TaskState[] {
  const out: TaskState[] = [];
  for (const t of ctx.serviceTasks.get(service.serviceName) ?? []) {
    if (t.desiredStatus !== 'STOPPED') out.push(t);
  }
  return out;
}
