import type { ImportOutcome } from '../../design/import';

/**
 * The outcome as UTF-8 JSON in a buffer that is transferred, not cloned. Chromium took
 * 371 ms of the page's thread to structured-clone a 10 MB design back; JSON.parse of the
 * same text costs a fraction of that. A design that passed the gate is JSON by
 * construction (it is saved and exported as JSON), so the round trip loses nothing.
 */
export interface PackedOutcome {
  json: Uint8Array;
}

export const packOutcome = (outcome: ImportOutcome): PackedOutcome => ({
  json: new TextEncoder().encode(JSON.stringify(outcome)),
});

export const unpackOutcome = (packed: PackedOutcome): ImportOutcome =>
  JSON.parse(new TextDecoder().decode(packed.json)) as ImportOutcome;
