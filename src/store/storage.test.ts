import { afterEach, describe, expect, it, vi } from 'vitest';
import {
  browserStorage,
  failureOf,
  isStandIn,
  memoryStorage,
  onStorageWrite,
  type WriteReport,
  writeItem,
} from './storage';
import { failingStorage, storageError } from './storage-testing';

describe('storage failures', () => {
  it.each([
    ['QuotaExceededError', 22, 'full'],
    ['QuotaExceededError', 0, 'full'],
    ['NS_ERROR_DOM_QUOTA_REACHED', 1014, 'full'],
    ['Error', 22, 'full'],
    ['SecurityError', 18, 'unavailable'],
    ['InvalidStateError', 11, 'unavailable'],
  ] as const)('%s (code %d) is %s', (name, code, failure) => {
    expect(failureOf(storageError(name, code))).toBe(failure);
  });

  it('anything thrown that is not an error object means no storage', () => {
    expect(failureOf('nope')).toBe('unavailable');
    expect(failureOf(null)).toBe('unavailable');
  });

  it('a write never throws: it answers why, and every watcher hears it', () => {
    const { storage, full, blocked, ok } = failingStorage();
    const heard: WriteReport[] = [];
    const stop = onStorageWrite((r) => heard.push(r));
    full();
    expect(writeItem(storage, 'k', 'v', 'design')).toBe('full');
    blocked();
    expect(writeItem(storage, 'k', 'v', 'run')).toBe('unavailable');
    ok();
    expect(writeItem(storage, 'k', 'v', 'library')).toBeNull();
    expect(storage.getItem('k')).toBe('v');
    stop();
    writeItem(storage, 'k', 'w', 'design');
    expect(heard).toEqual([
      { area: 'design', failure: 'full' },
      { area: 'run', failure: 'unavailable' },
      { area: 'library', failure: null },
    ]);
  });
});

describe('browserStorage', () => {
  afterEach(() => vi.unstubAllGlobals());

  it('a storage that throws on access (blocked site data) gets a stand-in that says so', () => {
    vi.stubGlobal('localStorage', {
      getItem: () => {
        throw storageError('SecurityError', 18);
      },
    });
    const storage = browserStorage();
    expect(isStandIn(storage)).toBe(true);
    const heard: WriteReport[] = [];
    const stop = onStorageWrite((r) => heard.push(r));
    // The stand-in keeps the write for this tab, but the watchers hear it is not kept.
    expect(writeItem(storage, 'k', 'v', 'design')).toBeNull();
    expect(storage.getItem('k')).toBe('v');
    expect(heard).toEqual([{ area: 'design', failure: 'unavailable' }]);
    stop();
  });

  it('a working storage is used as it is', () => {
    const real = memoryStorage();
    vi.stubGlobal('localStorage', real);
    expect(browserStorage()).toBe(real);
    expect(isStandIn(real)).toBe(false);
  });
});
