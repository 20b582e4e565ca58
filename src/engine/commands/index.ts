import { type Command, isAutoscalingCommand, isCapacityCommand } from '../../design';
import type { ActionResult } from '../api';
import { applyAutoscalingCommand } from '../autoscaling/hooks';
import { applyCapacityCommand } from '../capacity/hooks';
import type { EngineContext } from '../context';
import { deleteAttributes, putAttributes } from './attributes';
import {
  deregisterContainerInstance,
  putAccountSetting,
  registerContainerInstance,
  updateContainerInstancesState,
} from './container-instances';
import { createDeployment } from './create-deployment';
import { AwsError } from './errors';
import { failAvailabilityZone, failRevision, failTargetHealth } from './faults';
import { putMetricData } from './put-metric-data';
import { registerTaskDefinition } from './register-task-definition';
import { runTask } from './run-task';
import { stopTask } from './stop-task';
import { terminateInstance } from './terminate-instance';
import { updateService } from './update-service';

function dispatch(ctx: EngineContext, command: Command): Record<string, unknown> {
  if (isCapacityCommand(command)) return applyCapacityCommand(ctx, command);
  if (isAutoscalingCommand(command)) return applyAutoscalingCommand(ctx, command);
  switch (command.action) {
    case 'RegisterTaskDefinition':
      return registerTaskDefinition(ctx, command.input);
    case 'FailAvailabilityZone':
      return failAvailabilityZone(ctx, command.input);
    case 'FailTargetHealth':
      return failTargetHealth(ctx, command.input);
    case 'FailRevision':
      return failRevision(ctx, command.input);
    case 'PutMetricData':
      return putMetricData(ctx, command.input);
    case 'CreateDeployment':
      return createDeployment(ctx, command.input);
    case 'UpdateService':
      return updateService(ctx, command.input);
    case 'RunTask':
      return runTask(ctx, command.input);
    case 'StopTask':
      return stopTask(ctx, command.input);
    case 'TerminateInstance':
      return terminateInstance(ctx, command.input);
    case 'UpdateContainerInstancesState':
      return updateContainerInstancesState(ctx, command.input);
    case 'RegisterContainerInstance':
      return registerContainerInstance(ctx, command.input);
    case 'DeregisterContainerInstance':
      return deregisterContainerInstance(ctx, command.input);
    case 'PutAccountSetting':
      return putAccountSetting(ctx, command.input);
    case 'PutAttributes':
      return putAttributes(ctx, command.input);
    case 'DeleteAttributes':
      return deleteAttributes(ctx, command.input);
  }
}

/** Apply a command now; an AWS error becomes the result's `error`, never an exception. */
export function applyCommand(ctx: EngineContext, command: Command): ActionResult {
  const at = ctx.nowMs / 1000;
  try {
    return { at, action: command.action, response: dispatch(ctx, command) };
  } catch (error) {
    if (error instanceof AwsError)
      return { at, action: command.action, error: { code: error.code, message: error.message } };
    throw error;
  }
}
