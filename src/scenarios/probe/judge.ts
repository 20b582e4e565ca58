import { mmss } from '../../design/virtual-clock';
import { type Measure, measureLabel, type Sample } from './measure';
import { span as spanOf, valueAt } from './play';

/** What a prediction reads off the run: a value at the moment, its extreme, or a time. */
export type Reading =
  | { read: 'at'; atSeconds: number }
  | { read: 'lowest' | 'highest'; fromSeconds: number; toSeconds: number }
  /** The first second at which the measure is at least `value`; -1 when it never is. */
  | { read: 'firstReaches'; value: number; fromSeconds?: number | undefined; toSeconds: number };

export function readSeries(series: readonly Sample[], reading: Reading): number {
  switch (reading.read) {
    case 'at':
      return valueAt(series, reading.atSeconds * 1000);
    case 'lowest':
    case 'highest': {
      const values = spanOf(series, reading.fromSeconds * 1000, reading.toSeconds * 1000).map(
        (s) => s.value,
      );
      return reading.read === 'lowest' ? Math.min(...values) : Math.max(...values);
    }
    case 'firstReaches': {
      const hit = spanOf(series, (reading.fromSeconds ?? 0) * 1000, reading.toSeconds * 1000).find(
        (s) => s.value >= reading.value,
      );
      return hit ? Math.round(hit.atMs / 1000) : -1;
    }
  }
}

/**
 * A challenge's goal, checked on the run: `always` holds through the window, `by` is met
 * at some moment of it, `end` holds when it ends. Bounds are inclusive.
 */
export interface Check {
  measure: Measure;
  atLeast?: number | undefined;
  atMost?: number | undefined;
  when: 'always' | 'by' | 'end';
  fromSeconds?: number | undefined;
  toSeconds: number;
}

export interface Verdict {
  pass: boolean;
  /** In a sentence, with the numbers: why it passed, or what failed and when. */
  reason: string;
  /** The moment it failed (ms), to go and look at. */
  failedAtMs?: number;
}

const within = (check: Check, value: number) =>
  (check.atLeast === undefined || value >= check.atLeast) &&
  (check.atMost === undefined || value <= check.atMost);

export function boundText(check: Check): string {
  if (check.atLeast !== undefined && check.atMost !== undefined)
    return check.atLeast === check.atMost
      ? `exactly ${check.atLeast}`
      : `between ${check.atLeast} and ${check.atMost}`;
  return check.atLeast !== undefined ? `at least ${check.atLeast}` : `at most ${check.atMost}`;
}

/** The goal in words: "web's healthyCount at least 4 from 1:00 to 10:00". */
export function checkText(check: Check): string {
  const from = mmss((check.fromSeconds ?? 0) * 1000);
  const to = mmss(check.toSeconds * 1000);
  const what = `${measureLabel(check.measure)} ${boundText(check)}`;
  if (check.when === 'always') return `${what} from ${from} to ${to}`;
  if (check.when === 'by') return `${what} by ${to}`;
  return `${what} at ${to}`;
}

export function judge(check: Check, series: readonly Sample[]): Verdict {
  const fromMs = (check.fromSeconds ?? 0) * 1000;
  const toMs = check.toSeconds * 1000;
  const span = spanOf(series, fromMs, toMs);
  const label = measureLabel(check.measure);
  if (check.when === 'always') {
    const bad = span.find((s) => !within(check, s.value));
    if (!bad)
      return {
        pass: true,
        reason: `${label} stayed ${boundText(check)} from ${mmss(fromMs)} to ${mmss(toMs)}.`,
      };
    return {
      pass: false,
      reason: `${label} was ${bad.value} at ${mmss(bad.atMs)}; the goal is ${boundText(check)}.`,
      failedAtMs: bad.atMs,
    };
  }
  if (check.when === 'by') {
    const good = span.find((s) => within(check, s.value));
    if (good) return { pass: true, reason: `${label} was ${good.value} at ${mmss(good.atMs)}.` };
    const last = span.at(-1)?.value ?? 0;
    return {
      pass: false,
      reason: `${label} was not ${boundText(check)} by ${mmss(toMs)} (it was ${last}).`,
      failedAtMs: toMs,
    };
  }
  const value = valueAt(series, toMs);
  return within(check, value)
    ? { pass: true, reason: `${label} was ${value} at ${mmss(toMs)}.` }
    : {
        pass: false,
        reason: `${label} was ${value} at ${mmss(toMs)}; the goal is ${boundText(check)}.`,
        failedAtMs: toMs,
      };
}
