import { create } from 'zustand';
import { select, useSessionStore } from './session';

/**
 * The load balancer selected on the canvas, by Name. Model: kept beside the session's
 * Selection (which has no load balancer kind yet) and exclusive with it: selecting
 * anything else clears it, and selecting a load balancer clears that.
 */
export const useLoadBalancerSelection = create<{ name: string | null }>()(() => ({ name: null }));

export function selectLoadBalancer(name: string | null): void {
  if (useLoadBalancerSelection.getState().name !== name)
    useLoadBalancerSelection.setState({ name });
  if (name !== null) select(null);
}

useSessionStore.subscribe((state, previous) => {
  if (state.selection !== previous.selection && state.selection !== null)
    useLoadBalancerSelection.setState({ name: null });
});
