import type { TerminateInstanceInput } from '../../design';
import { onInstanceLost } from '../capacity/groups';
import type { EngineContext } from '../context';
import { costInstanceTerminated } from '../cost';
import { setInstanceStatus } from '../lifecycle/tallies';
import { killTask } from '../lifecycle/transitions';
import { emitInstanceStateChange } from '../output/events';
import { requestWaitingReconciles } from '../scheduler/request';
import { AwsError } from './errors';

/**
 * A simulator fault: the EC2 instance is gone. Its tasks stop at once and the
 * container instance deregisters; services replace the tasks elsewhere.
 */
export function terminateInstance(
  ctx: EngineContext,
  input: TerminateInstanceInput,
): Record<string, unknown> {
  const arn = ctx.instanceArnByEc2Id.get(input.ec2InstanceId);
  const instance = arn ? ctx.instances.get(arn) : undefined;
  const booting = ctx.capacity.instances[input.ec2InstanceId];
  if (booting && (!instance || instance.status === 'INACTIVE')) {
    // An Auto Scaling group's instance still booting: gone before it registered; replaced.
    onInstanceLost(ctx, input.ec2InstanceId);
    return terminating(input.ec2InstanceId);
  }
  if (!instance || instance.status === 'INACTIVE') {
    throw new AwsError(
      'InvalidInstanceID.NotFound',
      `The instance ID '${input.ec2InstanceId}' does not exist`,
    );
  }
  for (const taskArn of [...instance.taskArns]) {
    const task = ctx.tasks.get(taskArn);
    // Model: the stop code of tasks on a terminated host is not in ecs-behavior.md; the
    // reason is the sentence ECS uses for a lost host.
    if (task)
      killTask(
        ctx,
        task,
        'TerminationNotice',
        `Host EC2 (instance ${instance.ec2InstanceId}) terminated.`,
      );
  }
  setInstanceStatus(ctx, instance, 'INACTIVE');
  costInstanceTerminated(ctx, instance.ec2InstanceId);
  instance.agentConnected = false;
  instance.version++;
  ctx.out.dirtyInstances.add(instance.containerInstanceArn);
  emitInstanceStateChange(ctx, instance);
  requestWaitingReconciles(ctx, instance.clusterName);
  // An Auto Scaling group replaces an instance it did not terminate itself.
  onInstanceLost(ctx, instance.ec2InstanceId);
  return terminating(instance.ec2InstanceId);
}

function terminating(instanceId: string): Record<string, unknown> {
  return {
    TerminatingInstances: [
      {
        InstanceId: instanceId,
        CurrentState: { Code: 32, Name: 'shutting-down' },
        PreviousState: { Code: 16, Name: 'running' },
      },
    ],
  };
}
