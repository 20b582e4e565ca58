import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { stringify } from 'yaml';
import { expectNamedIssues, mutationsOf } from '../fuzz-testing';
import { parseDesign } from '../parse';
import { sampleDesign } from '../sample';
import { type ImportOutcome, importDocuments } from '.';
import {
  berthDesign,
  cloudFormationTemplate,
  type Doc,
  describeOutput,
  registerInput,
} from './corpus/bases';

// Issue 10: whatever text arrives, the importers answer with a design or with
// refusals that each name a path; they never throw, and long input costs linear time.

const RUNS = { numRuns: 1_000 };

function answers(outcome: ImportOutcome): void {
  if (outcome.ok) {
    expect(outcome.read.length).toBeGreaterThan(0);
    return;
  }
  expectNamedIssues(outcome.issues);
}

const importText = (text: string) => importDocuments([{ text }]);

const here = dirname(fileURLToPath(import.meta.url));
const corpusDir = join(here, 'corpus', 'malformed');
const corpusTexts = readdirSync(corpusDir)
  .sort()
  .map((file) => readFileSync(join(corpusDir, file), 'utf8'))
  // The 100,000-character case has its own test; corrupted, it costs 1,000 runs seconds.
  .filter((text) => text.length < 10_000);

const bases: Doc[] = [berthDesign(), registerInput(), describeOutput(), cloudFormationTemplate()];
const baseTexts = bases.flatMap((doc) => [JSON.stringify(doc, null, 2), stringify(doc)]);

/** A text with a few characters deleted, inserted or swapped: broken JSON, broken YAML. */
function corrupted(texts: readonly string[]): fc.Arbitrary<string> {
  const edit = fc.tuple(
    fc.double({ min: 0, max: 1, noNaN: true }),
    fc.nat(8),
    fc.constantFrom(
      '',
      '{',
      '}',
      '[',
      ']',
      ':',
      ',',
      '"',
      "'",
      '\n',
      '\t',
      '  ',
      '- ',
      '!Ref ',
      '&a ',
      '*a',
      '#',
      '<b>',
      '\u0000',
    ),
  );
  return fc
    .tuple(fc.constantFrom(...texts), fc.array(edit, { minLength: 1, maxLength: 4 }))
    .map(([text, edits]) =>
      edits.reduce((t, [where, cut, insert]) => {
        const at = Math.floor(where * t.length);
        return t.slice(0, at) + insert + t.slice(at + cut);
      }, text),
    );
}

/** Lines that look like YAML: keys, lists, tags, anchors, flow collections. */
const yamlish = fc
  .array(
    fc.tuple(
      fc.nat(6),
      fc.constantFrom(
        '',
        '- ',
        'Type: ',
        'Properties:',
        'Resources:',
        '!Ref ',
        '!Sub ',
        '!GetAtt ',
        '&a ',
        '*a',
        '<<: ',
        '? ',
        '| ',
        '> ',
      ),
      fc.oneof(
        fc.string({ maxLength: 12 }),
        fc.constantFrom(
          'AWS::ECS::Service',
          'AWS::ECS::TaskDefinition',
          '[',
          '{',
          '}',
          ']',
          'x: y',
        ),
      ),
    ),
    { maxLength: 20 },
  )
  .map((lines) => lines.map(([indent, head, rest]) => ' '.repeat(indent) + head + rest).join('\n'));

describe('the importers under fuzzing', () => {
  it('answer any string', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 100 }), (t) => answers(importText(t))),
      RUNS,
    );
  });

  it('answer any JSON text', () => {
    fc.assert(
      fc.property(fc.json(), (t) => answers(importText(t))),
      RUNS,
    );
  });

  it('answer YAML-shaped text', () => {
    fc.assert(
      fc.property(yamlish, (t) => answers(importText(t))),
      RUNS,
    );
  });

  it('answer corrupted real documents, JSON and YAML, and the malformed corpus', () => {
    fc.assert(
      fc.property(corrupted([...baseTexts, ...corpusTexts]), (t) => answers(importText(t))),
      RUNS,
    );
  });

  it('answer hostile edits of each kind of document they read', () => {
    const doc = fc.constantFrom(...bases).chain((base) => mutationsOf(base));
    fc.assert(
      fc.property(doc, (d) => answers(importText(JSON.stringify(d) ?? ''))),
      RUNS,
    );
  });

  it('answer several sources at once, added to a design', () => {
    const parsed = parseDesign(sampleDesign);
    if (!parsed.ok) throw new Error(parsed.message);
    const source = fc.record({
      name: fc.string({ maxLength: 8 }),
      text: fc.oneof(corrupted(baseTexts), fc.constantFrom(...baseTexts)),
    });
    fc.assert(
      fc.property(fc.array(source, { minLength: 1, maxLength: 3 }), (sources) =>
        answers(importDocuments(sources, parsed.design)),
      ),
      { numRuns: 300 },
    );
  });
});
