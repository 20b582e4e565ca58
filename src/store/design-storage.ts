import { type DesignDocument, type DesignIssue, parseDesign, sampleDesign } from '../design';
import type { KeyValueStorage } from './storage';

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

export function sampleDocument(): DesignDocument {
  const parsed = parseDesign(structuredClone(sampleDesign));
  if (!parsed.ok) throw new Error(`The built-in sample is invalid: ${parsed.message}`);
  return parsed.design;
}

/** What a page open shows: the saved design through the gate, else the sample. */
export function loadSavedDesign(storage: KeyValueStorage): LoadedDesign {
  let text: string | null = null;
  try {
    text = storage.getItem(DESIGN_KEY);
  } catch {
    text = null;
  }
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

export function saveDesign(storage: KeyValueStorage, design: DesignDocument): void {
  try {
    storage.setItem(DESIGN_KEY, JSON.stringify(design));
  } catch {
    // A full or blocked storage must not break editing; the design lives on in memory.
  }
}

export function rejectedText(storage: KeyValueStorage): string | null {
  try {
    return storage.getItem(REJECTED_KEY);
  } catch {
    return null;
  }
}
