import type { InstanceView, ServiceView, TaskStateCounts, TaskView } from '../api';
import { taskCapacity } from '../capacity/tasks';
import type { EngineContext } from '../context';
import { deploymentBounds } from '../deployment/bounds';
import { worstTargetState } from '../elb/targets';
import { deploymentTallies } from '../lifecycle/tallies';
import type { InstanceState, ServiceState, TaskState } from '../model/types';
import { serviceCounts } from './describe-service';

export function taskView(ctx: EngineContext, task: TaskState): TaskView {
  const instance = task.containerInstanceArn
    ? ctx.instances.get(task.containerInstanceArn)
    : undefined;
  const view: TaskView = {
    taskArn: task.taskArn,
    taskId: task.taskId,
    clusterName: task.clusterName,
    group: task.group,
    family: task.taskDefinition.family,
    revision: task.taskDefinition.revision,
    lastStatus: task.lastStatus,
    desiredStatus: task.desiredStatus,
    healthStatus: task.healthStatus ?? 'UNKNOWN',
    cpu: task.taskDefinition.cpu,
    memoryMiB: task.taskDefinition.memoryMiB,
    hostPorts: task.hostPorts.map((p) => ({ ...p })),
    createdAtMs: task.createdAtMs,
  };
  if (task.serviceName !== undefined) view.serviceName = task.serviceName;
  const target = worstTargetState(task);
  if (target) view.targetHealth = target;
  if (task.containerInstanceArn !== undefined)
    view.containerInstanceArn = task.containerInstanceArn;
  // Where it runs (capacity/tasks.ts): set when the task is created and kept, so the
  // frame that first carries the task carries it.
  const where = taskCapacity(ctx, task);
  view.launchType = where.launchType;
  if (where.capacityProviderName !== undefined)
    view.capacityProviderName = where.capacityProviderName;
  if (instance) {
    view.ec2InstanceId = instance.ec2InstanceId;
    view.availabilityZone = instance.availabilityZone;
  } else if (where.availabilityZone !== undefined) {
    // A Fargate task's zone is its ENI's subnet's.
    view.availabilityZone = where.availabilityZone;
  }
  if (task.startedBy !== undefined) view.startedBy = task.startedBy;
  if (task.stopCode !== undefined) view.stopCode = task.stopCode;
  if (task.stoppedReason !== undefined) view.stoppedReason = task.stoppedReason;
  if (task.startedAtMs !== undefined) view.startedAtMs = task.startedAtMs;
  if (task.stoppedAtMs !== undefined) view.stoppedAtMs = task.stoppedAtMs;
  return view;
}

export function instanceView(ctx: EngineContext, instance: InstanceState): InstanceView {
  let running = 0;
  let pending = 0;
  for (const arn of instance.taskArns) {
    const status = ctx.tasks.get(arn)?.lastStatus;
    if (status === 'RUNNING') running++;
    else if (status === 'PENDING' || status === 'PROVISIONING' || status === 'ACTIVATING')
      pending++;
  }
  return {
    containerInstanceArn: instance.containerInstanceArn,
    ec2InstanceId: instance.ec2InstanceId,
    clusterName: instance.clusterName,
    instanceType: instance.instanceType,
    availabilityZone: instance.availabilityZone,
    status: instance.status,
    agentConnected: instance.agentConnected,
    registeredCpu: instance.registeredCpu,
    registeredMemoryMiB: instance.registeredMemoryMiB,
    remainingCpu: instance.remainingCpu,
    remainingMemoryMiB: instance.remainingMemoryMiB,
    runningTasksCount: running,
    pendingTasksCount: pending,
    reservedTcpPorts: [...instance.reservedTcpPorts].sort((a, b) => a - b),
    reservedUdpPorts: [...instance.reservedUdpPorts].sort((a, b) => a - b),
    dynamicPortCount: instance.dynamicTcpPorts.size + instance.dynamicUdpPorts.size,
    eniUsed: instance.eniUsed,
    eniLimit: instance.eniLimit,
    attributes: { ...instance.attributes },
  };
}

