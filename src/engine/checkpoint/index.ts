export { restoreContext } from './restore';
export { takeCheckpoint } from './take';
export type { EngineCheckpoint } from './types';
