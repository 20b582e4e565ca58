import type { RegisterTaskDefinitionInput } from '../../aws-shapes';
import type { DesignIssue } from '../../issues';
import type { Importer, ImportResult } from '../fragment';
import { normalizeTaskDefinition, regionField, tagListOf, withoutNulls } from './normalize';

const isRecord = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

/**
 * A task definition's own shape: a family and a list of container definitions. One whose
 * list is null or missing (a describe trimmed by `--query`, a hand edit) is still one, so
 * that it is refused by name rather than as an unknown document.
 */
const looksLikeTaskDefinition = (v: unknown): v is Record<string, unknown> =>
  isRecord(v) &&
  !('formatVersion' in v) &&
  (Array.isArray(v.containerDefinitions) ||
    ((v.containerDefinitions === null || v.containerDefinitions === undefined) &&
      typeof v.family === 'string' &&
      ('containerDefinitions' in v || 'taskDefinitionArn' in v)));

/** RegisterTaskDefinition refuses a task definition without a container (ecs-behavior §17.2). */
function withoutContainers(td: Record<string, unknown>, path: string): ImportResult | undefined {
  // An empty list is the gate's to refuse, as it refuses one in a design.
  const list = td.containerDefinitions;
  if (Array.isArray(list)) return undefined;
  const got = list === null ? 'is null' : 'is missing';
  return {
    ok: false,
    issues: [
      {
        path: path === '' ? 'containerDefinitions' : `${path}.containerDefinitions`,
        message: `${got}: a task definition needs at least one container definition`,
      },
    ],
  };
}

function labelOf(kind: string, td: Record<string, unknown>): string {
  const family = typeof td.family === 'string' ? td.family : '(no family)';
  const revision = typeof td.revision === 'number' ? `, revision ${td.revision}` : '';
  return `${kind} (family ${family}${revision})`;
}

function read(
  kind: 'register-task-definition' | 'describe-task-definition',
  label: string,
  td: unknown,
  path: string,
  extra: DesignIssue[] = [],
): ImportResult {
  const { value, warnings } = normalizeTaskDefinition(td, path);
  const input = value as RegisterTaskDefinitionInput;
  return {
    ok: true,
    kind,
    label: labelOf(label, input),
    fragment: { ...regionField(td), taskDefinitions: [input] },
    warnings: [...extra, ...warnings],
  };
}

/**
 * RegisterTaskDefinition input (`--cli-input-json`), or one copied from the console or
 * `describe-task-definition --query taskDefinition`: the same object with the fields ECS
 * adds when it registers (revision, status, ...), which stay as provenance.
 */
export const registerTaskDefinitionImporter: Importer = {
  kind: 'register-task-definition',
  recognises: looksLikeTaskDefinition,
  read(doc) {
    const refused = isRecord(doc) ? withoutContainers(doc, '') : undefined;
    if (refused) return { ...refused, kind: 'register-task-definition' };
    const described = isRecord(doc) && 'taskDefinitionArn' in doc;
    return read(
      'register-task-definition',
      described ? 'task definition copied from the console' : 'RegisterTaskDefinition input',
      doc,
      '',
    );
  },
};

/**
 * `aws ecs describe-task-definition` output (and RegisterTaskDefinition's response, the
 * same shape): `{ "taskDefinition": {...}, "tags": [...] }`. The tags become the input's.
 */
export const describeTaskDefinitionImporter: Importer = {
  kind: 'describe-task-definition',
  recognises: (doc) =>
    isRecord(doc) &&
    looksLikeTaskDefinition(doc.taskDefinition) &&
    Object.keys(doc).every((k) => k === 'taskDefinition' || k === 'tags'),
  read(doc) {
    // Before withoutNulls, which would take a null list for a missing one.
    const raw = isRecord(doc) && isRecord(doc.taskDefinition) ? doc.taskDefinition : {};
    const refused = withoutContainers(raw, 'taskDefinition');
    if (refused) return { ...refused, kind: 'describe-task-definition' };
    const { taskDefinition, tags } = withoutNulls(doc) as Record<string, unknown>;
    const td = { ...(taskDefinition as Record<string, unknown>) };
    const notes: DesignIssue[] = [];
    const list = Array.isArray(tags) ? tags : tagListOf(tags);
    // Model: empty tags are what describe prints for none; nothing to keep.
    if (list && list.length > 0 && td.tags === undefined) td.tags = list;
    else if (tags !== undefined && !list) {
      notes.push({ path: 'tags', message: 'is not a list of { "key", "value" }: not imported' });
    }
    return read(
      'describe-task-definition',
      'describe-task-definition output',
      td,
      'taskDefinition',
      notes,
    );
  },
};
