import { describe, expect, it } from 'vitest';
import { LineCounter, parseDocument } from 'yaml';
import { expectNamedIssues, fastestMs } from '../fuzz-testing';
import { type ImportOutcome, importDocuments } from '.';
import { berthDesign, cloudFormationTemplate, type Doc, registerInput } from './corpus/bases';
import { duplicateKey } from './yaml-keys';

// Issue 10: long input through the importers costs linear time: 100,000 characters of
// a name, an id or nesting answer in under 50 ms (min of 5 runs, for busy CI cores).

function answers(outcome: ImportOutcome): void {
  if (outcome.ok) {
    expect(outcome.read.length).toBeGreaterThan(0);
    return;
  }
  expectNamedIssues(outcome.issues);
}

/** `open` nested `times` deep around a 1, closed with braces. */
const deepText = (open: string, times: number) => `${open.repeat(times)}1${'}'.repeat(times)}`;

/** `a:` lines each indented one more column, to at least `length` characters. */
function staircase(length: number): string {
  const lines: string[] = [];
  for (let i = 0, total = 0; total < length; i++, total += i + 2) lines.push(`${' '.repeat(i)}a:`);
  return lines.join('\n');
}

const manyKeys = (length: number) =>
  Array.from({ length: Math.ceil(length / 8) }, (_, i) => `k${i}: 1`).join('\n');

const importText = (text: string) => importDocuments([{ text }]);

describe('the importers on long input', () => {
  const N = 100_000;
  const cfn = () => cloudFormationTemplate() as { Resources: Record<string, Doc> };
  const service = (t: { Resources: Record<string, Doc> }) =>
    (t.Resources.Service as { Properties: Doc }).Properties;
  const longInputs: [string, () => string][] = [
    [
      'a service name',
      () => {
        const t = cfn();
        service(t).ServiceName = 'x'.repeat(N);
        return JSON.stringify(t);
      },
    ],
    [
      'a logical id',
      () => {
        const t = cfn();
        t.Resources['L'.repeat(N)] = t.Resources.Service as Doc;
        return JSON.stringify(t);
      },
    ],
    [
      'an unclosed Fn::Sub',
      () => {
        const t = cfn();
        service(t).ServiceName = { 'Fn::Sub': '${'.repeat(N / 2) };
        return JSON.stringify(t);
      },
    ],
    ['a family name', () => JSON.stringify({ ...registerInput(), family: 'f'.repeat(N) })],
    ['a YAML key', () => `${'k'.repeat(N)}: 1`],
    ['a YAML scalar', () => `family: ${'v'.repeat(N)}\ncontainerDefinitions: []`],
    ['JSON nesting', () => `${'['.repeat(N / 2)}${']'.repeat(N / 2)}`],
    ['YAML flow nesting', () => `a: ${'['.repeat(N)}`],
    ['YAML block nesting', () => `${'- '.repeat(N / 2)}x`],
    ['YAML indentation', () => staircase(N)],
    // Written as text: JSON.stringify itself recurses, and would overflow first.
    [
      'nesting inside a design',
      () => `${JSON.stringify(berthDesign()).slice(0, -1)},"extra":${deepText('{"a":', N / 5)}}`,
    ],
    [
      'nesting inside a template',
      () =>
        JSON.stringify(cfn()).replace(
          '"DesiredCount":2',
          `"DesiredCount":${deepText('{"Fn::If":', N / 10)}`,
        ),
    ],
  ];

  // The yaml library reads about 2.5 µs a character here, so 100,000 characters of
  // keys take longer than 50 ms; what must hold is that the time grows linearly. Its
  // own duplicate-key check compared every pair: 4 times the keys took 13 times as long.
  it('reads 100,000 characters of YAML keys, the last repeated, in linear time', () => {
    const make = (n: number) => `${manyKeys(n)}\nk1: 2`;
    const [small, large] = [make(N / 10), make(N)];
    const outcome = importText(large);
    expect(!outcome.ok && outcome.issues[0]?.message).toMatch(
      /line 12501, column 1: Map keys must be unique/,
    );
    const [t1, t10] = [
      fastestMs(() => importText(small), 3),
      fastestMs(() => importText(large), 3),
    ];
    // Linear is 10 times; the pairwise check was about 100 times.
    expect(t10 / t1, `${t1.toFixed(1)} ms, then ${t10.toFixed(1)} ms`).toBeLessThan(30);
  });

  it('finds a repeated key among 12,500 in under 50 ms, once the YAML is read', () => {
    const lines = new LineCounter();
    const doc = parseDocument(`${manyKeys(N)}\nk1: 2`, { uniqueKeys: false, lineCounter: lines });
    expect(duplicateKey(doc, lines)).toBe('line 12501, column 1: Map keys must be unique');
    expect(fastestMs(() => duplicateKey(doc, lines))).toBeLessThan(50);
  });

  it.each(longInputs)('answer 100,000 characters in %s in under 50 ms', (_label, make) => {
    const text = make();
    expect(text.length).toBeGreaterThanOrEqual(N);
    answers(importText(text));
    expect(fastestMs(() => importText(text))).toBeLessThan(50);
  });
});
