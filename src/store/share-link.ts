import { compressToEncodedURIComponent, decompressFromEncodedURIComponent } from 'lz-string';
import type { DesignDocument, RunRecord } from '../design';

/** `#run=<lz-string>`: in the hash, so the design never reaches a server. */
const RUN_PREFIX = '#run=';
/** Links made before runs were shareable: a design alone, opened at 0:00. */
const DESIGN_PREFIX = '#design=';

export type SharedText = { kind: 'none' } | { kind: 'text'; text: string } | { kind: 'unreadable' };

/** A Berth file in a link: the design, and the run shown (seed, journal, moment) when given. */
export function shareHash(design: DesignDocument, run?: RunRecord): string {
  const value = run ? { ...design, run } : design;
  return `${run ? RUN_PREFIX : DESIGN_PREFIX}${compressToEncodedURIComponent(JSON.stringify(value))}`;
}

export function isShareHash(hash: string): boolean {
  return hash.startsWith(RUN_PREFIX) || hash.startsWith(DESIGN_PREFIX);
}

/** The text a link carries; the gate judges it after. */
export function sharedText(hash: string): SharedText {
  const prefix = [RUN_PREFIX, DESIGN_PREFIX].find((p) => hash.startsWith(p));
  if (!prefix) return { kind: 'none' };
  const text = decompressFromEncodedURIComponent(hash.slice(prefix.length));
  // lz-string answers null or '' for what it cannot decode.
  return text ? { kind: 'text', text } : { kind: 'unreadable' };
}
