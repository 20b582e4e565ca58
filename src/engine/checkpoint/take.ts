import { copyAlarmState } from '../alarms/alarms';
import type { EngineContext } from '../context';
import { copyAccumulator } from '../elb/traffic';
import type { PlacementBatch } from '../model/types';
import type { CandidateInstance } from '../placement';
import { plainCopy } from './plain';
import type {
  BatchCheckpoint,
  CandidateCheckpoint,
  EngineCheckpoint,
  InstanceCheckpoint,
  TaskCheckpoint,
} from './types';

// Candidates and batches never change once a batch is placed: convert each once and
// share the plain copy between checkpoints, so a checkpoint costs what changed.
const plainCandidates = new WeakMap<CandidateInstance, CandidateCheckpoint>();

function plainCandidate(c: CandidateInstance): CandidateCheckpoint {
  const hit = plainCandidates.get(c);
  if (hit) return hit;
  const { reservedTcpPorts, reservedUdpPorts, dynamicTcpPorts, dynamicUdpPorts, ...rest } = c;
  const plain: CandidateCheckpoint = {
    ...rest,
    reservedTcpPorts: [...reservedTcpPorts],
    reservedUdpPorts: [...reservedUdpPorts],
  };
  if (dynamicTcpPorts) plain.dynamicTcpPorts = [...dynamicTcpPorts];
  if (dynamicUdpPorts) plain.dynamicUdpPorts = [...dynamicUdpPorts];
  plainCandidates.set(c, plain);
  return plain;
}

/** Interns batches and their candidates into tables the tasks point into. */
function batchTables() {
  const batches: BatchCheckpoint[] = [];
  const candidates: CandidateCheckpoint[] = [];
  const batchIndex = new Map<PlacementBatch, number>();
  const candidateIndex = new Map<CandidateInstance, number>();
  const candidateRef = (c: CandidateInstance): number => {
    let i = candidateIndex.get(c);
    if (i === undefined) {
      i = candidates.push(plainCandidate(c)) - 1;
      candidateIndex.set(c, i);
    }
    return i;
  };
  const batchRef = (b: PlacementBatch): number => {
    let i = batchIndex.get(b);
    if (i === undefined) {
      i =
        batches.push({
          request: b.request,
          instances: b.instances.map(candidateRef),
          rngState: [...b.rngState],
        }) - 1;
      batchIndex.set(b, i);
    }
    return i;
  };
  return { batches, candidates, batchRef };
}

/**
 * The engine's state as plain data. Objects that never change after they are made
 * (traces, design parts, events) are shared with the live state, not copied: treat a
 * checkpoint as read-only, and JSON.stringify it to keep it elsewhere.
 */
