import type { EngineContext } from '../context';
import type { ServiceState, TaskState } from '../model/types';
import { serviceEvent } from '../output/service-events';

/**
 * Registrations and deregistrations since the last scheduler pass, told as the console
 * tells them (ecs-behavior §14.4, captured output): one line per target group, not one
 * per task.
 */
export function flushTargetNotes(ctx: EngineContext, service: ServiceState): void {
  const notes = service.targetNotes;
  if (!notes) return;
  delete service.targetNotes;
  const name = service.serviceName;
  const where = (arn: string) => {
    const tg = ctx.targetGroups.get(arn);
    return tg?.lbType === 'classic' ? `(elb ${tg.name})` : `(target-group ${arn})`;
  };
  const draining = Object.values(notes.deregistered).reduce((a, b) => Math.max(a, b), 0);
  if (draining > 0)
    serviceEvent(
      ctx,
      service,
      `(service ${name}) has begun draining connections on ${draining} tasks.`,
    );
  for (const [arn, n] of Object.entries(notes.deregistered))
    serviceEvent(ctx, service, `(service ${name}) deregistered ${n} targets in ${where(arn)}`);
  for (const [arn, n] of Object.entries(notes.registered))
    serviceEvent(ctx, service, `(service ${name}) registered ${n} targets in ${where(arn)}`);
}

/**
 * Why a task the scheduler stops for a failed health check is stopped, and what the
 * console says of it: ECS's templates for a target that fails its checks (§14.2, §16);
 * Model: the console's form for a container health check failure.
 */
export function healthFailure(
  ctx: EngineContext,
  service: ServiceState,
  task: TaskState,
): { message: string; stoppedReason: string } {
  const target = task.targets?.find((t) => t.state === 'unhealthy');
  if (!target) {
    return {
      message: `(service ${service.serviceName}) (task ${task.taskId}) failed container health checks.`,
      stoppedReason: 'Task failed container health checks',
    };
  }
  const tg = ctx.targetGroups.get(target.targetGroupArn);
  const name = tg?.name ?? target.targetGroupArn;
  const where = tg?.lbType === 'classic' ? `(elb ${name})` : `(target-group ${name})`;
  // On EC2 the message names the instance, awsvpc or not; only Fargate's omits it.
  const host = task.containerInstanceArn
    ? ctx.instances.get(task.containerInstanceArn)?.ec2InstanceId
    : undefined;
  return {
    message:
      tg?.lbType === 'classic'
        ? `service ${service.serviceName} (instance ${target.id}) is unhealthy in ${where} due to (reason Instance has failed at least the UnhealthyThreshold number of health checks consecutively.)`
        : `(service ${service.serviceName}) (task ${task.taskId})${host ? ` (instance ${host})` : ''} (port ${target.port}) is unhealthy in ${where} due to (reason Health checks failed)`,
    stoppedReason: `Task failed ELB health checks in ${where}`,
  };
}
