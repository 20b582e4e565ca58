import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Comparison, Operator, QueryNode, Subject } from './ast';
import { SUBJECT_OPERATORS } from './ast';
import { parseQuery } from './parser';
import { printQuery, printValue } from './printer';
import { compileRegex } from './values';

function reparse(text: string): QueryNode {
  const result = parseQuery(text);
  if (!result.ok) throw new Error(`${result.error.message} in ${JSON.stringify(text)}`);
  return result.ast;
}

describe('printQuery', () => {
  it.each([
    ['attribute:ecs.instance-type equals t2.small', 'attribute:ecs.instance-type == t2.small'],
    [
      "attribute:ecs.availability-zone in ['us-east-1a','us-east-1b']",
      'attribute:ecs.availability-zone in [us-east-1a, us-east-1b]',
    ],
    ['not(task:group == database)', 'not (task:group == database)'],
    ['a:b exists', undefined],
    [
      '(attribute:a == 1 || attribute:b == 2) && attribute:c not_exists',
      '(attribute:a == 1 or attribute:b == 2) and attribute:c !exists',
    ],
    ["attribute:team == 'blue team'", "attribute:team == 'blue team'"],
    [`attribute:note == "it's"`, `attribute:note == "it's"`],
  ])('%s prints as %s', (text, printed) => {
    const result = parseQuery(text);
    if (printed === undefined) {
      expect(result.ok).toBe(false);
      return;
    }
    expect(result.ok && printQuery(result.ast)).toBe(printed);
  });

  it('quotes only what a bare value cannot hold', () => {
    expect(printValue('m5.*')).toBe('m5.*');
    expect(printValue('')).toBe("''");
    expect(printValue('a b')).toBe("'a b'");
    expect(printValue('a&&b')).toBe("'a&&b'");
    expect(printValue(`it's "x"`)).toBe(String.raw`'it\'s "x"'`);
    expect(printValue('tail\\')).toBe('tail\\');
    expect(printValue('a b\\')).toBe(String.raw`'a b\\'`);
  });
});

// Arbitrary trees of valid queries, for the round-trip property.
const text = fc.string({ unit: 'grapheme-ascii', maxLength: 12 });
const anyValue = fc.oneof(
  text,
  fc.constantFrom("it's", '"q"', 'back\\slash\\', "a\\'b", ' ', '&&', '[x]'),
);
const regex = fc.oneof(
  fc.constantFrom('m5.*', 't2\\.micro', '(a|b)+', '\\d{2,}', "it's.*", '[^,]*'),
  text.filter((s) => typeof compileRegex(s) !== 'string'),
);
const attributeName = fc.stringMatching(/^[A-Za-z0-9_\-./:]{1,16}$/);

const valueFor = (subject: Subject, operator: Operator): fc.Arbitrary<string> => {
  if (operator === 'matches' || operator === 'not_matches') return regex;
  switch (subject.kind) {
    case 'agentConnected':
      return fc.constantFrom('true', 'false');
    case 'agentVersion':
      return fc.constantFrom('1.14.5', '1.9', '2.0.0.1', '10');
    case 'registeredAt':
      return fc.constantFrom(
        '2018-06-18T22:28:28+00:00',
        '2018-06-18T22:28:28Z',
        '2018-06-18T22:28:28',
        '2018-06-18',
      );
    case 'runningTasksCount':
      return fc.nat(50).map(String);
    default:
      return anyValue;
  }
};

const subject: fc.Arbitrary<Subject> = fc.oneof(
  attributeName.map((name) => ({ kind: 'attribute' as const, name })),
  fc.constantFrom<Subject>(
    { kind: 'agentConnected' },
    { kind: 'agentVersion' },
    { kind: 'ec2InstanceId' },
    { kind: 'registeredAt' },
    { kind: 'runningTasksCount' },
    { kind: 'taskGroup' },
  ),
);

const comparison: fc.Arbitrary<Comparison> = subject.chain((s) =>
  fc.constantFrom(...SUBJECT_OPERATORS[s.kind]).chain((operator) => {
    const value = valueFor(s, operator);
    const values =
      operator === 'exists' || operator === 'not_exists'
        ? fc.constant<string[]>([])
        : operator === 'in' || operator === 'not_in'
          ? fc.array(value, { minLength: 1, maxLength: 3 })
          : value.map((v) => [v]);
    return values.map((vs): Comparison => ({ kind: 'compare', subject: s, operator, values: vs }));
  }),
);

const { node } = fc.letrec<{ node: QueryNode }>((tie) => ({
  node: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    comparison,
    fc.record({
      kind: fc.constantFrom('and' as const, 'or' as const),
      operands: fc.array(tie('node'), { minLength: 2, maxLength: 3 }),
    }),
    tie('node').map((operand): QueryNode => ({ kind: 'not', operand })),
  ),
}));

describe('round trip', () => {
  it('parse(print(ast)) is ast', () => {
    fc.assert(
      fc.property(node, (ast) => {
        expect(reparse(printQuery(ast))).toEqual(ast);
      }),
      { numRuns: 500 },
    );
  });

  it('print is a fixpoint: print(parse(print(ast))) is print(ast)', () => {
    fc.assert(
      fc.property(node, (ast) => {
        const printed = printQuery(ast);
        expect(printQuery(reparse(printed))).toBe(printed);
      }),
    );
  });
});
