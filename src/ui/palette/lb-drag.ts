import type { LoadBalancerKind } from '../../store/edits';

/**
 * A load balancer card on an HTML5 drag. Its own type, beside the shared drag item
 * (drag-item.ts), which knows only instances and services.
 */
export const LB_DRAG_MIME = 'application/x-berth-load-balancer';

const KINDS: readonly LoadBalancerKind[] = ['application', 'network', 'classic'];

export function writeLoadBalancerDrag(transfer: DataTransfer, kind: LoadBalancerKind): void {
  transfer.setData(LB_DRAG_MIME, kind);
  transfer.effectAllowed = 'copy';
}

export function carriesLoadBalancer(transfer: DataTransfer): boolean {
  return transfer.types.includes(LB_DRAG_MIME);
}

export function readLoadBalancerDrag(transfer: DataTransfer): LoadBalancerKind | undefined {
  const text = transfer.getData(LB_DRAG_MIME);
  return KINDS.find((k) => k === text);
}
