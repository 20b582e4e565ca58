export { EventQueue, type QueueEntry } from './event-queue';
export type { Rng } from './rng';
export { createRng, restoreRng } from './rng';
