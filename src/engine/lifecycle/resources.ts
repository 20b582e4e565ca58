import type { EngineContext } from '../context';
import { taskGpuCount } from '../model/task-definition';
import type { InstanceState, TaskState } from '../model/types';
import { changeRemaining } from './tallies';

function portSet(instance: InstanceState, port: TaskState['hostPorts'][number]): Set<number> {
  if (port.dynamic)
    return port.protocol === 'udp' ? instance.dynamicUdpPorts : instance.dynamicTcpPorts;
  return port.protocol === 'udp' ? instance.reservedUdpPorts : instance.reservedTcpPorts;
}

/** Reserve what the task needs on its instance: held from placement until STOPPED (§3), GPUs too. */
export function reserveTask(ctx: EngineContext, instance: InstanceState, task: TaskState): void {
  const td = task.taskDefinition;
  changeRemaining(ctx, instance, td.cpu, td.memoryMiB, -1);
  // Only a GPU task touches the count (a checkpoint from before GPUs has none).
  const gpus = taskGpuCount(td);
  if (gpus > 0) instance.remainingGpus -= gpus;
  if (td.networkMode === 'awsvpc') instance.eniUsed++;
  for (const p of task.hostPorts) portSet(instance, p).add(p.hostPort);
  instance.taskArns.add(task.taskArn);
  instance.version++;
}

export function releaseTask(ctx: EngineContext, task: TaskState): void {
  const instance = task.containerInstanceArn
    ? ctx.instances.get(task.containerInstanceArn)
    : undefined;
  if (!instance?.taskArns.has(task.taskArn)) return;
  const td = task.taskDefinition;
  changeRemaining(ctx, instance, td.cpu, td.memoryMiB, 1);
  const gpus = taskGpuCount(td);
  if (gpus > 0) instance.remainingGpus += gpus;
  if (td.networkMode === 'awsvpc') instance.eniUsed--;
  for (const p of task.hostPorts) portSet(instance, p).delete(p.hostPort);
  instance.taskArns.delete(task.taskArn);
  instance.version++;
  ctx.out.dirtyInstances.add(instance.containerInstanceArn);
}
