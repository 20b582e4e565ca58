import { z } from 'zod';
import { ScriptAction } from '../../design';

/** The file format of a lesson (docs/lessons.md): a run, and steps through it. */

const name = z.string().min(1).max(200);
const seconds = z
  .number()
  .min(0)
  .max(7 * 24 * 3600);

export const MeasureSchema = z.discriminatedUnion('measure', [
  z.strictObject({
    measure: z.literal('serviceCount'),
    service: name,
    field: z.enum(['runningCount', 'desiredCount', 'pendingCount', 'healthyCount']),
  }),
  z.strictObject({
    measure: z.literal('tasksOnInstance'),
    instance: name,
    service: name.optional(),
  }),
  z.strictObject({ measure: z.literal('instanceCount'), cluster: name.optional() }),
  z.strictObject({ measure: z.literal('costPerHour') }),
  z.strictObject({ measure: z.literal('rollbacks'), service: name }),
]);

export const ReadingSchema = z.discriminatedUnion('read', [
  z.strictObject({ read: z.literal('at'), atSeconds: seconds }),
  z.strictObject({
    read: z.enum(['lowest', 'highest']),
    fromSeconds: seconds,
    toSeconds: seconds,
  }),
  z.strictObject({
    read: z.literal('firstReaches'),
    value: z.number(),
    fromSeconds: seconds.optional(),
    toSeconds: seconds,
  }),
]);

export const CheckSchema = z
  .strictObject({
    measure: MeasureSchema,
    atLeast: z.number().optional(),
    atMost: z.number().optional(),
    when: z.enum(['always', 'by', 'end']),
    fromSeconds: seconds.optional(),
    toSeconds: seconds,
  })
  .refine((c) => c.atLeast !== undefined || c.atMost !== undefined, {
    message: 'a check needs atLeast, atMost or both',
    path: ['atLeast'],
  });

/** The ECS rule behind an answer, with where ecs-behavior.md has it from. */
const Rule = z.strictObject({
  text: z.string().min(1).max(2000),
  /** The section of ecs-behavior.md, e.g. "4.2". */
  section: z.string().regex(/^\d+(\.\d+)?$/, 'a section number such as "4.2"'),
  source: z.url({ protocol: /^https$/ }),
});

const Prediction = z.strictObject({
  question: z.string().min(1).max(500),
  unit: z.string().max(40).optional(),
  measure: MeasureSchema,
  reading: ReadingSchema,
  /** What the run does: `npm run lessons -- verify` holds the lesson to it. */
  expected: z.number(),
  /** How far an answer may be from the run's and still count as right. */
  tolerance: z.number().min(0).default(0),
  rule: Rule,
});

/** A JSON Pointer (RFC 6901) into the design and the value to set there. */
const Edit = z.strictObject({
  path: z.string().regex(/^(\/[^/]*)+$/, 'a JSON Pointer such as "/services/0/desiredCount"'),
  value: z.unknown(),
});

const Challenge = z.strictObject({
  goal: z.string().min(1).max(500),
  checks: z.array(CheckSchema).min(1),
  hint: z.string().max(1000).optional(),
  /** The reference solution: design edits and commands; verify runs it and it must pass. */
  solution: z.strictObject({
    edits: z.array(Edit).default([]),
    journal: z.array(ScriptAction).default([]),
  }),
});

const Highlight = z.strictObject({
  /** Canvas nodes by what the design calls them: instance ids, service names, LB names. */
  nodes: z.array(name).default([]),
  /** Event-log lines that contain any of these. */
  events: z.array(z.string().min(1).max(200)).default([]),
  chart: z
    .strictObject({ mode: name, fromSeconds: seconds.optional(), toSeconds: seconds.optional() })
    .optional(),
});

const Step = z.strictObject({
  title: z.string().min(1).max(200),
  text: z.string().min(1).max(4000),
  /** The moment the step is about: the run plays to it and pauses there. */
  atSeconds: seconds,
  highlight: Highlight.optional(),
  prediction: Prediction.optional(),
  challenge: Challenge.optional(),
});

export const LessonSchema = z.strictObject({
  format: z.literal('berth-lesson'),
  version: z.literal(1),
  id: z.string().regex(/^[a-z0-9-]{1,80}$/, 'lowercase letters, digits and dashes'),
  title: z.string().min(1).max(200),
  topic: z.string().min(1).max(200),
  summary: z.string().min(1).max(2000),
  /** The speed the lesson plays at (1-100x): every step's moment within two minutes of it. */
  speed: z.number().int().min(1).max(100),
  /** A Berth design document; the gate checks it (parseDesign). */
  design: z.unknown(),
  seed: z.number().int().optional(),
  journal: z.array(ScriptAction).default([]),
  steps: z.array(Step).min(1).max(50),
});

export type LessonFile = z.infer<typeof LessonSchema>;
export type LessonStep = LessonFile['steps'][number];
export type LessonPrediction = NonNullable<LessonStep['prediction']>;
export type LessonChallenge = NonNullable<LessonStep['challenge']>;
