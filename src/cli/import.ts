import '../design/instance-catalog/install';
import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { parseDesign } from '../design';
import { type ImportSource, importDocuments } from '../design/import';

export const IMPORT_USAGE =
  'usage: npm run import -- FILE... [--into DESIGN.json] > design.json  (task definitions, services, container instances, CloudFormation templates, Copilot manifests, Berth designs)';

/**
 * `npm run import -- FILE...`: the app's import pipeline in Node. The design goes to
 * stdout; what each file was read as and every warning to stderr; a refusal names the
 * file and path and exits 1 with nothing on stdout.
 */
export function runImport(argv: readonly string[]): {
  code: number;
  stdout: string;
  stderr: string;
} {
  const files: string[] = [];
  let into: string | undefined;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] ?? '';
    if (arg === '--into') into = argv[++i];
    else if (arg.startsWith('--into=')) into = arg.slice('--into='.length);
    else if (arg.startsWith('--'))
      return { code: 2, stdout: '', stderr: `unknown option ${arg}\n${IMPORT_USAGE}\n` };
    else files.push(arg);
  }
  if (files.length === 0) return { code: 2, stdout: '', stderr: `${IMPORT_USAGE}\n` };
  const read = (path: string): string | { error: string } => {
    try {
      return readFileSync(path, 'utf8');
    } catch (error) {
      return {
        error: `${path}: cannot be read (${error instanceof Error ? error.message : String(error)})`,
      };
    }
  };
  const sources: ImportSource[] = [];
  for (const path of files) {
    const text = read(path);
    if (typeof text !== 'string') return { code: 1, stdout: '', stderr: `${text.error}\n` };
    sources.push({ name: basename(path), text });
  }
  let base: ReturnType<typeof parseDesign> | undefined;
  if (into !== undefined) {
    const text = read(into);
    if (typeof text !== 'string') return { code: 1, stdout: '', stderr: `${text.error}\n` };
    base = parseDesign(text);
    if (!base.ok) return { code: 1, stdout: '', stderr: `--into ${into}: ${base.message}\n` };
  }
  // Several files, or --into: everything merges (a lone Berth design would open as itself).
  const outcome = importDocuments(sources, base?.ok ? base.design : undefined);
  if (!outcome.ok) return { code: 1, stdout: '', stderr: `${outcome.message}\n` };
  const lines = [
    ...outcome.read.map((r) => `read ${r.name ?? '(input)'}: ${r.label}`),
    ...outcome.warnings.map((w) => `warning: ${w.path}: ${w.message}`),
  ];
  return {
    code: 0,
    stdout: `${JSON.stringify(outcome.design, null, 2)}\n`,
    stderr: lines.length > 0 ? `${lines.join('\n')}\n` : '',
  };
}

if (process.argv[1]?.endsWith('import.ts')) {
  const { code, stdout, stderr } = runImport(process.argv.slice(2));
  process.stdout.write(stdout);
  process.stderr.write(stderr);
  process.exitCode = code;
}
