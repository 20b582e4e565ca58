import { launchTypeRefusal, type RunTaskInput } from '../../design';
import type { EngineContext } from '../context';
import { describeTask } from '../output/describe-task';
import { validatePlacementConstraints, validatePlacementStrategies } from '../placement';
import { candidatePool } from '../scheduler/candidates';
import { launchTask } from '../scheduler/launch';
import { notModelledFailure } from '../scheduler/launch-type';
import { AwsError } from './errors';
import { clusterOf, taskDefinitionOf } from './lookup';

/** RunTask: up to 10 tasks placed now, random by default; what does not fit comes back in failures (§4.7). */
export function runTask(ctx: EngineContext, input: RunTaskInput): Record<string, unknown> {
  const clusterName = clusterOf(ctx, input.cluster);
  const count = input.count ?? 1;
  if (count < 1 || count > 10) {
    throw new AwsError('InvalidParameterException', 'count must be between 1 and 10.');
  }
  if ((input.placementStrategy?.length ?? 0) > 5) {
    throw new AwsError(
      'InvalidParameterException',
      'The number of placement strategies must be 5 or less.',
    );
  }
  const td = taskDefinitionOf(ctx, input.taskDefinition);
  // With no launchType (and no capacity providers in Berth) RunTask launches on EC2.
  const launchType = input.launchType ?? 'EC2';
  const refusal = launchTypeRefusal(td.input, launchType);
  if (refusal) throw new AwsError('InvalidParameterException', refusal);
  const constraints = input.placementConstraints ?? [];
  const invalid =
    validatePlacementConstraints([...td.placementConstraints, ...constraints]) ??
    validatePlacementStrategies(input.placementStrategy ?? [], 'runTask');
  if (invalid) throw new AwsError('InvalidParameterException', invalid);
  const pool = candidatePool(ctx, clusterName);
  const wait = notModelledFailure(launchType, pool.candidates.length);
  if (wait) {
    // Never on an EC2 instance: every task comes back as a failure saying why.
    const failure = { reason: wait.failure.reason, detail: wait.failure.summary };
    return { tasks: [], failures: Array.from({ length: count }, () => ({ ...failure })) };
  }
  const tasks: Record<string, unknown>[] = [];
  const failures: Record<string, unknown>[] = [];
  for (let i = 0; i < count; i++) {
    const launch = {
      clusterName,
      taskDefinition: td,
      group: input.group ?? `family:${td.family}`,
      constraints,
      strategies: input.placementStrategy ?? [],
      scheduler: 'runTask' as const,
    };
    const result = launchTask(
      ctx,
      pool,
      input.startedBy === undefined ? launch : { ...launch, startedBy: input.startedBy },
    );
    if (result.ok) tasks.push(describeTask(ctx, result.task));
    else failures.push({ reason: result.failure.reason, detail: result.failure.summary });
  }
  return { tasks, failures };
}
