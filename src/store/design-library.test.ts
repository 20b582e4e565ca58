import { describe, expect, it } from 'vitest';
import { designInput, parsedDesign } from '../design/testing';
import {
  copyName,
  keepTabCopy,
  LIBRARY_KEY,
  readLibrary,
  removeEntry,
  renameEntry,
  restoreEntry,
  rowsOf,
  saveEntry,
} from './design-library';
import { type KeyValueStorage, memoryStorage } from './storage';
import { failingStorage } from './storage-testing';

const design = parsedDesign(designInput({ name: 'draft' }));
const at = (minute: number) => new Date(Date.UTC(2026, 11, 7, 13, minute));

function saved(storage: KeyValueStorage, name: string, minute: number): string {
  const result = saveEntry(storage, design, name, at(minute));
  if ('error' in result) throw new Error(result.error);
  return result.id;
}

describe('the design library', () => {
  it('saves designs under their names, newest first, with their size', () => {
    const storage = memoryStorage();
    saved(storage, 'Workshop A', 1);
    saved(storage, 'Workshop B', 2);
    const rows = rowsOf(readLibrary(storage));
    expect(rows.map((r) => r.name)).toEqual(['Workshop B', 'Workshop A']);
    expect(rows[0]?.savedAt).toBe('2026-12-07T13:02:00.000Z');
    expect(rows[0]?.bytes).toBeGreaterThan(100);
    // The saved text carries the saved name.
    expect(JSON.parse(readLibrary(storage)[0]?.text ?? '{}').name).toBe('Workshop A');
  });

  it('saving under a taken name saves over it', () => {
    const storage = memoryStorage();
    const id = saved(storage, 'Workshop A', 1);
    expect(saved(storage, 'Workshop A', 5)).toBe(id);
    expect(readLibrary(storage)).toHaveLength(1);
  });

  it('renames an entry and the design inside, refusing a taken name', () => {
    const storage = memoryStorage();
    const a = saved(storage, 'A', 1);
    saved(storage, 'B', 2);
    expect(renameEntry(storage, a, 'B')).toBe('A design named “B” is saved already.');
    expect(renameEntry(storage, a, 'C')).toBeUndefined();
    const entry = readLibrary(storage).find((e) => e.id === a);
    expect(entry?.name).toBe('C');
    expect(JSON.parse(entry?.text ?? '{}').name).toBe('C');
  });

  it('a deleted entry comes back where it was', () => {
    const storage = memoryStorage();
    const a = saved(storage, 'A', 1);
    saved(storage, 'B', 2);
    const removed = removeEntry(storage, a);
    if (!removed || 'error' in removed) throw new Error('not removed');
    expect(readLibrary(storage).map((e) => e.name)).toEqual(['B']);
    restoreEntry(storage, removed.entry, removed.index);
    expect(readLibrary(storage).map((e) => e.name)).toEqual(['A', 'B']);
  });

  it('a full storage refuses in one sentence and keeps what was there', () => {
    const inner = memoryStorage();
    saved(inner, 'A', 1);
    const full: KeyValueStorage = {
      getItem: (k) => inner.getItem(k),
      setItem: () => {
        throw new DOMException('quota', 'QuotaExceededError');
      },
    };
    const result = saveEntry(full, design, 'B', at(2));
    expect(result).toEqual({
      error:
        "This browser's storage is full, so saving “B” did not happen: delete a saved design or export this one to a file.",
    });
    expect(readLibrary(full).map((e) => e.name)).toEqual(['A']);
  });

  it('unreadable storage reads as an empty library', () => {
    expect(readLibrary(memoryStorage({ [LIBRARY_KEY]: '{not json' }))).toEqual([]);
    expect(readLibrary(memoryStorage({ [LIBRARY_KEY]: '{"entries":[{"id":1}]}' }))).toEqual([]);
  });

  it('a tab’s copy beside a newer save takes a name no saved design has', () => {
    const storage = memoryStorage();
    const now = new Date(2026, 11, 7, 9, 5);
    expect(copyName(storage, 'draft', now)).toBe('draft (this tab, 09:05)');
    saved(storage, 'draft (this tab, 09:05)', 1);
    expect(copyName(storage, 'draft', now)).toBe('draft (this tab, 09:05) 2');
    const kept = keepTabCopy(design, storage);
    expect('name' in kept && kept.name).toMatch(/^draft \(this tab, \d\d:\d\d\)/);
    expect(readLibrary(storage)).toHaveLength(2);
  });

  it('a full storage refuses the library in one sentence that says which', () => {
    const { storage, full, blocked } = failingStorage();
    full();
    expect(saveEntry(storage, design, 'A', at(1))).toEqual({
      error:
        "This browser's storage is full, so saving “A” did not happen: delete a saved design or export this one to a file.",
    });
    blocked();
    const refused = saveEntry(storage, design, 'A', at(1));
    expect('error' in refused && refused.error).toMatch(/private mode or blocked storage/);
  });
});
