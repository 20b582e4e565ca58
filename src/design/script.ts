import { z } from 'zod';
import { PlacementConstraint, PlacementStrategy } from './aws-shapes';

/**
 * Timed actions. AWS operations keep their names and input shapes; simulator
 * faults have plain names. Each action is also a command the running engine takes.
 */

const clusterRef = z.string().optional();

export const UpdateServiceInput = z.looseObject({
  cluster: clusterRef,
  service: z.string().min(1),
  desiredCount: z.number().int().min(0).optional(),
  taskDefinition: z.string().optional(),
  placementConstraints: z.array(PlacementConstraint).max(10).optional(),
  placementStrategy: z.array(PlacementStrategy).max(5, 'allows at most 5 strategies').optional(),
});
export type UpdateServiceInput = z.infer<typeof UpdateServiceInput>;

export const RunTaskInput = z.looseObject({
  cluster: clusterRef,
  taskDefinition: z.string().min(1),
  // The API rejects count 11 with InvalidParameterException; the engine reports it
  // as the action's error, so the gate lets any positive integer through.
  count: z.number().int().min(1).optional(),
  group: z.string().max(255).optional(),
  startedBy: z.string().max(128).optional(),
  placementConstraints: z.array(PlacementConstraint).optional(),
  placementStrategy: z.array(PlacementStrategy).optional(),
});
export type RunTaskInput = z.infer<typeof RunTaskInput>;

export const StopTaskInput = z.looseObject({
  cluster: clusterRef,
  task: z.string().min(1),
  reason: z.string().max(255).optional(),
});
export type StopTaskInput = z.infer<typeof StopTaskInput>;

export const TerminateInstanceInput = z.looseObject({
  ec2InstanceId: z.string().min(1),
});
export type TerminateInstanceInput = z.infer<typeof TerminateInstanceInput>;

const at = z.number().min(0, 'must be 0 or more seconds');

export const ScriptAction = z.discriminatedUnion('action', [
  z.looseObject({ at, action: z.literal('UpdateService'), input: UpdateServiceInput }),
  z.looseObject({ at, action: z.literal('RunTask'), input: RunTaskInput }),
  z.looseObject({ at, action: z.literal('StopTask'), input: StopTaskInput }),
  z.looseObject({ at, action: z.literal('TerminateInstance'), input: TerminateInstanceInput }),
]);
export type ScriptAction = z.infer<typeof ScriptAction>;

export type ActionName = ScriptAction['action'];

/** A command is a script action without its time: the engine applies it now. */
export type Command =
  | { action: 'UpdateService'; input: UpdateServiceInput }
  | { action: 'RunTask'; input: RunTaskInput }
  | { action: 'StopTask'; input: StopTaskInput }
  | { action: 'TerminateInstance'; input: TerminateInstanceInput };
