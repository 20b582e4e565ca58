import type { EngineContext } from '../context';
import { stopTask } from '../lifecycle/transitions';
import type { ServiceState } from '../model/types';
import { serviceEvent, taskList } from '../output/service-events';
import { candidatePool } from './candidates';
import { recordPlacementFailure } from './failure';
import { launchTask } from './launch';

/**
 * DAEMON: one task on every ACTIVE instance that satisfies the constraints; a
 * DRAINING instance loses its task (ecs-behavior §7.1). Returns the desired count.
 */
export function reconcileDaemon(ctx: EngineContext, service: ServiceState): number {
  const group = `service:${service.serviceName}`;
  const started: string[] = [];
  const stopped: string[] = [];
  let desired = 0;
  for (const instance of ctx.instances.values()) {
    if (instance.clusterName !== service.clusterName) continue;
    const own = [...instance.taskArns]
      .map((arn) => ctx.tasks.get(arn))
      .filter(
        (t) =>
          t !== undefined && t.serviceName === service.serviceName && t.desiredStatus !== 'STOPPED',
      );
    if (instance.status !== 'ACTIVE') {
      for (const task of own) {
        if (!task) continue;
        stopTask(
          ctx,
          task,
          'ServiceSchedulerInitiated',
          `Container instance ${instance.ec2InstanceId} is ${instance.status}`,
        );
        stopped.push(task.taskId);
      }
      continue;
    }
    if (own.length > 0) {
      desired++;
      continue;
    }
    const pool = candidatePool(ctx, service.clusterName);
    pool.candidates = pool.candidates.filter(
      (c) => c.containerInstanceArn === instance.containerInstanceArn,
    );
    const result = launchTask(ctx, pool, {
      clusterName: service.clusterName,
      taskDefinition: service.taskDefinition,
      group,
      serviceName: service.serviceName,
      startedBy: service.deploymentId,
      constraints: service.placementConstraints,
      strategies: [],
      scheduler: 'daemon',
    });
    if (result.ok) {
      desired++;
      started.push(result.task.taskId);
    } else if (result.failure.reason !== 'ATTRIBUTE') {
      // The instance qualifies but is full: the daemon task is owed, and missing.
      desired++;
      recordPlacementFailure(ctx, service, result.failure, 1);
    }
  }
  if (service.desiredCount !== desired) {
    service.desiredCount = desired;
    ctx.out.dirtyServices.add(service.serviceName);
  }
  if (started.length > 0) {
    serviceEvent(
      ctx,
      service,
      `(service ${service.serviceName}) has started ${started.length} tasks: ${taskList(started)}.`,
    );
  }
  if (stopped.length > 0) {
    serviceEvent(
      ctx,
      service,
      `(service ${service.serviceName}) has stopped ${stopped.length} running tasks: ${taskList(stopped)}.`,
    );
  }
  return desired;
}
