import type { Command, DesignDocument } from '../design';
import type { ActionResult, DescribeState, Frame, Snapshot } from './api';
import { applyCommand } from './commands';
import { compileDesign } from './compile';
import { type EngineContext, type EngineEvent, isoAt, newOutbox } from './context';
import { onTaskTimer } from './lifecycle/transitions';
import { describeContainerInstance } from './output/describe-instance';
import { describeService } from './output/describe-service';
import { describeTask } from './output/describe-task';
import { explainService, explainTask, type PlacementExplanation } from './output/explain';
import { emitMetrics, METRIC_PERIOD_MS } from './output/metrics';
import { instanceView, serviceView, taskStateCounts, taskView } from './output/views';
import { HEALTHY_AFTER_RUNNING_MS } from './scheduler/draining';
import { reconcileService } from './scheduler/reconcile';
import {
  reconcileKey,
  requestAllReconciles,
  requestReconcile,
  requestWaitingReconciles,
} from './scheduler/request';

/** ECS shows a stopped task for at least an hour; after that Berth forgets it. */
const STOPPED_TASK_KEPT_MS = 3_600_000;

export interface Simulation {
  readonly nowMs: number;
  /** Apply an AWS operation (or a simulator fault) now; script actions are applied by the engine itself. */
  apply(command: Command): ActionResult;
  /** Play the cluster forward to `toMs` of virtual time and say what changed. */
  advance(toMs: number): Frame;
  snapshot(): Snapshot;
  describe(): DescribeState;
  /** Why a task (ARN or id) is on its instance. */
  explainTask(taskRef: string): PlacementExplanation | undefined;
  /** Why a service's task is waiting for a place, while one is. */
  explainService(serviceName: string): PlacementExplanation | undefined;
}

function handle(ctx: EngineContext, event: EngineEvent): void {
  switch (event.kind) {
    case 'task': {
      const task = ctx.tasks.get(event.taskArn);
      if (!task) return;
      const before = task.lastStatus;
      onTaskTimer(ctx, task, event.version, event.to);
      if (task.lastStatus === before) return;
      if (task.serviceName !== undefined) {
        requestReconcile(ctx, task.serviceName);
        // The scheduler counts a task healthy 40 s after it runs (§2.2): look again then.
        if (task.lastStatus === 'RUNNING') {
          requestReconcile(ctx, task.serviceName, ctx.nowMs + HEALTHY_AFTER_RUNNING_MS);
        }
      }
      if (task.lastStatus === 'STOPPED') requestWaitingReconciles(ctx, task.clusterName);
      return;
    }
    case 'reconcile': {
      ctx.pendingReconciles.delete(reconcileKey(event.serviceName, ctx.nowMs));
      const service = ctx.services.get(event.serviceName);
      if (service) reconcileService(ctx, service);
      return;
    }
    case 'script': {
      const action = ctx.design.script[event.index];
      if (!action) return;
      const command = { action: action.action, input: action.input } as Command;
      ctx.actions.push({ ...applyCommand(ctx, command), at: action.at });
      return;
    }
    case 'metrics':
      emitMetrics(ctx);
      ctx.queue.push(ctx.nowMs + METRIC_PERIOD_MS, { kind: 'metrics' });
      return;
    case 'prune':
      for (const task of ctx.tasks.values()) {
        if (
          task.stoppedAtMs !== undefined &&
          ctx.nowMs - task.stoppedAtMs >= STOPPED_TASK_KEPT_MS
        ) {
          ctx.tasks.delete(task.taskArn);
          if (task.serviceName !== undefined) ctx.serviceTasks.get(task.serviceName)?.delete(task);
          ctx.out.dirtyTasks.delete(task.taskArn);
          ctx.out.removedTasks.add(task.taskArn);
        }
      }
      ctx.queue.push(ctx.nowMs + METRIC_PERIOD_MS, { kind: 'prune' });
      return;
  }
}

function takeFrame(ctx: EngineContext): Frame {
  const out = ctx.out;
  ctx.out = newOutbox();
  const tasks = [];
  for (const arn of out.dirtyTasks) {
    const task = ctx.tasks.get(arn);
    if (task) tasks.push(taskView(ctx, task));
  }
  const instances = [];
  for (const arn of out.dirtyInstances) {
    const instance = ctx.instances.get(arn);
    if (instance) instances.push(instanceView(ctx, instance));
  }
  const services = [];
  for (const name of out.dirtyServices) {
    const service = ctx.services.get(name);
    if (service) services.push(serviceView(ctx, service));
  }
  return {
    nowMs: ctx.nowMs,
    tasks,
    removedTaskArns: [...out.removedTasks],
    instances,
    services,
    events: out.events,
    serviceEvents: out.serviceEvents,
    metrics: out.metrics,
    taskStateCounts: taskStateCounts(ctx),
  };
}

/**
 * A run is a pure function of (design, seed, commands and the times they are applied):
 * the queue orders by time then insertion, and every draw comes from the seeded streams,
 * so how the caller slices `advance` never changes what happens.
 */
export function createSimulation(design: DesignDocument, seed: number = design.seed): Simulation {
  const ctx = compileDesign(design, seed);
  requestAllReconciles(ctx);
  design.script.forEach((action, index) => {
    ctx.queue.push(action.at * 1000, { kind: 'script', index });
  });
  ctx.queue.push(0, { kind: 'metrics' });
  ctx.queue.push(METRIC_PERIOD_MS, { kind: 'prune' });

  return {
    get nowMs() {
      return ctx.nowMs;
    },
    apply(command) {
      return applyCommand(ctx, command);
    },
    advance(toMs) {
      while (ctx.queue.size > 0 && ctx.queue.peekTimeMs() <= toMs) {
        const atMs = ctx.queue.peekTimeMs();
        const event = ctx.queue.pop();
        if (event === undefined) break;
        ctx.nowMs = atMs;
        handle(ctx, event);
      }
      ctx.nowMs = Math.max(ctx.nowMs, toMs);
      return takeFrame(ctx);
    },
    snapshot() {
      return {
        nowMs: ctx.nowMs,
        tasks: [...ctx.tasks.values()].map((t) => taskView(ctx, t)),
        instances: [...ctx.instances.values()].map((i) => instanceView(ctx, i)),
        services: [...ctx.services.values()].map((s) => serviceView(ctx, s)),
        serviceEvents: ctx.serviceEvents.map((e) => ({ ...e })),
        taskStateCounts: taskStateCounts(ctx),
      };
    },
    describe() {
      return {
        time: isoAt(ctx, ctx.nowMs),
        services: [...ctx.services.values()].map((s) => describeService(ctx, s)),
        tasks: [...ctx.tasks.values()].map((t) => describeTask(ctx, t)),
        containerInstances: [...ctx.instances.values()].map((i) =>
          describeContainerInstance(ctx, i),
        ),
        actions: [...ctx.actions],
      };
    },
    explainTask(taskRef) {
      return explainTask(ctx, taskRef);
    },
    explainService(serviceName) {
      return explainService(ctx, serviceName);
    },
  };
}
