import type { Protocol, TaskRequirements } from '../types';

export interface HostPort {
  port: number;
  protocol: Protocol;
}

/** What one task takes from an instance, worked out once per placement request. */
export interface TaskNeeds {
  cpu: number;
  memoryMiB: number;
  /** Physical GPUs; 0 for most tasks, and then no GPU filter runs. */
  gpus: number;
  /** Fixed host ports, distinct. */
  staticPorts: HostPort[];
  /** A fixed host port the task itself asks for twice: it can run nowhere. */
  duplicatePort?: HostPort;
  dynamicTcp: number;
  dynamicUdp: number;
  needsEni: boolean;
}

/**
 * Host ports by network mode (ecs-behavior §5): bridge maps hostPort, or a
 * dynamic port when it is 0 or omitted; host binds containerPort itself;
 * awsvpc ports live on the task's own ENI and none has no ports.
 */
export function taskNeeds(task: TaskRequirements): TaskNeeds {
  const needs: TaskNeeds = {
    cpu: task.cpu,
    memoryMiB: task.memoryMiB,
    gpus: task.gpus ?? 0,
    staticPorts: [],
    dynamicTcp: 0,
    dynamicUdp: 0,
    needsEni: task.networkMode === 'awsvpc',
  };
  if (task.networkMode !== 'bridge' && task.networkMode !== 'host') return needs;
  for (const mapping of task.portMappings) {
    const port = task.networkMode === 'host' ? mapping.containerPort : (mapping.hostPort ?? 0);
    if (port === 0) {
      if (mapping.protocol === 'udp') needs.dynamicUdp++;
      else needs.dynamicTcp++;
      continue;
    }
    const clash = needs.staticPorts.find((p) => p.port === port && p.protocol === mapping.protocol);
    if (clash) needs.duplicatePort ??= clash;
    else needs.staticPorts.push({ port, protocol: mapping.protocol });
  }
  return needs;
}
