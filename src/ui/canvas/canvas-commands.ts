import {
  type Clip,
  copyResources,
  designShown,
  isEmptyClip,
  pastedNodeIds,
  pasteResources,
} from '../../store/clipboard-actions';
import { removeResources } from '../../store/design-actions';
import type { Position } from '../../store/edits';
import { removeLoadBalancing } from '../../store/lb-actions';
import { type Selection, select, showNotice } from '../../store/session';
import { notePaste, selectedNodeIds, setClip, setMulti, useCanvasUi } from './canvas-ui';
import type { BerthNode } from './flow-nodes';
import type { BerthEdge } from './use-flow-edges';

/** The selection a node stands for in the inspector. */
export function selectionOf(node: BerthNode | undefined): Selection {
  if (node?.type === 'instance') return { kind: 'instance', id: node.data.ec2InstanceId };
  if (node?.type === 'service') return { kind: 'service', name: node.data.summary.serviceName };
  if (node?.type === 'loadBalancer') return { kind: 'loadBalancer', name: node.data.name };
  if (node?.type === 'autoScalingGroup')
    return { kind: 'autoScalingGroup', name: node.data.place.name };
  return null;
}

export function selectedNodes(nodes: readonly BerthNode[]): BerthNode[] {
  const ids = new Set(selectedNodeIds());
  return nodes.filter((n) => ids.has(n.id));
}

/** What of a selection copies: the design's instances and services (not what a group launched). */
export function copyable(nodes: readonly BerthNode[]): { ids: string[]; names: string[] } {
  const ids = nodes.flatMap((n) =>
    n.type === 'instance' && !n.data.live ? [n.data.ec2InstanceId] : [],
  );
  const names = nodes.flatMap((n) => (n.type === 'service' ? [n.data.summary.serviceName] : []));
  return { ids, names };
}

function clipOf(nodes: readonly BerthNode[]): Clip {
  const { ids, names } = copyable(nodes);
  const at: Record<string, Position> = {};
  for (const n of nodes) if (n.type === 'service') at[n.data.summary.serviceName] = n.position;
  return copyResources(designShown(), ids, names, at);
}

/** Select what a paste added: one in the inspector, several on the canvas. */
function selectPasted(nodeIds: readonly string[], first: Selection): void {
  setMulti(nodeIds);
  select(first);
}

function paste(clip: Clip, shift: number): boolean {
  const outcome = pasteResources(clip, shift);
  if (!outcome.ok) {
    const issue = outcome.issues[0];
    showNotice(
      `Not pasted: ${issue ? `${issue.path} ${issue.message}` : 'the design refused it'}.`,
      'error',
    );
    return false;
  }
  const [id] = outcome.instanceIds;
  const [name] = outcome.serviceNames;
  const first: Selection =
    id !== undefined
      ? { kind: 'instance', id }
      : name !== undefined
        ? { kind: 'service', name }
        : null;
  selectPasted(pastedNodeIds(outcome), first);
  return true;
}

/** Ctrl+C: false when nothing copyable is selected (the key then keeps its usual meaning). */
export function copySelection(nodes: readonly BerthNode[]): boolean {
  const clip = clipOf(selectedNodes(nodes));
  if (isEmptyClip(clip)) return false;
  setClip(clip);
  const n = clip.instances.length + clip.services.length;
  showNotice(`Copied ${n === 1 ? 'one resource' : `${n} resources`}: Ctrl+V pastes.`);
  return true;
}

export function pasteClipboard(): boolean {
  const { clip } = useCanvasUi.getState();
  if (isEmptyClip(clip)) return false;
  return paste(clip, notePaste());
}

/** Ctrl+D: copy and paste in one step, the clipboard left as it was. */
export function duplicateSelection(nodes: readonly BerthNode[]): boolean {
  const clip = clipOf(selectedNodes(nodes));
  if (isEmptyClip(clip)) return false;
  return paste(clip, 1);
}

/** Delete, from the key or the menu: instances and services, load balancers and their edges. */
export function deleteElements(
  deletedNodes: readonly BerthNode[],
  deletedEdges: readonly BerthEdge[],
) {
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
}

export function deleteSelection(nodes: readonly BerthNode[]): void {
  const chosen = selectedNodes(nodes).filter((n) => n.deletable !== false);
  if (chosen.length > 0) deleteElements(chosen, []);
}
