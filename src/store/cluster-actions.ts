import { parseDesign } from '../design';
import { useDesignStore } from './design';
import { editRefusable } from './design-actions';
import { addCluster, moveRegion, removeCluster, renameCluster } from './edits/clusters';

const current = () => useDesignStore.getState().design;

const edit = editRefusable;

/**
 * The design's name: the run never reads it, so a run goes on as it was (no restart,
 * no journal entry); one undo step like any other document change.
 */
export function renameDesign(name: string): string | undefined {
  const trimmed = name.trim();
  if (trimmed === '') return 'A design needs a name.';
  const design = current();
  if (trimmed === design.name) return undefined;
  const parsed = parseDesign({ ...design, name: trimmed });
  if (!parsed.ok) return parsed.issues[0]?.message ?? 'The name was refused.';
  useDesignStore.setState({ design: { ...design, name: trimmed } });
  return undefined;
}

/** ECS has no RenameCluster: during a run the run restarts at 0:00 with the new name. */
export function editClusterName(from: string, to: string): string | undefined {
  return edit((d) => renameCluster(d, from, to), 'Renaming a cluster');
}

export function createCluster(): string | undefined {
  return edit((d) => addCluster(d), 'CreateCluster');
}

export function deleteCluster(name: string): string | undefined {
  return edit((d) => removeCluster(d, name), 'DeleteCluster');
}

/** Zones move with the region (us-east-1a to eu-west-1a); during a run it restarts. */
export function editRegion(region: string): string | undefined {
  return edit((d) => moveRegion(d, region), 'Moving the design to another region');
}
