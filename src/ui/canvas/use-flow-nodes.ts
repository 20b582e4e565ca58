import { applyNodeChanges, type NodeChange } from '@xyflow/react';
import { useCallback, useEffect, useState } from 'react';
import { useSessionStore } from '../../store/session';
import { useShownDesign } from '../shared/use-shown-design';
import { type BerthNode, toFlowNodes } from './flow-nodes';
import { useCanvasCapacity } from './live-capacity';
import { useLiveInstances } from './live-instances';

/** Keep what React Flow measured, so re-derived nodes do not flash hidden. */
function keepMeasured(next: BerthNode[], previous: readonly BerthNode[]): BerthNode[] {
  const byId = new Map(previous.map((n) => [n.id, n]));
  return next.map((node) => {
    const old = byId.get(node.id);
    return old?.measured ? ({ ...node, measured: old.measured } as BerthNode) : node;
  });
}

/**
 * Nodes derived from the design as the run stands at the moment shown (instances
 * registered or terminated by the journal come and go), held locally while React Flow moves them:
 * drags, measurements and selection stay here and never touch the undoable
 * store; a drag reaches the design once, when it ends (toolchain pitfall 6).
 */
export function useFlowNodes() {
  const design = useShownDesign();
  const selection = useSessionStore((s) => s.selection);
  const selectedLb = selection?.kind === 'loadBalancer' ? selection.name : null;
  const live = useLiveInstances(design);
  const capacity = useCanvasCapacity();
  const [nodes, setNodes] = useState<BerthNode[]>(() =>
    toFlowNodes(design, selection, selectedLb, live, capacity),
  );

  useEffect(() => {
    setNodes((previous) =>
      keepMeasured(toFlowNodes(design, selection, selectedLb, live, capacity), previous),
    );
  }, [design, selection, selectedLb, live, capacity]);

  const onNodesChange = useCallback((changes: NodeChange<BerthNode>[]) => {
    setNodes((current) => applyNodeChanges(changes, current));
  }, []);

  return { design, nodes, onNodesChange };
}
