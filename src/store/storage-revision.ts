import type { KeyValueStorage } from './storage';

/**
 * Beside the autosave (`berth.design`, whose text keeps its plain design shape), the
 * revision of what it holds: a count every save raises, the tab that wrote it, and a
 * hash of the text, so another tab can tell a newer save from an older one and a
 * revision from a design text that has not arrived yet.
 */
export const DESIGN_REVISION_KEY = 'berth.design.revision';

export interface SavedRevision {
  rev: number;
  tab: string;
  hash: string;
}

/** A tab's name in revisions: random, never part of a design or a run. */
export function newTabId(): string {
  return typeof crypto !== 'undefined' && 'randomUUID' in crypto
    ? crypto.randomUUID()
    : `tab-${Math.random().toString(36).slice(2)}`;
}

/** FNV-1a over the text and its length: enough to tell the text a revision was written with. */
export function textHash(text: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return `${(h >>> 0).toString(16)}:${text.length}`;
}

/** The revision as written, or null (none yet: a save from before revisions, or unreadable). */
export function parseRevision(text: string | null): SavedRevision | null {
  if (text === null) return null;
  try {
    const value = JSON.parse(text) as Partial<SavedRevision>;
    if (
      typeof value.rev === 'number' &&
      Number.isSafeInteger(value.rev) &&
      typeof value.tab === 'string' &&
      typeof value.hash === 'string'
    )
      return { rev: value.rev, tab: value.tab, hash: value.hash };
  } catch {
    // Unreadable: as if none, so the next save writes a good one.
  }
  return null;
}

export function readRevision(storage: KeyValueStorage): SavedRevision | null {
  try {
    return parseRevision(storage.getItem(DESIGN_REVISION_KEY));
  } catch {
    return null;
  }
}
