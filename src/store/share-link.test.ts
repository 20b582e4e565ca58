import { describe, expect, it } from 'vitest';
import { sampleDocument } from './design-storage';
import { sharedText, shareHash } from './share-link';

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
});
