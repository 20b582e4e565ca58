import '../../design/instance-catalog/install';
import { describe, expect, it } from 'vitest';
import { BUILT_IN_LESSONS } from '../lessons';
import placement from '../lessons/placement-binpack-spread.json';
import { parseLesson } from './parse';
import { judgeChecks, verifyLesson } from './verify';

describe('npm run lessons -- verify, in CI', () => {
  for (const file of BUILT_IN_LESSONS) {
    const parsed = parseLesson(file);
    const id = parsed.ok ? parsed.lesson.id : 'a lesson';
    it(`${id}: predictions are what the run does; challenges fail, then pass solved`, () => {
      expect(parsed.ok ? [] : parsed.message).toEqual([]);
      if (!parsed.ok) return;
      const result = verifyLesson(parsed.lesson);
      expect(result.lines.filter((l) => !l.ok).map((l) => l.text)).toEqual([]);
    });
  }
});

describe('a lesson file', () => {
  it('is refused with the path of what is wrong, the design included', () => {
    const bad = structuredClone(placement) as Record<string, unknown>;
    (bad.steps as Record<string, unknown>[])[1] = { title: 'x', text: 'y', atSeconds: -1 };
    (bad.design as Record<string, unknown>).services = [{ serviceName: 3 }];
    const first = parseLesson(bad);
    expect(first.ok).toBe(false);
    if (!first.ok) expect(first.message).toMatch(/steps\[1\]\.atSeconds/);
    const designOnly = structuredClone(placement) as Record<string, unknown>;
    (designOnly.design as Record<string, unknown>).services = [{ serviceName: 3 }];
    const second = parseLesson(designOnly);
    expect(second.ok).toBe(false);
    if (!second.ok) expect(second.message).toMatch(/design\.services\[0\]/);
    const text = parseLesson('{ "format": ');
    expect(text.ok).toBe(false);
  });

  it('a failed check says when, so the learner can go and look', () => {
    const parsed = parseLesson(placement);
    if (!parsed.ok) throw new Error(parsed.message);
    const challenge = parsed.lesson.steps[2]?.challenge;
    if (!challenge) throw new Error('no challenge');
    const { design, seed, journal } = parsed.lesson;
    const verdicts = judgeChecks({ design, seed, journal }, challenge.checks);
    const failed = verdicts.find((v) => !v.pass);
    expect(failed?.failedAtMs).toBeGreaterThan(0);
    expect(failed?.reason).toMatch(
      /RUNNING api tasks on i-0a1b2c3d4e5f6000\d was [34] at \d:\d\d; the goal is at most 2/,
    );
  });
});
