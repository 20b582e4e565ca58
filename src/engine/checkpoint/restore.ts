import { copyAlarmState } from '../alarms/alarms';
import { compileDesign } from '../compile';
import type { EngineContext } from '../context';
import { recountCost } from '../cost';
import { copyAccumulator, recountTargets } from '../elb/traffic';
import { EventQueue, restoreRng } from '../kernel';
import { recountTallies, type Tallies } from '../lifecycle/tallies';
import type {
  InstanceState,
  PlacementBatch,
  ServiceState,
  TaskDefinitionModel,
  TaskState,
} from '../model/types';
import type { CandidateInstance } from '../placement';
import { plainCopy } from './plain';
import type { CandidateCheckpoint, EngineCheckpoint, TalliesCheckpoint } from './types';

function candidateOf(c: CandidateCheckpoint): CandidateInstance {
  const { reservedTcpPorts, reservedUdpPorts, dynamicTcpPorts, dynamicUdpPorts, ...rest } = c;
  const candidate: CandidateInstance = {
    ...rest,
    reservedTcpPorts: new Set(reservedTcpPorts),
    reservedUdpPorts: new Set(reservedUdpPorts),
  };
  if (dynamicTcpPorts) candidate.dynamicTcpPorts = new Set(dynamicTcpPorts);
  if (dynamicUdpPorts) candidate.dynamicUdpPorts = new Set(dynamicUdpPorts);
  return candidate;
}

function talliesOf(ctx: EngineContext, t: TalliesCheckpoint): Tallies {
  return {
    byStatus: { ...t.byStatus },
    // A checkpoint from before healthy was kept has none: 0, as its tasks have no flag.
    services: new Map(
      t.services.map(([name, tally]) => [name, { ...tally, healthy: tally.healthy ?? 0 }]),
    ),
    // A checkpoint from before the per-deployment counts were kept: counted from its tasks.
    deployments: t.deployments
      ? new Map(
          t.deployments.map(([name, byId]) => [
            name,
            new Map(byId.map(([id, tally]) => [id, { ...tally }])),
          ]),
        )
      : recountTallies(ctx).deployments,
    clusters: new Map(t.clusters.map(([name, tally]) => [name, { ...tally }])),
    stopped: [...t.stopped],
    stoppedHead: 0,
    targets: new Map(),
  };
}

function lookup<T>(map: ReadonlyMap<string, T>, key: string, what: string): T {
  const hit = map.get(key);
  if (hit === undefined) throw new Error(`checkpoint: ${what} ${key} is not in the checkpoint`);
  return hit;
}

/**
 * Live engine state from a checkpoint. The design is compiled again only for what is a
 * pure function of it (workload timings); every piece of run state comes from the
 * checkpoint.
 */
