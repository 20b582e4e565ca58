import { describe, expect, it } from 'vitest';
import { sampleDocument } from './design-storage';
import { SHARE_LINK_MAX_CHARS, sharedText, shareHash, shareLinkFor } from './share-link';

describe('share links', () => {
  it('carries the design in the hash and gives back the same JSON', () => {
    const design = sampleDocument();
    const hash = shareHash(design);
    expect(hash).toMatch(/^#design=[A-Za-z0-9+\-$]+$/);
    const read = sharedText(hash);
    expect(read.kind === 'text' && JSON.parse(read.text)).toEqual(design);
  });

  it('ignores other hashes and reports one it cannot decode', () => {
    expect(sharedText('')).toEqual({ kind: 'none' });
    expect(sharedText('#section')).toEqual({ kind: 'none' });
    expect(sharedText('#design=')).toEqual({ kind: 'unreadable' });
  });

  it('a link within the limit is given whole', () => {
    const design = sampleDocument();
    const link = shareLinkFor('https://berth.example/', design);
    expect(link.ok && link.url).toBe(`https://berth.example/${shareHash(design)}`);
    expect(link.length).toBeLessThan(4000);
  });

  it('a link longer than the limit is not made: its length and the limit are said', () => {
    const design = sampleDocument();
    // A journal of a long workshop: a few thousand scaling changes, not all alike.
    const journal = Array.from({ length: 4000 }, (_, i) => ({
      at: i * 7.25,
      action: 'UpdateService' as const,
      input: { cluster: 'default', service: `web-${i % 17}`, desiredCount: (i * 7919) % 31 },
    }));
    const run = { seed: 1, journal, atMs: 29_000_000, endMs: 29_000_000 };
    const link = shareLinkFor('https://berth.example/', design, run);
    expect(link.ok).toBe(false);
    if (link.ok) return;
    expect(link.limit).toBe(SHARE_LINK_MAX_CHARS);
    expect(link.length).toBeGreaterThan(SHARE_LINK_MAX_CHARS);
    expect(link.reason).toMatch(
      /^This link would be \d+ KB, longer than chat apps and browsers carry whole \(32 KB\): send the design as a file instead\.$/,
    );
  });

  it('the limit counts the whole address, origin and path too', () => {
    const design = sampleDocument();
    const hash = shareHash(design);
    const base = 'https://berth.example/';
    expect(shareLinkFor(base, design, undefined, base.length + hash.length).ok).toBe(true);
    expect(shareLinkFor(base, design, undefined, base.length + hash.length - 1).ok).toBe(false);
  });

  it('a truncated link reads as unreadable, so the last good design stays', () => {
    const hash = shareHash(sampleDocument());
    const cut = sharedText(hash.slice(0, Math.floor(hash.length / 2)));
    // lz-string may decode a cut stream to a prefix or to nothing; either way the gate or
    // this answer refuses it: never a design.
    if (cut.kind === 'text') expect(() => JSON.parse(cut.text)).toThrow();
    else expect(cut).toEqual({ kind: 'unreadable' });
  });
});
