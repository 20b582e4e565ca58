import type { DesignDocument } from '../../design';

/**
 * Service auto scaling: scalable targets, policies, scheduled actions (ecs-behavior §12): run state. Plain JSON data only (no Map, Set or class): the checkpoint
 * copies it as JSON (checkpoint/plain.ts) and restores it as it was.
 */
export type AutoscalingState = Record<string, never>;

export function newAutoscalingState(_design: DesignDocument): AutoscalingState {
  return {};
}