export function takeCheckpoint(ctx: EngineContext): EngineCheckpoint {
  const tables = batchTables();
  const tasks: TaskCheckpoint[] = [];
  for (const task of ctx.tasks.values()) {
    const { taskDefinition, placementBatch, hostPorts, ...rest } = task;
    const plain: TaskCheckpoint = {
      ...rest,
      hostPorts: hostPorts.map((p) => ({ ...p })),
      taskDefinitionArn: taskDefinition.arn,
    };
    if (placementBatch) {
      plain.placementBatch = {
        batch: tables.batchRef(placementBatch.batch),
        index: placementBatch.index,
      };
    }
    tasks.push(plain);
  }
  const instances: InstanceCheckpoint[] = [];
  for (const instance of ctx.instances.values()) {
    const { reservedTcpPorts, reservedUdpPorts, dynamicTcpPorts, dynamicUdpPorts, taskArns } =
      instance;
    instances.push({
      ...instance,
      attributes: { ...instance.attributes },
      reservedTcpPorts: [...reservedTcpPorts],
      reservedUdpPorts: [...reservedUdpPorts],
      dynamicTcpPorts: [...dynamicTcpPorts],
      dynamicUdpPorts: [...dynamicUdpPorts],
      taskArns: [...taskArns],
    });
  }
  const out = ctx.out;
  return {
    format: 'berth-checkpoint',
    version: 1,
    design: ctx.design,
    seed: ctx.seed,
    nowMs: ctx.nowMs,
    journal: [...ctx.journal],
    journalNext: ctx.journalNext,
    queue: ctx.queue.entries(),
    rng: {
      ids: [...ctx.rng.ids.getState()],
      placement: [...ctx.rng.placement.getState()],
      scheduler: [...ctx.rng.scheduler.getState()],
      deployments: [...ctx.rng.deployments.getState()],
      workload: [...ctx.rng.workload.getState()],
    },
    taskDefinitions: ctx.taskDefinitions,
    traffic: [...ctx.traffic].map(([arn, acc]) => [arn, copyAccumulator(acc)]),
    revisionFailures: [...ctx.revisionFailures].map(([arn, f]) => [arn, f && { ...f }]),
    discovery: {
      endpoints: [...ctx.discoveryState.endpoints].map(([name, map]) => [
        name,
        [...map].map(([arn, e]) => [arn, { ...e }]),
      ]),
      calls: ctx.discoveryState.calls.map((c) => ({
        lastMs: c.lastMs,
        counts: {
          dns: { ...c.counts.dns },
          connect: { ...c.counts.connect },
          none: { ...c.counts.none },
        },
        ...(c.lastMinute && { lastMinute: { ...c.lastMinute } }),
        clients: [...c.clients].map(([arn, cache]) => [
          arn,
          { via: cache.via, answer: [...cache.answer], resolves: cache.resolves },
        ]),
      })),
    },
    alarms: [...ctx.alarms].map(([name, a]) => [name, copyAlarmState(a)]),
    capacity: plainCopy(ctx.capacity),
    autoscaling: plainCopy(ctx.autoscaling),
    cost: plainCopy(ctx.cost),
    routes: [...ctx.routes].map(([arn, route]) => [arn, route.map(([tg, w]) => [tg, w])]),
    tasks,
    instances,
    services: [...ctx.services.values()].map(({ taskDefinition, ...rest }) => ({
      ...structuredCloneLite(rest),
      taskDefinitionArn: taskDefinition.arn,
    })),
    serviceTasks: [...ctx.serviceTasks].map(([name, set]) => [
      name,
      [...set].map((t) => t.taskArn),
    ]),
    accountSettings: [...ctx.accountSettings],
    serviceEvents: [...ctx.serviceEvents],
    actions: [...ctx.actions],
    pendingReconciles: [...ctx.pendingReconciles],
    batches: tables.batches,
    candidates: tables.candidates,
    tallies: {
      byStatus: { ...ctx.tallies.byStatus },
      services: [...ctx.tallies.services].map(([name, t]) => [name, { ...t }]),
      deployments: [...ctx.tallies.deployments].map(([name, byId]) => [
        name,
        [...byId].map(([id, t]) => [id, { ...t }]),
      ]),
      clusters: [...ctx.tallies.clusters].map(([name, t]) => [name, { ...t }]),
      stopped: ctx.tallies.stopped.slice(ctx.tallies.stoppedHead),
    },
    out: {
      events: [...out.events],
      serviceEvents: [...out.serviceEvents],
      metrics: [...out.metrics],
      dirtyTasks: [...out.dirtyTasks],
      removedTasks: [...out.removedTasks],
      dirtyInstances: [...out.dirtyInstances],
      dirtyServices: [...out.dirtyServices],
      history: [...out.history],
      ...(out.openSample && {
        openSample: { ...out.openSample, services: [...out.openSample.services] },
      }),
    },
  };
}

/**
 * A service's own fields are changed in place by commands (desiredCount, strategies,
 * the failure it shows): copy one level so the checkpoint does not move with them.
 */
function structuredCloneLite<T extends object>(value: T): T {
  return { ...value };
}
