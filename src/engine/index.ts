export * from './api';
export type { AlarmProgress, PolicyExplanation, ScalingExplanation } from './autoscaling/explain';
export type { CapacityHold, CapacityProviderExplanation } from './capacity/explain';
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
