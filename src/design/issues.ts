import type { z } from 'zod';

/** A problem with a design, named by its JSON path: `services[0].desiredCount: expected a number`. */
export interface DesignIssue {
  path: string;
  message: string;
}

const IDENTIFIER = /^[A-Za-z_$][\w$]*$/;

/** `services[0].desiredCount`; keys that are not identifiers in brackets: `layout["service:web"].x`. */
export function formatPath(path: readonly PropertyKey[]): string {
  let out = '';
  for (const key of path) {
    if (typeof key === 'number') out += `[${key}]`;
    else if (typeof key === 'string' && !IDENTIFIER.test(key)) out += `[${JSON.stringify(key)}]`;
    else out += out === '' ? String(key) : `.${String(key)}`;
  }
  return out === '' ? '(document)' : out;
}

export function issueText(issue: DesignIssue): string {
  return `${issue.path}: ${issue.message}`;
}

/** How many issues a joined message lists before it says "and N more". */
export const MAX_LISTED_ISSUES = 20;

/** One line per issue, at most MAX_LISTED_ISSUES of them. */
export function issuesText(issues: readonly DesignIssue[]): string {
  const lines = issues.slice(0, MAX_LISTED_ISSUES).map(issueText);
  const rest = issues.length - MAX_LISTED_ISSUES;
  if (rest > 0) lines.push(`... and ${rest} more problem${rest === 1 ? '' : 's'}`);
  return lines.join('\n');
}

/** A value as a message names it: `the string "3"`, `1.5`, `null`, `an object`. */
export function describeValue(value: unknown): string {
  if (value === null) return 'null';
  if (value === undefined) return 'nothing';
  if (Array.isArray(value)) return 'an array';
  if (typeof value === 'string') return `the string ${quote(value)}`;
  if (typeof value === 'object') return 'an object';
  return String(value);
}

function quote(value: string): string {
  return JSON.stringify(value.length > 40 ? `${value.slice(0, 40)}...` : value);
}

/** Where the field can only be a string, the quotes say enough: `got "mars"`. */
function valueText(value: unknown): string {
  return typeof value === 'string' ? quote(value) : describeValue(value);
}

/** `"a"`, `"a" or "b"`, `"a", "b" or "c"`. */
export function listOfValues(values: readonly unknown[], conjunction = 'or'): string {
  const shown = values.map((v) => (typeof v === 'string' ? JSON.stringify(v) : String(v)));
  if (shown.length <= 1) return shown.join('');
  return `${shown.slice(0, -1).join(', ')} ${conjunction} ${shown.at(-1)}`;
}

const TYPE_NAMES: Record<string, string> = {
  int: 'an integer',
  record: 'an object',
  nan: 'NaN',
};

function expectedType(expected: string): string {
  return TYPE_NAMES[expected] ?? (/^[aeiou]/.test(expected) ? `an ${expected}` : `a ${expected}`);
}

function oneOf(values: readonly unknown[], input: unknown): string {
  const shown =
    values.length === 1
      ? `must be ${listOfValues(values)}`
      : `must be one of ${listOfValues(values)}`;
  const hint =
    typeof input === 'string'
      ? values.find((v) => typeof v === 'string' && v.toLowerCase() === input.toLowerCase())
      : undefined;
  const got = input === undefined ? '' : `, got ${valueText(input)}`;
  return hint === undefined
    ? `${shown}${got}`
    : `${shown}${got} (did you mean ${JSON.stringify(hint)}?)`;
}

/** zod's own English messages begin so; a schema's custom message does not. */
function isDefaultMessage(message: string): boolean {
  return /^(Invalid|Too (small|big))\b/.test(message);
}

function plural(n: number | bigint, word: string): string {
  return `${n} ${word}${n === 1 || n === 1n ? '' : 's'}`;
}

function withInput(message: string, issue: { input?: unknown; origin?: string }): string {
  const { input, origin } = issue;
  if (input === undefined || input === '' || origin === 'array' || origin === 'set') return message;
  return `${message}, got ${valueText(input)}`;
}

