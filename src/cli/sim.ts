import { readFileSync, writeFileSync } from 'node:fs';
import { parseArgs } from './args';
import { runDesign } from './run';

/** `npm run sim -- DESIGN.json`: EventBridge events as NDJSON on stdout; exit 2 on bad input. */
function main(argv: readonly string[]): number {
  const parsed = parseArgs(argv);
  if (!parsed.ok) {
    process.stderr.write(`${parsed.message}\n`);
    return 2;
  }
  const { args } = parsed;
  let text: string;
  try {
    text = readFileSync(args.designPath, 'utf8');
  } catch (error) {
    process.stderr.write(
      `cannot read ${args.designPath}: ${(error as NodeJS.ErrnoException).code ?? String(error)}\n`,
    );
    return 2;
  }
  const lines: string[] = [];
  const result = runDesign(text, args, (line) => {
    lines.push(line);
    if (lines.length >= 500) process.stdout.write(`${lines.splice(0).join('\n')}\n`);
  });
  if (!result.ok) {
    process.stderr.write(`${args.designPath} is not a valid Berth design:\n${result.message}\n`);
    return 2;
  }
  if (lines.length > 0) process.stdout.write(`${lines.join('\n')}\n`);
  for (const text of result.explanations) process.stderr.write(`${text}\n`);
  if (args.stateOut) writeFileSync(args.stateOut, `${JSON.stringify(result.state, null, 2)}\n`);
  if (args.metricsOut)
    writeFileSync(args.metricsOut, `${JSON.stringify(result.metrics, null, 2)}\n`);
  return 0;
}

process.exitCode = main(process.argv.slice(2));
