import { z } from 'zod';
import { type DesignIssue, fromZodIssues, issuesText } from './issues';
import { type ParseResult, parseDesign } from './parse';
import { ScriptAction } from './script';

/**
 * A run as a file, a link or a reload carries it beside its design: the seed, the
 * journal of commands applied at their virtual times, the moment shown and how far it
 * had been played. Design + run replays exactly what was seen.
 */
export const RunRecord = z
  .object({
    seed: z.number().int(),
    journal: z.array(ScriptAction).default([]),
    atMs: z.number().int().min(0),
    endMs: z.number().int().min(0),
  })
  .superRefine((run, ctx) => {
    if (run.endMs < run.atMs)
      ctx.addIssue({
        code: 'custom',
        path: ['endMs'],
        message: `must be at least atMs (${run.atMs})`,
      });
    run.journal.forEach((entry, i) => {
      const before = run.journal[i - 1];
      if (before && entry.at < before.at)
        ctx.addIssue({
          code: 'custom',
          path: ['journal', i, 'at'],
          message: `${entry.at} s comes before journal[${i - 1}].at (${before.at} s); entries must be in time order`,
        });
    });
  });
export type RunRecord = z.infer<typeof RunRecord>;

export type RunFileResult =
  | (Extract<ParseResult, { ok: true }> & { run?: RunRecord })
  | Extract<ParseResult, { ok: false }>;

const isObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

/**
 * A Berth file: a design, optionally with the `run` it was exported from. The design
 * passes the usual gate; the run is checked on its own, its problems named under `run.`.
 */
export function parseRunFile(input: unknown): RunFileResult {
  let value = input;
  if (typeof input === 'string') {
    try {
      value = JSON.parse(input);
    } catch {
      return parseDesign(input);
    }
  }
  if (!isObject(value) || !('run' in value)) return parseDesign(value);
  const { run, ...design } = value;
  const parsed = parseDesign(design);
  if (!parsed.ok) return parsed;
  const checked = RunRecord.safeParse(run, { reportInput: true });
  if (!checked.success) {
    const issues: DesignIssue[] = fromZodIssues(checked.error.issues).map((i) => ({
      ...i,
      path: i.path === '(document)' ? 'run' : `run.${i.path}`,
    }));
    return { ok: false, issues, message: issuesText(issues) };
  }
  return { ...parsed, run: checked.data };
}
