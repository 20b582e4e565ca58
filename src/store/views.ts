/** Equal when every primitive field is: keeps object identity, so memoised nodes skip a render. */
export function sameView(a: object, b: object): boolean {
  const ra = a as Record<string, unknown>;
  const rb = b as Record<string, unknown>;
  const keys = Object.keys(ra);
  if (keys.length !== Object.keys(rb).length) return false;
  return keys.every((k) => {
    const x = ra[k];
    const y = rb[k];
    return x === y || (typeof x === 'object' && JSON.stringify(x) === JSON.stringify(y));
  });
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
