import type { PlacementStrategy, Scheduler } from '../types';

const SERVICE_DEFAULT: readonly PlacementStrategy[] = [
  { type: 'spread', field: 'attribute:ecs.availability-zone' },
  { type: 'spread', field: 'instanceId' },
];
const RUN_TASK_DEFAULT: readonly PlacementStrategy[] = [{ type: 'random' }];

/**
 * With no strategy a service spreads over AZs, then over instances by tasks
 * of the service; RunTask is random (§4.3). Daemon tasks go to one given
 * instance each, so they need none.
 */
export function effectiveStrategies(
  strategies: readonly PlacementStrategy[],
  scheduler: Scheduler,
): { strategies: readonly PlacementStrategy[]; defaulted: boolean } {
  if (scheduler === 'daemon') return { strategies: [], defaulted: strategies.length === 0 };
  if (strategies.length > 0) return { strategies, defaulted: false };
  return {
    strategies: scheduler === 'service' ? SERVICE_DEFAULT : RUN_TASK_DEFAULT,
    defaulted: true,
  };
}
