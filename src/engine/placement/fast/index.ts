export { explainBatchTask } from './explain';
export { placeBatch } from './place-batch';
export { scanBatch } from './scan-batch';
export type { BatchResult } from './types';
