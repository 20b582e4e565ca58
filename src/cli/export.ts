import '../design/instance-catalog/install';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { parseRunFile } from '../design';
import { cloudFormationTemplate } from '../design/export/cloudformation';
import { exportFiles } from '../design/export/ecs';

export const EXPORT_USAGE = 'usage: npm run export -- DESIGN.json --out DIR';

/** What `npm run export` writes, by path under DIR: the AWS CLI inputs and one template. */
export function exportedFiles(
  text: string,
): { ok: true; files: Map<string, string> } | { ok: false; message: string } {
  const parsed = parseRunFile(text);
  if (!parsed.ok) return { ok: false, message: parsed.message };
  const files = new Map<string, string>();
  for (const file of exportFiles(parsed.design))
    files.set(file.path, `${JSON.stringify(file.json, null, 2)}\n`);
  files.set('template.json', `${JSON.stringify(cloudFormationTemplate(parsed.design), null, 2)}\n`);
  return { ok: true, files };
}

/**
 * `npm run export -- DESIGN.json --out DIR`: task-definitions/FAMILY-REVISION.json
 * (register-task-definition --cli-input-json), services/CLUSTER-SERVICE.json
 * (create-service --cli-input-json) and template.json (one CloudFormation stack).
 */
export function runExport(argv: readonly string[]): {
  code: number;
  stdout: string;
  stderr: string;
} {
  let out: string | undefined;
  const positional: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] ?? '';
    if (arg === '--out') out = argv[++i];
    else if (arg.startsWith('--out=')) out = arg.slice('--out='.length);
    else if (arg.startsWith('--'))
      return { code: 2, stdout: '', stderr: `unknown option ${arg}\n${EXPORT_USAGE}\n` };
    else positional.push(arg);
  }
  const [path, ...extra] = positional;
  if (path === undefined || out === undefined || extra.length > 0)
    return { code: 2, stdout: '', stderr: `${EXPORT_USAGE}\n` };
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    const why = error instanceof Error ? error.message : String(error);
    return { code: 2, stdout: '', stderr: `${path}: cannot be read (${why})\n` };
  }
  const result = exportedFiles(text);
  if (!result.ok) return { code: 2, stdout: '', stderr: `${path}: ${result.message}\n` };
  for (const [name, body] of result.files) {
    const target = join(out, name);
    mkdirSync(dirname(target), { recursive: true });
    writeFileSync(target, body);
  }
  return {
    code: 0,
    stdout: `${[...result.files.keys()].map((f) => join(out, f)).join('\n')}\n`,
    stderr: '',
  };
}

if (process.argv[1]?.endsWith('export.ts')) {
  const { code, stdout, stderr } = runExport(process.argv.slice(2));
  process.stdout.write(stdout);
  process.stderr.write(stderr);
  process.exitCode = code;
}
