import { translateJavaRegex } from './java-regex';
import { compileLinearRegex, type LinearRegex } from './linear-regex';

// Typed readings of argument strings: agent versions, registration dates,
// task counts, booleans and Java-style regexes.

const VERSION = /^\d+(\.\d+)*$/;

/** Numeric parts of '1.14.5'; undefined when it is not a plain dotted version. */
export function parseVersion(text: string): number[] | undefined {
  const plain = text.startsWith('v') ? text.slice(1) : text;
  return VERSION.test(plain) ? plain.split('.').map(Number) : undefined;
}

/** Semantic-version order; missing parts count as 0, so 1.14 == 1.14.0. */
export function compareVersions(a: readonly number[], b: readonly number[]): number {
  const length = Math.max(a.length, b.length);
  for (let i = 0; i < length; i++) {
    const diff = (a[i] ?? 0) - (b[i] ?? 0);
    if (diff !== 0) return diff;
  }
  return 0;
}

/** An instant and how precise the text was: a date-only value covers its whole UTC day. */
export interface DateValue {
  atMs: number;
  spanMs: number;
}

const DATE =
  /^(\d{4})-(\d{2})-(\d{2})(?:T(\d{2}):(\d{2}):(\d{2})(?:\.(\d{1,3}))?(Z|[+-]\d{2}:?\d{2})?)?$/;
const DAY_MS = 86_400_000;

/**
 * The four forms of the guide: '2018-06-18T22:28:28+00:00', '...Z', no zone
 * (read as UTC) and date only. Fractions of a second are accepted too.
 */
export function parseDate(text: string): DateValue | undefined {
  const m = DATE.exec(text);
  if (!m) return undefined;
  const [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const [hour, minute, second] = [Number(m[4] ?? 0), Number(m[5] ?? 0), Number(m[6] ?? 0)];
  if (month < 1 || month > 12 || hour > 23 || minute > 59 || second > 59) return undefined;
  const dayMs = Date.UTC(year, month - 1, day);
  // Date.UTC rolls 2018-02-30 over into March; reject it instead.
  if (new Date(dayMs).getUTCDate() !== day) return undefined;
  if (m[4] === undefined) return { atMs: dayMs, spanMs: DAY_MS };
  const fraction = m[7];
  const millis = fraction === undefined ? 0 : Number(fraction.padEnd(3, '0'));
  const atMs = dayMs + ((hour * 60 + minute) * 60 + second) * 1000 + millis - zoneOffsetMs(m[8]);
  return { atMs, spanMs: fraction === undefined ? 1000 : 1 };
}

function zoneOffsetMs(zone: string | undefined): number {
  if (zone === undefined || zone === 'Z') return 0;
  const digits = zone.replace(':', '');
  const sign = digits.startsWith('-') ? -1 : 1;
  const minutes = Number(digits.slice(1, 3)) * 60 + Number(digits.slice(3, 5));
  return sign * minutes * 60_000;
}

export function parseCount(text: string): number | undefined {
  return /^\d+$/.test(text) ? Number(text) : undefined;
}

export function isBoolean(text: string): boolean {
  return text === 'true' || text === 'false';
}

/**
 * Java's `String.matches` tests the whole value, so the match is whole-value. Java's
 * own forms are translated first (java-regex.ts); the common subset is the same.
 * RegExp checks the syntax (its messages quote the pattern as written); the match
 * itself runs in linear time (linear-regex.ts), so no pattern can hang a placement.
 */
export function compileRegex(pattern: string): LinearRegex | string {
  const java = translateJavaRegex(pattern);
  if (!java.ok) return java.message;
  try {
    new RegExp(java.source, java.flags);
  } catch (e) {
    return e instanceof Error ? e.message : String(e);
  }
  const linear = compileLinearRegex(java.source, java.flags);
  return linear.ok ? linear.regex : linear.message;
}
