/** The part of `localStorage` the stores use, so tests can hand in a plain map. */
export interface KeyValueStorage {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
}

export function memoryStorage(initial: Record<string, string> = {}): KeyValueStorage {
  const map = new Map(Object.entries(initial));
  return {
    getItem: (key) => map.get(key) ?? null,
    setItem: (key, value) => {
      map.set(key, value);
    },
  };
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
    // Access can throw (blocked storage); fall through to memory.
  }
  return memoryStorage();
}
