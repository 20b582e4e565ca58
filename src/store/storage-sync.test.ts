import { afterEach, describe, expect, it } from 'vitest';
import { designInput, parsedDesign } from '../design/testing';
import { useDesignStore } from './design';
import { loadSavedDesign, saveDesign } from './design-storage';
import { dismissNotice, useSessionStore } from './session';
import { memoryStorage } from './storage';
import { TAKEN_SENTENCE, takeNewerSave } from './storage-sync';
import { tabView } from './storage-testing';

const named = (name: string) => parsedDesign(designInput({ name }));
const shownName = () => useDesignStore.getState().design.name;
const notice = () => useSessionStore.getState().notice;

/** Another tab that saves, and this tab (whose design is the store's) that hears of it. */
function twoTabs(start = named('start')) {
  const shared = memoryStorage();
  const other = tabView(shared);
  const mine = tabView(shared);
  loadSavedDesign(other);
  saveDesign(other, start);
  // This tab opens on what the other saved.
  loadSavedDesign(mine);
  useDesignStore.setState({ design: start });
  return { other, mine };
}

const keepNothing = () => ({ error: 'unused' });

describe('a save from another tab', () => {
  afterEach(() => dismissNotice());

  it('is taken when this tab has no edits of its own unsaved, and said so', () => {
    const { other, mine } = twoTabs();
    expect(takeNewerSave(mine, keepNothing)).toBe('none');
    const newer = named('from the other tab');
    saveDesign(other, newer);
    expect(takeNewerSave(mine, keepNothing)).toBe('taken');
    expect(shownName()).toBe('from the other tab');
    expect(notice()?.text).toBe(TAKEN_SENTENCE);
    // Taken once: the same save heard again changes nothing.
    expect(takeNewerSave(mine, keepNothing)).toBe('none');
    // And this tab builds on it: its next save lands.
    expect(saveDesign(mine, named('on top'))).toBe('saved');
  });

  it('with an edit of this tab that met it, both are kept: this tab’s in the library, the newer shown', () => {
    const { other, mine } = twoTabs();
    saveDesign(other, named('newer, elsewhere'));
    const own = named('my edit');
    useDesignStore.setState({ design: own });
    expect(saveDesign(mine, own)).toBe('conflict');
    const kept: string[] = [];
    const outcome = takeNewerSave(mine, (design) => {
      kept.push(design.name);
      return { name: 'my edit (this tab, 10:00)' };
    });
    expect(outcome).toBe('kept-both');
    expect(kept).toEqual(['my edit']);
    expect(shownName()).toBe('newer, elsewhere');
    expect(notice()?.text).toContain('“my edit (this tab, 10:00)”');
  });

  it('when the copy cannot be kept, this tab keeps showing its own and says so once', () => {
    const { other, mine } = twoTabs();
    saveDesign(other, named('newer, elsewhere'));
    const own = named('my edit');
    useDesignStore.setState({ design: own });
    saveDesign(mine, own);
    const full = () => ({ error: "This browser's storage is full" });
    expect(takeNewerSave(mine, full)).toBe('kept-own');
    expect(shownName()).toBe('my edit');
    const first = notice();
    expect(first?.tone).toBe('error');
    expect(first?.text).toContain('keeps showing its own');
    saveDesign(mine, named('my next edit'));
    expect(takeNewerSave(mine, full)).toBe('kept-own');
    expect(notice()?.id).toBe(first?.id);
  });

  it('a design change the run reads still shows the newer design', () => {
    const { other, mine } = twoTabs();
    const newer = parsedDesign(designInput({ name: 'start', seed: 99 }));
    saveDesign(other, newer);
    expect(takeNewerSave(mine, keepNothing)).toBe('taken');
    expect(useDesignStore.getState().design.seed).toBe(99);
  });
});
