import { type ReactFlowInstance, useReactFlow } from '@xyflow/react';
import type { DragEvent } from 'react';
import { useCallback } from 'react';
import { useDesignStore } from '../../store/design';
import { dropInstance, dropService } from '../../store/design-actions';
import type { LoadBalancerKind } from '../../store/edits';
import { dropLoadBalancer } from '../../store/lb-actions';
import { newServiceBlocker, requestFit, showNotice, useSessionStore } from '../../store/session';
import { carriesLoadBalancer, readLoadBalancerDrag } from '../palette/lb-drag';
import { carriesDragItem, readDragItem } from '../shared/drag-item';
import type { BerthNode } from './flow-nodes';
import { SERVICE_WIDTH } from './geometry';
import { placeLoadBalancer } from './lb-graph';
import { placeInstance, placeService } from './placement';

/**
 * A load balancer lands in the row above the clusters, under the pointer's x; when that
 * row is out of view the canvas fits, so the new node is never dropped off screen.
 */
function dropLoadBalancerAt(
  flow: ReactFlowInstance<BerthNode>,
  kind: LoadBalancerKind,
  client: { x: number; y: number },
): void {
  const point = flow.screenToFlowPosition(client);
  const position = placeLoadBalancer(useDesignStore.getState().design, point.x);
  const refusal = dropLoadBalancer(kind, position);
  if (refusal) {
    showNotice(`Load balancer not added: ${refusal}`, 'error');
    return;
  }
  const top = flow.flowToScreenPosition(position);
  const pane = document.querySelector('.react-flow')?.getBoundingClientRect();
  if (pane && top.y < pane.top) requestFit();
}

/** HTML5 drop of a palette item onto the canvas: flow coordinates, then a design edit. */
export function usePaletteDrop() {
  const flow = useReactFlow<BerthNode>();

  const onDragOver = useCallback((event: DragEvent) => {
    if (!carriesDragItem(event.dataTransfer) && !carriesLoadBalancer(event.dataTransfer)) return;
    event.preventDefault();
    event.dataTransfer.dropEffect = 'copy';
  }, []);

  const onDrop = useCallback(
    (event: DragEvent) => {
      const lbKind = readLoadBalancerDrag(event.dataTransfer);
      if (lbKind) {
        event.preventDefault();
        dropLoadBalancerAt(flow, lbKind, { x: event.clientX, y: event.clientY });
        return;
      }
      const item = readDragItem(event.dataTransfer);
      if (!item) return;
      event.preventDefault();
      const point = flow.screenToFlowPosition({ x: event.clientX, y: event.clientY });
      const design = useDesignStore.getState().design;
      if (item.kind === 'instance') {
        // The cursor marks the node's top edge, a little below where the pointer grabbed.
        const placed = placeInstance(design, flow.getNodes(), { x: point.x, y: point.y - 20 });
        dropInstance(item.instanceType, placed.az, placed.position, placed.cluster);
        return;
      }
      const { newService: form, newServiceErrors } = useSessionStore.getState();
      const blocker = newServiceBlocker(newServiceErrors);
      // A drag begun before a field went wrong: the form on screen is not what would be added.
      if (blocker) {
        showNotice(`Service not added: fix ${blocker.field}: ${blocker.error}`, 'error');
        return;
      }
      const placed = placeService(design, flow.getNodes(), {
        x: point.x - SERVICE_WIDTH / 2,
        y: point.y - 24,
      });
      const issues = dropService(form, placed.position, placed.cluster);
      if (issues[0])
        showNotice(`Service not added: ${issues[0].path}: ${issues[0].message}`, 'error');
    },
    [flow],
  );

  return { onDragOver, onDrop };
}
