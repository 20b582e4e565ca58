import { taskNeeds } from './filters/needs';
import { buildFilters, constraintFilters } from './filters/pipeline';
import type { CandidateInstance, InstanceRejection, PlacementRequest } from './types';

/**
 * Why one instance cannot take the task, or undefined when it can. With
 * scope 'memberOf' only the memberOf constraints are checked: whether a
 * running daemon task still belongs on its instance (§7.1), where
 * resources and distinctInstance would count the task against itself.
 */
export function checkInstance(
  request: PlacementRequest,
  instance: CandidateInstance,
  scope: 'all' | 'memberOf' = 'all',
): InstanceRejection | undefined {
  const filters =
    scope === 'all'
      ? buildFilters(request, taskNeeds(request.task))
      : constraintFilters(request).filter((f) => f.name === 'memberOf');
  for (const filter of filters) {
    if (filter.check(instance) === undefined) continue;
    return {
      containerInstanceArn: instance.containerInstanceArn,
      filter: filter.name,
      detail: filter.explain(instance),
    };
  }
  return undefined;
}
