import type { Command, DesignDocument, ScriptAction } from '../design';
import { describeAlarms } from './alarms/alarms';
import type { ActionResult, DescribeState, Frame, Snapshot } from './api';
import { describeScalingActivities } from './autoscaling/activity';
import { explainScaling, type ScalingExplanation } from './autoscaling/explain';
import { autoscalingMinute, onAutoscalingEvent, startAutoscaling } from './autoscaling/hooks';
import { describeScalableTarget } from './autoscaling/targets';
import { scalingView } from './autoscaling/view';
import { type CapacityProviderExplanation, explainCapacityProvider } from './capacity/explain';
import { capacityMinute, onCapacityEvent, startCapacity } from './capacity/hooks';
import { capacityView } from './capacity/view';
import { type EngineCheckpoint, restoreContext, takeCheckpoint } from './checkpoint';
import { applyCommand } from './commands';
import { compileDesign } from './compile';
import { type EngineContext, type EngineEvent, isoAt, newOutbox } from './context';
import { costView } from './cost';
import { onResolveTimer } from './discovery/endpoints';
import { countTaskRemoved, takeStoppedUntil } from './lifecycle/tallies';
import { onCrashTimer, onHealthTimer, onTargetTimer, onTaskTimer } from './lifecycle/transitions';
import type { TaskState } from './model/types';
import { describeContainerInstance } from './output/describe-instance';
import { describeService } from './output/describe-service';
import { describeTargetHealth } from './output/describe-targets';
import { describeTask } from './output/describe-task';
import { explainService, explainTask, type PlacementExplanation } from './output/explain';
import { closeSample } from './output/history';
import { emitMetrics, METRIC_PERIOD_MS } from './output/metrics';
import { noteGroupsMoved, noteMinuteSeries } from './output/minute-series';
import { instanceView, serviceView, taskStateCounts, taskView } from './output/views';
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
  readonly seed: number;
  readonly design: DesignDocument;
  /**
   * Apply an AWS operation (or a simulator fault) now, after everything else of this
   * instant, and append it to the journal. Script actions are applied by the engine itself.
   * Applying while journal entries wait (a restored past) cuts them off: a new branch.
   */
  apply(command: Command): ActionResult;
  /** The commands applied through `apply`, each at its time: design + seed + journal is the run. */
  journal(): readonly ScriptAction[];
  /** The whole state as plain data; `restoreSimulation` goes on from it exactly. */
  checkpoint(): EngineCheckpoint;
  /** Play the cluster forward to `toMs` of virtual time and say what changed. */
  advance(toMs: number): Frame;
  snapshot(): Snapshot;
  describe(): DescribeState;
  /** Why a task (ARN or id) is on its instance. */
  explainTask(taskRef: string): PlacementExplanation | undefined;
  /** Why a service's desired count is what it is: its policies, alarms, cooldowns and bounds. */
  explainScaling(serviceName: string): ScalingExplanation | undefined;
  /** What a capacity provider's managed scaling will do next, and what holds it. */
  explainCapacityProvider(name: string): CapacityProviderExplanation | undefined;
  /** Why a service's task is waiting for a place, while one is. */
  explainService(serviceName: string): PlacementExplanation | undefined;
}

const byArn = (a: TaskState, b: TaskState) => (a.taskArn < b.taskArn ? -1 : 1);

