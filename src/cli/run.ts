// First: the instance-type catalog every design lookup reads.
import '../design/instance-catalog/install';
import { readFileSync } from 'node:fs';
import { describeValue, parseDesign } from '../design';
import {
  createSimulation,
  type DescribeState,
  type EngineCheckpoint,
  explanationText,
  type MetricDatum,
  restoreSimulation,
  type Simulation,
} from '../engine';
import type { SimArgs } from './args';

/** Where a run's output goes as it happens; the runner itself keeps none of it. */
export interface RunSinks {
  /** One EventBridge event as a JSON line. */
  onEvent(line: string): void;
  /** Only when metrics were asked for: without it each datum is dropped as it comes. */
  onMetric?(datum: MetricDatum): void;
}

/** A simulation ready to play, and the virtual time it plays to. */
export interface LoadedRun {
  sim: Simulation;
  untilMs: number;
}

export type Loaded = { ok: true; run: LoadedRun } | { ok: false; message: string };

const MINUTE_MS = 60_000;

/** Model: with no --until, run five minutes past the last scripted action. */
export function defaultUntilSeconds(script: readonly { at: number }[]): number {
  return script.reduce((max, a) => Math.max(max, a.at), 0) + 300;
}

/** A design from 0:00. The message is the design gate's, one line per problem. */
export function startDesign(text: string, args: Pick<SimArgs, 'untilSeconds' | 'seed'>): Loaded {
  const parsed = parseDesign(text);
  if (!parsed.ok) return { ok: false, message: parsed.message };
  const design = parsed.design;
  const sim = createSimulation(design, args.seed ?? design.seed);
  const untilMs = (args.untilSeconds ?? defaultUntilSeconds(design.script)) * 1000;
  return { ok: true, run: { sim, untilMs } };
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

const CHECKPOINT_ARRAYS = [
  'journal',
  'taskDefinitions',
  'tasks',
  'instances',
  'services',
  'serviceTasks',
  'accountSettings',
  'serviceEvents',
  'actions',
  'pendingReconciles',
  'batches',
  'candidates',
] as const;

/** The first field that shows this is not a checkpoint, as `field: what is wrong`. */
function checkpointProblem(value: unknown): string | undefined {
  if (!isObject(value)) return `(document): expected an object, got ${describeValue(value)}`;
  if (value.format !== 'berth-checkpoint')
    return `format: expected "berth-checkpoint", got ${describeValue(value.format)}`;
  if (value.version !== 1) return `version: expected 1, got ${describeValue(value.version)}`;
  const { seed, nowMs, journalNext, queue, rng, out } = value;
  if (!Number.isInteger(seed)) return `seed: expected an integer, got ${describeValue(seed)}`;
  if (typeof nowMs !== 'number' || !(nowMs >= 0))
    return `nowMs: expected milliseconds >= 0, got ${describeValue(nowMs)}`;
  if (!Number.isInteger(journalNext))
    return `journalNext: expected an integer, got ${describeValue(journalNext)}`;
  for (const key of CHECKPOINT_ARRAYS) {
    if (!Array.isArray(value[key]))
      return `${key}: expected an array, got ${describeValue(value[key])}`;
  }
  if (!isObject(queue) || !Array.isArray(queue.entries) || !Number.isInteger(queue.nextSeq))
    return 'queue: expected { entries, nextSeq }';
  if (!isObject(rng)) return `rng: expected an object, got ${describeValue(rng)}`;
  if (!isObject(out)) return `out: expected an object, got ${describeValue(out)}`;
  const design = parseDesign(value.design);
  if (!design.ok) {
    const [first, ...rest] = design.issues;
    const path = !first || first.path === '(document)' ? 'design' : `design.${first.path}`;
    const more = rest.length > 0 ? ` (and ${rest.length} more)` : '';
    return `${path}: ${first?.message ?? 'is not a valid design'}${more}`;
  }
  return undefined;
}

/**
 * A run goes on from a checkpoint written by --checkpoint-out. Every message is one
 * line that names the flag and the field.
 */
export function startCheckpoint(
  text: string,
  path: string,
  args: Pick<SimArgs, 'untilSeconds'>,
): Loaded {
  const refuse = (why: string): Loaded => ({
    ok: false,
    message: `--resume: ${path} is not a Berth checkpoint: ${why}`.replace(/\s*\n\s*/g, ' '),
  });
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    return refuse(`not JSON (${error instanceof Error ? error.message : String(error)})`);
  }
  const problem = checkpointProblem(value);
  if (problem) return refuse(problem);
  const checkpoint = value as EngineCheckpoint;
  const atSeconds = checkpoint.nowMs / 1000;
  let untilSeconds = args.untilSeconds;
  if (untilSeconds === undefined) {
    // The same default as the uninterrupted run, so resuming without --until ends where it would.
    untilSeconds = defaultUntilSeconds([...checkpoint.design.script, ...checkpoint.journal]);
    if (untilSeconds * 1000 < checkpoint.nowMs) {
      return {
        ok: false,
        message: `--until: the checkpoint is at ${atSeconds} s, after the run's default end (${untilSeconds} s); give --until SECONDS >= ${atSeconds}`,
      };
    }
  } else if (untilSeconds * 1000 < checkpoint.nowMs) {
    return {
      ok: false,
      message: `--until: ${untilSeconds} s is before the checkpoint (${atSeconds} s); expected seconds >= ${atSeconds}`,
    };
  }
  try {
    return { ok: true, run: { sim: restoreSimulation(checkpoint), untilMs: untilSeconds * 1000 } };
  } catch (error) {
    return refuse(error instanceof Error ? error.message : String(error));
  }
}

