import { clusterNameOf, parseTaskDefinitionRef } from '../../design';
import type { EngineContext } from '../context';
import { lastArnPart } from '../ids';
import type { ServiceState, TaskDefinitionModel, TaskState } from '../model/types';
import { AwsError } from './errors';

export function clusterOf(ctx: EngineContext, ref: string | undefined): string {
  const name = clusterNameOf(ctx.design, ref);
  if (!ctx.design.clusters.some((c) => c.clusterName === name)) {
    throw new AwsError('ClusterNotFoundException', 'Cluster not found.');
  }
  return name;
}

export function serviceOf(ctx: EngineContext, clusterName: string, ref: string): ServiceState {
  const service = ctx.services.get(lastArnPart(ref));
  if (!service || service.clusterName !== clusterName || service.status === 'INACTIVE') {
    throw new AwsError('ServiceNotFoundException', 'Service not found.');
  }
  return service;
}

export function taskDefinitionOf(ctx: EngineContext, ref: string): TaskDefinitionModel {
  const { family, revision } = parseTaskDefinitionRef(ref);
  let found: TaskDefinitionModel | undefined;
  for (const td of ctx.taskDefinitions) {
    if (td.family !== family) continue;
    if (revision === undefined ? !found || td.revision > found.revision : td.revision === revision)
      found = td;
  }
  if (!found) {
    throw new AwsError('ClientException', 'Unable to describe task definition.');
  }
  return found;
}

export function taskOf(ctx: EngineContext, clusterName: string, ref: string): TaskState {
  const id = lastArnPart(ref);
  for (const task of ctx.tasks.values()) {
    if (task.taskId === id && task.clusterName === clusterName) return task;
  }
  throw new AwsError('InvalidParameterException', 'The referenced task was not found.');
}
