import { CURRENT_FORMAT_VERSION } from './document';
import { type DesignIssue, describeValue } from './issues';

type Migration = (doc: Record<string, unknown>) => Record<string, unknown>;

/**
 * Migrations from version N to N+1, keyed by N. Version 1 is the first format, so
 * there are none yet. A migration takes the raw document (not yet validated) and
 * returns it in the next version's shape; the schema of the current version then
 * checks the result.
 */
const MIGRATIONS: Record<number, Migration> = {};

/** What a pasted JSON most likely is, when it is not a design: a hint for the message. */
function looksLike(doc: Record<string, unknown>): string | undefined {
  if ('containerDefinitions' in doc) return 'a task definition';
  if ('taskDefinition' in doc && typeof doc.taskDefinition === 'object') {
    return 'describe-task-definition output';
  }
  if ('serviceName' in doc) return 'a service';
  if ('AWSTemplateFormatVersion' in doc || 'Resources' in doc) return 'a CloudFormation template';
  return undefined;
}

export type MigrateResult =
  | { ok: true; doc: Record<string, unknown> }
  | { ok: false; issues: DesignIssue[] };

export function migrate(input: unknown): MigrateResult {
  if (typeof input !== 'object' || input === null || Array.isArray(input)) {
    const message = `expected a JSON object, got ${describeValue(input)}`;
    return { ok: false, issues: [{ path: '(document)', message }] };
  }
  let doc = input as Record<string, unknown>;
  const version = doc.formatVersion;
  if (version === undefined) {
    const kind = looksLike(doc);
    const message = kind
      ? `is required: this looks like ${kind}, not a Berth design`
      : 'is required: this is not a Berth design';
    return { ok: false, issues: [{ path: 'formatVersion', message }] };
  }
  if (typeof version !== 'number' || !Number.isInteger(version) || version < 1) {
    return {
      ok: false,
      issues: [
        {
          path: 'formatVersion',
          message: `expected a positive integer, got ${describeValue(version)}`,
        },
      ],
    };
  }
  if (version > CURRENT_FORMAT_VERSION) {
    return {
      ok: false,
      issues: [
        {
          path: 'formatVersion',
          message: `version ${version} is newer than this Berth reads (up to ${CURRENT_FORMAT_VERSION})`,
        },
      ],
    };
  }
  for (let v = version; v < CURRENT_FORMAT_VERSION; v++) {
    const step = MIGRATIONS[v];
    if (!step) {
      return { ok: false, issues: [{ path: 'formatVersion', message: `no migration from ${v}` }] };
    }
    try {
      doc = { ...step(doc), formatVersion: v + 1 };
    } catch (error) {
      const why = error instanceof Error ? error.message : String(error);
      const message = `could not migrate from version ${v}: ${why}`;
      return { ok: false, issues: [{ path: 'formatVersion', message }] };
    }
  }
  return { ok: true, doc };
}
