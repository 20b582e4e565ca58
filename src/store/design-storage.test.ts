import { describe, expect, it } from 'vitest';
import { designInput, parsedDesign } from '../design/testing';
import {
  DESIGN_KEY,
  handleSaveConflicts,
  hasUnsavedEdits,
  loadSavedDesign,
  newerSave,
  saveDesign,
  takeRevision,
} from './design-storage';
import { memoryStorage, onStorageWrite, type WriteReport } from './storage';
import { DESIGN_REVISION_KEY, parseRevision, readRevision, textHash } from './storage-revision';
import { failingStorage, tabView } from './storage-testing';

const named = (name: string) => parsedDesign(designInput({ name }));

/** Two tabs: each its own storage object over one shared area, each opened. */
function twoTabs() {
  const shared = memoryStorage();
  const a = tabView(shared);
  const b = tabView(shared);
  loadSavedDesign(a);
  loadSavedDesign(b);
  return { shared, a, b };
}

describe('autosave when storage fails', () => {
  it('a full storage keeps the saved text, answers why, and the next save after room lands', () => {
    const { storage, full, ok } = failingStorage();
    loadSavedDesign(storage);
    expect(saveDesign(storage, named('one'))).toBe('saved');
    full();
    expect(saveDesign(storage, named('two'))).toBe('full');
    // The last good save is still there: nothing half written.
    expect(JSON.parse(storage.getItem(DESIGN_KEY) ?? '{}').name).toBe('one');
    ok();
    expect(saveDesign(storage, named('two'))).toBe('saved');
    expect(JSON.parse(storage.getItem(DESIGN_KEY) ?? '{}').name).toBe('two');
  });

  it('a blocked storage (SecurityError) is unavailable, and watchers hear it as the design', () => {
    const { storage, blocked } = failingStorage();
    loadSavedDesign(storage);
    blocked();
    const heard: WriteReport[] = [];
    const stop = onStorageWrite((r) => heard.push(r));
    expect(saveDesign(storage, named('one'))).toBe('unavailable');
    stop();
    expect(heard).toEqual([{ area: 'design', failure: 'unavailable' }]);
  });

  it('saving the design already saved writes nothing', () => {
    const storage = memoryStorage();
    loadSavedDesign(storage);
    expect(saveDesign(storage, named('one'))).toBe('saved');
    expect(saveDesign(storage, named('one'))).toBe('unchanged');
    expect(readRevision(storage)?.rev).toBe(1);
  });
});

describe('revisions: two tabs on one autosave', () => {
  it('each save raises the revision, with the hash of the text it goes with', () => {
    const storage = memoryStorage();
    loadSavedDesign(storage);
    saveDesign(storage, named('one'));
    saveDesign(storage, named('two'));
    const revision = readRevision(storage);
    expect(revision?.rev).toBe(2);
    expect(revision?.hash).toBe(textHash(storage.getItem(DESIGN_KEY) ?? ''));
  });

  it('a tab that has not seen a newer save writes nothing over it, and says conflict', () => {
    const { shared, a, b } = twoTabs();
    const conflicts: string[] = [];
    handleSaveConflicts((_s, design) => conflicts.push(design.name));
    expect(saveDesign(a, named('from A'))).toBe('saved');
    expect(saveDesign(b, named('from B, older'))).toBe('conflict');
    handleSaveConflicts(undefined);
    expect(JSON.parse(shared.getItem(DESIGN_KEY) ?? '{}').name).toBe('from A');
    expect(conflicts).toEqual(['from B, older']);
    expect(hasUnsavedEdits(b)).toBe(true);
    expect(hasUnsavedEdits(a)).toBe(false);
  });

  it('the other tab finds the newer save through the gate, and after taking it saves on top', () => {
    const { shared, a, b } = twoTabs();
    expect(newerSave(b)).toEqual({ kind: 'none' });
    saveDesign(a, named('from A'));
    const newer = newerSave(b);
    if (newer.kind !== 'design') throw new Error(`expected a design, got ${newer.kind}`);
    expect(newer.design.name).toBe('from A');
    expect(newer.rev).toBe(1);
    takeRevision(b, newer.rev, JSON.stringify(newer.design));
    // Showing what it took is no edit: nothing written back.
    expect(saveDesign(b, newer.design)).toBe('unchanged');
    expect(saveDesign(b, named('B on top'))).toBe('saved');
    expect(readRevision(shared)?.rev).toBe(2);
    // And now A is the one behind.
    expect(saveDesign(a, named('A, older'))).toBe('conflict');
    expect(JSON.parse(shared.getItem(DESIGN_KEY) ?? '{}').name).toBe('B on top');
  });

  it('a tab never takes its own save back, nor a revision whose text has not arrived', () => {
    const { shared, a, b } = twoTabs();
    saveDesign(a, named('mine'));
    expect(newerSave(a)).toEqual({ kind: 'none' });
    shared.setItem(DESIGN_REVISION_KEY, JSON.stringify({ rev: 9, tab: 'c', hash: 'other:1' }));
    expect(newerSave(b)).toEqual({ kind: 'none' });
  });

  it('a newer save the gate refuses is named, not taken', () => {
    const { shared, b } = twoTabs();
    const text = JSON.stringify({ ...designInput({ name: 'bad' }), seed: -5 });
    shared.setItem(DESIGN_KEY, text);
    shared.setItem(DESIGN_REVISION_KEY, JSON.stringify({ rev: 3, tab: 'c', hash: textHash(text) }));
    const newer = newerSave(b);
    expect(newer.kind).toBe('refused');
    expect(newer.kind === 'refused' && newer.message).toContain('seed');
  });

  it('an autosave from before revisions counts as revision 0', () => {
    const storage = memoryStorage({ [DESIGN_KEY]: JSON.stringify(named('old')) });
    loadSavedDesign(storage);
    expect(saveDesign(storage, named('new'))).toBe('saved');
    expect(readRevision(storage)?.rev).toBe(1);
    expect(parseRevision('{"rev":"x"}')).toBeNull();
    expect(parseRevision('not json')).toBeNull();
  });
});
