import {
  Background,
  Controls,
  type EdgeTypes,
  type NodeChange,
  type NodeTypes,
  ReactFlow,
  useConnection,
  useReactFlow,
} from '@xyflow/react';
import { useCallback, useEffect } from 'react';
import { moveNodes, removeResources } from '../../store/design-actions';
import { removeLoadBalancing } from '../../store/lb-actions';
import { type Selection, select, showNotice, useSessionStore } from '../../store/session';
import '../styles/load-balancers.css';
import { AutoScalingGroupNodeView } from './AutoScalingGroupNodeView';
import { BootingInstanceNodeView } from './BootingInstanceNodeView';
import { CallEdgeView } from './CallEdgeView';
import { ClusterFrameView } from './ClusterFrameView';
import { FargateLaneNodeView } from './FargateLaneNodeView';
import type { BerthNode } from './flow-nodes';
import { NODE_DRAG_THRESHOLD } from './geometry';
import { InstanceNodeView } from './InstanceNodeView';
import { BandNodeView, LaneNodeView } from './LaneNodeView';
import { LoadBalancerNodeView } from './LoadBalancerNodeView';
import { draggedLayout } from './placement';
import { ServiceNodeView } from './ServiceNodeView';
import { TrafficEdgeView } from './TrafficEdgeView';
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

function selectionOf(node: BerthNode | undefined): Selection {
  if (node?.type === 'instance') return { kind: 'instance', id: node.data.ec2InstanceId };
  if (node?.type === 'service') return { kind: 'service', name: node.data.summary.serviceName };
  if (node?.type === 'autoScalingGroup')
    return { kind: 'autoScalingGroup', name: node.data.place.name };
  return null;
}

/** Selections no node stands for: a click on a node around them must not replace them. */
const NOT_A_NODE = new Set(['task', 'capacityProvider']);

/** Needs a ReactFlowProvider above it (the app shell has one, shared with the palette). */
export function Canvas() {
  const { design, nodes, onNodesChange } = useFlowNodes();
  const { edges, onEdgesChange } = useFlowEdges(design);
  const onConnectEnd = useLbWiring();
  // Service nodes light up as drop targets while an edge is being drawn.
  const connecting = useConnection((c) => c.inProgress);
  const { onDragOver, onDrop } = usePaletteDrop();
  const { fitView } = useReactFlow();
  const fitRequest = useSessionStore((s) => s.fitRequest);

  useEffect(() => {
    if (fitRequest > 0) requestAnimationFrame(() => void fitView({ padding: 0.08, duration: 200 }));
  }, [fitRequest, fitView]);

  const onNodeDragStop = useCallback(
    (_event: unknown, _node: BerthNode, dragged: BerthNode[]) => {
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
      const picked = selects.find((c) => c.selected);
      const node = picked && nodes.find((n) => n.id === picked.id);
      if (node?.type === 'loadBalancer')
        return select({ kind: 'loadBalancer', name: node.data.name });
      const next = selectionOf(node);
      // Clicking a task chip also clicks its instance's node: keep the task (and a group's
      // provider, picked from the group's node).
      const current = useSessionStore.getState().selection?.kind;
      if (next === null && current !== undefined && NOT_A_NODE.has(current)) return;
      if (next === null && picked) return;
      select(next);
    },
    [nodes, onNodesChange],
  );

  const onPaneClick = useCallback(() => {
    select(null);
  }, []);

  // One callback for nodes and edges: a load balancer's own edges go with it in one step.
  const onDelete = useCallback(
    ({ nodes: deletedNodes, edges: deletedEdges }: { nodes: BerthNode[]; edges: BerthEdge[] }) => {
      const lbs = deletedNodes.flatMap((n) => (n.type === 'loadBalancer' ? [n.data.name] : []));
      const wires = deletedEdges.flatMap((e) =>
        e.type === 'traffic' && e.data && !lbs.includes(e.data.lbName)
          ? [{ lbName: e.data.lbName, serviceName: e.data.serviceName }]
          : [],
      );
      const resources = deletedNodes.filter((n) => n.type === 'instance' || n.type === 'service');
      if (resources.length > 0) removeResources(resources.map(selectionOf));
      if (lbs.length === 0 && wires.length === 0) return;
      const refusal = removeLoadBalancing(lbs, wires);
      if (refusal) showNotice(`Not deleted: ${refusal}`, 'error');
    },
    [],
  );

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
        nodes={nodes}
        nodeTypes={nodeTypes}
        edges={edges}
        edgeTypes={edgeTypes}
        onNodesChange={onNodesChangeSelecting}
        onEdgesChange={onEdgesChange}
        onConnectEnd={onConnectEnd}
        onNodeDragStop={onNodeDragStop}
        onPaneClick={onPaneClick}
        onDelete={onDelete}
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
