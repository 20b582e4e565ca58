import { TASK_DEFINITION_RESPONSE_ONLY } from '../../aws-model/ecs.generated';
import { modelMismatches } from '../../aws-model/walk';
import type { DesignIssue } from '../../issues';
import { taskSizeUnits } from './units';

export interface Normalized {
  value: unknown;
  warnings: DesignIssue[];
}

const isRecord = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

const at = (path: string, key: string) => (path === '' ? key : `${path}.${key}`);

/** JSON `null` means absent, at any depth: the key goes, and so does a null list item. */
export function withoutNulls(value: unknown): unknown {
  if (Array.isArray(value)) return value.filter((v) => v !== null).map(withoutNulls);
  if (!isRecord(value)) return value;
  const out: Record<string, unknown> = {};
  for (const [key, item] of Object.entries(value)) {
    if (item !== null) out[key] = withoutNulls(item);
  }
  return out;
}

/** `{ "team": "a" }` as AWS's `[{ "key": "team", "value": "a" }]`; undefined if not a map. */
export function tagListOf(tags: unknown): { key: string; value: string }[] | undefined {
  if (!isRecord(tags)) return undefined;
  const entries = Object.entries(tags);
  if (!entries.every(([, v]) => typeof v === 'string')) return undefined;
  return entries.map(([key, value]) => ({ key, value: value as string }));
}

/** Warnings for what the ECS model does not take, below a structure, paths from the document. */
export function modelWarnings(
  value: unknown,
  structure: string,
  path: string,
  provenance: readonly string[] = [],
): DesignIssue[] {
  return modelMismatches(value, structure, path)
    .filter((m) => !provenance.some((field) => m.path === at(path, field)))
    .map((m) =>
      m.kind === 'unknown-field'
        ? {
            path: m.path,
            message: `is not a field of ${m.owner}; it is kept in the design but not exported`,
          }
        : {
            path: m.path,
            message: `is not a value AWS takes for ${m.owner} (${(m.values ?? []).join(', ')}); AWS refuses it`,
          },
    );
}

/**
 * What every importer of a task definition does to it (the ECS ones here, CloudFormation's
 * once it is camelCase): nulls dropped, task `cpu` and `memory` as ECS stores them
 * (units.ts), `tags` as AWS's list, and a warning for every field or enum value the
 * RegisterTaskDefinition model does not have (kept, never exported). The response-only
 * fields of a described task definition (revision, status, ...) are provenance: kept,
 * without a warning. `path` is where the task definition sits in the imported document
 * (`taskDefinition` for describe-task-definition output; '' at the top). Never throws;
 * a value that is no task definition comes back for the gate to refuse.
 */
export function normalizeTaskDefinition(value: unknown, path: string): Normalized {
  const td = withoutNulls(value);
  if (!isRecord(td)) return { value: td, warnings: [] };
  const warnings: DesignIssue[] = [];
  for (const field of ['cpu', 'memory'] as const) {
    if (td[field] === undefined) continue;
    const units = taskSizeUnits(field, td[field]);
    if (units !== undefined) td[field] = units;
  }
  if (td.tags !== undefined && !Array.isArray(td.tags)) {
    const list = tagListOf(td.tags);
    if (list) {
      td.tags = list;
      warnings.push({
        path: at(path, 'tags'),
        message:
          'is a map; AWS takes tags as a list of { "key", "value" } (CloudFormation\'s and the console\'s map form is not the API\'s): converted',
      });
    }
  }
  warnings.push(
    ...modelWarnings(td, 'RegisterTaskDefinitionRequest', path, TASK_DEFINITION_RESPONSE_ONLY),
  );
  return { value: td, warnings };
}

/** A describe call's `failures`: each one named, none imported. */
export function failureWarnings(failures: unknown): DesignIssue[] {
  return (Array.isArray(failures) ? failures : []).map((f, i) => {
    const item = isRecord(f) ? f : {};
    const what = [item.arn, item.reason, item.detail].filter((x) => typeof x === 'string');
    return {
      path: `failures[${i}]`,
      message: `${what.join(': ') || 'a failure'}: nothing to import`,
    };
  });
}

/**
 * The region the document's first regional ARN names (`arn:aws:ecs:us-west-2:...`), as a
 * fragment field: the importers turn ARNs into names, so the pipeline could not find it
 * after them. Absent when no ARN names one.
 */
export function regionField(doc: unknown): { region?: string } {
  const found = /arn:aws[a-z-]*:[a-z0-9-]+:([a-z]{2}(?:-[a-z]+)+-\d):/.exec(JSON.stringify(doc));
  return found?.[1] === undefined ? {} : { region: found[1] };
}
