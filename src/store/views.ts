/** Deep equality of plain data (what crosses the worker boundary): no JSON strings built per field. */
function sameData(x: unknown, y: unknown): boolean {
  if (x === y) return true;
  if (typeof x !== 'object' || typeof y !== 'object' || x === null || y === null) return false;
  if (Array.isArray(x)) {
    return Array.isArray(y) && x.length === y.length && x.every((v, i) => sameData(v, y[i]));
  }
  if (Array.isArray(y)) return false;
  return sameView(x, y);
}

/** Equal when every field is, deeply: keeps object identity, so memoised nodes skip a render. */
export function sameView(a: object, b: object): boolean {
  const ra = a as Record<string, unknown>;
  const rb = b as Record<string, unknown>;
  const keys = Object.keys(ra);
  if (keys.length !== Object.keys(rb).length) return false;
  return keys.every((k) => k in rb && sameData(ra[k], rb[k]));
}

/** Replace changed views by key; the same record back when none changed. */
export function upsert<T extends object>(
  current: Readonly<Record<string, T>>,
  views: readonly T[],
  keyOf: (view: T) => string,
): Readonly<Record<string, T>> {
  let next: Record<string, T> | undefined;
  for (const view of views) {
    const key = keyOf(view);
    const old = current[key];
    if (old && sameView(old, view)) continue;
    next ??= { ...current };
    next[key] = view;
  }
  return next ?? current;
}
