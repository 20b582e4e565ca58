import type { OnConnectEnd } from '@xyflow/react';
import { useCallback } from 'react';
import { serviceKey } from '../../store/edits';
import { wireToLoadBalancer } from '../../store/lb-actions';
import { showNotice } from '../../store/session';

const LB_PREFIX = 'lb:';
const SERVICE_PREFIX = serviceKey('');

/** The node under the pointer where an edge was let go: any part of it, not just a handle. */
function nodeIdAt(event: MouseEvent | TouchEvent): string | undefined {
  const point = 'changedTouches' in event ? event.changedTouches[0] : event;
  if (!point) return undefined;
  const element = document.elementFromPoint(point.clientX, point.clientY);
  return element?.closest('.react-flow__node')?.getAttribute('data-id') ?? undefined;
}

/** Wire, or say in one sentence why not; where a TargetType would fit, offer to set it. */
export function connectService(lbName: string, serviceName: string, applyFix = false): void {
  const refused = wireToLoadBalancer(lbName, serviceName, applyFix);
  if (!refused) return;
  const { fix } = refused;
  showNotice(
    `${serviceName} not wired to ${lbName}: ${refused.refusal}`,
    'error',
    fix && {
      label: `Set ${fix.targetGroup} to ${fix.targetType}`,
      run: () => connectService(lbName, serviceName, true),
    },
  );
}

/**
 * An edge dragged from a load balancer's dot and let go over a service node. Service
 * nodes take no connection on their own handle, so the drop is read from the pointer.
 */
export function useLbWiring(): OnConnectEnd {
  return useCallback((event, state) => {
    const from = state.fromNode;
    if (!from?.id.startsWith(LB_PREFIX)) return;
    const to = nodeIdAt(event);
    if (!to?.startsWith(SERVICE_PREFIX)) return;
    connectService(from.id.slice(LB_PREFIX.length), to.slice(SERVICE_PREFIX.length));
  }, []);
}
