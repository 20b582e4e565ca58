/** Where a virtual time sits on the rail, as a percentage of its width. */
export function railPercent(atMs: number, toMs: number): number {
  if (toMs <= 0) return 0;
  return Math.min(100, Math.max(0, (atMs / toMs) * 100));
}

/** The virtual time under a pointer at `clientX` on a rail spanning [left, left + width]. */
export function timeAtPointer(clientX: number, left: number, width: number, toMs: number): number {
  if (width <= 0) return 0;
  const f = Math.min(1, Math.max(0, (clientX - left) / width));
  return Math.round(f * toMs);
}

/** One mark per kind and pixel column: thousands of events must not become thousands of nodes. */
export function visibleMarks<T extends { atMs: number; kind: string; text: string }>(
  marks: readonly T[],
  toMs: number,
  columns: number,
): T[] {
  const seen = new Set<string>();
  const out: T[] = [];
  for (const m of marks) {
    const col = Math.floor(railPercent(m.atMs, toMs) * (columns / 100));
    // Commands each keep their mark (two at one moment share it); events fold per column.
    const key = m.kind === 'command' ? `${m.kind} ${m.atMs} ${m.text}` : `${m.kind} ${col}`;
    if (seen.has(key)) continue;
    seen.add(key);
    out.push(m);
  }
  return out;
}
