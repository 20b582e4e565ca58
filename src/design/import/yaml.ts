import { LineCounter, parseDocument, type Tags, type YAMLMap, type YAMLSeq } from 'yaml';
import { MAX_NESTING } from '../nesting';
import { duplicateKey } from './yaml-keys';

export type DocumentTextResult = { ok: true; value: unknown } | { ok: false; message: string };

/** CloudFormation's short forms and the long form each stands for (`!Ref` is `{ "Ref": ... }`). */
const SHORT_FORMS = [
  'Ref',
  'Condition',
  'GetAtt',
  'Sub',
  'Join',
  'Select',
  'Split',
  'If',
  'Equals',
  'Not',
  'And',
  'Or',
  'FindInMap',
  'ImportValue',
  'GetAZs',
  'Base64',
  'Cidr',
  'Transform',
  'Length',
  'ToJsonString',
] as const;

const longForm = (name: string) => (name === 'Ref' || name === 'Condition' ? name : `Fn::${name}`);

/** `!GetAtt Web.Arn` is `["Web", "Arn"]`: the logical id ends at the first dot. */
function getAttArgs(text: string): string[] {
  const dot = text.indexOf('.');
  return dot < 0 ? [text] : [text.slice(0, dot), text.slice(dot + 1)];
}

function cloudFormationTags(): Tags {
  const tags: Tags = [];
  for (const name of SHORT_FORMS) {
    const tag = `!${name}`;
    const key = longForm(name);
    tags.push({
      tag,
      resolve: (text: string) => ({ [key]: name === 'GetAtt' ? getAttArgs(text) : text }),
    });
    tags.push({
      tag,
      collection: 'seq',
      resolve: (seq) => ({ [key]: (seq as YAMLSeq).toJSON() }),
    });
    tags.push({
      tag,
      collection: 'map',
      resolve: (map) => ({ [key]: (map as YAMLMap).toJSON() }),
    });
  }
  return tags;
}

const TAGS = cloudFormationTags();

function firstLine(message: string): string {
  return (message.split('\n')[0] ?? message).replace(/ at line \d+, column \d+:?$/, '');
}

/** Columns of indentation (spaces and the `- `, `? ` that open a block) Berth reads. */
const MAX_INDENT = 4 * MAX_NESTING;

/**
 * The yaml library recurses per level: past about 900 it reports a stack overflow
 * and past about 20,000 the process runs out of memory. Refuse deep text before it
 * parses, in one pass. Model: brackets in quotes and comments count too; a document
 * with 100 unclosed ones is refused, not read (the limit of nesting.ts).
 */
function tooDeep(text: string): string | undefined {
  let line = 1;
  let column = 0;
  let leading = true;
  let depth = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charAt(i);
    if (c === '\n') {
      [line, column, leading] = [line + 1, 0, true];
      continue;
    }
    if (leading && (c === ' ' || c === '-' || c === '?')) {
      if (++column > MAX_INDENT) return `line ${line}: is indented more than ${MAX_INDENT} columns`;
      continue;
    }
    leading = false;
    if (c === '[' || c === '{') depth++;
    else if ((c === ']' || c === '}') && depth > 0) depth--;
    if (depth > MAX_NESTING)
      return `line ${line}: nests deeper than ${MAX_NESTING} levels of [ ] and { }`;
  }
  return undefined;
}

/**
 * A pasted or dropped document's text: JSON first, else YAML with CloudFormation's
 * short-form tags turned into their long forms. A failure names the line and column.
 * Never throws.
 */
export function parseDocumentText(text: string): DocumentTextResult {
  if (text.trim() === '') return { ok: false, message: 'the document is empty' };
  try {
    return { ok: true, value: JSON.parse(text) };
  } catch {
    // Not JSON: YAML reads JSON too, and says where it breaks.
  }
  const deep = tooDeep(text);
  if (deep) return { ok: false, message: deep };
  try {
    const lineCounter = new LineCounter();
    const doc = parseDocument(text, { customTags: TAGS, uniqueKeys: false, lineCounter });
    const unknownTag = doc.warnings.find((w) => w.code === 'TAG_RESOLVE_FAILED');
    const error = doc.errors[0] ?? unknownTag;
    if (error) {
      const at = error.linePos?.[0];
      const where = at ? `line ${at.line}, column ${at.col}` : 'the document';
      return { ok: false, message: `${where}: ${firstLine(error.message)}` };
    }
    const duplicate = duplicateKey(doc, lineCounter);
    if (duplicate) return { ok: false, message: duplicate };
    return { ok: true, value: doc.toJS({ maxAliasCount: 1000 }) };
  } catch (error) {
    return { ok: false, message: error instanceof Error ? error.message : String(error) };
  }
}
