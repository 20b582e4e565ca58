// Every malformed document is refused, never throws, names the field it breaks, and
// says so in a sentence. Every importer a case needs is registered, so a case is never
// skipped: one no importer recognises fails here (its refusal names "(document)"). A case
// marked `gap` is known to pass the gate today and is expected to fail here.

import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { type ImportOutcome, importDocuments } from '..';

interface Expected {
  path: string;
  why: string;
  needs?: 'ecs' | 'cloudformation';
  gap?: string;
}

const here = dirname(fileURLToPath(import.meta.url));
const expected = JSON.parse(readFileSync(join(here, 'expected.json'), 'utf8')) as Record<
  string,
  Expected
>;
const files = readdirSync(join(here, 'malformed')).sort();
const read = (file: string) => readFileSync(join(here, 'malformed', file), 'utf8');

/** A sentence, not a code: words, a letter, and not zod's "Invalid input". */
const SENTENCE = /^(?!invalid input)\S+(\s+\S+)+$/i;

describe('the malformed corpus', () => {
  it('has at least 50 documents, each in expected.json, and YAML among them', () => {
    expect(files.length).toBeGreaterThanOrEqual(50);
    expect(files.filter((f) => f.endsWith('.yaml')).length).toBeGreaterThan(0);
    expect(new Set(files)).toEqual(new Set(Object.keys(expected)));
  });

  for (const file of files) {
    const want = expected[file];
    if (!want) continue;
    const title = `${file}: ${want.why} -> names ${want.path}`;
    const run = want.gap ? it.fails : it;
    run(want.gap ? `${title} (known gap: ${want.gap})` : title, () => {
      let out: ImportOutcome | undefined;
      expect(() => {
        out = importDocuments([{ name: file, text: read(file) }]);
      }).not.toThrow();
      if (!out) throw new Error('no outcome');
      expect(out.ok, 'refused').toBe(false);
      if (out.ok) return;
      const named = out.issues.filter((i) => i.path.includes(want.path));
      expect(
        named.map((i) => i.path),
        out.message,
      ).not.toEqual([]);
      for (const issue of out.issues) expect(issue.message).toMatch(SENTENCE);
      expect(out.message).not.toMatch(/Invalid input/);
    });
  }
});
