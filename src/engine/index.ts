export * from './api';
export { createSimulation, type Simulation } from './simulation';
