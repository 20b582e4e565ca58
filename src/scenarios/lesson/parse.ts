import {
  type DesignDocument,
  type DesignIssue,
  fromZodIssues,
  issuesText,
  parseDesign,
} from '../../design';
import { type LessonFile, LessonSchema } from './format';

/** A lesson whose design passed the gate. */
export interface Lesson extends Omit<LessonFile, 'design' | 'seed'> {
  design: DesignDocument;
  seed: number;
}

export type LessonResult =
  | { ok: true; lesson: Lesson }
  | { ok: false; issues: DesignIssue[]; message: string };

const refused = (issues: DesignIssue[]): LessonResult => ({
  ok: false,
  issues,
  message: issuesText(issues),
});

/** A lesson file, as text or parsed JSON; every problem named by its path in the file. */
export function parseLesson(input: unknown): LessonResult {
  let value = input;
  if (typeof input === 'string') {
    try {
      value = JSON.parse(input);
    } catch (error) {
      return refused([{ path: '(document)', message: `is not JSON: ${(error as Error).message}` }]);
    }
  }
  const shape = LessonSchema.safeParse(value);
  if (!shape.success) return refused(fromZodIssues(shape.error.issues));
  const design = parseDesign(shape.data.design);
  if (!design.ok)
    return refused(
      design.issues.map((i) => ({
        ...i,
        path: i.path === '(document)' ? 'design' : `design.${i.path}`,
      })),
    );
  const steps = shape.data.steps;
  const issues: DesignIssue[] = [];
  steps.forEach((step, i) => {
    const before = steps[i - 1];
    if (before && step.atSeconds < before.atSeconds)
      issues.push({
        path: `steps[${i}].atSeconds`,
        message: `${step.atSeconds} s comes before steps[${i - 1}].atSeconds (${before.atSeconds} s); steps go forward in time`,
      });
  });
  if (issues.length > 0) return refused(issues);
  return {
    ok: true,
    lesson: { ...shape.data, design: design.design, seed: shape.data.seed ?? design.design.seed },
  };
}
