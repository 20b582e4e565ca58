import { serviceRoute } from '../capacity/route';
import { type EngineContext, isoAt } from '../context';
import { arns } from '../ids';
import { deploymentTallies } from '../lifecycle/tallies';
import type { DeploymentState, ServiceState } from '../model/types';

/** RUNNING, and pending as ECS counts it (PROVISIONING, PENDING, ACTIVATING), kept as tasks move. */
export function serviceCounts(
  ctx: EngineContext,
  service: ServiceState,
): { running: number; pending: number } {
  const tally = ctx.tallies.services.get(service.serviceName);
  return { running: tally?.running ?? 0, pending: tally?.pending ?? 0 };
}

/** Each deployment with its RUNNING and pending tasks, PRIMARY first (§8.2), from the kept counts. */
export function deploymentCounts(
  ctx: EngineContext,
  service: ServiceState,
): { deployment: DeploymentState; running: number; pending: number }[] {
  const kept = deploymentTallies(ctx, service.serviceName);
  return service.deployments.map((deployment) => {
    const tally = kept.get(deployment.id);
    return { deployment, running: tally?.running ?? 0, pending: tally?.pending ?? 0 };
  });
}

/** A service as DescribeServices prints it, with its 100 latest events, newest first. */
export function describeService(
  ctx: EngineContext,
  service: ServiceState,
): Record<string, unknown> {
  const { running, pending } = serviceCounts(ctx, service);
  const rows = deploymentCounts(ctx, service);
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
    ...launchFields(ctx, service),
    taskDefinition: service.taskDefinition.arn,
    deployments: rows.map(({ deployment: d, running, pending }) => ({
      id: d.id,
      status: d.status,
      taskDefinition: d.taskDefinitionArn,
      desiredCount: d.desiredCount,
      pendingCount: pending,
      runningCount: running,
      failedTasks: d.failedTasks,
      createdAt: isoAt(ctx, d.createdAtMs),
      updatedAt: isoAt(ctx, d.updatedAtMs),
      ...launchFields(ctx, service),
      rolloutState: d.rolloutState,
      rolloutStateReason: d.rolloutStateReason,
    })),
    ...(service.deploymentController === 'CODE_DEPLOY' && {
      taskSets: rows.map((row) => taskSetOf(ctx, service, row)),
    }),
    deploymentConfiguration: {
      ...((service.source.deploymentConfiguration as Record<string, unknown> | undefined) ?? {}),
      deploymentCircuitBreaker: { ...service.deploymentCircuitBreaker },
      maximumPercent: service.maximumPercent,
      minimumHealthyPercent: service.minimumHealthyPercent,
    },
    healthCheckGracePeriodSeconds: service.healthCheckGracePeriodSeconds,
    placementConstraints: service.placementConstraints,
    placementStrategy: service.placementStrategy,
    schedulingStrategy: service.schedulingStrategy,
    events,
    createdAt: isoAt(ctx, service.createdAtMs),
  };
}

/**
 * A CODE_DEPLOY service's deployment as the task set DescribeServices lists (§10): the
 * original one, and the replacement CodeDeploy made (`startedBy` CodeDeploy, `externalId`
 * its deployment id). Model: a task set's id is its deployment's; its scale is always
 * 100% of the desired count (CodeDeploy scales the replacement in full before a shift).
 */
function taskSetOf(
  ctx: EngineContext,
  service: ServiceState,
  row: ReturnType<typeof deploymentCounts>[number],
): Record<string, unknown> {
  const d = row.deployment;
  const steady = row.running === d.desiredCount && row.pending === 0;
  return {
    id: d.id,
    taskSetArn: arns.taskSet(ctx, service.clusterName, service.serviceName, d.id),
    serviceArn: service.serviceArn,
    clusterArn: arns.cluster(ctx, service.clusterName),
    ...(d.codeDeploy && { startedBy: 'CodeDeploy', externalId: d.codeDeploy.id }),
    status: d.status,
    taskDefinition: d.taskDefinitionArn,
    computedDesiredCount: d.desiredCount,
    pendingCount: row.pending,
    runningCount: row.running,
    createdAt: isoAt(ctx, d.createdAtMs),
    updatedAt: isoAt(ctx, d.updatedAtMs),
    ...launchFields(ctx, service),
    loadBalancers: service.targets.map((t) => ({
      targetGroupArn:
        d.targetSide === 'alternate' && t.alternateTargetGroupArn
          ? t.alternateTargetGroupArn
          : t.targetGroupArn,
      containerName: t.containerName,
      containerPort: t.containerPort,
    })),
    scale: { value: 100, unit: 'PERCENT' },
    stabilityStatus: steady ? 'STEADY_STATE' : 'STABILIZING',
    stabilityStatusAt: isoAt(ctx, d.updatedAtMs),
  };
}

/**
 * `launchType`, or the capacity provider strategy the service runs by (the cluster's
 * default copied in when it gave neither, as ECS does), never both (§13.1).
 */
function launchFields(ctx: EngineContext, service: ServiceState): Record<string, unknown> {
  const route = serviceRoute(ctx, service);
  if (route.kind === 'strategy')
    return { capacityProviderStrategy: route.items.map((i) => ({ base: 0, weight: 0, ...i })) };
  return {
    launchType: route.launchType,
    ...(route.launchType === 'FARGATE' && { platformVersion: 'LATEST', platformFamily: 'Linux' }),
  };
}
