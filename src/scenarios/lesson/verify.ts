import { parseDesign, type ScriptAction } from '../../design';
import { type Check, checkText, judge, readSeries, type Verdict } from '../probe/judge';
import { playMeasures, type RunSpec } from '../probe/play';
import { applyEdits } from './edits';
import type { LessonChallenge } from './format';
import type { Lesson } from './parse';

/** Model: a lesson's run plays in under two minutes of wall time at its speed (issue 11). */
export const WALL_SECONDS = 120;

export interface LessonVerification {
  id: string;
  ok: boolean;
  /** One line per thing verified, as `npm run lessons -- verify` prints it. */
  lines: { ok: boolean; text: string }[];
}

const readingEnd = (r: { read: string; atSeconds?: number; toSeconds?: number }) =>
  r.read === 'at' ? (r.atSeconds ?? 0) : (r.toSeconds ?? 0);

/** Every check of a challenge against one run: the verdicts in the checks' order. */
export function judgeChecks(run: RunSpec, checks: readonly Check[]): Verdict[] {
  const untilMs = Math.max(...checks.map((c) => c.toSeconds)) * 1000;
  const series = playMeasures(
    run,
    untilMs,
    checks.map((c) => c.measure),
  );
  return checks.map((c, i) => judge(c, series[i] ?? []));
}

const byTime = (a: ScriptAction, b: ScriptAction) => a.at - b.at;

/** The lesson's run with a challenge's reference solution applied. */
export function solvedRun(lesson: Lesson, challenge: LessonChallenge): RunSpec | string {
  const edited = applyEdits(lesson.design, challenge.solution.edits);
  if (!edited.ok) return edited.message;
  const design = parseDesign(edited.value);
  if (!design.ok) return `the solution's design is refused: ${design.message}`;
  const journal = [...lesson.journal, ...challenge.solution.journal].sort(byTime);
  return { design: design.design, seed: lesson.seed, journal };
}

/**
 * What `npm run lessons -- verify` holds a lesson to: each prediction's expected answer is
 * what the run does; each challenge fails as the lesson starts (a check that cannot fail
 * is a defect) and passes with its reference solution; the whole plays in two minutes.
 */
export function verifyLesson(lesson: Lesson): LessonVerification {
  const lines: LessonVerification['lines'] = [];
  const run: RunSpec = { design: lesson.design, seed: lesson.seed, journal: lesson.journal };
  let lastSeconds = 0;
  lesson.steps.forEach((step, i) => {
    lastSeconds = Math.max(lastSeconds, step.atSeconds);
    const p = step.prediction;
    if (p) {
      const until = readingEnd(p.reading);
      lastSeconds = Math.max(lastSeconds, until);
      const series = playMeasures(run, until * 1000, [p.measure])[0] ?? [];
      const value = readSeries(series, p.reading);
      const ok = Math.abs(value - p.expected) <= p.tolerance;
      lines.push({
        ok,
        text: `step ${i + 1} prediction: expected ${p.expected}, the run gives ${value}`,
      });
    }
    const c = step.challenge;
    if (c) {
      for (const check of c.checks) lastSeconds = Math.max(lastSeconds, check.toSeconds);
      const start = judgeChecks(run, c.checks);
      const failing = start.filter((v) => !v.pass).length;
      lines.push({
        ok: failing > 0,
        text:
          failing > 0
            ? `step ${i + 1} challenge fails as the lesson starts (${failing} of ${start.length} checks)`
            : `step ${i + 1} challenge passes before any edit: its checks cannot fail`,
      });
      const solved = solvedRun(lesson, c);
      if (typeof solved === 'string') {
        lines.push({ ok: false, text: `step ${i + 1} solution: ${solved}` });
      } else {
        const verdicts = judgeChecks(solved, c.checks);
        verdicts.forEach((v, k) => {
          const check = c.checks[k];
          if (!v.pass && check)
            lines.push({
              ok: false,
              text: `step ${i + 1} solution fails "${checkText(check)}": ${v.reason}`,
            });
        });
        if (verdicts.every((v) => v.pass))
          lines.push({
            ok: true,
            text: `step ${i + 1} solution passes all ${verdicts.length} checks`,
          });
      }
    }
  });
  const wall = lastSeconds / lesson.speed;
  lines.push({
    ok: wall <= WALL_SECONDS,
    text: `plays ${lastSeconds} s of virtual time in ${Math.round(wall)} s at ${lesson.speed}x (limit ${WALL_SECONDS} s)`,
  });
  return { id: lesson.id, ok: lines.every((l) => l.ok), lines };
}
