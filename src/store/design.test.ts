import { describe, expect, it } from 'vitest';
import { sampleDesign } from '../design';
import { createDesignStore } from './design';
import { DESIGN_KEY, REJECTED_KEY } from './design-storage';
import { emptyDesign } from './edits';
import { memoryStorage } from './storage';

describe('design store', () => {
  it('opens the sample when nothing is saved', () => {
    const store = createDesignStore(memoryStorage());
    expect(store.getState().design.name).toBe(sampleDesign.name);
    expect(store.getState().loadIssue).toBeNull();
  });

  it('opens what was saved', () => {
    const storage = memoryStorage({ [DESIGN_KEY]: JSON.stringify(emptyDesign()) });
    expect(createDesignStore(storage).getState().design.name).toBe('Untitled cluster');
  });

  it('refuses a corrupt save by field name, shows the sample and keeps the text', () => {
    const text = JSON.stringify({ ...emptyDesign(), seed: 'forty-two' });
    const storage = memoryStorage({ [DESIGN_KEY]: text });
    const store = createDesignStore(storage);
    const { design, loadIssue } = store.getState();
    expect(design.name).toBe(sampleDesign.name);
    expect(loadIssue?.issues).toEqual([expect.objectContaining({ path: 'seed' })]);
    expect(storage.getItem(REJECTED_KEY)).toBe(text);
    expect(storage.getItem(DESIGN_KEY)).toBe(text);
  });

  it('saves every document change and undoes it', () => {
    const storage = memoryStorage();
    const store = createDesignStore(storage);
    store.setState({ design: emptyDesign() });
    expect(JSON.parse(storage.getItem(DESIGN_KEY) ?? '{}').name).toBe('Untitled cluster');
    store.temporal.getState().undo();
    expect(store.getState().design.name).toBe(sampleDesign.name);
    store.temporal.getState().redo();
    expect(store.getState().design.name).toBe('Untitled cluster');
  });

  it('makes no undo step for a dismissed banner', () => {
    const store = createDesignStore(memoryStorage());
    store.setState({ loadIssue: null });
    expect(store.temporal.getState().pastStates).toHaveLength(0);
  });
});
