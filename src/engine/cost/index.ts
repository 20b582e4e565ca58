export {
  costInstanceDeregistered,
  costInstanceLaunched,
  costInstanceRegistered,
  costInstanceTerminated,
  costTaskPulling,
  costTaskStopped,
} from './hooks';
export { MINIMUM_BILLED_MS } from './meter';
export { recountCost } from './recount';
export { type CostState, newCostState } from './state';
export { costView } from './view';