function tooSmall(issue: z.core.$ZodIssueTooSmall): string {
  if (!isDefaultMessage(issue.message)) return withInput(issue.message, issue);
  if (issue.origin === 'array') return `needs at least ${plural(issue.minimum, 'item')}`;
  if (issue.origin === 'string') {
    return issue.minimum === 1
      ? 'must not be empty'
      : `must be at least ${plural(issue.minimum, 'character')}`;
  }
  return withInput(`must be ${issue.inclusive ? 'at least' : 'more than'} ${issue.minimum}`, issue);
}

function tooBig(issue: z.core.$ZodIssueTooBig): string {
  if (!isDefaultMessage(issue.message)) return withInput(issue.message, issue);
  if (issue.origin === 'array') return `allows at most ${plural(issue.maximum, 'item')}`;
  if (issue.origin === 'string') return `must be at most ${plural(issue.maximum, 'character')}`;
  return withInput(`must be ${issue.inclusive ? 'at most' : 'less than'} ${issue.maximum}`, issue);
}

function invalidFormat(issue: z.core.$ZodIssueInvalidStringFormat): string {
  if (!isDefaultMessage(issue.message)) return withInput(issue.message, issue);
  if (issue.format === 'datetime') {
    return withInput('must be an ISO date-time such as 2026-01-01T00:00:00Z', issue);
  }
  if (issue.format === 'regex' && issue.pattern)
    return withInput(`must match ${issue.pattern}`, issue);
  return withInput(`is not a valid ${issue.format}`, issue);
}

function invalidUnion(issue: z.core.$ZodIssueInvalidUnion): string {
  if (issue.discriminator !== undefined && 'options' in issue && issue.options) {
    // zod puts the whole object in `input` and the discriminator in the path.
    const input = issue.input;
    const value =
      typeof input === 'object' && input !== null
        ? (input as Record<string, unknown>)[issue.discriminator]
        : undefined;
    return value === undefined
      ? `is required: one of ${listOfValues(issue.options)}`
      : oneOf(issue.options, value);
  }
  return isDefaultMessage(issue.message)
    ? 'does not match any of the allowed shapes'
    : issue.message;
}

function invalidType(issue: z.core.$ZodIssueInvalidType): string {
  const expected = `expected ${expectedType(issue.expected)}`;
  // Without reportInput zod leaves `input` out; its own message still says "received undefined".
  if (!('input' in issue))
    return /received undefined$/.test(issue.message) ? 'is required' : expected;
  if (issue.input === undefined) return 'is required';
  return `${expected}, got ${describeValue(issue.input)}`;
}

function messageFor(issue: z.core.$ZodIssue): string {
  switch (issue.code) {
    case 'invalid_type':
      return invalidType(issue);
    case 'invalid_value':
      return isDefaultMessage(issue.message) ? oneOf(issue.values, issue.input) : issue.message;
    case 'invalid_union':
      return invalidUnion(issue);
    case 'too_small':
      return tooSmall(issue);
    case 'too_big':
      return tooBig(issue);
    case 'invalid_format':
      return invalidFormat(issue);
    case 'not_multiple_of':
      return withInput(`must be a multiple of ${issue.divisor}`, issue);
    case 'unrecognized_keys':
      return `has unknown ${issue.keys.length === 1 ? 'field' : 'fields'} ${listOfValues(issue.keys, 'and')}`;
    case 'invalid_key': {
      const inner = issue.issues[0];
      return inner
        ? `key ${JSON.stringify(issue.input)}: ${messageFor(inner)}`
        : 'has an invalid key';
    }
    default:
      return issue.message;
  }
}

/** Turns zod's issues into ours. Pass `reportInput: true` to safeParse so messages can quote the value. */
export function fromZodIssues(issues: readonly z.core.$ZodIssue[]): DesignIssue[] {
  return issues.map((issue) => {
    // An invalid_key issue's path already ends at the key; the key is in the message.
    const path = issue.code === 'invalid_key' ? issue.path.slice(0, -1) : issue.path;
    return { path: formatPath(path), message: messageFor(issue) };
  });
}
