import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseDesign } from '../../parse';
import { readCopilotManifest } from './importer';
import { parseDuration, shellWords } from './reader';
import { designOf } from './testing';

const base = {
  name: 'web',
  type: 'Load Balanced Web Service',
  image: { location: 'nginx:1', port: 80 },
  http: { path: '/' },
};

/** Keys Copilot has no field by: never one the mapping reads. */
const unknownKey = fc.stringMatching(/^[a-z][a-z_]{2,12}$/).map((k) => `x_${k}`);
const anyValue = fc.oneof(
  fc.string(),
  fc.integer(),
  fc.boolean(),
  fc.dictionary(fc.stringMatching(/^[a-z]{1,6}$/), fc.string(), { maxKeys: 3 }),
  fc.array(fc.integer(), { maxLength: 3 }),
);

describe('the Copilot reader, for any input', () => {
  it('is never silent: every field it does not know is one warning, with its path', () => {
    fc.assert(
      fc.property(fc.dictionary(unknownKey, anyValue, { minKeys: 1, maxKeys: 5 }), (extra) => {
        const result = readCopilotManifest({ ...base, ...extra });
        expect(result.ok).toBe(true);
        if (!result.ok) return;
        const warned = result.warnings.map((w) => w.path);
        for (const [key, value] of Object.entries(extra)) {
          const isNonEmptyMap =
            typeof value === 'object' && !Array.isArray(value) && Object.keys(value).length > 0;
          if (isNonEmptyMap)
            for (const k of Object.keys(value)) expect(warned).toContain(`${key}.${k}`);
          else expect(warned).toContain(key);
        }
        expect(parseDesign(designOf(result.fragment)).ok).toBe(true);
      }),
    );
  });

  it('any count from 0 to 100 is the desired count, through the gate', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 100 }), (count) => {
        const result = readCopilotManifest({ ...base, count });
        if (!result.ok) throw new Error('refused');
        const parsed = parseDesign(designOf(result.fragment));
        expect(parsed.ok && parsed.design.services[0]?.desiredCount).toBe(count);
      }),
    );
  });

  it('Go durations: hours, minutes and seconds add up', () => {
    fc.assert(
      fc.property(fc.nat(23), fc.nat(59), fc.nat(59), (h, m, s) => {
        expect(parseDuration(`${h}h${m}m${s}s`)).toBe(h * 3600 + m * 60 + s);
      }),
    );
    expect(parseDuration('250ms')).toBe(0.25);
    expect(parseDuration('2m30s')).toBe(150);
    expect(parseDuration('ten')).toBeUndefined();
    expect(parseDuration('30s garbage')).toBeUndefined();
  });

  it('shell words: plain words joined by spaces come back as they were', () => {
    fc.assert(
      fc.property(
        fc.array(fc.stringMatching(/^[A-Za-z0-9_/.-]{1,8}$/), { maxLength: 6 }),
        (words) => {
          expect(shellWords(words.join(' '))).toEqual(words);
        },
      ),
    );
    expect(shellWords(`echo "a b" 'c d' e\\ f`)).toEqual(['echo', 'a b', 'c d', 'e f']);
  });
});
