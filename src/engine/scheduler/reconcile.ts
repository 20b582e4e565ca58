import { isFargateTask } from '../capacity/tasks';
import { placeWaiting } from '../capacity/waiting';
import type { EngineContext } from '../context';
import { isBlueGreen, reconcileBlueGreen } from '../deployment/blue-green';
import { settleDeployments } from '../deployment/deployments';
import { runsSettled } from '../deployment/health';
import { reconcileReplica } from '../deployment/rolling';
import { flushTargetNotes } from '../elb/messages';
import type { ServiceState } from '../model/types';
import { emitServiceAction } from '../output/events';
import { serviceEvent } from '../output/service-events';
import { reconcileDaemon } from './daemon';
import { reconcileDraining } from './draining';
import { serviceLaunchRequest } from './launch';
import { serviceTasks } from './scale';

function checkSteadyState(ctx: EngineContext, service: ServiceState, desired: number): void {
  let live = 0;
  let settled = true;
  for (const task of serviceTasks(ctx, service.serviceName)) {
    if (task.lastStatus === 'STOPPED') continue;
    const host = task.containerInstanceArn
      ? ctx.instances.get(task.containerInstanceArn)
      : undefined;
    // A Fargate task has no host to be ACTIVE.
    const placedWell = host?.status === 'ACTIVE' || (!host && isFargateTask(ctx, task));
    if (task.desiredStatus === 'STOPPED' || !runsSettled(task) || !placedWell) {
      settled = false;
    } else live++;
  }
  // §8.2: steady once the older deployments are gone, not while old tasks still run; and
  // not while a blue/green deployment still has production traffic to move (§11).
  const steady =
    settled &&
    !isBlueGreen(service) &&
    live === desired &&
    service.deployments.length === 1 &&
    service.placementFailure === undefined;
  if (steady && !service.steady) {
    serviceEvent(ctx, service, `service ${service.serviceName} has reached a steady state.`);
    emitServiceAction(ctx, service, 'SERVICE_STEADY_STATE');
  }
  if (steady !== service.steady) ctx.out.dirtyServices.add(service.serviceName);
  service.steady = steady;
}

/** The service scheduler's pass: keep desiredCount tasks, replace the stopped, scale in the extra. */
export function reconcileService(ctx: EngineContext, service: ServiceState): void {
  if (service.status !== 'ACTIVE') return;
  // Tasks waiting for capacity (§13.2) take what registered or freed first.
  placeWaiting(ctx, service.serviceName, () => serviceLaunchRequest(service));
  reconcilePass(ctx, service);
  flushTargetNotes(ctx, service);
}

function reconcilePass(ctx: EngineContext, service: ServiceState): void {
  if (service.schedulingStrategy === 'DAEMON') {
    const desired = reconcileDaemon(ctx, service);
    settleDeployments(ctx, service, serviceTasks(ctx, service.serviceName));
    checkSteadyState(ctx, service, desired);
    return;
  }
  if (reconcileDraining(ctx, service)) {
    settleDeployments(ctx, service, serviceTasks(ctx, service.serviceName));
    checkSteadyState(ctx, service, service.desiredCount);
    return;
  }
  if (isBlueGreen(service)) reconcileBlueGreen(ctx, service);
  else reconcileReplica(ctx, service);
  settleDeployments(ctx, service, serviceTasks(ctx, service.serviceName));
  checkSteadyState(ctx, service, service.desiredCount);
}
