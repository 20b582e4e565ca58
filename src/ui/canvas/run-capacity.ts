import type { CapacityView } from '../../engine';
import type { RunState } from '../../store/run';

/**
 * The run's Auto Scaling groups and capacity providers. The run store's own field is
 * being added with the engine's capacity frames; until then this reads it where it
 * will be, and every canvas file reads capacity through here only.
 */
export function capacityOf(s: RunState): CapacityView | undefined {
  return (s as RunState & { readonly capacity?: CapacityView }).capacity;
}
