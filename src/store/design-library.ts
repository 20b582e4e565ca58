import { create } from 'zustand';
import { type DesignDocument, parseDesign } from '../design';
import { designStorage, useDesignStore } from './design';
import { closeExplain } from './explain';
import { requestFit, select, showNotice } from './session';
import { expectRun, pause } from './sim-control';
import { type KeyValueStorage, writeItem } from './storage';
import { startStorageSync } from './storage-sync';

/**
 * Named designs kept in this browser, beside the autosave of the current one
 * (`berth.design`, untouched). One key holds them all: the storage the stores use has no
 * removeItem, and a library of a few workshop designs is tens of kilobytes.
 */
export const LIBRARY_KEY = 'berth.designs';

export interface LibraryEntry {
  id: string;
  name: string;
  /** ISO time of the last save. */
  savedAt: string;
  /** The design as JSON, through the gate again when opened. */
  text: string;
}

export interface LibraryRow {
  id: string;
  name: string;
  savedAt: string;
  bytes: number;
}

export function readLibrary(storage: KeyValueStorage): LibraryEntry[] {
  let text: string | null = null;
  try {
    text = storage.getItem(LIBRARY_KEY);
  } catch {
    return [];
  }
  if (text === null) return [];
  try {
    const parsed: unknown = JSON.parse(text);
    const entries = (parsed as { entries?: unknown }).entries;
    if (!Array.isArray(entries)) return [];
    return entries.filter(
      (e): e is LibraryEntry =>
        typeof e === 'object' &&
        e !== null &&
        typeof e.id === 'string' &&
        typeof e.name === 'string' &&
        typeof e.savedAt === 'string' &&
        typeof e.text === 'string',
    );
  } catch {
    return [];
  }
}

/** The entries written, or the sentence that says why not (a full storage). */
export function writeLibrary(
  storage: KeyValueStorage,
  entries: readonly LibraryEntry[],
  what: string,
): string | undefined {
  const failure = writeItem(
    storage,
    LIBRARY_KEY,
    JSON.stringify({ version: 1, entries }),
    'library',
  );
  if (failure === null) return undefined;
  return failure === 'full'
    ? `This browser's storage is full, so ${what} did not happen: delete a saved design or export this one to a file.`
    : `This browser does not let Berth keep designs (private mode or blocked storage), so ${what} did not happen: export this one to a file.`;
}

const encoder = new TextEncoder();

export function rowsOf(entries: readonly LibraryEntry[]): LibraryRow[] {
  return entries
    .map((e) => ({
      id: e.id,
      name: e.name,
      savedAt: e.savedAt,
      bytes: encoder.encode(e.text).length,
    }))
    .sort((a, b) => b.savedAt.localeCompare(a.savedAt));
}

let idCount = 0;
const freshId = (now: Date) => {
  idCount += 1;
  return `d-${now.getTime().toString(36)}-${idCount}`;
};

/**
 * Save `design` under `name`: a design already saved under that name is saved over (its
 * id kept), else a new entry. Returns the id, or the sentence of a refusal.
 */
export function saveEntry(
  storage: KeyValueStorage,
  design: DesignDocument,
  name: string,
  now: Date,
  id?: string,
): { id: string } | { error: string } {
  const entries = readLibrary(storage);
  const existing = entries.find((e) => (id !== undefined ? e.id === id : e.name === name));
  const entry: LibraryEntry = {
    id: existing?.id ?? freshId(now),
    name,
    savedAt: now.toISOString(),
    text: JSON.stringify({ ...design, name }),
  };
  const next = existing ? entries.map((e) => (e === existing ? entry : e)) : [...entries, entry];
  const error = writeLibrary(storage, next, `saving “${name}”`);
  return error ? { error } : { id: entry.id };
}

export function renameEntry(
  storage: KeyValueStorage,
  id: string,
  name: string,
): string | undefined {
  const entries = readLibrary(storage);
  if (entries.some((e) => e.name === name && e.id !== id))
    return `A design named “${name}” is saved already.`;
  const next = entries.map((e) => {
    if (e.id !== id) return e;
    let text = e.text;
    try {
      text = JSON.stringify({ ...(JSON.parse(e.text) as object), name });
    } catch {
      // Unreadable text keeps its bytes; the gate says why when it is opened.
    }
    return { ...e, name, text };
  });
  return writeLibrary(storage, next, `renaming to “${name}”`);
}

/** The entry taken out and where it stood, so Undo can put it back. */
export function removeEntry(
  storage: KeyValueStorage,
  id: string,
): { entry: LibraryEntry; index: number } | { error: string } | undefined {
  const entries = readLibrary(storage);
  const index = entries.findIndex((e) => e.id === id);
  const entry = entries[index];
  if (!entry) return undefined;
  const error = writeLibrary(
    storage,
    entries.filter((e) => e.id !== id),
    `deleting “${entry.name}”`,
  );
  return error ? { error } : { entry, index };
}

