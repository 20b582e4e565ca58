/** The part of `localStorage` the stores use, so tests can hand in a plain map. */
export interface KeyValueStorage {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
}

/** Why a write did not happen: no room left, or no storage at all (blocked, private mode). */
export type StorageFailure = 'full' | 'unavailable';

/** What the stores keep: a failure of each is said differently. */
export type StorageArea = 'design' | 'run' | 'library';

export function memoryStorage(initial: Record<string, string> = {}): KeyValueStorage {
  const map = new Map(Object.entries(initial));
  return {
    getItem: (key) => map.get(key) ?? null,
    setItem: (key, value) => {
      map.set(key, value);
    },
  };
}

/** The maps handed out in place of a storage that would not open: they forget on close. */
const standIns = new WeakSet<KeyValueStorage>();

/** True when `storage` is a map standing in for a browser storage that would not open. */
export function isStandIn(storage: KeyValueStorage): boolean {
  return standIns.has(storage);
}

/** `localStorage` where it works; private modes and Node get a map that forgets. */
export function browserStorage(): KeyValueStorage {
  try {
    const storage = globalThis.localStorage;
    if (storage) {
      storage.getItem('berth.probe');
      return storage;
    }
  } catch {
    // Access can throw (blocked storage: SecurityError); fall through to memory.
  }
  const standIn = memoryStorage();
  standIns.add(standIn);
  return standIn;
}

/**
 * Which failure a write threw. Browsers name a full storage three ways: `QuotaExceededError`
 * (code 22, Chromium and WebKit, and Safari's old private mode with its quota of 0) and
 * Firefox's older `NS_ERROR_DOM_QUOTA_REACHED` (code 1014). Anything else (SecurityError
 * when site data is blocked) means there is no storage to write to.
 */
export function failureOf(error: unknown): StorageFailure {
  if (typeof error === 'object' && error !== null) {
    const { name, code } = error as { name?: unknown; code?: unknown };
    if (name === 'QuotaExceededError' || name === 'NS_ERROR_DOM_QUOTA_REACHED') return 'full';
    if (code === 22 || code === 1014) return 'full';
  }
  return 'unavailable';
}

export interface WriteReport {
  area: StorageArea;
  failure: StorageFailure | null;
}

const watchers = new Set<(report: WriteReport) => void>();

/** Hear of every write the stores make, done or failed; returns the way to stop. */
export function onStorageWrite(watch: (report: WriteReport) => void): () => void {
  watchers.add(watch);
  return () => watchers.delete(watch);
}

/**
 * Write and say how it went, to the caller and to the watchers: a full or blocked storage
 * never throws into an edit, and never passes in silence.
 */
export function writeItem(
  storage: KeyValueStorage,
  key: string,
  value: string,
  area: StorageArea,
): StorageFailure | null {
  let failure: StorageFailure | null = null;
  try {
    storage.setItem(key, value);
  } catch (error) {
    failure = failureOf(error);
  }
  // A stand-in takes the write, for this tab, but keeps nothing past it: watchers hear so.
  const report = { area, failure: isStandIn(storage) ? 'unavailable' : failure } as const;
  for (const watch of watchers) watch(report);
  return failure;
}
