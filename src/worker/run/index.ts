export {
  COST_KEY,
  GROUP_FIELDS,
  type GroupField,
  groupKey,
  type HistoryWindow,
  providerKey,
  type SeriesKey,
  scalingKey,
} from './history';
export { RunKeeper } from './run-keeper';
export type * from './types';
