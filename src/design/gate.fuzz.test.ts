import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { expectNamedIssues, fastestMs, mutationsOf } from './fuzz-testing';
import { berthDesign } from './import/corpus/bases';
import { type ParseResult, parseDesign } from './parse';
import { sampleDesign } from './sample';

// Issue 10: whatever arrives at the gate, it answers with a design or with messages
// that each name a path; it never throws, and a long string costs linear time.

function answers(result: ParseResult): void {
  if (result.ok) {
    expect(Array.isArray(result.warnings)).toBe(true);
    return;
  }
  expectNamedIssues(result.issues);
  expect(typeof result.message).toBe('string');
}

const RUNS = { numRuns: 1_000 };

describe('the gate under fuzzing', () => {
  it('answers any JSON value, as a value and as text', () => {
    fc.assert(
      fc.property(fc.jsonValue(), (value) => {
        answers(parseDesign(value));
        answers(parseDesign(JSON.stringify(value) ?? ''));
      }),
      RUNS,
    );
  });

  it('answers any string', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary' }), (text) => answers(parseDesign(text))),
      RUNS,
    );
  });

  it('answers hostile edits of the sample design', () => {
    fc.assert(
      fc.property(mutationsOf(sampleDesign), (doc) => answers(parseDesign(doc))),
      RUNS,
    );
  });

  it('answers hostile edits of the corpus design (ALB, Fargate, scaling)', () => {
    fc.assert(
      fc.property(mutationsOf(berthDesign()), (doc) => answers(parseDesign(doc))),
      RUNS,
    );
  });

  type Edit = (doc: Record<string, unknown>, long: string) => void;
  const firstService = (doc: Record<string, unknown>) =>
    (doc.services as Record<string, unknown>[])[0] as Record<string, unknown>;
  const targets: [string, Edit][] = [
    ['the design name', (doc, long) => Object.assign(doc, { name: long })],
    ['a cluster name', (doc, long) => Object.assign(doc, { clusters: [{ clusterName: long }] })],
    ['a service name', (doc, long) => Object.assign(firstService(doc), { serviceName: long })],
    [
      'a memberOf expression',
      (doc, long) =>
        Object.assign(firstService(doc), {
          placementConstraints: [{ type: 'memberOf', expression: long }],
        }),
    ],
  ];
  const longs: [string, string][] = [
    ['nesting', `${'['.repeat(50_000)}${']'.repeat(50_000)}`],
    ['letters', 'x'.repeat(100_000)],
    ['parentheses', '('.repeat(100_000)],
    ['HTML', '<img src=x onerror=alert(1)>'.repeat(3_572).slice(0, 100_000)],
  ];
  const cases = targets.flatMap(([target, edit]) =>
    longs.map(([kind, long]) => [target, kind, edit, long] as const),
  );

  it('answers a design with 20,000 levels of nesting in a field, in under 50 ms', () => {
    const deep = `${'{"a":'.repeat(20_000)}1${'}'.repeat(20_000)}`;
    const text = `${JSON.stringify(sampleDesign).slice(0, -1)},"extra":${deep}}`;
    const result = parseDesign(text);
    expect(result.ok || result.message).toBe(
      '(document): nests deeper than 100 levels of objects and lists',
    );
    expect(fastestMs(() => parseDesign(text))).toBeLessThan(50);
  });

  it.each(cases)('answers 100,000 characters in %s (%s) in under 50 ms', (_t, _k, edit, long) => {
    const doc = JSON.parse(JSON.stringify(sampleDesign));
    edit(doc, long);
    const text = JSON.stringify(doc);
    answers(parseDesign(text));
    expect(fastestMs(() => parseDesign(text))).toBeLessThan(50);
  });

  it('leaves Object.prototype alone after every __proto__ above', () => {
    expect(Object.hasOwn(Object.prototype, 'polluted')).toBe(false);
  });
});
