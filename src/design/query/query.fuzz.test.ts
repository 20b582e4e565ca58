import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { fastestMs } from '../fuzz-testing';
import { translateJavaRegex } from './java-regex';
import { MAX_EXPRESSION_LENGTH, parseQuery } from './parser';
import { compileRegex } from './values';

// Issue 10: the cluster query language parser answers anything with a tree or an
// error at a position, never throws, and costs linear time; `matches` cannot be made
// to backtrack for seconds.

const RUNS = { numRuns: 1_000 };

function answers(text: string): void {
  const result = parseQuery(text);
  if (result.ok) return;
  const { position, message } = result.error;
  expect(Number.isInteger(position)).toBe(true);
  expect(position).toBeGreaterThanOrEqual(0);
  expect(position).toBeLessThanOrEqual(text.length);
  expect(message.startsWith(`at ${position}: `)).toBe(true);
}

/** Pieces of the language, so that random strings get past the first token. */
const piece = fc.constantFrom(
  'attribute:ecs.instance-type',
  'attribute:',
  'task:group',
  'agentConnected',
  'agentVersion',
  'ec2InstanceId',
  'registeredAt',
  'runningTasksCount',
  '==',
  '!=',
  '>',
  '>=',
  '<=',
  '=~',
  '!~',
  'in',
  '!in',
  'exists',
  '!exists',
  'and',
  'or',
  'not',
  '&&',
  '||',
  '!',
  '(',
  ')',
  '[',
  ']',
  ',',
  "'",
  '"',
  '\\',
  't2.*',
  '(a+)+',
  '[',
  '(?i)m5',
  '\\Q.\\E',
  '\\p{Lower}',
  '2018-02-13',
  '1.14.5',
  '5',
  'true',
  ' ',
);
const grammarShaped = fc
  .array(fc.oneof(piece, fc.string({ maxLength: 4 })), { maxLength: 30 })
  .map((parts) => parts.join(' '));

describe('parseQuery under fuzzing', () => {
  it('answers any string', () => {
    fc.assert(fc.property(fc.string({ unit: 'binary', maxLength: 300 }), answers), RUNS);
  });

  it('answers strings made of the language', () => {
    fc.assert(fc.property(grammarShaped, answers), RUNS);
  });

  it.each([
    ['parentheses', '('.repeat(100_000)],
    ['negations', '!'.repeat(100_000)],
    ['a long value', `attribute:a == ${'x'.repeat(100_000)}`],
    ['a long name', `attribute:${'a'.repeat(100_000)} exists`],
    ['an open quote', `task:group == '${'x'.repeat(100_000)}`],
    ['a long chain', Array(7_000).fill('task:group == a').join(' and ')],
  ])('answers 100,000 characters of %s in under 50 ms, refusing them', (_label, text) => {
    expect(text.length).toBeGreaterThanOrEqual(100_000);
    answers(text);
    const result = parseQuery(text);
    expect(result.ok || result.error.message).toMatch(/at most 2000 characters/);
    expect(fastestMs(() => parseQuery(text))).toBeLessThan(50);
  });

  it('takes 2,000 characters (the ECS limit), and nesting up to 100 levels', () => {
    const chain = Array(80).fill('task:group == abcd').join(' or ');
    const text = `${chain} or task:group == ${'x'.repeat(MAX_EXPRESSION_LENGTH - chain.length - 18)}`;
    expect(text.length).toBe(MAX_EXPRESSION_LENGTH);
    expect(parseQuery(text).ok).toBe(true);
    expect(parseQuery(`${'('.repeat(100)}task:group == a${')'.repeat(100)}`).ok).toBe(true);
    const deep = parseQuery(`${'not '.repeat(101)}task:group == a`);
    expect(deep.ok || deep.error.message).toBe(
      'at 400: more than 100 levels of parentheses and negations',
    );
  });

  it('answers deep nesting within 2,000 characters without exhausting the stack', () => {
    for (const text of ['('.repeat(2000), '!'.repeat(2000), 'not('.repeat(500)]) answers(text);
  });
});

function regexOf(pattern: string) {
  const regex = compileRegex(pattern);
  if (typeof regex === 'string') throw new Error(regex);
  return regex;
}

