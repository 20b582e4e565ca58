import type { Filter } from './filter';

/** An awsvpc task takes one ENI slot; eniLimit is already the task limit (§3.2). */
export const eniFilter: Filter = {
  name: 'eni',
  reason: 'RESOURCE:ENI',
  check: (instance) => (instance.eniUsed >= instance.eniLimit ? 'no free ENI slot' : undefined),
  explain: (instance) => `needs 1 ENI slot, ${instance.eniUsed} of ${instance.eniLimit} in use`,
};
