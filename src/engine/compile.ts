import {
  clusterNameOf,
  type DesignDocument,
  resolveTaskDefinition,
  taskDefinitionRevisions,
} from '../design';
import { compileAlarms, initialAlarmStates } from './alarms/alarms';
import { newAutoscalingState } from './autoscaling/state';
import { newCapacityState } from './capacity/state';
import { type EngineContext, type EngineEvent, newOutbox } from './context';
import { costInstanceRegistered, newCostState } from './cost';
import { pairCodeDeployTargets } from './deployment/codedeploy';
import { initialDeployment } from './deployment/deployments';
import { strategyOf } from './deployment/strategy';
import { compileDiscovery } from './discovery/model';
import { newDiscoveryState } from './discovery/state';
import { compileTargetGroups, serviceTargets } from './elb/model';
import { compileTraffic } from './elb/traffic';
import { ACCOUNT_ID, arns, stableHex } from './ids';
import { createRng, EventQueue } from './kernel';
import { countInstanceAdded, newTallies } from './lifecycle/tallies';
import { compileInstance } from './model/instance';
import { compileTaskDefinition } from './model/task-definition';
import { applyTrunking } from './model/trunking';
import type { ServiceState, TaskDefinitionModel, WorkloadTiming } from './model/types';

/** Model: a workload the design does not describe pulls its image in 10 s and starts in 3 s. */
export const DEFAULT_TIMING: WorkloadTiming = {
  imagePullMs: 10_000,
  startMs: 3_000,
  stopMs: 2_000,
  ignoresSigterm: false,
};

function timingFor(design: DesignDocument): (td: TaskDefinitionModel) => WorkloadTiming {
  const cache = new Map<string, WorkloadTiming>();
  return (td) => {
    const key = td.arn;
    const hit = cache.get(key);
    if (hit) return hit;
    const workload =
      design.workloads.find((w) => w.family === td.family && w.revision === td.revision) ??
      design.workloads.find((w) => w.family === td.family && w.revision === undefined);
    const timing: WorkloadTiming = {
      imagePullMs: (workload?.imagePullSeconds ?? DEFAULT_TIMING.imagePullMs / 1000) * 1000,
      startMs: (workload?.startSeconds ?? DEFAULT_TIMING.startMs / 1000) * 1000,
      stopMs: (workload?.stopSeconds ?? DEFAULT_TIMING.stopMs / 1000) * 1000,
      ignoresSigterm: workload?.ignoresSigterm ?? false,
    };
    if (workload?.failure) timing.failure = workload.failure;
    cache.set(key, timing);
    return timing;
  };
}