describe('matches: whole-value regexes in linear time', () => {
  it.each([
    ['(a+)+', `${'a'.repeat(5_000)}b`],
    ['(a|a)*', `${'a'.repeat(5_000)}b`],
    ['a*a*a*a*a*a*a*a*a*a*', `${'a'.repeat(5_000)}b`],
    ['(.*,){20}x', ','.repeat(5_000)],
    ['(\\w+\\s?)*', `${'word '.repeat(1_000)}!`],
  ])('%s against hostile input answers in under 50 ms', (pattern, value) => {
    const regex = regexOf(pattern);
    expect(regex.test(value)).toBe(false);
    expect(fastestMs(() => regex.test(value))).toBeLessThan(50);
  });

  it.each([
    ['t2.*', 't2.micro', true],
    ['t2.*', 'm5.large', false],
    ['(?i)M5\\..*', 'm5.large', true],
    ['\\Qa.b\\E', 'a.b', true],
    ['\\Qa.b\\E', 'axb', false],
    ['\\p{Lower}+', 'abc', true],
    ['a{2,3}', 'aaaa', false],
    ['a{2,}b', 'aaab', true],
    ['a{', 'a{', true],
    ['[^,]*', 'a,b', false],
    ['\\bfoo\\b.*', 'foo bar', true],
    ['x|^y$', 'y', true],
    ['(?m)a$\\nb', 'a\nb', true],
    ['(?s)a.b', 'a\nb', true],
    ['a.b', 'a\nb', false],
    ['(a*)*b', 'aab', true],
    ['(?<zone>us-east-1[a-f])', 'us-east-1c', true],
  ])('%s on %j is %s', (pattern, value, expected) => {
    expect(regexOf(pattern).test(value)).toBe(expected);
  });

  it.each([
    ['(a)\\1', /backreferences/],
    ['(?=a)a', /lookahead/],
    ['(?<!a)b', /lookbehind/],
    ['((a{1000}){1000}){1000}', /too large/],
    ['(?:){1000000000}', /too large/],
  ])('refuses %s with a message', (pattern, message) => {
    const result = compileRegex(pattern);
    expect(typeof result === 'string' && result).toMatch(message);
  });

  // The matcher against RegExp itself, on patterns short enough that RegExp is fast.
  const regexPiece = fc.constantFrom(
    'a',
    'b',
    '.',
    '\\d',
    '\\w',
    '\\s',
    '[ab]',
    '[^a]',
    '[a-c\\d]',
    '^',
    '$',
    '\\b',
    '\\B',
    '|',
    '(',
    ')',
    '(?:',
    '*',
    '+',
    '?',
    '*?',
    '{2}',
    '{1,2}',
    '{0,}',
    '{',
    '}',
    '\\.',
    '\\n',
    '\\x41',
    '\\u0062',
    // Annex B forms RegExp takes outside unicode mode, and named groups.
    '\\x4',
    '\\u00',
    '\\cJ',
    '\\c',
    '\\0',
    '[\\b]',
    ']',
    '(?<n>',
    '??',
    '{2,3}?',
    '\\P{Digit}',
  );
  const pattern = fc.array(regexPiece, { maxLength: 8 }).map((parts) => parts.join(''));
  const value = fc.string({
    unit: fc.constantFrom('a', 'b', 'A', '1', ' ', '\n', '.', '_', '\\', 'c', '\b', '{', ']'),
    maxLength: 8,
  });
  const flags = fc.constantFrom('', '(?i)', '(?s)', '(?m)', '(?ims)');

  it('agrees with RegExp on short patterns and values', () => {
    fc.assert(
      fc.property(flags, pattern, fc.array(value, { maxLength: 5 }), (flag, body, values) => {
        const text = flag + body;
        const java = translateJavaRegex(text);
        if (!java.ok) return;
        let native: RegExp;
        try {
          // Whole value even under (?m): Java's matches ignores line ends; RegExp's ^ and $ do not.
          native = new RegExp(`^(?<![\\s\\S])(?:${java.source})(?![\\s\\S])`, java.flags);
        } catch {
          return;
        }
        const linear = compileRegex(text);
        if (typeof linear === 'string') return;
        for (const v of values)
          expect(linear.test(v), `${text} on ${JSON.stringify(v)}`).toBe(native.test(v));
      }),
      RUNS,
    );
  });

  it('compiles any string to a matcher or a message, and the matcher answers', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 60 }), fc.string({ maxLength: 60 }), (p, v) => {
        const regex = compileRegex(p);
        if (typeof regex !== 'string') expect(typeof regex.test(v)).toBe('boolean');
      }),
      RUNS,
    );
  });
});
