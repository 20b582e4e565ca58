import { create } from 'zustand';
import { useDesignStore } from './design';
import { type NoticeAction, showNotice } from './session';
import { currentRun } from './sim-control';
import { isStandIn, type KeyValueStorage, onStorageWrite, type StorageFailure } from './storage';
import { downloadDesignFile } from './storage-export';

/** Whether the autosave of the design and of its run land, this tab: never saved, never undone. */
export interface StorageHealth {
  design: StorageFailure | null;
  run: StorageFailure | null;
}

export const useStorageHealth = create<StorageHealth>()(() => ({ design: null, run: null }));

export const exportAction: NoticeAction = {
  label: 'Export',
  run: () => downloadDesignFile(useDesignStore.getState().design, currentRun()),
};

/** One sentence each; the design is in memory in every case, and Export keeps it. */
export function failureSentence(area: 'design' | 'run', failure: StorageFailure): string {
  if (area === 'run')
    return failure === 'full'
      ? "This browser's storage is full, so the run is no longer kept here and a reload would start it at 0:00: Export keeps it in a file."
      : 'This browser does not let Berth keep the run (private mode or blocked storage): Export keeps it in a file.';
  return failure === 'full'
    ? "This browser's storage is full, so your changes are no longer saved here: the design stays in this tab, and Export keeps it in a file."
    : 'This browser does not let Berth save (private mode or blocked storage), so the design lives only in this tab: Export keeps it in a file.';
}

export const RECOVERED_SENTENCE = 'Saving works again: the design is kept in this browser.';

/**
 * Say it when saving starts failing and when it works again, once each: a save per edit
 * must not repeat the notice. A failing run save says so only while the design saves.
 */
export function watchStorageHealth(storage: KeyValueStorage): () => void {
  const set = useStorageHealth.setState;
  if (isStandIn(storage)) {
    set({ design: 'unavailable', run: 'unavailable' });
    showNotice(failureSentence('design', 'unavailable'), 'error', exportAction);
  }
  return onStorageWrite(({ area, failure }) => {
    if (area === 'library') return; // The designs dialog says its own refusals in place.
    const before = useStorageHealth.getState();
    if (before[area] === failure) return;
    set({ [area]: failure });
    if (failure && (area === 'design' || before.design === null))
      showNotice(failureSentence(area, failure), 'error', exportAction);
    else if (!failure && area === 'design') showNotice(RECOVERED_SENTENCE);
  });
}
