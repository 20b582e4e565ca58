import type { z } from 'zod';

/**
 * Auto Scaling groups, launch templates, capacity providers, Fargate and Spot (ecs-behavior §6, §13): the design's fields, the script actions and the commands they make.
 * design/document.ts spreads `CapacityDesignFields` into the document, and
 * design/script.ts adds `capacityScriptActions` to the script's actions.
 */
export const CapacityDesignFields = {} satisfies Record<string, z.ZodType>;

export const capacityScriptActions = [] as const;

/** The commands of these actions, as engine/commands takes them. */
export type CapacityCommand = never;

export const CAPACITY_ACTIONS: ReadonlySet<string> = new Set<string>();

export function isCapacityCommand(command: { action: string }): command is CapacityCommand {
  return CAPACITY_ACTIONS.has(command.action);
}
