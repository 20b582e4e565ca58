import type {
  FailAvailabilityZoneInput,
  FailRevisionInput,
  FailTargetHealthInput,
} from '../../design';
import type { EngineContext } from '../context';
import { onTaskHealthSettled } from '../deployment/task-hooks';
import { refreshCountedHealthy } from '../elb/targets';
import { moveTarget } from '../elb/traffic';
import { AwsError } from './errors';
import { clusterOf, taskDefinitionOf } from './lookup';
import { terminateInstance } from './terminate-instance';

/**
 * Simulator faults, with plain names: they are what happens to a cluster, not AWS calls.
 */

/**
 * Model: an Availability Zone fails as if every EC2 instance in it were lost at once; their
 * tasks stop and the services replace them in the zones left.
 */
export function failAvailabilityZone(
  ctx: EngineContext,
  input: FailAvailabilityZoneInput,
): Record<string, unknown> {
  const clusterName = input.cluster === undefined ? undefined : clusterOf(ctx, input.cluster);
  const lost = [...ctx.instances.values()].filter(
    (i) =>
      i.availabilityZone === input.availabilityZone &&
      i.status !== 'INACTIVE' &&
      (clusterName === undefined || i.clusterName === clusterName),
  );
  if (lost.length === 0) {
    throw new AwsError(
      'InvalidParameterException',
      `No container instance is in ${input.availabilityZone}${clusterName ? ` in cluster ${clusterName}` : ''}.`,
    );
  }
  for (const instance of lost) terminateInstance(ctx, { ec2InstanceId: instance.ec2InstanceId });
  return {
    availabilityZone: input.availabilityZone,
    lostInstances: lost.map((i) => i.ec2InstanceId),
  };
}

/**
 * Model: targets in a group start failing their health checks (the application hangs):
 * `count` healthy targets (1 by default), or the tasks named, turn unhealthy at once; the
 * scheduler replaces their tasks as it does any that fails its checks.
 */
export function failTargetHealth(
  ctx: EngineContext,
  input: FailTargetHealthInput,
): Record<string, unknown> {
  const group = [...ctx.targetGroups.values()].find(
    (g) => g.arn === input.targetGroupArn || g.name === input.targetGroupArn,
  );
  if (!group) {
    throw new AwsError(
      'TargetGroupNotFoundException',
      `Target group '${input.targetGroupArn}' not found.`,
    );
  }
  const wanted = new Set(input.taskIds ?? []);
  const failed: string[] = [];
  const limit = input.taskIds ? Number.POSITIVE_INFINITY : (input.count ?? 1);
  // In task order (placement order), so the same run fails the same targets.
  for (const task of ctx.tasks.values()) {
    if (failed.length >= limit) break;
    if (wanted.size > 0 && !wanted.has(task.taskId)) continue;
    const target = task.targets?.find(
      (t) => t.targetGroupArn === group.arn && t.state === 'healthy',
    );
    if (!target || task.desiredStatus !== 'RUNNING') continue;
    moveTarget(ctx, group.arn, 'healthy', 'unhealthy');
    target.state = 'unhealthy';
    task.version++;
    ctx.out.dirtyTasks.add(task.taskArn);
    if (task.serviceName !== undefined) ctx.out.dirtyServices.add(task.serviceName);
    refreshCountedHealthy(ctx, task);
    onTaskHealthSettled(ctx, task, 'UNHEALTHY');
    failed.push(task.taskId);
  }
  return { targetGroupArn: group.arn, failedTasks: failed };
}

/**
 * Model: a revision turns bad (or good again) mid-run, as `workloads[].failure` would
 * have made it from the start: each task of it created from now on draws its fate
 * under the new failure; tasks already created keep theirs.
 */
export function failRevision(
  ctx: EngineContext,
  input: FailRevisionInput,
): Record<string, unknown> {
  const td = taskDefinitionOf(ctx, input.taskDefinition);
  if (input.failure) ctx.revisionFailures.set(td.arn, { ...input.failure });
  else ctx.revisionFailures.set(td.arn, null);
  return { taskDefinitionArn: td.arn, ...(input.failure && { failure: input.failure }) };
}
