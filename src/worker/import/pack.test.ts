import { describe, expect, it } from 'vitest';
import { importDocuments } from '../../design/import';
import { largeDesign } from './large-design';
import { CHUNK_CHARS, packOutcome, unpackOutcome } from './pack';

describe('the import outcome packed for the way back', () => {
  it('a large design crosses in chunks and comes back equal, keys in their order', async () => {
    const text = JSON.stringify(largeDesign(2 * 1024 * 1024));
    const outcome = importDocuments([{ name: 'large.json', text }]);
    expect(outcome.ok).toBe(true);
    const packed = packOutcome(outcome);
    expect(packed.parts.length).toBeGreaterThan(0);
    const chunks = packed.parts.flatMap((p) => p.chunks);
    expect(chunks.length).toBeGreaterThan(4);
    // No chunk much above the size a frame parses: one item may carry it over.
    for (const c of chunks) expect(c.byteLength).toBeLessThan(CHUNK_CHARS * 2);
    const back = await unpackOutcome(packed);
    expect(back).toEqual(outcome);
    if (back.ok && outcome.ok)
      expect(Object.keys(back.design)).toEqual(Object.keys(outcome.design));
  });

  it('a refusal crosses whole', async () => {
    const outcome = importDocuments([{ name: 'bad.json', text: '{"formatVersion": "x"}' }]);
    expect(outcome.ok).toBe(false);
    const packed = packOutcome(outcome);
    expect(packed.parts).toEqual([]);
    expect(await unpackOutcome(packed)).toEqual(outcome);
  });
});
