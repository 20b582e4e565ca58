import type { PlacementRequest } from '../types';
import { attributesFilter } from './attributes';
import { distinctInstanceFilter, memberOfFilter } from './constraints';
import { eniFilter } from './eni';
import type { Filter } from './filter';
import type { TaskNeeds } from './needs';
import { portsFilter } from './ports';
import { cpuFilter, gpuFilter, memoryFilter } from './resources';
import { agentFilter, statusFilter } from './status';

/**
 * The filters of one request in ECS's order (§4.1): instance state, CPU,
 * GPU (only for a task that needs GPUs), memory, ports, ENI, required attributes, then the placement constraints
 * in the order given. Filters that cannot reject this task are left out.
 */
export function buildFilters(request: PlacementRequest, needs: TaskNeeds): Filter[] {
  const filters: Filter[] = [statusFilter, agentFilter, cpuFilter(needs)];
  if (needs.gpus > 0) filters.push(gpuFilter(needs));
  filters.push(memoryFilter(needs));
  const hasPorts =
    needs.staticPorts.length > 0 || needs.duplicatePort || needs.dynamicTcp + needs.dynamicUdp > 0;
  if (hasPorts) filters.push(portsFilter(needs));
  if (needs.needsEni) filters.push(eniFilter);
  if (request.task.requiredAttributes.length > 0) {
    filters.push(attributesFilter(request.task.requiredAttributes));
  }
  filters.push(...constraintFilters(request));
  return filters;
}

export function constraintFilters(request: PlacementRequest): Filter[] {
  const filters: Filter[] = [];
  for (const constraint of request.constraints) {
    if (constraint.type === 'distinctInstance') {
      filters.push(distinctInstanceFilter(request.task.group));
    } else if (constraint.type === 'memberOf') {
      filters.push(memberOfFilter(constraint.expression ?? ''));
    }
  }
  return filters;
}
