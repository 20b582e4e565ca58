import type { DesignDocument } from '../../design';

/**
 * Auto Scaling groups, capacity providers and their managed scaling, Fargate and Spot (ecs-behavior §6, §13): run state. Plain JSON data only (no Map, Set or class): the checkpoint
 * copies it as JSON (checkpoint/plain.ts) and restores it as it was.
 */
export type CapacityState = Record<string, never>;

export function newCapacityState(_design: DesignDocument): CapacityState {
  return {};
}
