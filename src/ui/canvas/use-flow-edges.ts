import { applyEdgeChanges, type EdgeChange } from '@xyflow/react';
import { useCallback, useEffect, useState } from 'react';
import type { DesignDocument } from '../../design';
import { type CallEdge, callEdges } from './call-graph';
import { type TrafficEdge, trafficEdges } from './lb-graph';

export type BerthEdge = TrafficEdge | CallEdge;

const edgesOf = (design: DesignDocument): BerthEdge[] => [
  ...trafficEdges(design),
  ...callEdges(design),
];

/**
 * Edges derived from the design, held here so React Flow can select one (and the Delete
 * key can find it); a selection survives the design changing under it.
 */
export function useFlowEdges(design: DesignDocument) {
  const [edges, setEdges] = useState<BerthEdge[]>(() => edgesOf(design));

  useEffect(() => {
    setEdges((previous) => {
      const selected = new Set(previous.filter((e) => e.selected).map((e) => e.id));
      return edgesOf(design).map((e) => (selected.has(e.id) ? { ...e, selected: true } : e));
    });
  }, [design]);

  const onEdgesChange = useCallback((changes: EdgeChange<BerthEdge>[]) => {
    setEdges((current) => applyEdgeChanges(changes, current));
  }, []);

  return { edges, onEdgesChange };
}