function handle(ctx: EngineContext, event: EngineEvent): void {
  switch (event.kind) {
    case 'task': {
      const task = ctx.tasks.get(event.taskArn);
      if (!task) return;
      const before = task.lastStatus;
      onTaskTimer(ctx, task, event.version, event.to);
      if (task.lastStatus === before) return;
      if (task.serviceName !== undefined) requestReconcile(ctx, task.serviceName);
      if (task.lastStatus === 'STOPPED') requestWaitingReconciles(ctx, task.clusterName);
      return;
    }
    case 'health': {
      // Settled health asks the scheduler to look again (deployment/task-hooks.ts).
      const task = ctx.tasks.get(event.taskArn);
      if (task) onHealthTimer(ctx, task, event.startedAtMs, event.to);
      return;
    }
    case 'target': {
      const task = ctx.tasks.get(event.taskArn);
      if (task) onTargetTimer(ctx, task, event.startedAtMs, event.targetGroupArn, event.to);
      return;
    }
    case 'crash': {
      const task = ctx.tasks.get(event.taskArn);
      if (task) onCrashTimer(ctx, task, event.startedAtMs);
      if (task?.serviceName !== undefined) requestReconcile(ctx, task.serviceName);
      return;
    }
    case 'resolve':
      onResolveTimer(ctx, event.call, event.taskArn, event.resolves);
      return;
    case 'reconcile': {
      ctx.pendingReconciles.delete(reconcileKey(event.serviceName, ctx.nowMs));
      const service = ctx.services.get(event.serviceName);
      if (service) reconcileService(ctx, service);
      return;
    }
    case 'script': {
      const action = ctx.design.script[event.index];
      if (action) applyNow(ctx, action);
      return;
    }
    case 'metrics':
      emitMetrics(ctx);
      autoscalingMinute(ctx);
      capacityMinute(ctx);
      noteMinuteSeries(ctx);
      ctx.queue.push(ctx.nowMs + METRIC_PERIOD_MS, { kind: 'metrics' });
      return;
    case 'capacity':
      onCapacityEvent(ctx, event);
      // A booted instance is InService now: the group's chart moves with it.
      if (event.what === 'boot') noteGroupsMoved(ctx);
      return;
    case 'autoscaling':
      onAutoscalingEvent(ctx, event);
      return;
    case 'prune':
      // From the head of the STOPPED queue: a pass costs what it removes. By ARN, so the
      // order never depends on how tasks that stopped in the same ms were queued.
      for (const task of takeStoppedUntil(ctx, ctx.nowMs - STOPPED_TASK_KEPT_MS).sort(byArn)) {
        ctx.tasks.delete(task.taskArn);
        countTaskRemoved(ctx, task);
        if (task.serviceName !== undefined) ctx.serviceTasks.get(task.serviceName)?.delete(task);
        ctx.out.dirtyTasks.delete(task.taskArn);
        ctx.out.removedTasks.add(task.taskArn);
      }
      ctx.queue.push(ctx.nowMs + METRIC_PERIOD_MS, { kind: 'prune' });
      return;
  }
}

/**
 * A frame carries tasks, instances and services that changed, and the small views that
 * are sent whole (capacity, scaling, cost: a handful of groups, targets and meters) in
 * every frame of a run that has them: a frame stays a pure function of the run, the
 * same from a restored checkpoint as from the run it came from. The page keeps the old
 * objects when nothing in them changed (store/views.ts sameView).
 */
function takeFrame(ctx: EngineContext): Frame {
  closeSample(ctx);
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
  const capacity = capacityView(ctx);
  const scaling = scalingView(ctx);
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
    history: out.history,
    ...(capacity && { capacity }),
    ...(scaling && { scaling }),
    cost: costView(ctx),
  };
}

const atMsOf = (entry: ScriptAction) => Math.round(entry.at * 1000);

function checkJournal(journal: readonly ScriptAction[]): void {
  for (let i = 1; i < journal.length; i++) {
    const before = journal[i - 1];
    const entry = journal[i];
    if (before && entry && entry.at < before.at) {
      throw new RangeError(
        `journal[${i}].at: ${entry.at} s comes before journal[${i - 1}].at (${before.at} s); entries must be in time order`,
      );
    }
  }
}

/**
 * A run is a pure function of (design, seed, journal): the queue orders by time then
 * insertion, every draw comes from the seeded streams, and a journal entry is applied
 * once the clock reaches it, after that instant's events, exactly as a live edit is.
 * So how the caller slices `advance` never changes what happens.
 */
export function createSimulation(
  design: DesignDocument,
  seed: number = design.seed,
  journal: readonly ScriptAction[] = [],
): Simulation {
  checkJournal(journal);
  const ctx = compileDesign(design, seed);
  requestAllReconciles(ctx);
  design.script.forEach((action, index) => {
    ctx.queue.push(action.at * 1000, { kind: 'script', index });
  });
  ctx.queue.push(0, { kind: 'metrics' });
  startCapacity(ctx);
  startAutoscaling(ctx);
  ctx.queue.push(METRIC_PERIOD_MS, { kind: 'prune' });
  ctx.journal = [...journal];
  return simulationOf(ctx);
}

