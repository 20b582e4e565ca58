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

/**
 * Model/choice: the longest link Share hands out, in characters of the whole URL. Chromium
 * carries 2 MB (`kMaxURLChars`, url/mojom/url.mojom: longer URLs are silently replaced by an
 * empty one) and Firefox 1 MB, but the address bar shows only the first 32 KB
 * (`kMaxURLDisplayChars` = 32 * 1024, Chromium content/common/content_constants.cc), and the
 * places a link travels are shorter: Slack truncates a message above 40,000 characters, Teams
 * refuses one above about 28 KB. 32 KB keeps a link whole in all of them but Teams at its
 * edge; the sample design is 1-3 KB, and a thousand journal entries about 14 KB.
 */
export const SHARE_LINK_MAX_CHARS = 32 * 1024;

export type ShareLink =
  | { ok: true; url: string; length: number }
  | { ok: false; reason: string; length: number; limit: number };

const kb = (chars: number) => `${Math.ceil(chars / 1024)} KB`;

/** The link for `base` (origin and path), or, when it would be too long to carry, why not. */
export function shareLinkFor(
  base: string,
  design: DesignDocument,
  run?: RunRecord,
  limit = SHARE_LINK_MAX_CHARS,
): ShareLink {
  const url = `${base}${shareHash(design, run)}`;
  if (url.length <= limit) return { ok: true, url, length: url.length };
  return {
    ok: false,
    length: url.length,
    limit,
    reason: `This link would be ${kb(url.length)}, longer than chat apps and browsers carry whole (${kb(limit)}): send the design as a file instead.`,
  };
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
