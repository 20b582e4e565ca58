import { type DesignDocument, type DesignIssue, type ParseResult, parseDesign } from '../design';
import { useDesignStore } from './design';
import { sampleDocument } from './design-storage';
import { emptyDesign } from './edits/empty';
import {
  type CustomAttribute,
  type InstanceStatus,
  setCustomAttributes,
  setInstanceStatus,
} from './edits/instance-state';
import {
  addInstance,
  type InstancePatch,
  type Position,
  removeInstance,
  updateInstance,
} from './edits/instances';
import {
  addService,
  type NewService,
  removeService,
  type ServicePatch,
  updateService,
} from './edits/services';
import { closeExplain, closeExplainOf } from './explain';
import { requestFit, type Selection, select, showNotice } from './session';
import { sharedText } from './share-link';
import { pause } from './sim-control';

const current = () => useDesignStore.getState().design;
const temporal = () => useDesignStore.temporal.getState();

function commit(design: DesignDocument): void {
  useDesignStore.setState({ design });
}

/** Every edit passes the same gate as an import; nothing invalid reaches the store. */
function tryCommit(candidate: DesignDocument): DesignIssue[] {
  const parsed = parseDesign(candidate);
  if (!parsed.ok) return parsed.issues;
  // A blur without a change must not make an undo step.
  if (JSON.stringify(parsed.design) !== JSON.stringify(current())) commit(parsed.design);
  return [];
}

/** A whole new document: the run starts paused at 0:00, as a fresh page would. */
function replace(design: DesignDocument): void {
  pause();
  closeExplain();
  commit(design);
  select(null);
  requestFit();
}

export function newDesign(): void {
  replace(emptyDesign(current().region));
}

export function loadSample(): void {
  replace(sampleDocument());
}

/** Paste or file: through the gate; on error the current design stays as it is. */
export function importDesign(text: string): ParseResult {
  const parsed = parseDesign(text);
  if (parsed.ok) replace(parsed.design);
  return parsed;
}

/** `cluster`: the frame it was dropped in; the first cluster when absent. */
export function dropInstance(
  instanceType: string,
  az: string,
  position?: Position,
  cluster?: string,
): string {
  const result = addInstance(current(), instanceType, az, position, cluster);
  commit(result.design);
  select({ kind: 'instance', id: result.ec2InstanceId });
  return result.ec2InstanceId;
}

export function dropService(
  form: NewService,
  position?: Position,
  cluster?: string,
): DesignIssue[] {
  const result = addService(current(), form, position, cluster);
  const issues = tryCommit(result.design);
  if (issues.length === 0) select({ kind: 'service', name: result.serviceName });
  return issues;
}

export function editInstance(id: string, patch: InstancePatch): DesignIssue[] {
  return tryCommit(updateInstance(current(), id, patch));
}

/** Recorded in the design, and sent live as UpdateContainerInstancesState. */
export function setStatus(id: string, status: InstanceStatus): DesignIssue[] {
  return tryCommit(setInstanceStatus(current(), id, status));
}

/** Recorded in the design, and sent live as PutAttributes / DeleteAttributes. */
export function setAttributes(id: string, attributes: readonly CustomAttribute[]): DesignIssue[] {
  return tryCommit(setCustomAttributes(current(), id, attributes));
}

export function editService(name: string, patch: ServicePatch): DesignIssue[] {
  return tryCommit(updateService(current(), name, patch));
}

export function removeResources(selections: readonly Selection[]): void {
  let design = current();
  for (const s of selections) {
    if (s?.kind === 'instance') design = removeInstance(design, s.id);
    if (s?.kind === 'service') design = removeService(design, s.name);
  }
  if (design !== current()) commit(design);
  closeExplainOf(selections.flatMap((s) => (s?.kind === 'service' ? [s.name] : [])));
  select(null);
}

/** One drag, one commit: positions (and zones, when an instance changed lane) together. */
export function moveNodes(
  positions: Readonly<Record<string, Position>>,
  zones: Readonly<Record<string, string>> = {},
): void {
  let design: DesignDocument = { ...current(), layout: { ...current().layout, ...positions } };
  for (const [id, az] of Object.entries(zones))
    design = updateInstance(design, id, { availabilityZone: az });
  commit(design);
}

/**
 * Open the design a share link carries, through the same gate as an import. It
 * replaces the current design as one undoable step, so Undo brings that back; a
 * link the gate refuses leaves the design as it is and says why.
 */
export function openSharedLink(hash: string): void {
  const shared = sharedText(hash);
  if (shared.kind === 'none') return;
  if (shared.kind === 'unreadable') {
    useDesignStore.setState({
      loadIssue: {
        message: 'This share link could not be read (is it complete?). Your design is unchanged.',
        issues: [],
      },
    });
    return;
  }
  const parsed = parseDesign(shared.text);
  if (!parsed.ok) {
    useDesignStore.setState({
      loadIssue: {
        message: 'The design in this share link cannot be opened. Your design is unchanged.',
        issues: parsed.issues,
        text: shared.text,
      },
    });
    return;
  }
  replace(parsed.design);
  showNotice(`Opened the shared design “${parsed.design.name}”. Undo brings back yours.`);
}

export function undo(): void {
  temporal().undo();
}

export function redo(): void {
  temporal().redo();
}

export function dismissLoadIssue(): void {
  useDesignStore.setState({ loadIssue: null });
}
