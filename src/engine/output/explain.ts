import type { EngineContext } from '../context';
import { lastArnPart } from '../ids';
import type { TaskState } from '../model/types';
import type { PlacementTrace, StrategyTrace } from '../placement';
import { batchTaskTrace } from '../scheduler/launch';

/** What "Why here?" / "Why not placed?" shows, for one task or one service's waiting task. */
export interface PlacementExplanation {
  subject: string;
  /** The chosen instance, absent when nothing fit. */
  ec2InstanceId?: string;
  availabilityZone?: string;
  failure?: {
    reason: string;
    closestMatch?: string;
    /** The closest matching instance, as its EC2 id: what the canvas names it. */
    closestMatchEc2InstanceId?: string;
    summary: string;
  };
  trace: PlacementTrace;
  /** containerInstanceArn -> ec2InstanceId, so rows read as the canvas does. */
  instanceNames: Record<string, string>;
}

function strategyLine(s: StrategyTrace): string {
  const best = s.best === undefined ? '' : `, best ${s.best}`;
  const values = s.values ? ` (${s.values.map((v) => `${v.value}: ${v.score}`).join(', ')})` : '';
  return `${s.strategy}: kept ${s.keptCount}${best}${values}`;
}

/** The explanation as plain text, for the headless runner and the logs. */
export function explanationText(e: PlacementExplanation): string {
  const t = e.trace;
  const name = (arn: string) => e.instanceNames[arn] ?? arn;
  const lines = [
    e.ec2InstanceId
      ? `${e.subject}: placed on ${e.ec2InstanceId}${e.availabilityZone ? ` (${e.availabilityZone})` : ''}`
      : `${e.subject}: not placed (${e.failure?.reason ?? 'unknown'})`,
  ];
  if (e.failure) {
    lines.push(`  ${e.failure.summary}`);
    if (e.failure.closestMatch) lines.push(`  ${e.failure.closestMatch}`);
  }
  lines.push(`  ${t.instanceCount} instances, ${t.candidateCount} passed every filter`);
  for (const c of t.rejectedCounts) lines.push(`  - ${c.count} ${c.label} [${c.filter}]`);
  for (const r of t.rejected ?? []) lines.push(`    ${name(r.containerInstanceArn)}: ${r.detail}`);
  if (t.candidateCount > 0) {
    lines.push(`  strategies${t.defaultStrategies ? ' (scheduler defaults)' : ''}:`);
    for (const s of t.strategies) {
      lines.push(`  > ${strategyLine(s)}`);
      for (const r of s.ranked ?? []) {
        const kept = r.score === s.best ? 'kept' : '    ';
        lines.push(
          `      ${kept} ${name(r.id)}${r.value === undefined ? '' : ` ${r.value}`}: ${r.score}`,
        );
      }
    }
    if (t.tieBreak)
      lines.push(
        `  tie settled by the seeded generator: ${t.tieBreak.index + 1} of ${t.tieBreak.among}`,
      );
  }
  return lines.join('\n');
}

function instanceNames(ctx: EngineContext): Record<string, string> {
  const out: Record<string, string> = {};
  for (const i of ctx.instances.values()) out[i.containerInstanceArn] = i.ec2InstanceId;
  return out;
}

// Rebuilt traces, kept beside the run rather than in it: a question never changes the
// run's state (nor so its checkpoints), and asking again costs nothing.
const rebuilt = new WeakMap<TaskState, PlacementTrace>();

/** A task's placement trace: stored (a checkpoint from before traces were rebuilt) or rebuilt. */
function traceOf(task: TaskState): PlacementTrace | undefined {
  if (task.placementTrace) return task.placementTrace;
  if (!task.placementBatch) return undefined;
  let trace = rebuilt.get(task);
  if (!trace) {
    trace = batchTaskTrace(task.placementBatch);
    rebuilt.set(task, trace);
  }
  return trace;
}

/** Why a task is where it is; `ref` is a task ARN or id. */
export function explainTask(ctx: EngineContext, ref: string): PlacementExplanation | undefined {
  const id = lastArnPart(ref);
  for (const task of ctx.tasks.values()) {
    if (task.taskId !== id) continue;
    const trace = traceOf(task);
    if (!trace) continue;
    const instance = task.containerInstanceArn
      ? ctx.instances.get(task.containerInstanceArn)
      : undefined;
    const out: PlacementExplanation = {
      subject: `task ${task.taskId} (${task.group})`,
      trace,
      instanceNames: instanceNames(ctx),
    };
    if (instance) {
      out.ec2InstanceId = instance.ec2InstanceId;
      out.availabilityZone = instance.availabilityZone;
    }
    return out;
  }
  return undefined;
}

/** Why the service's next task is still waiting, while it is. */
export function explainService(
  ctx: EngineContext,
  serviceName: string,
): PlacementExplanation | undefined {
  const service = ctx.services.get(serviceName);
  const failed = service?.failedPlacement;
  if (!service || !failed || service.placementFailure === undefined) return undefined;
  const failure: NonNullable<PlacementExplanation['failure']> = {
    reason: failed.reason,
    summary: service.placementFailure,
  };
  if (failed.closestMatch !== undefined) failure.closestMatch = failed.closestMatch;
  const closest = failed.closestMatchArn ? ctx.instances.get(failed.closestMatchArn) : undefined;
  if (closest) failure.closestMatchEc2InstanceId = closest.ec2InstanceId;
  return {
    subject: `service ${serviceName}`,
    failure,
    trace: failed.trace,
    instanceNames: instanceNames(ctx),
  };
}
