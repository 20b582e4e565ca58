import { FULL_TRACE_MAX_INSTANCES } from './limits';
import type { PlaceOptions } from './types';

/** Whether to list every instance in the trace: traces are stored per task, so big clusters get counts. */
export function fullTrace(options: PlaceOptions, instanceCount: number): boolean {
  const detail = options.trace ?? 'auto';
  return detail === 'full' || (detail === 'auto' && instanceCount <= FULL_TRACE_MAX_INSTANCES);
}
