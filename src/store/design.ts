// First: the autosave may hold a YAML AppSpec, whose reader loads before the gate reads it.
import './yaml-boot-loader';
import { temporal } from 'zundo';
import { create } from 'zustand';
import type { DesignDocument } from '../design';
import { type LoadIssue, loadSavedDesign, saveDesign } from './design-storage';
import { browserStorage, type KeyValueStorage } from './storage';

export interface DesignState {
  /** The document: saved, undoable, the only source of what the canvas shows. */
  design: DesignDocument;
  /** Why the saved design was refused at open; not part of undo history. */
  loadIssue: LoadIssue | null;
}

const HISTORY_LIMIT = 200;

export function createDesignStore(storage: KeyValueStorage) {
  const loaded = loadSavedDesign(storage);
  const store = create<DesignState>()(
    temporal(() => ({ design: loaded.design, loadIssue: loaded.issue }), {
      partialize: (state) => ({ design: state.design }),
      // Only document changes make history; dismissing a banner does not.
      equality: (past, current) => past.design === current.design,
      limit: HISTORY_LIMIT,
    }),
  );
  // Autosave on every document change. Designs change per user action (a drag
  // commits once), so a synchronous write is cheap and never loses the last edit.
  store.subscribe((state, previous) => {
    if (state.design !== previous.design) saveDesign(storage, state.design);
  });
  return store;
}

export const designStorage = browserStorage();
export const useDesignStore = createDesignStore(designStorage);
export type DesignStore = typeof useDesignStore;