function readText(path: string, flag: string): { text: string } | { ok: false; message: string } {
  try {
    return { text: readFileSync(path, 'utf8') };
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? String(error);
    return { ok: false, message: `${flag}cannot read ${path}: ${code}` };
  }
}

/** Read the design or the checkpoint the arguments name; refuse it with a message otherwise. */
export function loadRun(args: SimArgs): Loaded {
  if (args.resumePath !== undefined) {
    const read = readText(args.resumePath, '--resume: ');
    if (!('text' in read)) return read;
    return startCheckpoint(read.text, args.resumePath, args);
  }
  const path = args.designPath ?? '';
  const read = readText(path, '');
  if (!('text' in read)) return read;
  const started = startDesign(read.text, args);
  if (started.ok) return started;
  return { ok: false, message: `${path} is not a valid Berth design:\n${started.message}` };
}

/**
 * Play a minute at a time, handing each event and datum to the sinks as it happens, and
 * yield after each minute so the caller can wait for its output to drain. Slicing never
 * changes the run, so a resumed run prints exactly what the uninterrupted one would.
 */
export function* playRun(run: LoadedRun, sinks: RunSinks): Generator<number, void> {
  const { sim, untilMs } = run;
  for (let t = sim.nowMs; ; t = Math.min((Math.floor(t / MINUTE_MS) + 1) * MINUTE_MS, untilMs)) {
    const frame = sim.advance(t);
    for (const event of frame.events) sinks.onEvent(JSON.stringify(event));
    if (sinks.onMetric) for (const datum of frame.metrics) sinks.onMetric(datum);
    yield t;
    if (t >= untilMs) break;
  }
}

/** The state at the end and the explanations asked for. */
export function finishRun(
  sim: Simulation,
  explain: readonly string[] = [],
): { state: DescribeState; explanations: string[] } {
  const explanations = explain.map((ref) => {
    const e = ref.startsWith('service:') ? sim.explainService(ref.slice(8)) : sim.explainTask(ref);
    if (e) return explanationText(e);
    return ref.startsWith('service:')
      ? `${ref}: no task is waiting for a place`
      : `${ref}: no such task (task ids are in the events and --state-out)`;
  });
  return { state: sim.describe(), explanations };
}

/** Play a loaded run to its end in one go (tests, benchmarks). */
export function runToEnd(
  run: LoadedRun,
  sinks: RunSinks,
  explain?: readonly string[],
): { state: DescribeState; explanations: string[] } {
  for (const _ of playRun(run, sinks));
  return finishRun(run.sim, explain);
}

/** Run a design headless; the same text and seed give the same bytes. */
export function runDesign(
  text: string,
  args: Pick<SimArgs, 'untilSeconds' | 'seed'> & { explain?: readonly string[] },
  onEvent: (line: string) => void,
  onMetric?: (datum: MetricDatum) => void,
): { ok: true; state: DescribeState; explanations: string[] } | { ok: false; message: string } {
  const started = startDesign(text, args);
  if (!started.ok) return started;
  const sinks: RunSinks = onMetric ? { onEvent, onMetric } : { onEvent };
  return { ok: true, ...runToEnd(started.run, sinks, args.explain) };
}
