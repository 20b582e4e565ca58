export * from './api';
export type { ScalingExplanation } from './autoscaling/explain';
export type { EngineCheckpoint } from './checkpoint';
export { explanationText, type PlacementExplanation } from './output/explain';
export { coalesceHistory } from './output/history';
export type {
  InstanceRejection,
  PlacementTrace,
  RankedEntry,
  RejectionCount,
  StrategyTrace,
} from './placement';
export { validatePlacementConstraints, validatePlacementStrategies } from './placement';
export { createSimulation, restoreSimulation, type Simulation } from './simulation';