/** Go on from a checkpoint exactly as the run it was taken from would have. */
export function restoreSimulation(checkpoint: EngineCheckpoint): Simulation {
  checkJournal(checkpoint.journal);
  return simulationOf(restoreContext(checkpoint));
}

function applyNow(ctx: EngineContext, entry: ScriptAction): ActionResult {
  const command = { action: entry.action, input: entry.input } as Command;
  const result = { ...applyCommand(ctx, command), at: entry.at };
  ctx.actions.push(result);
  // A command may launch or terminate a group's instances (SetDesiredCapacity, a fault).
  noteGroupsMoved(ctx);
  return result;
}

/** Fire events and apply journal entries up to `toMs`, in (time, order) with events first. */
function runUntil(ctx: EngineContext, toMs: number): void {
  for (;;) {
    const entry = ctx.journal[ctx.journalNext];
    const entryMs = entry ? atMsOf(entry) : Number.POSITIVE_INFINITY;
    const eventMs = ctx.queue.size > 0 ? ctx.queue.peekTimeMs() : Number.POSITIVE_INFINITY;
    if (eventMs <= toMs && eventMs <= entryMs) {
      const event = ctx.queue.pop();
      if (event === undefined) break;
      ctx.nowMs = eventMs;
      handle(ctx, event);
    } else if (entry && entryMs <= toMs) {
      ctx.nowMs = Math.max(ctx.nowMs, entryMs);
      ctx.journalNext++;
      applyNow(ctx, entry);
    } else break;
  }
  ctx.nowMs = Math.max(ctx.nowMs, toMs);
}

function simulationOf(ctx: EngineContext): Simulation {
  return {
    get nowMs() {
      return ctx.nowMs;
    },
    get seed() {
      return ctx.seed;
    },
    get design() {
      return ctx.design;
    },
    apply(command) {
      // A new branch: the old future is the caller's to keep, not the engine's.
      ctx.journal.length = ctx.journalNext;
      // The instant's own consequences first, as a replay would see them.
      runUntil(ctx, ctx.nowMs);
      const entry = { at: ctx.nowMs / 1000, ...command } as ScriptAction;
      ctx.journal.push(entry);
      ctx.journalNext = ctx.journal.length;
      return applyNow(ctx, entry);
    },
    journal() {
      return ctx.journal;
    },
    checkpoint() {
      return takeCheckpoint(ctx);
    },
    advance(toMs) {
      runUntil(ctx, toMs);
      return takeFrame(ctx);
    },
    snapshot() {
      const capacity = capacityView(ctx);
      const scaling = scalingView(ctx);
      return {
        nowMs: ctx.nowMs,
        tasks: [...ctx.tasks.values()].map((t) => taskView(ctx, t)),
        instances: [...ctx.instances.values()].map((i) => instanceView(ctx, i)),
        services: [...ctx.services.values()].map((s) => serviceView(ctx, s)),
        serviceEvents: ctx.serviceEvents.map((e) => ({ ...e })),
        taskStateCounts: taskStateCounts(ctx),
        ...(capacity && { capacity }),
        ...(scaling && { scaling }),
        cost: costView(ctx),
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
        targetHealth: describeTargetHealth(ctx),
        alarms: describeAlarms(ctx),
        scalableTargets: ctx.autoscaling.targets.map(describeScalableTarget),
        scalingActivities: ctx.autoscaling.targets.flatMap((t) =>
          describeScalingActivities(ctx, t),
        ),
        cost: costView(ctx),
        actions: [...ctx.actions],
      };
    },
    explainScaling(serviceName) {
      return explainScaling(ctx, serviceName);
    },
    explainCapacityProvider(name) {
      return explainCapacityProvider(ctx, name);
    },
    explainTask(taskRef) {
      return explainTask(ctx, taskRef);
    },
    explainService(serviceName) {
      return explainService(ctx, serviceName);
    },
  };
}
