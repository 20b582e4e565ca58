import { launchTypeRefusal, type RunTaskInput } from '../../design';
import { fargateZoneCounts, launchFargate } from '../capacity/fargate';
import { instanceFilter, routeLaunchType, routeOf, routeRefusal } from '../capacity/route';
import { splitTasks } from '../capacity/strategy';
import { setTaskCapacity } from '../capacity/tasks';
import { waitForCapacity } from '../capacity/waiting';
import type { EngineContext } from '../context';
import type { TaskState } from '../model/types';
import { describeTask } from '../output/describe-task';
import { validatePlacementConstraints, validatePlacementStrategies } from '../placement';
import { candidatePool } from '../scheduler/candidates';
import { type LaunchRequest, launchTask } from '../scheduler/launch';
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
  const refused = routeRefusal(ctx, clusterName, input);
  if (refused) throw new AwsError('InvalidParameterException', refused);
  // launchType, else a strategy (the call's, else the cluster's default), else EC2 (§4.7).
  const route = routeOf(ctx, clusterName, input);
  const refusal = launchTypeRefusal(td.input, routeLaunchType(route));
  if (refusal) throw new AwsError('InvalidParameterException', refusal);
  const constraints = input.placementConstraints ?? [];
  const invalid =
    validatePlacementConstraints([...td.placementConstraints, ...constraints]) ??
    validatePlacementStrategies(input.placementStrategy ?? [], 'runTask');
  if (invalid) throw new AwsError('InvalidParameterException', invalid);
  const launch: LaunchRequest = {
    clusterName,
    taskDefinition: td,
    group: input.group ?? `family:${td.family}`,
    constraints,
    strategies: input.placementStrategy ?? [],
    scheduler: 'runTask',
    ...(input.startedBy !== undefined && { startedBy: input.startedBy }),
    ...(input.networkConfiguration && { networkConfiguration: input.networkConfiguration }),
  };
  const tasks: Record<string, unknown>[] = [];
  const failures: Record<string, unknown>[] = [];
  const say = (list: TaskState[]) => {
    for (const t of list) tasks.push(describeTask(ctx, t));
  };
  if (route.kind === 'strategy') {
    // Each call splits its own tasks: base and weight count within the call (Model).
    const plan = splitTasks(route.items, {}, count);
    const zones: Record<string, number> = {};
    for (const provider of [...new Set(plan)]) {
      const n = plan.filter((p) => p === provider).length;
      if (provider === 'FARGATE' || provider === 'FARGATE_SPOT') {
        say(launchFargate(ctx, launch, n, provider, zones));
        continue;
      }
      const pool = candidatePool(ctx, clusterName, instanceFilter(ctx, { provider }));
      let placed = 0;
      for (let i = 0; i < n && pool.candidates.length > 0; i++) {
        const result = launchTask(ctx, pool, launch, (task) =>
          setTaskCapacity(ctx, task, { launchType: 'EC2', capacityProviderName: provider }),
        );
        if (!result.ok) break;
        say([result.task]);
        placed++;
      }
      // No room on the provider: the rest wait in PROVISIONING for capacity (§13.2).
      say(waitForCapacity(ctx, launch, n - placed, provider));
    }
    return { tasks, failures };
  }
  const launchType = route.launchType;
  if (launchType === 'FARGATE') {
    say(launchFargate(ctx, launch, count, undefined, fargateZoneCounts(ctx, [])));
    return { tasks, failures };
  }
  const pool = candidatePool(ctx, clusterName, instanceFilter(ctx, { launchType }));
  const wait = notModelledFailure(launchType, pool.candidates.length);
  if (wait) {
    // Never on an EC2 instance: every task comes back as a failure saying why.
    const failure = { reason: wait.failure.reason, detail: wait.failure.summary };
    return { tasks: [], failures: Array.from({ length: count }, () => ({ ...failure })) };
  }
  for (let i = 0; i < count; i++) {
    const result = launchTask(ctx, pool, launch, (task) =>
      setTaskCapacity(ctx, task, { launchType }),
    );
    if (result.ok) tasks.push(describeTask(ctx, result.task));
    else failures.push({ reason: result.failure.reason, detail: result.failure.summary });
  }
  return { tasks, failures };
}
