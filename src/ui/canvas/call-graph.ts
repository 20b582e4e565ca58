import type { Edge } from '@xyflow/react';
import { type DesignDocument, resolveCall } from '../../design';
import { serviceKey } from '../../store/edits';

/** A call from one service's tasks to another service by name (design `calls`). */
export type CallEdge = Edge<
  {
    fromService: string;
    endpoint: string;
    /** Which of the calls into the same server it is: its path runs that much lower. */
    lane: number;
  },
  'call'
>;

/** Handles on a service node that call edges leave from and arrive at. */
export const CALLS_OUT = 'calls-out';
export const CALLS_IN = 'calls-in';

/**
 * One edge per call that resolves, from the client service to the one that answers it.
 * They are the design's, not the person's to wire or delete: edit `calls` for that.
 */
export function callEdges(design: DesignDocument): CallEdge[] {
  const lanes = new Map<string, number>();
  return (design.calls ?? []).flatMap((call, i) => {
    const route = resolveCall(design, call.fromService, call.endpoint);
    if ('error' in route) return [];
    const lane = lanes.get(route.serverService) ?? 0;
    lanes.set(route.serverService, lane + 1);
    return [
      {
        id: `call:${i}:${call.fromService}`,
        type: 'call',
        source: serviceKey(call.fromService),
        target: serviceKey(route.serverService),
        sourceHandle: CALLS_OUT,
        targetHandle: CALLS_IN,
        selectable: false,
        deletable: false,
        // Above the cluster frame it runs across, so its label reads.
        zIndex: 4,
        data: { fromService: call.fromService, endpoint: call.endpoint, lane },
      },
    ];
  });
}
