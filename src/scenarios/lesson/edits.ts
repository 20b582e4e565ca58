/** Sets each JSON Pointer (RFC 6901) of `edits` in a copy of `doc`; `-` appends to an array. */
export function applyEdits(
  doc: unknown,
  edits: readonly { path: string; value: unknown }[],
): { ok: true; value: unknown } | { ok: false; message: string } {
  const root = structuredClone(doc) as Record<string, unknown>;
  for (const edit of edits) {
    const keys = edit.path
      .split('/')
      .slice(1)
      .map((k) => k.replaceAll('~1', '/').replaceAll('~0', '~'));
    let at: unknown = root;
    for (const key of keys.slice(0, -1)) {
      const next = (at as Record<string, unknown>)[key];
      if (typeof next !== 'object' || next === null)
        return {
          ok: false,
          message: `${edit.path}: ${key} is not an object or array in the design`,
        };
      at = next;
    }
    const last = keys.at(-1) ?? '';
    if (Array.isArray(at)) {
      const index = last === '-' ? at.length : Number(last);
      if (!Number.isInteger(index) || index < 0 || index > at.length)
        return { ok: false, message: `${edit.path}: ${last} is not an index of that array` };
      at[index] = structuredClone(edit.value);
    } else (at as Record<string, unknown>)[last] = structuredClone(edit.value);
  }
  return { ok: true, value: root };
}
