import { type DesignDocument, type DesignIssue, parseDesign, sampleDesign } from '../design';
import { type KeyValueStorage, type StorageFailure, writeItem } from './storage';
import { DESIGN_REVISION_KEY, newTabId, readRevision, textHash } from './storage-revision';

export const DESIGN_KEY = 'berth.design';
/** Where a saved design the gate refused is kept, so no text is ever lost. */
export const REJECTED_KEY = 'berth.design.rejected';

export interface LoadIssue {
  message: string;
  issues: DesignIssue[];
  /** The refused text, when it came from somewhere other than the autosave (a share link). */
  text?: string;
}

export interface LoadedDesign {
  design: DesignDocument;
  issue: LoadIssue | null;
}

/**
 * What this tab last read from or wrote to the autosave: the revision it builds on and
 * the text, so a save can tell an edit from a design already there, and a newer save by
 * another tab from its own.
 */
interface TabBase {
  /** This tab's name in revisions: one per storage object, as each tab has its own. */
  tab: string;
  rev: number;
  text: string | null;
  /** The design on screen is not the one saved: its last save failed or met a newer one. */
  pending: boolean;
}
const bases = new WeakMap<KeyValueStorage, TabBase>();
function baseOf(storage: KeyValueStorage): TabBase {
  const known = bases.get(storage);
  if (known) return known;
  const base = { tab: newTabId(), rev: 0, text: null, pending: false };
  bases.set(storage, base);
  return base;
}
function setBase(storage: KeyValueStorage, patch: Partial<Omit<TabBase, 'tab'>>): void {
  bases.set(storage, { ...baseOf(storage), ...patch });
}

export function sampleDocument(): DesignDocument {
  const parsed = parseDesign(structuredClone(sampleDesign));
  if (!parsed.ok) throw new Error(`The built-in sample is invalid: ${parsed.message}`);
  return parsed.design;
}

function readText(storage: KeyValueStorage, key: string): string | null {
  try {
    return storage.getItem(key);
  } catch {
    return null;
  }
}

/** What a page open shows: the saved design through the gate, else the sample. */
export function loadSavedDesign(storage: KeyValueStorage): LoadedDesign {
  const text = readText(storage, DESIGN_KEY);
  setBase(storage, { rev: readRevision(storage)?.rev ?? 0, text, pending: false });
  if (text === null) return { design: sampleDocument(), issue: null };
  const parsed = parseDesign(text);
  if (parsed.ok) return { design: parsed.design, issue: null };
  try {
    storage.setItem(REJECTED_KEY, text);
  } catch {
    // Storage full or blocked: the text still sits under DESIGN_KEY until the next save.
  }
  return {
    design: sampleDocument(),
    issue: {
      message:
        'Your saved design could not be opened, so the sample is shown instead. ' +
        'The saved text is kept in this browser: download it to fix it.',
      issues: parsed.issues,
    },
  };
}

/**
 * `saved`; `unchanged` (the autosave holds this design already, e.g. one taken from another
 * tab); `conflict` (another tab saved a newer revision since this tab's: nothing written, so
 * newer work is never overwritten by older); or why storage refused it.
 */
export type SaveOutcome = 'saved' | 'unchanged' | 'conflict' | StorageFailure;

type ConflictHandler = (storage: KeyValueStorage, design: DesignDocument) => void;
let onConflict: ConflictHandler | undefined;

/** Who keeps this tab's edit when a save finds a newer one from another tab (storage-sync). */
export function handleSaveConflicts(handler: ConflictHandler | undefined): void {
  onConflict = handler;
}

export function saveDesign(storage: KeyValueStorage, design: DesignDocument): SaveOutcome {
  const text = JSON.stringify(design);
  const base = baseOf(storage);
  if (text === base.text) {
    setBase(storage, { pending: false });
    return 'unchanged';
  }
  const stored = readRevision(storage);
  if (stored && stored.rev > base.rev && stored.tab !== base.tab) {
    setBase(storage, { pending: true });
    onConflict?.(storage, design);
    return 'conflict';
  }
  const rev = Math.max(stored?.rev ?? 0, base.rev) + 1;
  const revision = JSON.stringify({ rev, tab: base.tab, hash: textHash(text) });
  // Text first, then its revision: a tab that hears of the revision finds its text there.
  // A text saved without its revision counts as not saved (other tabs would miss it).
  const failure =
    writeItem(storage, DESIGN_KEY, text, 'design') ??
    writeItem(storage, DESIGN_REVISION_KEY, revision, 'design');
  if (failure) {
    setBase(storage, { pending: true });
    return failure;
  }
  setBase(storage, { rev, text, pending: false });
  return 'saved';
}

/** True when this tab's last edit is not in the autosave (the save failed or met a newer one). */
export function hasUnsavedEdits(storage: KeyValueStorage): boolean {
  return baseOf(storage).pending;
}

export type NewerSave =
  | { kind: 'none' }
  | { kind: 'design'; design: DesignDocument; rev: number; text: string }
  | { kind: 'refused'; rev: number; message: string };

/**
 * A save by another tab newer than this tab's base, through the gate. `none` also when the
 * revision names a text that has not arrived yet (its hash differs): the next event brings it.
 */
export function newerSave(storage: KeyValueStorage): NewerSave {
  const stored = readRevision(storage);
  const base = baseOf(storage);
  if (!stored || stored.rev <= base.rev || stored.tab === base.tab) return { kind: 'none' };
  const text = readText(storage, DESIGN_KEY);
  if (text === null || textHash(text) !== stored.hash) return { kind: 'none' };
  const parsed = parseDesign(text);
  if (!parsed.ok) return { kind: 'refused', rev: stored.rev, message: parsed.message };
  return { kind: 'design', design: parsed.design, rev: stored.rev, text };
}

/** This tab now builds on `rev` (it shows that save, or has seen it and chosen its own). */
export function takeRevision(storage: KeyValueStorage, rev: number, text: string | null): void {
  setBase(storage, { rev, text, pending: false });
}

export function rejectedText(storage: KeyValueStorage): string | null {
  return readText(storage, REJECTED_KEY);
}
