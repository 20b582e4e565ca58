import type { DesignDocument } from '../design';
import { designStorage, useDesignStore } from './design';
import { handleSaveConflicts, hasUnsavedEdits, newerSave, takeRevision } from './design-storage';
import { runBaseOf } from './run-storage';
import { showNotice } from './session';
import { expectRun } from './sim-control';
import type { KeyValueStorage } from './storage';
import { watchStorageHealth } from './storage-health';
import { DESIGN_REVISION_KEY } from './storage-revision';

/** Keep this tab's design in the designs library under a new name: the name, or why not. */
export type KeepCopy = (design: DesignDocument) => { name: string } | { error: string };

export type SyncOutcome = 'none' | 'taken' | 'kept-both' | 'kept-own' | 'refused';

export const TAKEN_SENTENCE = 'Another tab saved a newer version of this design: it is shown here.';

/** Rev warned of last, so an edit after a "kept your own" notice does not repeat it. */
let warnedRev = -1;

function show(storage: KeyValueStorage, design: DesignDocument, rev: number, notice: string) {
  const current = useDesignStore.getState().design;
  takeRevision(storage, rev, JSON.stringify(design));
  // Only a change the run reads restarts it, and then with this notice; a moved node or a
  // new name (what the run never reads) leaves the run where it is.
  if (runBaseOf(design) !== runBaseOf(current)) expectRun({ notice });
  else showNotice(notice);
  useDesignStore.setState({ design });
}

/**
 * Take a newer save by another tab, if there is one. With no edits of its own unsaved the
 * tab shows it; with some (a save that met the newer one, or that storage refused), its
 * own design goes to the designs library first, so both are kept; if even that fails,
 * the tab keeps showing its own and says so.
 */
export function takeNewerSave(storage: KeyValueStorage, keepCopy: KeepCopy): SyncOutcome {
  const newer = newerSave(storage);
  if (newer.kind === 'none') return 'none';
  if (newer.kind === 'refused') {
    if (warnedRev !== newer.rev)
      showNotice(
        `Another tab saved a design this tab cannot open (${newer.message}), so this tab keeps its own.`,
        'error',
      );
    warnedRev = newer.rev;
    return 'refused';
  }
  if (!hasUnsavedEdits(storage)) {
    show(storage, newer.design, newer.rev, TAKEN_SENTENCE);
    return 'taken';
  }
  const own = useDesignStore.getState().design;
  const kept = keepCopy(own);
  if ('error' in kept) {
    if (warnedRev !== newer.rev)
      showNotice(
        `Another tab saved a newer version of this design, and this tab's edits could not be kept beside it (${kept.error}), so this tab keeps showing its own.`,
        'error',
      );
    warnedRev = newer.rev;
    return 'kept-own';
  }
  show(
    storage,
    newer.design,
    newer.rev,
    `Another tab saved a newer version of this design while this tab had edits of its own: the newer one is shown, and this tab's is kept in Designs as “${kept.name}”.`,
  );
  return 'kept-both';
}

/**
 * Two tabs on one design: a save in either reaches the other by the `storage` event
 * (which fires only in the tabs that did not write), and a save that finds a newer one
 * writes nothing. Also watches whether saving works. Returns the way to stop.
 */
export function startStorageSync(keepCopy: KeepCopy, storage = designStorage): () => void {
  const stopHealth = watchStorageHealth(storage);
  // Later than the save that met the conflict: that save runs inside a design-store update.
  handleSaveConflicts((s) => queueMicrotask(() => takeNewerSave(s, keepCopy)));
  const onStorage = (event: StorageEvent) => {
    if (event.key === DESIGN_REVISION_KEY) takeNewerSave(storage, keepCopy);
  };
  // A tab put to sleep (or restored from the back-forward cache) may have missed events.
  const onVisible = () => {
    if (document.visibilityState === 'visible') takeNewerSave(storage, keepCopy);
  };
  window.addEventListener('storage', onStorage);
  document.addEventListener('visibilitychange', onVisible);
  return () => {
    stopHealth();
    handleSaveConflicts(undefined);
    window.removeEventListener('storage', onStorage);
    document.removeEventListener('visibilitychange', onVisible);
  };
}
