import { afterEach, describe, expect, it } from 'vitest';
import { dismissNotice, useSessionStore } from './session';
import { memoryStorage, writeItem } from './storage';
import {
  failureSentence,
  RECOVERED_SENTENCE,
  useStorageHealth,
  watchStorageHealth,
} from './storage-health';
import { failingStorage } from './storage-testing';

const notice = () => useSessionStore.getState().notice;

describe('storage health', () => {
  let stop: (() => void) | undefined;
  afterEach(() => {
    stop?.();
    dismissNotice();
    useStorageHealth.setState({ design: null, run: null });
  });

  it('a full storage is said once, with Export, and its recovery once', () => {
    const { storage, full, ok } = failingStorage();
    stop = watchStorageHealth(storage);
    expect(notice()).toBeNull();
    full();
    writeItem(storage, 'berth.design', '{}', 'design');
    const first = notice();
    expect(first?.text).toBe(failureSentence('design', 'full'));
    expect(first?.text).toContain('Export');
    expect(first?.tone).toBe('error');
    expect(first?.action?.label).toBe('Export');
    expect(useStorageHealth.getState().design).toBe('full');
    // The next edit fails too: no second notice.
    writeItem(storage, 'berth.design', '{"a":1}', 'design');
    expect(notice()?.id).toBe(first?.id);
    ok();
    writeItem(storage, 'berth.design', '{}', 'design');
    expect(notice()?.text).toBe(RECOVERED_SENTENCE);
    expect(useStorageHealth.getState().design).toBeNull();
  });

  it('a blocked storage says private mode or blocked storage, in one sentence', () => {
    const { storage, blocked } = failingStorage();
    stop = watchStorageHealth(storage);
    blocked();
    writeItem(storage, 'berth.design', '{}', 'design');
    expect(notice()?.text).toMatch(/^This browser does not let Berth save \(private mode/);
    expect(notice()?.text.split('. ')).toHaveLength(1);
  });

  it('a run that no longer fits is said while the design still saves, not on top of it', () => {
    const { storage, full } = failingStorage();
    stop = watchStorageHealth(storage);
    full();
    writeItem(storage, 'berth.run', '{}', 'run');
    expect(notice()?.text).toBe(failureSentence('run', 'full'));
    dismissNotice();
    writeItem(storage, 'berth.design', '{}', 'design');
    expect(notice()?.text).toBe(failureSentence('design', 'full'));
    useStorageHealth.setState({ run: null });
    dismissNotice();
    writeItem(storage, 'berth.run', '{}', 'run');
    expect(notice()).toBeNull();
  });

  it('the library’s refusals are its own dialog’s to say', () => {
    const { storage, full } = failingStorage();
    stop = watchStorageHealth(storage);
    full();
    writeItem(storage, 'berth.designs', '{}', 'library');
    expect(notice()).toBeNull();
  });

  it('a working storage says nothing at start', () => {
    stop = watchStorageHealth(memoryStorage());
    expect(notice()).toBeNull();
  });
});
