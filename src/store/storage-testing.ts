import { type KeyValueStorage, memoryStorage } from './storage';

/** A DOMException-like error as browsers throw it from `setItem`. */
export function storageError(name: string, code = 0): Error {
  return Object.assign(new Error(`${name} (test)`), { name, code });
}

/**
 * A storage for tests that fails on demand: `full()` makes every write throw
 * QuotaExceededError (code 22, as Chromium throws it), `blocked()` SecurityError, `ok()`
 * lets writes through again. Reads always work, as in a full browser storage.
 */
export function failingStorage(initial: Record<string, string> = {}) {
  const inner = memoryStorage(initial);
  let error: Error | null = null;
  const storage: KeyValueStorage = {
    getItem: (key) => inner.getItem(key),
    setItem: (key, value) => {
      if (error) throw error;
      inner.setItem(key, value);
    },
  };
  return {
    storage,
    full: () => {
      error = storageError('QuotaExceededError', 22);
    },
    blocked: () => {
      error = storageError('SecurityError', 18);
    },
    ok: () => {
      error = null;
    },
  };
}

/** One tab's `localStorage` over a storage every tab shares, as a browser gives each tab its own. */
export function tabView(shared: KeyValueStorage): KeyValueStorage {
  return {
    getItem: (key) => shared.getItem(key),
    setItem: (key, value) => shared.setItem(key, value),
  };
}