/** Turn a (validated) design into the engine's starting state at virtual time zero. */
export function compileDesign(design: DesignDocument, seed: number): EngineContext {
  const scope = { region: design.region, account: ACCOUNT_ID };
  const root = createRng(seed);
  const revisions = taskDefinitionRevisions(design);
  const taskDefinitions = revisions.map((r) => compileTaskDefinition(scope, r));
  const discovery = compileDiscovery(design);
  const ctx: EngineContext = {
    design,
    region: design.region,
    account: ACCOUNT_ID,
    startEpochMs: Date.parse(design.startTime),
    nowMs: 0,
    taskDefinitions,
    tasks: new Map(),
    instances: new Map(),
    instanceArnByEc2Id: new Map(),
    services: new Map(),
    targetGroups: compileTargetGroups(scope, design),
    ...compileTraffic(scope, design),
    alarmsByMetric: compileAlarms(design.alarms),
    alarms: initialAlarmStates(design.alarms),
    discovery,
    discoveryState: newDiscoveryState(discovery.calls.length),
    capacity: newCapacityState(design),
    autoscaling: newAutoscalingState(design),
    cost: newCostState(),
    traffic: new Map(),
    serviceTasks: new Map(),
    tallies: newTallies(),
    accountSettings: new Map((design.accountSettings ?? []).map((a) => [a.name, a.value])),
    serviceEvents: [],
    actions: [],
    queue: new EventQueue<EngineEvent>(),
    rng: {
      ids: root.fork('ids'),
      placement: root.fork('placement'),
      scheduler: root.fork('scheduler'),
      deployments: root.fork('deployments'),
      workload: root.fork('workload'),
    },
    timing: () => DEFAULT_TIMING,
    revisionFailures: new Map(),
    pendingReconciles: new Set(),
    out: newOutbox(),
    seed,
    journal: [],
    journalNext: 0,
  };
  const designed = timingFor(design);
  // A FailRevision fault overrides the design's failure for the tasks created after it.
  ctx.timing = (td) => {
    const fault = ctx.revisionFailures.get(td.arn);
    if (fault === undefined) return designed(td);
    const { failure: _, ...rest } = designed(td);
    return fault === null ? rest : { ...rest, failure: fault };
  };
  for (const ci of design.containerInstances) {
    const instance = compileInstance(scope, design, ci, 0);
    applyTrunking(instance, ctx.accountSettings.get('awsvpcTrunking') === 'enabled');
    ctx.instances.set(instance.containerInstanceArn, instance);
    ctx.instanceArnByEc2Id.set(instance.ec2InstanceId, instance.containerInstanceArn);
    countInstanceAdded(ctx, instance);
    costInstanceRegistered(ctx, instance);
    ctx.out.dirtyInstances.add(instance.containerInstanceArn);
  }
  for (const s of design.services) {
    const revision = resolveTaskDefinition(revisions, s.taskDefinition);
    const td = taskDefinitions.find(
      (t) => t.family === revision?.family && t.revision === revision?.revision,
    );
    if (!td) continue; // the gate refuses such a design; nothing to run
    const clusterName = clusterNameOf(design, s.cluster);
    const deploymentId = `ecs-svc/${BigInt(`0x${stableHex(s.serviceName, 16)}`)
      .toString()
      .padStart(19, '0')
      .slice(0, 19)}`;
    const service: ServiceState = {
      serviceArn: arns.service(scope, clusterName, s.serviceName),
      serviceName: s.serviceName,
      clusterName,
      taskDefinition: td,
      schedulingStrategy: s.schedulingStrategy ?? 'REPLICA',
      desiredCount: s.desiredCount ?? 0,
      placementConstraints: s.placementConstraints ?? [],
      placementStrategy: s.placementStrategy ?? [],
      status: 'ACTIVE',
      minimumHealthyPercent:
        s.deploymentConfiguration?.minimumHealthyPercent ??
        (s.schedulingStrategy === 'DAEMON' ? 0 : 100),
      maximumPercent:
        s.deploymentConfiguration?.maximumPercent ??
        (s.schedulingStrategy === 'DAEMON' ? 100 : 200),
      createdAtMs: 0,
      steady: false,
      deploymentId,
      deployments: [initialDeployment(deploymentId, td.arn, s.desiredCount ?? 0)],
      deploymentCircuitBreaker: {
        enable: s.deploymentConfiguration?.deploymentCircuitBreaker?.enable ?? false,
        rollback: s.deploymentConfiguration?.deploymentCircuitBreaker?.rollback ?? false,
      },
      healthCheckGracePeriodSeconds: s.healthCheckGracePeriodSeconds ?? 0,
      ...(s.deploymentConfiguration?.alarms?.enable && {
        alarmConfig: {
          alarmNames: [...s.deploymentConfiguration.alarms.alarmNames],
          rollback: s.deploymentConfiguration.alarms.rollback,
        },
      }),
      targets: serviceTargets(scope, design, s.loadBalancers ?? []),
      ...(s.serviceConnectConfiguration && {
        serviceConnect: {
          enabled: s.serviceConnectConfiguration.enabled,
          ...(s.serviceConnectConfiguration.namespace !== undefined && {
            namespace: s.serviceConnectConfiguration.namespace,
          }),
        },
      }),
      productionSide: 'primary',
      deploymentController: s.deploymentController?.type ?? 'ECS',
      strategy: strategyOf(s.deploymentConfiguration),
      startFailures: 0,
      source: s,
    };
    if (service.deploymentController === 'CODE_DEPLOY')
      pairCodeDeployTargets(scope, design, service);
    ctx.services.set(service.serviceName, service);
    ctx.out.dirtyServices.add(service.serviceName);
  }
  return ctx;
}
