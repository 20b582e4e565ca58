import type { z } from 'zod';

/**
 * Application Auto Scaling: scalable targets, scaling policies, scheduled actions (ecs-behavior §12): the design's fields, the script actions and the commands they make.
 * design/document.ts spreads `AutoscalingDesignFields` into the document, and
 * design/script.ts adds `autoscalingScriptActions` to the script's actions.
 */
export const AutoscalingDesignFields = {} satisfies Record<string, z.ZodType>;

export const autoscalingScriptActions = [] as const;

/** The commands of these actions, as engine/commands takes them. */
export type AutoscalingCommand = never;

export const AUTOSCALING_ACTIONS: ReadonlySet<string> = new Set<string>();

export function isAutoscalingCommand(command: { action: string }): command is AutoscalingCommand {
  return AUTOSCALING_ACTIONS.has(command.action);
}
