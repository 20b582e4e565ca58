import { DesignDocument } from './document';
import { type DesignIssue, fromZodIssues, issuesText } from './issues';
import { migrate } from './migrate';
import { checkNesting } from './nesting';
import { checkPlacementRules } from './placement-rules';
import { checkReferences } from './references';
import { checkScriptReferences } from './script-references';
import { checkUnknownFields } from './unknown-fields';
import { checkWorkloadWarnings } from './workload-warnings';

export type ParseResult =
  | { ok: true; design: DesignDocument; warnings: DesignIssue[] }
  | { ok: false; issues: DesignIssue[]; message: string };

function failed(issues: DesignIssue[]): ParseResult {
  return { ok: false, issues, message: issuesText(issues) };
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * zod rebuilds objects with the schema's fields first; put every object's keys back
 * in the order they were pasted (defaults last), so an export reads like the import.
 */
function inInputOrder(parsed: unknown, input: unknown): unknown {
  if (Array.isArray(parsed) && Array.isArray(input)) {
    return parsed.map((item, i) => inInputOrder(item, input[i]));
  }
  if (!isPlainObject(parsed) || !isPlainObject(input)) return parsed;
  const out: Record<string, unknown> = {};
  for (const key of Object.keys(input)) {
    if (key !== '__proto__' && Object.hasOwn(parsed, key))
      out[key] = inInputOrder(parsed[key], input[key]);
  }
  for (const key of Object.keys(parsed)) {
    if (!Object.hasOwn(out, key)) out[key] = parsed[key];
  }
  return out;
}

/**
 * The one gate every design passes: paste, file, link, local storage and the CLI.
 * Takes JSON text or an already parsed value; never throws. A design it returns is
 * whole: every reference resolves. Warnings name top-level fields the format does
 * not know, and script actions that will fail when they run, as the same call to
 * AWS would.
 */
export function parseDesign(input: unknown): ParseResult {
  let value = input;
  if (typeof input === 'string') {
    if (input.trim() === '') return failed([{ path: '(document)', message: 'is empty' }]);
    try {
      value = JSON.parse(input);
    } catch (error) {
      const why = error instanceof Error ? error.message : String(error);
      return failed([{ path: '(document)', message: `is not valid JSON: ${why}` }]);
    }
  }
  const tooDeep = checkNesting(value);
  if (tooDeep) return failed([tooDeep]);
  const migrated = migrate(value);
  if (!migrated.ok) return failed(migrated.issues);
  const parsed = DesignDocument.safeParse(migrated.doc, { reportInput: true });
  if (!parsed.success) return failed(fromZodIssues(parsed.error.issues));
  const design = inInputOrder(parsed.data, migrated.doc) as DesignDocument;
  const refIssues = [...checkReferences(design), ...checkPlacementRules(design)];
  if (refIssues.length > 0) return failed(refIssues);
  const warnings = [
    ...checkUnknownFields(migrated.doc),
    ...checkScriptReferences(design),
    ...checkWorkloadWarnings(design),
  ];
  return { ok: true, design, warnings };
}
