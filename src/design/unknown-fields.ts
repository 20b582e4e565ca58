import { DesignDocument } from './document';
import type { DesignIssue } from './issues';

/** Parts the architecture names that format version 1 does not hold yet (kept, not simulated). */
const FUTURE_FIELDS = new Set<string>([]);

function editDistance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const row = [i];
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      row[j] = Math.min(
        (previous[j] ?? 0) + 1,
        (row[j - 1] ?? 0) + 1,
        (previous[j - 1] ?? 0) + cost,
      );
    }
    previous = row;
  }
  return previous[b.length] ?? 0;
}

/**
 * Top-level fields the format does not know. Kept (every object is loose, so an
 * export gives back what was pasted), but a typo such as `service` for `services`
 * would otherwise pass in silence. Nested AWS shapes hold far more fields than
 * Berth models, so only the top level is checked.
 */
export function checkUnknownFields(doc: Record<string, unknown>): DesignIssue[] {
  const known = Object.keys(DesignDocument.shape);
  return Object.keys(doc)
    .filter((key) => !known.includes(key))
    .map((key) => {
      if (FUTURE_FIELDS.has(key)) {
        return { path: key, message: 'is not in format version 1 yet: kept, but not simulated' };
      }
      const near = known.find((k) => editDistance(k.toLowerCase(), key.toLowerCase()) <= 2);
      const hint = near === undefined ? '' : ` (did you mean ${near}?)`;
      return { path: key, message: `is not a field of the design: kept, but not used${hint}` };
    });
}
