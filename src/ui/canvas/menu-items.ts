import { type Clip, isEmptyClip } from '../../store/clipboard-actions';
import { copyable } from './canvas-commands';
import type { BerthNode } from './flow-nodes';

export type MenuAction = 'inspect' | 'duplicate' | 'copy' | 'paste' | 'delete' | 'fit';

export interface MenuItem {
  action: MenuAction;
  label: string;
  keys: string;
  /** Why the item cannot apply now; the item is then disabled. */
  disabled?: string;
  /** What choosing it will do beyond the obvious (a run that restarts). */
  note?: string;
}

export interface MenuContext {
  /** The selection the menu acts on (the right-clicked node joins it first). */
  selected: readonly BerthNode[];
  /** Right-clicked on the empty canvas. */
  onPane: boolean;
  /** A run has begun: edits are operations on the running cluster. */
  live: boolean;
  clip: Clip;
}

const RESTARTS = 'Restarts the run at 0:00: a new service is no operation on a running cluster.';

function copyBlocker(selected: readonly BerthNode[]): string | undefined {
  if (selected.length === 0) return 'Select an instance or a service first.';
  const { ids, names } = copyable(selected);
  if (ids.length + names.length > 0) return undefined;
  if (selected.some((n) => n.type === 'instance'))
    return 'Launched by an Auto Scaling group: raise its desired capacity for more.';
  return 'Only instances and services copy.';
}

function addNote(live: boolean, services: number, instances: number): string | undefined {
  if (!live) return undefined;
  if (services > 0) return RESTARTS;
  if (instances > 0) return 'Registers the copy now (RegisterContainerInstance).';
  return undefined;
}

function deleteItem(selected: readonly BerthNode[], live: boolean): MenuItem {
  const item: MenuItem = { action: 'delete', label: 'Delete', keys: 'Del' };
  const deletable = selected.filter((n) => n.deletable !== false);
  if (selected.length === 0) return { ...item, disabled: 'Nothing is selected.' };
  if (deletable.length === 0)
    return {
      ...item,
      disabled:
        selected[0]?.type === 'autoScalingGroup'
          ? 'An Auto Scaling group is deleted from its inspector.'
          : 'This cannot be deleted from the canvas.',
    };
  if (!live) return item;
  if (deletable.some((n) => n.type === 'service'))
    return { ...item, note: 'Restarts the run at 0:00 without the service.' };
  if (deletable.some((n) => n.type === 'instance'))
    return { ...item, note: 'Terminates the instance now: its tasks stop and are replaced.' };
  return item;
}

/** The menu for a right-click: every item, the ones that cannot apply saying why. */
export function menuItems({ selected, onPane, live, clip }: MenuContext): MenuItem[] {
  const chosen = onPane ? [] : selected;
  const { ids, names } = copyable(chosen);
  const blocker = copyBlocker(chosen);
  const inspect: MenuItem = onPane
    ? { action: 'inspect', label: 'Inspect design', keys: '' }
    : chosen.length > 1
      ? {
          action: 'inspect',
          label: 'Inspect',
          keys: '',
          disabled: `${chosen.length} are selected: the inspector lists them; click one there.`,
        }
      : { action: 'inspect', label: 'Inspect', keys: '' };
  const duplicate: MenuItem = { action: 'duplicate', label: 'Duplicate', keys: 'Ctrl+D' };
  const copy: MenuItem = { action: 'copy', label: 'Copy', keys: 'Ctrl+C' };
  const note = addNote(live, names.length, ids.length);
  const paste: MenuItem = { action: 'paste', label: 'Paste', keys: 'Ctrl+V' };
  const pasteNote = addNote(live, clip.services.length, clip.instances.length);
  return [
    inspect,
    blocker ? { ...duplicate, disabled: blocker } : note ? { ...duplicate, note } : duplicate,
    blocker ? { ...copy, disabled: blocker } : copy,
    isEmptyClip(clip)
      ? { ...paste, disabled: 'Copy an instance or a service first.' }
      : pasteNote
        ? { ...paste, note: pasteNote }
        : paste,
    onPane
      ? { ...deleteItem([], live), disabled: 'Right-click a node to delete it.' }
      : deleteItem(chosen, live),
    { action: 'fit', label: 'Zoom to fit', keys: 'F' },
  ];
}
