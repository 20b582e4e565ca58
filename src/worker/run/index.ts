export type { HistoryWindow } from './history';
export { RunKeeper } from './run-keeper';
export type * from './types';
