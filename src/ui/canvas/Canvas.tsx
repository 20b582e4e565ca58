import {
  Background,
  Controls,
  type EdgeTypes,
  MiniMap,
  type NodeChange,
  type NodeTypes,
  ReactFlow,
  SelectionMode,
  useConnection,
  useReactFlow,
} from '@xyflow/react';
import { type MouseEvent, useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { moveNodes } from '../../store/design-actions';
import { select, useSessionStore } from '../../store/session';
import { usePresenter } from '../app/presenter';
import { useResolvedTheme } from '../app/theme';
import '../styles/load-balancers.css';
import { AutoScalingGroupNodeView } from './AutoScalingGroupNodeView';
import { BootingInstanceNodeView } from './BootingInstanceNodeView';
import { CallEdgeView } from './CallEdgeView';
import { ClusterFrameView } from './ClusterFrameView';
import { ContextMenu } from './ContextMenu';
import { deleteElements, selectionOf } from './canvas-commands';
import { closeMenu, openMenu, setMulti, useCanvasUi } from './canvas-ui';
import { FargateLaneNodeView } from './FargateLaneNodeView';
import type { BerthNode } from './flow-nodes';
import { NODE_DRAG_THRESHOLD } from './geometry';
import { InstanceNodeView } from './InstanceNodeView';
import { BandNodeView, LaneNodeView } from './LaneNodeView';
import { LoadBalancerNodeView } from './LoadBalancerNodeView';
import { draggedLayout } from './placement';
import { fitOptionsFor } from './presenter-fit';
import { ServiceNodeView } from './ServiceNodeView';
import { TrafficEdgeView } from './TrafficEdgeView';
import { useCanvasKeys } from './use-canvas-keys';
import { type BerthEdge, useFlowEdges } from './use-flow-edges';
import { useFlowNodes } from './use-flow-nodes';
import { useLbWiring } from './use-lb-wiring';
import { usePaletteDrop } from './use-palette-drop';

// Module scope: a new object per render would remount every node.
const nodeTypes: NodeTypes = {
  cluster: ClusterFrameView,
  lane: LaneNodeView,
  band: BandNodeView,
  instance: InstanceNodeView,
  service: ServiceNodeView,
  loadBalancer: LoadBalancerNodeView,
  autoScalingGroup: AutoScalingGroupNodeView,
  booting: BootingInstanceNodeView,
  fargateLane: FargateLaneNodeView,
};

const edgeTypes: EdgeTypes = { traffic: TrafficEdgeView, call: CallEdgeView };

/** Selections no node stands for: a click on a node around them must not replace them. */
const NOT_A_NODE = new Set(['task', 'capacityProvider']);

/** Minimap fills: the theme's variables where it sets them, else these. */
function minimapColor(node: BerthNode): string {
  if (node.type === 'cluster') return 'var(--minimap-cluster, rgb(31 58 95 / 8%))';
  if (node.type === 'lane' || node.type === 'band' || node.type === 'fargateLane')
    return 'var(--minimap-lane, rgb(31 58 95 / 10%))';
  if (node.type === 'service') return 'var(--minimap-service, #2f6fdf)';
  if (node.type === 'loadBalancer') return 'var(--minimap-lb, #7c4dcc)';
  return 'var(--minimap-instance, #5b6575)';
}

/** Needs a ReactFlowProvider above it (the app shell has one, shared with the palette). */
export function Canvas() {
  const colorMode = useResolvedTheme();
  const { design, nodes, onNodesChange } = useFlowNodes();
  const { edges, onEdgesChange } = useFlowEdges(design);
  const onConnectEnd = useLbWiring();
  // Service nodes light up as drop targets while an edge is being drawn.
  const connecting = useConnection((c) => c.inProgress);
  const { onDragOver, onDrop } = usePaletteDrop();
  const { fitView, getNodes } = useReactFlow<BerthNode>();
  const fitRequest = useSessionStore((s) => s.fitRequest);
  const multi = useCanvasUi((s) => s.multi);
  const minimap = useCanvasUi((s) => s.minimap);
  const presenter = usePresenter();

  useEffect(() => {
    if (fitRequest > 0)
      requestAnimationFrame(
        () => void fitView({ ...fitOptionsFor(getNodes(), presenter), duration: 200 }),
      );
  }, [fitRequest, fitView, getNodes, presenter]);

  // P changes the canvas's size (the side panels fold) and what a fit frames: fit again,
  // once the new layout is measured.
  const presenterShown = useRef(presenter);
  useEffect(() => {
    if (presenterShown.current === presenter) return;
    presenterShown.current = presenter;
    const timer = setTimeout(
      () => void fitView({ ...fitOptionsFor(getNodes(), presenter), duration: 200 }),
      60,
    );
    return () => clearTimeout(timer);
  }, [presenter, fitView, getNodes]);

  // The first fit, as the design first arrives; React Flow reads it once.
  const [initialFit] = useState(() => fitOptionsFor(nodes, presenter));

  // The nodes derive one selection from the session; while several are selected the
  // canvas marks them itself, so a re-derived node keeps its mark.
  const shownNodes = useMemo(() => {
    if (multi.length < 2) return nodes;
    const chosen = new Set(multi);
    return nodes.map((n) =>
      Boolean(n.selected) === chosen.has(n.id) ? n : { ...n, selected: chosen.has(n.id) },
    );
  }, [nodes, multi]);
  const nodesRef = useRef<readonly BerthNode[]>(shownNodes);
  nodesRef.current = shownNodes;
  useCanvasKeys(nodesRef);

  // React Flow calls this for a drag of the box around a selection too (no node then);
  // onSelectionDragStop would be a second commit of the same move.
  const onNodeDragStop = useCallback(
    (_event: unknown, _node: BerthNode | undefined, dragged: BerthNode[]) => {
      const { positions, zones } = draggedLayout(design, nodes, dragged);
      // A load balancer goes where it was let go; placement knows only instances and services.
      for (const node of dragged)
        if (node.type === 'loadBalancer')
          positions[node.id] = { x: Math.round(node.position.x), y: Math.round(node.position.y) };
      moveNodes(positions, zones);
    },
    [design, nodes],
  );
  // A person's clicks arrive as `select` changes; React Flow's onSelectionChange also fires
  // (a render late) when the nodes prop changes, and following that fought the store: a
  // node selected before it was drawn flipped between selected and not until React gave up.
  const onNodesChangeSelecting = useCallback(
    (changes: NodeChange<BerthNode>[]) => {
      onNodesChange(changes);
      const selects = changes.filter((c) => c.type === 'select');
      if (selects.length === 0) return;
      // What React Flow now holds selected: a box, or Shift+click, may make it several.
      const now = new Set(shownNodes.filter((n) => n.selected).map((n) => n.id));
      for (const c of selects)
        if (c.selected) now.add(c.id);
        else now.delete(c.id);
      const pickedId =
        selects.find((c) => c.selected)?.id ?? (now.size === 1 ? [...now][0] : undefined);
      if (now.size >= 2) {
        const ids = shownNodes.filter((n) => now.has(n.id)).map((n) => n.id);
        setMulti(ids);
        const primary = shownNodes.find(
          (n) => n.id === (pickedId !== undefined && now.has(pickedId) ? pickedId : ids[0]),
        );
        select(selectionOf(primary));
        return;
      }
      setMulti([]);
      const node = pickedId === undefined ? undefined : shownNodes.find((n) => n.id === pickedId);
      const next = selectionOf(node);
      // Clicking a task chip also clicks its instance's node: keep the task (and a group's
      // provider, picked from the group's node).
      const current = useSessionStore.getState().selection?.kind;
      if (next === null && current !== undefined && NOT_A_NODE.has(current)) return;
      if (next === null && pickedId !== undefined) return;
      select(next);
    },
    [shownNodes, onNodesChange],
  );

  const onPaneClick = useCallback(() => {
    setMulti([]);
    select(null);
  }, []);

  // One callback for nodes and edges: a load balancer's own edges go with it in one step.
  const onDelete = useCallback(
    ({ nodes: deletedNodes, edges: deletedEdges }: { nodes: BerthNode[]; edges: BerthEdge[] }) =>
      deleteElements(deletedNodes, deletedEdges),
    [],
  );

  // A right-click on a node outside the selection selects it alone first, as file managers do.
  const onNodeContextMenu = useCallback((event: MouseEvent, node: BerthNode) => {
    event.preventDefault();
    const inSelection = useCanvasUi.getState().multi.includes(node.id) || node.selected === true;
    if (!inSelection && node.selectable !== false) {
      setMulti([]);
      select(selectionOf(node));
    }
    openMenu({ x: event.clientX, y: event.clientY, nodeId: node.id });
  }, []);
  // After a box selection React Flow lays a rectangle over the chosen nodes.
  const onSelectionContextMenu = useCallback((event: MouseEvent, chosen: BerthNode[]) => {
    event.preventDefault();
    openMenu({ x: event.clientX, y: event.clientY, nodeId: chosen[0]?.id ?? '' });
  }, []);
  const onPaneContextMenu = useCallback((event: MouseEvent | globalThis.MouseEvent) => {
    event.preventDefault();
    openMenu({ x: event.clientX, y: event.clientY });
  }, []);

  return (
    <div
      className={`canvas${connecting ? ' connecting' : ''}`}
      data-testid="canvas"
      role="application"
      aria-label="Cluster canvas"
      onDragOver={onDragOver}
      onDrop={onDrop}
    >
      <ReactFlow<BerthNode, BerthEdge>
        colorMode={colorMode}
        nodes={shownNodes}
        nodeTypes={nodeTypes}
        edges={edges}
        edgeTypes={edgeTypes}
        onNodesChange={onNodesChangeSelecting}
        onEdgesChange={onEdgesChange}
        onConnectEnd={onConnectEnd}
        onNodeDragStop={onNodeDragStop}
        onPaneClick={onPaneClick}
        onNodeContextMenu={onNodeContextMenu}
        onPaneContextMenu={onPaneContextMenu}
        onSelectionContextMenu={onSelectionContextMenu}
        onMoveStart={closeMenu}
        onDelete={onDelete}
        deleteKeyCode={['Delete', 'Backspace']}
        // Shift+drag on the canvas draws a box (a plain drag still pans); Shift or Ctrl+click adds.
        selectionKeyCode="Shift"
        multiSelectionKeyCode={['Shift', 'Meta', 'Control']}
        selectionMode={SelectionMode.Partial}
        nodeDragThreshold={NODE_DRAG_THRESHOLD}
        nodeClickDistance={NODE_DRAG_THRESHOLD}
        fitView
        fitViewOptions={initialFit}
        minZoom={0.2}
        maxZoom={1.6}
      >
        <Background gap={24} size={1.5} color="var(--canvas-dot)" />
        <Controls showInteractive={false} position="bottom-left" />
        {minimap && (
          <MiniMap<BerthNode>
            position="bottom-right"
            pannable
            zoomable
            nodeColor={minimapColor}
            nodeStrokeWidth={0}
            style={{ width: 168, height: 112 }}
            ariaLabel="Minimap: M hides it"
          />
        )}
      </ReactFlow>
      <ContextMenu nodes={shownNodes} />
    </div>
  );
}
