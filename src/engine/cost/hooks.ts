import { isExternalInstance } from '../capacity/route';
import type { GroupInstance } from '../capacity/state';
import { taskCapacity } from '../capacity/tasks';
import type { EngineContext } from '../context';
import type { InstanceState, TaskState } from '../model/types';
import { startFargateTask, startInstance, stopFargateTask, stopInstance } from './meter';
import { purchaseOf } from './purchase';

/**
 * The engine's calls into cost: one at each moment an instance or a Fargate task starts
 * or stops billing. Each costs O(1) (a launch in a mixed group: its group's size).
 *
 * Which moments (Model):
 * - An Auto Scaling group's instance bills from launch, while it boots (Pending), until
 *   the group or a fault terminates it. EC2 does not bill its own `pending` state (the
 *   EC2 User Guide's instance-state table), but Berth's boot time is mostly the OS and
 *   agent starting on an instance EC2 already calls `running`, so the whole boot bills.
 * - A design's instance bills from the run's start, and one a RegisterContainerInstance
 *   action adds from then (Berth knows no earlier launch), until it is terminated or
 *   deregistered. Model: a deregistered instance outside any group leaves the run (no
 *   action can reach it after), so its bill ends there; a group's bills on until the
 *   group terminates it, as EC2 would.
 * - An external (ECS Anywhere) instance costs nothing here.
 * - A Fargate task bills from when it starts pulling its image (PENDING) until it is
 *   STOPPED (the Fargate pricing page: "from the time you start to download your container
 *   image until the Amazon ECS Task terminates").
 */

export function costInstanceLaunched(ctx: EngineContext, instance: GroupInstance): void {
  startInstance(
    ctx.cost,
    instance.ec2InstanceId,
    instance.instanceType,
    purchaseOf(ctx, instance),
    ctx.nowMs,
  );
}

/** A container instance registered: a design's or a script's (a group's bills already). */
export function costInstanceRegistered(ctx: EngineContext, instance: InstanceState): void {
  if (isExternalInstance(instance)) return;
  if (ctx.capacity.instances[instance.ec2InstanceId]) return;
  startInstance(ctx.cost, instance.ec2InstanceId, instance.instanceType, 'on-demand', ctx.nowMs);
}

/** The EC2 instance is gone (a group's scale-in, a TerminateInstance fault, a failed zone). */
export function costInstanceTerminated(ctx: EngineContext, ec2InstanceId: string): void {
  stopInstance(ctx.cost, ec2InstanceId, ctx.nowMs);
}

/** DeregisterContainerInstance: see the Model above. */
export function costInstanceDeregistered(ctx: EngineContext, ec2InstanceId: string): void {
  if (ctx.capacity.instances[ec2InstanceId]) return;
  stopInstance(ctx.cost, ec2InstanceId, ctx.nowMs);
}

/**
 * A task starts pulling its image: a Fargate task's bill starts, for the size of its task
 * definition. Model: a Windows task is billed at the Linux rates (the price table has
 * Linux rates only, and no Windows OS licence fee).
 */
export function costTaskPulling(ctx: EngineContext, task: TaskState): void {
  const where = taskCapacity(ctx, task);
  if (where.launchType !== 'FARGATE') return;
  const arm = task.taskDefinition.input.runtimePlatform?.cpuArchitecture === 'ARM64';
  startFargateTask(
    ctx.cost,
    task.taskArn,
    {
      provider: where.capacityProviderName === 'FARGATE_SPOT' ? 'FARGATE_SPOT' : 'FARGATE',
      architecture: arm ? 'ARM64' : 'X86_64',
      cpu: task.taskDefinition.cpu,
      memoryMiB: task.taskDefinition.memoryMiB,
    },
    ctx.nowMs,
  );
}

/** A task is STOPPED: a Fargate task's bill ends (one that never pulled had none). */
export function costTaskStopped(ctx: EngineContext, task: TaskState): void {
  stopFargateTask(ctx.cost, task.taskArn, ctx.nowMs);
}