export function restoreContext(cp: EngineCheckpoint): EngineContext {
  if (cp.format !== 'berth-checkpoint' || cp.version !== 1) {
    throw new Error(`checkpoint: unsupported format ${String(cp.format)} v${String(cp.version)}`);
  }
  const ctx = compileDesign(cp.design, cp.seed);
  const taskDefinitions = cp.taskDefinitions.map((td) => ({ ...td }));
  const tdByArn = new Map<string, TaskDefinitionModel>(taskDefinitions.map((td) => [td.arn, td]));
  const candidates = cp.candidates.map(candidateOf);
  const batches: PlacementBatch[] = cp.batches.map((b) => ({
    request: b.request,
    instances: b.instances.map((i) => {
      const c = candidates[i];
      if (!c) throw new Error(`checkpoint: batch candidate ${i} is missing`);
      return c;
    }),
    rngState: b.rngState,
  }));

  const tasks = new Map<string, TaskState>();
  for (const t of cp.tasks) {
    const { taskDefinitionArn, placementBatch, hostPorts, ...rest } = t;
    const task: TaskState = {
      ...rest,
      hostPorts: hostPorts.map((p) => ({ ...p })),
      ...(rest.targets && { targets: rest.targets.map((t) => ({ ...t })) }),
      taskDefinition: lookup(tdByArn, taskDefinitionArn, 'task definition'),
    };
    if (placementBatch) {
      const batch = batches[placementBatch.batch];
      if (!batch) throw new Error(`checkpoint: batch ${placementBatch.batch} is missing`);
      task.placementBatch = { batch, index: placementBatch.index };
    }
    tasks.set(task.taskArn, task);
  }

  const instances = new Map<string, InstanceState>();
  const instanceArnByEc2Id = new Map<string, string>();
  for (const i of cp.instances) {
    const instance: InstanceState = {
      ...i,
      attributes: { ...i.attributes },
      reservedTcpPorts: new Set(i.reservedTcpPorts),
      reservedUdpPorts: new Set(i.reservedUdpPorts),
      dynamicTcpPorts: new Set(i.dynamicTcpPorts),
      dynamicUdpPorts: new Set(i.dynamicUdpPorts),
      taskArns: new Set(i.taskArns),
    };
    instances.set(instance.containerInstanceArn, instance);
    instanceArnByEc2Id.set(instance.ec2InstanceId, instance.containerInstanceArn);
  }

  const services = new Map<string, ServiceState>();
  for (const { taskDefinitionArn, ...rest } of cp.services) {
    services.set(rest.serviceName, {
      ...rest,
      // Deployments change in place as the run goes on: the checkpoint keeps its own.
      deployments: rest.deployments.map((d) => ({ ...d })),
      ...(rest.lastCompleted && { lastCompleted: { ...rest.lastCompleted } }),
      deploymentCircuitBreaker: { ...rest.deploymentCircuitBreaker },
      targets: (rest.targets ?? []).map((t) => ({ ...t })),
      strategy: { ...rest.strategy },
      deploymentController: rest.deploymentController ?? 'ECS',
      ...(rest.targetNotes && {
        targetNotes: {
          registered: { ...rest.targetNotes.registered },
          deregistered: { ...rest.targetNotes.deregistered },
        },
      }),
      taskDefinition: lookup(tdByArn, taskDefinitionArn, 'task definition'),
    });
  }

  const serviceTasks = new Map<string, Set<TaskState>>();
  for (const [name, arns] of cp.serviceTasks) {
    serviceTasks.set(name, new Set(arns.map((arn) => lookup(tasks, arn, 'task'))));
  }

  Object.assign(ctx, {
    nowMs: cp.nowMs,
    journal: [...cp.journal],
    journalNext: cp.journalNext,
    taskDefinitions,
    tasks,
    instances,
    instanceArnByEc2Id,
    services,
    serviceTasks,
    accountSettings: new Map(cp.accountSettings),
    serviceEvents: [...cp.serviceEvents],
    actions: [...cp.actions],
    queue: EventQueue.fromEntries(cp.queue),
    rng: {
      ids: restoreRng(cp.rng.ids),
      placement: restoreRng(cp.rng.placement),
      scheduler: restoreRng(cp.rng.scheduler),
      // A checkpoint from before these streams had none: they start as a fresh run's.
      deployments: cp.rng.deployments ? restoreRng(cp.rng.deployments) : ctx.rng.deployments,
      workload: cp.rng.workload ? restoreRng(cp.rng.workload) : ctx.rng.workload,
    },
    pendingReconciles: new Set(cp.pendingReconciles),
    out: {
      events: [...cp.out.events],
      serviceEvents: [...cp.out.serviceEvents],
      metrics: [...cp.out.metrics],
      dirtyTasks: new Set(cp.out.dirtyTasks),
      removedTasks: new Set(cp.out.removedTasks),
      dirtyInstances: new Set(cp.out.dirtyInstances),
      dirtyServices: new Set(cp.out.dirtyServices),
      history: [...(cp.out.history ?? [])],
      ...(cp.out.openSample && {
        openSample: { ...cp.out.openSample, services: new Set(cp.out.openSample.services) },
      }),
    },
  } satisfies Partial<EngineContext>);
  ctx.tallies = cp.tallies ? talliesOf(ctx, cp.tallies) : recountTallies(ctx);
  // Target counts follow from the tasks' targets; the minute's requests are run state.
  ctx.tallies.targets = recountTargets(ctx);
  ctx.traffic = new Map((cp.traffic ?? []).map(([arn, acc]) => [arn, copyAccumulator(acc)]));
  ctx.revisionFailures = new Map(
    (cp.revisionFailures ?? []).map(([arn, f]) => [arn, f && { ...f }]),
  );
  if (cp.discovery)
    ctx.discoveryState = {
      endpoints: new Map(
        cp.discovery.endpoints.map(([name, list]) => [
          name,
          new Map(list.map(([arn, e]) => [arn, { ...e }])),
        ]),
      ),
      calls: cp.discovery.calls.map((c) => ({
        lastMs: c.lastMs,
        counts: {
          dns: { ...c.counts.dns },
          connect: { ...c.counts.connect },
          none: { ...c.counts.none },
        },
        ...(c.lastMinute && { lastMinute: { ...c.lastMinute } }),
        clients: new Map(
          c.clients.map(([arn, cache]) => [
            arn,
            { via: cache.via, answer: [...cache.answer], resolves: cache.resolves },
          ]),
        ),
      })),
    };
  if (cp.alarms) ctx.alarms = new Map(cp.alarms.map(([name, a]) => [name, copyAlarmState(a)]));
  if (cp.capacity) ctx.capacity = plainCopy(cp.capacity);
  if (cp.autoscaling) ctx.autoscaling = plainCopy(cp.autoscaling);
  ctx.cost = cp.cost ? plainCopy(cp.cost) : recountCost(ctx);
  if (cp.routes)
    ctx.routes = new Map(
      cp.routes.map(([arn, route]) => [arn, route.map(([tg, w]): [string, number] => [tg, w])]),
    );
  return ctx;
}
