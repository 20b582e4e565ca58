// Task placement for EC2 container instances (ecs-behavior §3-§5): the only
// import path the rest of the engine uses. See README.md.

export { applyPlacement } from './apply-placement';
export { checkInstance } from './check-instance';
export { closestMatchSentence, containerInstanceId, failureSummary } from './failure';
export { type BatchResult, explainBatchTask, placeBatch, scanBatch } from './fast';
export {
  DEFAULT_DYNAMIC_PORT_RANGE,
  DEFAULT_RESERVED_TCP_PORTS,
  FULL_TRACE_MAX_INSTANCES,
  MAX_EXPRESSION_LENGTH,
  MAX_PLACEMENT_CONSTRAINTS,
  MAX_PLACEMENT_STRATEGIES,
  MAX_RESERVED_PORTS,
} from './limits';
export { placeTask } from './place-task';
export * from './query';
export { chooseTaskToStop } from './scale-in';
export { chooseTasksToStop } from './scale-in-batch';
export { strategyLabel } from './strategies/scorer';
export type * from './types';
export { validatePlacementConstraints, validatePlacementStrategies } from './validate';
