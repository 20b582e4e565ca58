// Writes the malformed corpus: `npx tsx src/design/import/corpus/generate.ts`, then
// `npx biome check --write src/design/import/corpus` (the files are kept formatted). Each
// document is a plausible real input with one thing wrong; the files are what the test
// reads (and what a person opens to see the case), this script is how they stay one
// mistake away from a valid document. expected.json names the path each must name.

import { mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { stringify } from 'yaml';
import { CASES, type Case } from './cases';

const here = dirname(fileURLToPath(import.meta.url));
const out = join(here, 'malformed');
mkdirSync(out, { recursive: true });
for (const f of readdirSync(out)) rmSync(join(out, f));

const expected: Record<string, Pick<Case, 'path' | 'needs' | 'why' | 'gap'>> = {};
for (const c of CASES) {
  const file = `${c.name}.${c.yaml ? 'yaml' : 'json'}`;
  const doc = c.doc();
  const text = c.yaml ? stringify(doc, { lineWidth: 0 }) : `${JSON.stringify(doc, null, 2)}\n`;
  writeFileSync(join(out, file), text);
  expected[file] = {
    path: c.path,
    ...(c.needs ? { needs: c.needs } : {}),
    why: c.why,
    ...(c.gap ? { gap: c.gap } : {}),
  };
}
writeFileSync(join(here, 'expected.json'), `${JSON.stringify(expected, null, 2)}\n`);
console.log(`${CASES.length} documents in ${out}`);
