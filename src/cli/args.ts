export interface SimArgs {
  designPath: string;
  untilSeconds?: number;
  seed?: number;
  stateOut?: string;
  metricsOut?: string;
  /** Task ids/ARNs or `service:NAME`, explained on stderr after the run. */
  explain: string[];
}

export const USAGE =
  'usage: npm run sim -- DESIGN.json [--until SECONDS] [--seed N] [--state-out FILE] [--metrics-out FILE] [--explain TASK_ID|service:NAME]...';

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
    if (!['until', 'seed', 'state-out', 'metrics-out', 'explain'].includes(name)) {
      return { ok: false, message: `unknown option --${name}\n${USAGE}` };
    }
    const value = inline ?? argv[++i];
    if (value === undefined) return { ok: false, message: `--${name} needs a value\n${USAGE}` };
    if (name === 'explain') explain.push(value);
    else flags[name] = value;
  }
  if (positional.length !== 1 || !positional[0]) {
    return { ok: false, message: `expected one design file\n${USAGE}` };
  }
  const args: SimArgs = { designPath: positional[0], explain };
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
  return { ok: true, args };
}
