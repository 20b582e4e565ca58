export interface SimArgs {
  /** The design to run from 0:00; absent when the run resumes from a checkpoint. */
  designPath?: string;
  /** A checkpoint written by --checkpoint-out: its design, seed and moment go on. */
  resumePath?: string;
  untilSeconds?: number;
  seed?: number;
  stateOut?: string;
  metricsOut?: string;
  checkpointOut?: string;
  /** Task ids/ARNs or `service:NAME`, explained on stderr after the run. */
  explain: string[];
}

export const USAGE =
  'usage: npm run sim -- (DESIGN.json [--seed N] | --resume CHECKPOINT.json) [--until SECONDS] [--state-out FILE] [--metrics-out FILE] [--checkpoint-out FILE] [--explain TASK_ID|service:NAME]...';

const OPTIONS = [
  'until',
  'seed',
  'state-out',
  'metrics-out',
  'checkpoint-out',
  'resume',
  'explain',
] as const;

/** Parse the runner's arguments; a mistake is a message, never a guess. */
export function parseArgs(
  argv: readonly string[],
): { ok: true; args: SimArgs } | { ok: false; message: string } {
  const positional: string[] = [];
  const flags: Record<string, string> = {};
  const explain: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] ?? '';
    if (!arg.startsWith('--')) {
      positional.push(arg);
      continue;
    }
    const [name = '', inline] = arg.slice(2).split('=', 2);
    if (!(OPTIONS as readonly string[]).includes(name)) {
      return { ok: false, message: `unknown option --${name}\n${USAGE}` };
    }
    const value = inline ?? argv[++i];
    if (value === undefined) return { ok: false, message: `--${name} needs a value\n${USAGE}` };
    if (name === 'explain') explain.push(value);
    else flags[name] = value;
  }
  const args: SimArgs = { explain };
  const resume = flags.resume;
  if (resume !== undefined) {
    // The checkpoint carries its design and seed; a second source would be a guess.
    if (positional.length > 0) {
      return {
        ok: false,
        message: `--resume: takes no design file (the checkpoint carries its design), got ${positional.join(' ')}`,
      };
    }
    if (flags.seed !== undefined) {
      return { ok: false, message: '--seed: a resumed run keeps the seed of its checkpoint' };
    }
    args.resumePath = resume;
  } else if (positional.length !== 1 || !positional[0]) {
    return { ok: false, message: `expected one design file (or --resume CHECKPOINT)\n${USAGE}` };
  } else {
    args.designPath = positional[0];
  }
  if (flags.until !== undefined) {
    const n = Number(flags.until);
    if (!Number.isFinite(n) || n < 0)
      return { ok: false, message: `--until: expected seconds >= 0, got ${flags.until}` };
    args.untilSeconds = n;
  }
  if (flags.seed !== undefined) {
    const n = Number(flags.seed);
    if (!Number.isInteger(n) || n < 0 || n > 0xffffffff) {
      return {
        ok: false,
        message: `--seed: expected an integer from 0 to 4294967295, got ${flags.seed}`,
      };
    }
    args.seed = n;
  }
  if (flags['state-out'] !== undefined) args.stateOut = flags['state-out'];
  if (flags['metrics-out'] !== undefined) args.metricsOut = flags['metrics-out'];
  if (flags['checkpoint-out'] !== undefined) args.checkpointOut = flags['checkpoint-out'];
  return { ok: true, args };
}
