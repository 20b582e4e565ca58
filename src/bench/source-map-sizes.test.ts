import { describe, expect, it } from 'vitest';
import { bytesBySource, decodeSegment } from './source-map-sizes';

describe('source map sizes', () => {
  it('decodes base64 VLQ as the source map spec does', () => {
    expect(decodeSegment('AAAA')).toEqual([0, 0, 0, 0]);
    expect(decodeSegment('AACA')).toEqual([0, 0, 1, 0]);
    expect(decodeSegment('D')).toEqual([-1]);
    expect(decodeSegment('gB')).toEqual([16]);
    expect(decodeSegment('2HwBmB')).toEqual([123, 24, 19]);
  });

  it('gives each source the bytes from its segment to the next', () => {
    // "aaaa" from source 0, then "bb" from source 1, then "c" from source 0 again.
    const code = 'aaaabbc';
    const map = { sources: ['a.ts', 'b.ts'], mappings: 'AAAA,ICAA,EDAA' };
    expect(bytesBySource(code, map)).toEqual(
      new Map([
        ['a.ts', 5],
        ['b.ts', 2],
      ]),
    );
  });
});