export function restoreEntry(
  storage: KeyValueStorage,
  entry: LibraryEntry,
  index: number,
): string | undefined {
  const entries = readLibrary(storage).filter((e) => e.id !== entry.id);
  entries.splice(Math.min(index, entries.length), 0, entry);
  return writeLibrary(storage, entries, `bringing back “${entry.name}”`);
}

// ---- The app's library: the stores and the browser's storage. ----

export interface LibraryState {
  open: boolean;
  rows: LibraryRow[];
  /** The entry the current design was opened from or last saved as, in this tab. */
  currentId: string | null;
  /** The last refusal, one sentence, shown in the list. */
  error: string | null;
}

export const useLibraryStore = create<LibraryState>()(() => ({
  open: false,
  rows: rowsOf(readLibrary(designStorage)),
  currentId: null,
  error: null,
}));

const setLibrary = useLibraryStore.setState;
const refresh = (error: string | null = null) =>
  setLibrary({ rows: rowsOf(readLibrary(designStorage)), error });

export function setLibraryOpen(open: boolean): void {
  if (open) refresh();
  setLibrary({ open, error: null });
}

/** Save the current design under `name`; it takes that name too (no restart: the run never reads it). */
export function saveDesignAs(name: string): boolean {
  const trimmed = name.trim();
  if (trimmed === '') {
    setLibrary({ error: 'A saved design needs a name.' });
    return false;
  }
  const design = useDesignStore.getState().design;
  const result = saveEntry(designStorage, design, trimmed, new Date());
  if ('error' in result) {
    setLibrary({ error: result.error });
    return false;
  }
  if (design.name !== trimmed) useDesignStore.setState({ design: { ...design, name: trimmed } });
  setLibrary({ currentId: result.id });
  refresh();
  return true;
}

/** Save over the entry this design came from; without one, under the design's own name. */
export function saveDesign(): boolean {
  const { currentId, rows } = useLibraryStore.getState();
  const design = useDesignStore.getState().design;
  if (currentId === null || !rows.some((r) => r.id === currentId)) return saveDesignAs(design.name);
  const result = saveEntry(designStorage, design, design.name, new Date(), currentId);
  if ('error' in result) {
    setLibrary({ error: result.error });
    return false;
  }
  refresh();
  return true;
}

/** Open a saved design through the gate, as a new run at 0:00; Undo brings back the one before. */
export function openSavedDesign(id: string): boolean {
  const entry = readLibrary(designStorage).find((e) => e.id === id);
  if (!entry) return false;
  const parsed = parseDesign(entry.text);
  if (!parsed.ok) {
    const issue = parsed.issues[0];
    setLibrary({
      error: `“${entry.name}” cannot be opened${issue ? ` (${issue.path}: ${issue.message})` : ''}; your design is unchanged.`,
    });
    return false;
  }
  pause();
  closeExplain();
  expectRun({
    fresh: true,
    notice: `Opened “${entry.name}”: a new run starts at 0:00. Undo brings back the design before.`,
  });
  useDesignStore.setState({ design: parsed.design });
  select(null);
  requestFit();
  setLibrary({ currentId: id, open: false, error: null });
  return true;
}

export function renameSavedDesign(id: string, name: string): string | undefined {
  const trimmed = name.trim();
  if (trimmed === '') return 'A saved design needs a name.';
  const error = renameEntry(designStorage, id, trimmed);
  refresh(error ?? null);
  return error;
}

export function deleteSavedDesign(id: string): void {
  const removed = removeEntry(designStorage, id);
  if (!removed) return;
  if ('error' in removed) {
    refresh(removed.error);
    return;
  }
  const { entry, index } = removed;
  if (useLibraryStore.getState().currentId === id) setLibrary({ currentId: null });
  refresh();
  showNotice(`Deleted “${entry.name}” from this browser.`, 'info', {
    label: 'Undo',
    run: () => refresh(restoreEntry(designStorage, entry, index) ?? null),
  });
}

/** A name no saved design has: `Web (this tab, 14:05)`, then `(… 2)`, so a copy never saves over one. */
export function copyName(storage: KeyValueStorage, name: string, now: Date): string {
  const hhmm = `${String(now.getHours()).padStart(2, '0')}:${String(now.getMinutes()).padStart(2, '0')}`;
  const taken = new Set(readLibrary(storage).map((e) => e.name));
  const base = `${name} (this tab, ${hhmm})`;
  let candidate = base;
  for (let n = 2; taken.has(candidate); n++) candidate = `${base} ${n}`;
  return candidate;
}

/** This tab's design kept beside a newer one from another tab (storage-sync). */
export function keepTabCopy(
  design: DesignDocument,
  storage: KeyValueStorage = designStorage,
): { name: string } | { error: string } {
  const now = new Date();
  const name = copyName(storage, design.name, now);
  const result = saveEntry(storage, design, name, now);
  if ('error' in result) return result;
  if (storage === designStorage) refresh();
  return { name };
}

// The app's storage starts with its library: saves from other tabs, and whether saving works.
if (typeof window !== 'undefined') startStorageSync(keepTabCopy);
