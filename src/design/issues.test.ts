import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { describeValue, formatPath, fromZodIssues, issuesText, listOfValues } from './issues';

describe('formatPath', () => {
  it.each([
    [[], '(document)'],
    [['seed'], 'seed'],
    [['services', 0, 'desiredCount'], 'services[0].desiredCount'],
    [['layout', 'service:web', 'x'], 'layout["service:web"].x'],
    [
      ['containerDefinitions', 0, 'dockerLabels', 'com.example'],
      'containerDefinitions[0].dockerLabels["com.example"]',
    ],
  ])('%j -> %s', (path, text) => {
    expect(formatPath(path)).toBe(text);
  });
});

describe('describeValue', () => {
  it.each([
    ['3', 'the string "3"'],
    [3, '3'],
    [true, 'true'],
    [null, 'null'],
    [[1], 'an array'],
    [{}, 'an object'],
    ['x'.repeat(50), `the string "${'x'.repeat(40)}..."`],
  ])('%j -> %s', (value, text) => {
    expect(describeValue(value)).toBe(text);
  });
});

it('lists values the way a sentence does', () => {
  expect(listOfValues(['a'])).toBe('"a"');
  expect(listOfValues(['a', 'b'])).toBe('"a" or "b"');
  expect(listOfValues(['a', 'b', 1])).toBe('"a", "b" or 1');
});

it('caps a joined message', () => {
  const issues = Array.from({ length: 22 }, (_, i) => ({ path: `p${i}`, message: 'm' }));
  expect(issuesText(issues).split('\n').at(-1)).toBe('... and 2 more problems');
  expect(issuesText(issues.slice(0, 21)).split('\n').at(-1)).toBe('... and 1 more problem');
});

/** Messages for schemas the design does not use yet, so the next one reads well too. */
describe('fromZodIssues', () => {
  const messages = (schema: z.ZodType, value: unknown) => {
    const result = schema.safeParse(value, { reportInput: true });
    return result.success
      ? []
      : fromZodIssues(result.error.issues).map((i) => `${i.path}: ${i.message}`);
  };

  it.each<[string, z.ZodType, unknown, string]>([
    ['a literal', z.object({ v: z.literal(1) }), { v: 2 }, 'v: must be 1, got 2'],
    [
      'a strict object',
      z.strictObject({ a: z.number() }),
      { a: 1, b: 2, c: 3 },
      '(document): has unknown fields "b" and "c"',
    ],
    [
      'a record key',
      z.object({ r: z.record(z.string().regex(/^a/), z.number()) }),
      { r: { b: 1 } },
      'r: key "b": must match /^a/, got "b"',
    ],
    [
      'a plain union',
      z.object({ u: z.union([z.string(), z.number()]) }),
      { u: true },
      'u: does not match any of the allowed shapes',
    ],
    [
      'a multiple',
      z.object({ n: z.number().multipleOf(5) }),
      { n: 7 },
      'n: must be a multiple of 5, got 7',
    ],
    [
      'a long string',
      z.object({ s: z.string().max(3) }),
      { s: 'abcd' },
      's: must be at most 3 characters',
    ],
    [
      'a short array',
      z.object({ a: z.array(z.number()).min(2) }),
      { a: [1] },
      'a: needs at least 2 items',
    ],
    [
      'an exclusive bound',
      z.object({ n: z.number().positive() }),
      { n: 0 },
      'n: must be more than 0, got 0',
    ],
    [
      'a custom refinement',
      z.object({ n: z.number() }).refine(() => false, 'is wrong'),
      { n: 1 },
      '(document): is wrong',
    ],
  ])('%s', (_label, schema, value, line) => {
    expect(messages(schema, value)).toEqual([line]);
  });
});

it('reads well without reportInput too', () => {
  const schema = z.object({ a: z.number(), b: z.number() });
  const result = schema.safeParse({ a: 'x' });
  const lines = result.success ? [] : fromZodIssues(result.error.issues);
  expect(lines).toEqual([
    { path: 'a', message: 'expected a number' },
    { path: 'b', message: 'is required' },
  ]);
});
