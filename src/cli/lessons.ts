// First: the instance-type catalog every design lookup reads.
import '../design/instance-catalog/install';
import { readFileSync } from 'node:fs';
import { parseLesson } from '../scenarios/lesson/parse';
import { verifyLesson } from '../scenarios/lesson/verify';
import { BUILT_IN_LESSONS } from '../scenarios/lessons';

/**
 * `npm run lessons -- verify [LESSON.json...]`: every built-in lesson, or the files named,
 * run headless; prints each line verified and `N/N lessons verified`; exits 1 on any failure.
 */
function main(argv: readonly string[]): number {
  const [command, ...files] = argv;
  if (command !== 'verify') {
    process.stderr.write('usage: npm run lessons -- verify [LESSON.json...]\n');
    return 2;
  }
  const inputs: { name: string; value: unknown }[] =
    files.length > 0
      ? files.map((f) => ({ name: f, value: readFileSync(f, 'utf8') }))
      : BUILT_IN_LESSONS.map((value, i) => ({ name: `built-in lesson ${i + 1}`, value }));
  let verified = 0;
  for (const input of inputs) {
    const parsed = parseLesson(input.value);
    if (!parsed.ok) {
      process.stdout.write(`✗ ${input.name}: refused\n${parsed.message}\n`);
      continue;
    }
    const result = verifyLesson(parsed.lesson);
    process.stdout.write(`${result.ok ? '✓' : '✗'} ${result.id}\n`);
    for (const line of result.lines)
      process.stdout.write(`  ${line.ok ? '✓' : '✗'} ${line.text}\n`);
    if (result.ok) verified += 1;
  }
  process.stdout.write(`${verified}/${inputs.length} lessons verified\n`);
  return verified === inputs.length ? 0 : 1;
}

process.exitCode = main(process.argv.slice(2));
