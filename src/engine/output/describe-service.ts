import { type EngineContext, isoAt } from '../context';
import { arns } from '../ids';
import type { ServiceState } from '../model/types';

/** RUNNING, and pending as ECS counts it (PROVISIONING, PENDING, ACTIVATING), kept as tasks move. */
export function serviceCounts(
  ctx: EngineContext,
  service: ServiceState,
): { running: number; pending: number } {
  const tally = ctx.tallies.services.get(service.serviceName);
  return { running: tally?.running ?? 0, pending: tally?.pending ?? 0 };
}

/** A service as DescribeServices prints it, with its 100 latest events, newest first. */
export function describeService(
  ctx: EngineContext,
  service: ServiceState,
): Record<string, unknown> {
  const { running, pending } = serviceCounts(ctx, service);
  const events = ctx.serviceEvents
    .filter((e) => e.serviceName === service.serviceName)
    .reverse()
    .map((e) => ({ id: e.id, createdAt: isoAt(ctx, e.createdAtMs), message: e.message }));
  return {
    ...service.source,
    serviceArn: service.serviceArn,
    serviceName: service.serviceName,
    clusterArn: arns.cluster(ctx, service.clusterName),
    status: service.status,
    desiredCount: service.desiredCount,
    runningCount: running,
    pendingCount: pending,
    launchType: 'EC2',
    taskDefinition: service.taskDefinition.arn,
    deployments: [
      {
        id: service.deploymentId,
        status: 'PRIMARY',
        taskDefinition: service.taskDefinition.arn,
        desiredCount: service.desiredCount,
        pendingCount: pending,
        runningCount: running,
        failedTasks: 0,
        createdAt: isoAt(ctx, service.createdAtMs),
        launchType: 'EC2',
        rolloutState: service.steady ? 'COMPLETED' : 'IN_PROGRESS',
      },
    ],
    placementConstraints: service.placementConstraints,
    placementStrategy: service.placementStrategy,
    schedulingStrategy: service.schedulingStrategy,
    events,
    createdAt: isoAt(ctx, service.createdAtMs),
  };
}