export function serviceView(ctx: EngineContext, service: ServiceState): ServiceView {
  const { running, pending } = serviceCounts(ctx, service);
  const view: ServiceView = {
    serviceName: service.serviceName,
    clusterName: service.clusterName,
    status: service.status,
    schedulingStrategy: service.schedulingStrategy,
    taskDefinition: `${service.taskDefinition.family}:${service.taskDefinition.revision}`,
    desiredCount: service.desiredCount,
    runningCount: running,
    pendingCount: pending,
    healthyCount: ctx.tallies.services.get(service.serviceName)?.healthy ?? 0,
    minimumHealthyPercent: service.minimumHealthyPercent,
    maximumPercent: service.maximumPercent,
    bounds: deploymentBounds(
      service.desiredCount,
      service.minimumHealthyPercent,
      service.maximumPercent,
    ),
    deployments: deploymentRows(ctx, service).map(
      ({ deployment: d, running, pending, healthy }) => {
        const td = ctx.taskDefinitions.find((t) => t.arn === d.taskDefinitionArn);
        return {
          id: d.id,
          status: d.status,
          taskDefinition: td ? `${td.family}:${td.revision}` : d.taskDefinitionArn,
          desiredCount: d.desiredCount,
          runningCount: running,
          pendingCount: pending,
          healthyCount: healthy,
          failedTasks: d.failedTasks,
          rolloutState: d.rolloutState,
          rolloutStateReason: d.rolloutStateReason,
          rollback: d.rollbackOf !== undefined,
          strategy: d.strategy ?? 'ROLLING',
          ...(d.stage && { stage: d.stage }),
          ...(d.trafficPercent !== undefined && { trafficPercent: d.trafficPercent }),
          createdAtMs: d.createdAtMs,
        };
      },
    ),
  };
  if (service.placementFailure !== undefined) view.placementFailure = service.placementFailure;
  if (service.targets.length > 0) view.targetGroups = targetGroupCounts(ctx, service);
  const calls = callViews(ctx, service.serviceName);
  if (calls.length > 0) view.calls = calls;
  if (service.alarmConfig)
    view.alarms = service.alarmConfig.alarmNames.map((alarmName) => {
      const a = ctx.alarms.get(alarmName);
      return {
        alarmName,
        state: a?.state ?? 'INSUFFICIENT_DATA',
        ...(a?.reason !== undefined && { reason: a.reason }),
      };
    });
  return view;
}

/** The calls a service's tasks make, live: a walk of its client tasks' caches, not of all tasks. */
function callViews(ctx: EngineContext, serviceName: string): NonNullable<ServiceView['calls']> {
  return (ctx.discovery.byClient.get(serviceName) ?? []).flatMap((i) => {
    const call = ctx.discovery.calls[i];
    const state = ctx.discoveryState.calls[i];
    if (!call || !state) return [];
    const tasksVia = { dns: 0, connect: 0, none: 0 };
    for (const cache of state.clients.values()) tasksVia[cache.via]++;
    const perSecond = (n: number | undefined) => Math.round(((n ?? 0) / 60) * 10) / 10;
    const server = tasksVia.connect > 0 && call.connect ? call.connect : (call.dns ?? call.connect);
    return [
      {
        endpoint: call.endpoint,
        serverService: server?.serverService ?? '',
        ...(call.dns && { ttlSeconds: call.dns.ttlSeconds }),
        tasksVia,
        servedPerSecond: perSecond(state.lastMinute?.served),
        failedPerSecond: perSecond(state.lastMinute?.failed),
      },
    ];
  });
}

/**
 * Each deployment with its RUNNING, pending and healthy tasks, PRIMARY first (§8.2), from the
 * counts kept as tasks move (lifecycle/tallies.ts): a frame costs the deployments, not the tasks.
 */
function deploymentRows(ctx: EngineContext, service: ServiceState) {
  const kept = deploymentTallies(ctx, service.serviceName);
  return service.deployments.map((deployment) => {
    const tally = kept.get(deployment.id);
    return {
      deployment,
      running: tally?.running ?? 0,
      pending: tally?.pending ?? 0,
      healthy: tally?.healthy ?? 0,
    };
  });
}

/** Each of its target groups with its targets by state, from the kept counts (elb/traffic.ts). */
function targetGroupCounts(
  ctx: EngineContext,
  service: ServiceState,
): NonNullable<ServiceView['targetGroups']> {
  // A blue/green target lists both of its groups.
  const arns = service.targets.flatMap((t) =>
    t.alternateTargetGroupArn ? [t.targetGroupArn, t.alternateTargetGroupArn] : [t.targetGroupArn],
  );
  return arns.map((arn) => {
    const tally = ctx.tallies.targets.get(arn);
    const minute = ctx.traffic.get(arn)?.lastMinute;
    const perSecond = (n: number | undefined) => Math.round(((n ?? 0) / 60) * 10) / 10;
    return {
      targetGroupArn: arn,
      name: ctx.targetGroups.get(arn)?.name ?? arn,
      initial: tally?.initial ?? 0,
      healthy: tally?.healthy ?? 0,
      unhealthy: tally?.unhealthy ?? 0,
      draining: tally?.draining ?? 0,
      servedPerSecond: perSecond(minute?.served),
      failedPerSecond: perSecond(minute?.failed),
      ...(minute?.byRevision && {
        servedByRevision: Object.fromEntries(
          Object.entries(minute.byRevision).map(([r, n]) => [r, perSecond(n)]),
        ),
      }),
    };
  });
}

export function taskStateCounts(ctx: EngineContext): TaskStateCounts {
  return { ...ctx.tallies.byStatus };
}
