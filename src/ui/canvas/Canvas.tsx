import {
  Background,
  Controls,
  type EdgeTypes,
  type NodeTypes,
  type OnSelectionChangeFunc,
  ReactFlow,
  useReactFlow,
} from '@xyflow/react';
import { useCallback, useEffect, useMemo } from 'react';
import { moveNodes, removeResources } from '../../store/design-actions';
import { type Selection, select, useSessionStore } from '../../store/session';
import { ClusterFrameView } from './ClusterFrameView';
import type { BerthNode } from './flow-nodes';
import { NODE_DRAG_THRESHOLD } from './geometry';
import { InstanceNodeView } from './InstanceNodeView';
import { BandNodeView, LaneNodeView } from './LaneNodeView';
import { LoadBalancerNodeView } from './LoadBalancerNodeView';
import { trafficEdges } from './lb-graph';
import { draggedLayout } from './placement';
import { ServiceNodeView } from './ServiceNodeView';
import { TrafficEdgeView } from './TrafficEdgeView';
import { useFlowNodes } from './use-flow-nodes';
import { usePaletteDrop } from './use-palette-drop';

// Module scope: a new object per render would remount every node.
const nodeTypes: NodeTypes = {
  cluster: ClusterFrameView,
  lane: LaneNodeView,
  band: BandNodeView,
  instance: InstanceNodeView,
  service: ServiceNodeView,
  loadBalancer: LoadBalancerNodeView,
};

const edgeTypes: EdgeTypes = { traffic: TrafficEdgeView };

function selectionOf(node: BerthNode | undefined): Selection {
  if (node?.type === 'instance') return { kind: 'instance', id: node.data.ec2InstanceId };
  if (node?.type === 'service') return { kind: 'service', name: node.data.summary.serviceName };
  return null;
}

/** Needs a ReactFlowProvider above it (the app shell has one, shared with the palette). */
export function Canvas() {
  const { design, nodes, onNodesChange } = useFlowNodes();
  const edges = useMemo(() => trafficEdges(design), [design]);
  const { onDragOver, onDrop } = usePaletteDrop();
  const { fitView } = useReactFlow();
  const fitRequest = useSessionStore((s) => s.fitRequest);

  useEffect(() => {
    if (fitRequest > 0) requestAnimationFrame(() => void fitView({ padding: 0.08, duration: 200 }));
  }, [fitRequest, fitView]);

  const onNodeDragStop = useCallback(
    (_event: unknown, _node: BerthNode, dragged: BerthNode[]) => {
      const { positions, zones } = draggedLayout(design, nodes, dragged);
      moveNodes(positions, zones);
    },
    [design, nodes],
  );

  // React Flow reports an empty selection when a task (not a node) gets selected: keep the task.
  const onSelectionChange = useCallback<OnSelectionChangeFunc<BerthNode>>(({ nodes: picked }) => {
    const next = selectionOf(picked[0]);
    if (next === null && useSessionStore.getState().selection?.kind === 'task') return;
    select(next);
  }, []);

  const onPaneClick = useCallback(() => select(null), []);

  const onNodesDelete = useCallback(
    (deleted: BerthNode[]) => removeResources(deleted.map(selectionOf)),
    [],
  );

  return (
    <div
      className="canvas"
      data-testid="canvas"
      role="application"
      aria-label="Cluster canvas"
      onDragOver={onDragOver}
      onDrop={onDrop}
    >
      <ReactFlow<BerthNode>
        nodes={nodes}
        nodeTypes={nodeTypes}
        edges={edges}
        edgeTypes={edgeTypes}
        onNodesChange={onNodesChange}
        onNodeDragStop={onNodeDragStop}
        onSelectionChange={onSelectionChange}
        onPaneClick={onPaneClick}
        onNodesDelete={onNodesDelete}
        deleteKeyCode={['Delete', 'Backspace']}
        nodeDragThreshold={NODE_DRAG_THRESHOLD}
        nodeClickDistance={NODE_DRAG_THRESHOLD}
        fitView
        fitViewOptions={{ padding: 0.08 }}
        minZoom={0.2}
        maxZoom={1.6}
      >
        <Background gap={24} size={1.5} color="#d5dbe5" />
        <Controls showInteractive={false} position="bottom-left" />
      </ReactFlow>
    </div>
  );
}
