import {
  applyNodeChanges,
  type NodeChange,
  type ReactFlowState,
  useReactFlow,
  useStore,
} from '@xyflow/react';
import { useCallback, useEffect, useLayoutEffect, useRef, useState } from 'react';
import { useSessionStore } from '../../store/session';
import { useShownDesign } from '../shared/use-shown-design';
import { type BerthNode, toFlowNodes } from './flow-nodes';
import { INSTANCE_INSET, INSTANCE_WIDTH, laneContentTop } from './geometry';
import { useCanvasCapacity } from './live-capacity';
import { useLiveInstances } from './live-instances';
import {
  type CanvasDetail,
  nextCanvasDetail,
  SUMMARY_FIT_MAX_ZOOM,
  zoneGroups,
} from './zone-summary';
import { publishZones } from './zone-summary-store';

/**
 * Keep what React Flow measured, so re-derived nodes do not flash hidden. A node that
 * states its own size (a frame, a lane) is measured by that size at once: a lane that
 * just shrank must not be fitted at its old height until the resize observer catches up.
 */
function keepMeasured(next: BerthNode[], previous: readonly BerthNode[]): BerthNode[] {
  const byId = new Map(previous.map((n) => [n.id, n]));
  return next.map((node) => {
    if (node.width !== undefined && node.height !== undefined)
      return { ...node, measured: { width: node.width, height: node.height } } as BerthNode;
    const old = byId.get(node.id);
    return old?.measured ? ({ ...node, measured: old.measured } as BerthNode) : node;
  });
}

/** The width React Flow measured for an instance node (presenter mode draws them larger). */
function measuredInstanceWidth(nodes: readonly BerthNode[]): number | undefined {
  for (const n of nodes) if (n.type === 'instance' && n.measured?.width) return n.measured.width;
  return undefined;
}

/**
 * Instances or zone summaries, from the zoom and the instance node's measured width: a
 * selector that yields a new value only when a threshold is crossed, so a zoom or a pan
 * renders nothing here between crossings.
 */
function useCanvasDetail(widthRef: { current: number }): CanvasDetail {
  const detailRef = useRef<CanvasDetail>('instances');
  const detail = useStore(
    useCallback(
      (s: ReactFlowState) => nextCanvasDetail(detailRef.current, s.transform[2], widthRef.current),
      [widthRef],
    ),
  );
  useLayoutEffect(() => {
    detailRef.current = detail;
  }, [detail]);
  return detail;
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
  const widthRef = useRef(INSTANCE_WIDTH);
  const detail = useCanvasDetail(widthRef);
  const { fitView } = useReactFlow();
  const [nodes, setNodes] = useState<BerthNode[]>(() =>
    toFlowNodes(design, selection, selectedLb, live, capacity),
  );

  useEffect(() => {
    const next = toFlowNodes(design, selection, selectedLb, live, capacity, detail);
    setNodes((previous) => keepMeasured(next, previous));
    publishZones(
      detail,
      detail === 'zones' ? zoneGroups(next, INSTANCE_INSET, laneContentTop) : [],
    );
  }, [design, selection, selectedLb, live, capacity, detail]);

  // Zones replace instances when the cluster is too small to read: fit the (now short)
  // lanes, so the summaries come up large; never so close that the instances come back.
  // Once the short lanes are the nodes React Flow holds (its store takes them in a child's
  // effect, before this one), not before: a fit of the tall lanes would leave the
  // summaries, at their top, off screen.
  const fitZones = useRef(false);
  useEffect(() => {
    fitZones.current = detail === 'zones';
  }, [detail]);
  useEffect(() => {
    const width = measuredInstanceWidth(nodes);
    if (width !== undefined) widthRef.current = width;
    if (!fitZones.current || !nodes.some((n) => n.type === 'instance' && n.hidden)) return;
    fitZones.current = false;
    requestAnimationFrame(
      () => void fitView({ padding: 0.08, maxZoom: SUMMARY_FIT_MAX_ZOOM, duration: 200 }),
    );
  }, [nodes, fitView]);

  const onNodesChange = useCallback((changes: NodeChange<BerthNode>[]) => {
    setNodes((current) => applyNodeChanges(changes, current));
  }, []);

  return { design, nodes, onNodesChange };
}
