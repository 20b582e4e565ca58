import { compressToEncodedURIComponent, decompressFromEncodedURIComponent } from 'lz-string';
import type { DesignDocument } from '../design';

/** `#design=<lz-string>`: in the hash, so the design never reaches a server. */
const PREFIX = '#design=';

export type SharedText = { kind: 'none' } | { kind: 'text'; text: string } | { kind: 'unreadable' };

export function shareHash(design: DesignDocument): string {
  return `${PREFIX}${compressToEncodedURIComponent(JSON.stringify(design))}`;
}

/** The design text a link carries; the design gate judges it after. */
export function sharedText(hash: string): SharedText {
  if (!hash.startsWith(PREFIX)) return { kind: 'none' };
  const text = decompressFromEncodedURIComponent(hash.slice(PREFIX.length));
  // lz-string answers null or '' for what it cannot decode.
  return text ? { kind: 'text', text } : { kind: 'unreadable' };
}
