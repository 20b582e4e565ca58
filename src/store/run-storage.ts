import { type DesignDocument, RunRecord } from '../design';
import { type KeyValueStorage, type StorageFailure, writeItem } from './storage';

/** Where the run shown when the page closed is kept, beside the design it belongs to. */
export const RUN_KEY = 'berth.run';

/**
 * What the run depends on: the design without its canvas layout and name, which a run
 * never reads. A saved run is reopened only on the design it was played on.
 */
export function runBaseOf(design: DesignDocument): string {
  return JSON.stringify({ ...design, name: '', layout: {} });
}

/** FNV-1a over the run base: enough to tell "the same design" without storing it twice. */
export function fingerprint(design: DesignDocument): string {
  const text = runBaseOf(design);
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return `${(h >>> 0).toString(16)}:${text.length}`;
}

/** Null when saved; else why not: the run lives on in the worker, and a reload starts at 0:00. */
export function saveRun(
  storage: KeyValueStorage,
  design: DesignDocument,
  run: RunRecord,
): StorageFailure | null {
  return writeItem(
    storage,
    RUN_KEY,
    JSON.stringify({ design: fingerprint(design), ...run }),
    'run',
  );
}

/** The saved run of this design, or null (none, another design's, or unreadable). */
export function loadRun(storage: KeyValueStorage, design: DesignDocument): RunRecord | null {
  let text: string | null = null;
  try {
    text = storage.getItem(RUN_KEY);
  } catch {
    return null;
  }
  if (text === null) return null;
  try {
    const { design: key, ...rest } = JSON.parse(text) as { design?: unknown };
    if (key !== fingerprint(design)) return null;
    const parsed = RunRecord.safeParse(rest);
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}
