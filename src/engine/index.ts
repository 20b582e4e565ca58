export * from './api';
export { explanationText, type PlacementExplanation } from './output/explain';
export type {
  InstanceRejection,
  PlacementTrace,
  RankedEntry,
  RejectionCount,
  StrategyTrace,
} from './placement';
export { validatePlacementConstraints, validatePlacementStrategies } from './placement';
export { createSimulation, type Simulation } from './simulation';
