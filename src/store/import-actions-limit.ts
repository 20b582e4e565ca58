import type { DesignIssue } from '../design';
import type { ImportProgress } from '../worker/import/client';

const MB = 1024 * 1024;

/**
 * Model: the most Berth imports at once, 32 MB. A design in memory takes about ten times
 * its text (the parsed JSON, the gate's copy, the clone to the page, the undo history
 * holding it), so 32 MB is a few hundred MB of a workshop laptop's tab; and it is three
 * times the 10 MB design the import is tested with (about 0.3 s in the worker), so
 * any real account's export fits. Browser storage keeps about 5 MB, so a design over
 * that imports and runs but is not autosaved (the storage notice says so).
 */
export const IMPORT_LIMIT_BYTES = 32 * MB;

/** `10.3 MB`, `512 KB`: sizes as a file manager shows them (1 MB = 1,048,576 bytes). */
export function formatSize(bytes: number): string {
  if (bytes < MB) return `${Math.max(1, Math.round(bytes / 1024))} KB`;
  return `${(bytes / MB).toFixed(1).replace(/\.0$/, '')} MB`;
}

export interface SizedSource {
  name?: string;
  /** Bytes of a file (known before it is read), characters of a pasted text. */
  bytes: number;
}

/**
 * What is refused for its size before anything is read: each source over the limit by
 * name ("design.json is 64.3 MB; Berth imports up to 32 MB"), else several that are over
 * it together.
 */
export function sizeIssues(
  sources: readonly SizedSource[],
  limit: number = IMPORT_LIMIT_BYTES,
): DesignIssue[] {
  const up = `Berth imports up to ${formatSize(limit)}`;
  const over = sources.filter((s) => s.bytes > limit);
  if (over.length > 0)
    return over.map((s) => ({
      path: s.name ?? '(document)',
      message: `is ${formatSize(s.bytes)}; ${up}`,
    }));
  const total = sources.reduce((sum, s) => sum + s.bytes, 0);
  if (sources.length > 1 && total > limit)
    return [
      {
        path: '(documents)',
        message: `${sources.length} files are ${formatSize(total)} together; ${up} at once`,
      },
    ];
  return [];
}

const count = (n: number, one: string, many: string) =>
  `${n.toLocaleString('en-US')} ${n === 1 ? one : many}`;

/** The dialog's line for an import's progress. */
export function progressText(p: ImportProgress): string {
  switch (p.phase) {
    case 'reading':
    case 'checking': {
      const what = p.sources === 1 ? '' : ` ${p.sources} files,`;
      return `${p.phase === 'reading' ? 'Reading' : 'Checking'}${what} ${formatSize(p.bytes)}…`;
    }
    case 'checked':
    case 'opening': {
      const what = `${count(p.instances, 'instance', 'instances')}, ${count(p.taskDefinitions, 'task definition', 'task definitions')} and ${count(p.services, 'service', 'services')}`;
      return p.phase === 'checked' ? `Checked ${what}.` : `Opening ${what}…`;
    }
  }
}
