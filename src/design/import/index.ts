import type { DesignDocument } from '../document';
import { type DesignIssue, issuesText } from '../issues';
import { checkNesting } from '../nesting';
import { parseDesign } from '../parse';
import { parseRunFile, type RunRecord } from '../run-record';
import { berthDesignImporter } from './berth';
import type { DesignFragment, Importer, ImportKind } from './fragment';
import { IMPORTERS } from './importers';
import { mergeFragments } from './merge';
import { type DocumentTextResult, parseDocumentText } from './yaml';

export type { DesignFragment, Importer, ImportKind, ImportResult } from './fragment';

/** A pasted text or a dropped file: `name` prefixes its messages when there are several. */
export interface ImportSource {
  name?: string;
  text: string;
}

export interface ImportedDocument {
  name?: string;
  kind: ImportKind;
  label: string;
}

export type ImportOutcome =
  | {
      ok: true;
      design: DesignDocument;
      /** Only for one Berth file opened on its own: the run it was exported with. */
      run?: RunRecord;
      /** What each source was read as, in order. */
      read: ImportedDocument[];
      warnings: DesignIssue[];
      /** True when the sources replace the design (a Berth design opened); false: added to it. */
      replaces: boolean;
    }
  | { ok: false; issues: DesignIssue[]; message: string };

const KINDS_HINT =
  'a Berth design, RegisterTaskDefinition input, describe-task-definition or describe-services or describe-container-instances output, CreateService input, a CloudFormation template (JSON or YAML) or an AWS Copilot manifest';

/** JSON for what looks like JSON (its own error, not YAML's), else YAML; never throws. */
function readText(text: string): DocumentTextResult {
  const read = parseText(text);
  const tooDeep = read.ok ? checkNesting(read.value) : undefined;
  return tooDeep ? { ok: false, message: tooDeep.message } : read;
}

function parseText(text: string): DocumentTextResult {
  const trimmed = text.trim();
  if (trimmed === '') return { ok: false, message: 'is empty' };
  if (trimmed.startsWith('{') || trimmed.startsWith('[')) {
    try {
      return { ok: true, value: JSON.parse(trimmed) };
    } catch (error) {
      const why = error instanceof Error ? error.message : String(error);
      return { ok: false, message: `is not valid JSON: ${why}` };
    }
  }
  const parsed = parseDocumentText(text);
  return parsed.ok
    ? parsed
    : { ok: false, message: `is neither JSON nor valid YAML: ${parsed.message}` };
}

function failed(issues: DesignIssue[]): ImportOutcome {
  return { ok: false, issues, message: issuesText(issues) };
}

const prefixed = (source: ImportSource, many: boolean, issue: DesignIssue): DesignIssue =>
  many && source.name ? { ...issue, path: `${source.name}: ${issue.path}` } : issue;

function importerOf(doc: unknown): Importer | undefined {
  if (berthDesignImporter.recognises(doc)) return berthDesignImporter;
  return IMPORTERS.find((i) => i.recognises(doc));
}

/** The region an imported ARN names (`arn:aws:ecs:eu-west-1:...`), else us-east-1. */
function regionOf(fragments: readonly DesignFragment[]): string {
  const found = /arn:aws[a-z-]*:[a-z0-9-]+:([a-z]{2}(?:-[a-z]+)+-\d):/.exec(
    JSON.stringify(fragments),
  );
  return found?.[1] ?? 'us-east-1';
}

/** What a fresh design needs around imported AWS resources: a name, a seed, a cluster. */
function completed(
  doc: Record<string, unknown>,
  read: ImportedDocument[],
  fragments: DesignFragment[],
) {
  const out = { ...doc };
  out.formatVersion ??= 1;
  out.name ??=
    read.length === 1
      ? `Imported ${read[0]?.label ?? 'design'}`
      : `Imported ${read.length} documents`;
  out.seed ??= 1;
  out.region ??= regionOf(fragments);
  const clusters = Array.isArray(out.clusters)
    ? [...(out.clusters as Record<string, unknown>[])]
    : [];
  // A service or instance naming a cluster the documents do not create: that cluster.
  const named = new Set(clusters.map((c) => c.clusterName));
  for (const field of ['services', 'containerInstances'] as const) {
    for (const item of (out[field] as Record<string, unknown>[] | undefined) ?? []) {
      const name = typeof item.cluster === 'string' ? item.cluster : undefined;
      if (name !== undefined && !named.has(name)) {
        named.add(name);
        clusters.push({ clusterName: name });
      }
    }
  }
  if (clusters.length === 0) clusters.push({ clusterName: 'default' });
  out.clusters = clusters;
  return out;
}

const TASK_DEFINITION_KINDS = new Set<ImportKind>([
  'register-task-definition',
  'describe-task-definition',
]);

/**
 * A task definition pasted on its own runs nowhere until a service names it: give each
 * such family a service of one task, so the person sees it run, and say so.
 */
function runLoneTaskDefinitions(
  doc: Record<string, unknown>,
  fragments: readonly DesignFragment[],
  read: readonly ImportedDocument[],
): DesignIssue[] {
  const services = (doc.services as Record<string, unknown>[] | undefined) ?? [];
  const used = new Set(
    services.map(
      (s) =>
        String(s.taskDefinition ?? '')
          .replace(/^arn:.*:task-definition\//, '')
          .split(':')[0],
    ),
  );
  const taken = new Set(services.map((s) => s.serviceName));
  const notes: DesignIssue[] = [];
  const added: Record<string, unknown>[] = [];
  fragments.forEach((fragment, i) => {
    if (!TASK_DEFINITION_KINDS.has(read[i]?.kind ?? 'berth-design')) return;
    for (const td of fragment.taskDefinitions ?? []) {
      const family = td.family;
      if (typeof family !== 'string' || used.has(family) || taken.has(family)) continue;
      used.add(family);
      // Not yet through the gate: requiresCompatibilities may be any JSON here.
      const compatibilities: unknown = td.requiresCompatibilities;
      const fargateOnly =
        Array.isArray(compatibilities) &&
        compatibilities.includes('FARGATE') &&
        !compatibilities.includes('EC2');
      added.push({
        serviceName: family,
        taskDefinition: family,
        desiredCount: 1,
        ...(fargateOnly ? { launchType: 'FARGATE' } : {}),
      });
      notes.push({
        path: `services[${services.length + added.length - 1}]`,
        message: `no service runs task definition ${family}: Berth added service ${family} with one task${fargateOnly ? ' on Fargate' : ''} so it runs (change or remove it in the inspector)`,
      });
    }
  });
  if (added.length > 0) doc.services = [...services, ...added];
  return notes;
}

/**
 * One import for every document a person arrives with: each source is recognised and
 * read into a fragment; the fragments merge into one design (into `into` when given:
 * importing adds to the current design), and the result passes the design gate. A lone
 * Berth design opens as itself, with its run. Never throws; on any refusal the caller's
 * design is untouched and every message names its path.
 */
export function importDocuments(
  sources: readonly ImportSource[],
  into?: DesignDocument,
): ImportOutcome {
  if (sources.length === 0) return failed([{ path: '(document)', message: 'is empty' }]);
  const many = sources.length > 1;
  const first = sources[0];
  // Read once: YAML costs about 2.5 µs a character, so a second read doubles a long import.
  const texts = sources.map((source) => readText(source.text));
  if (!many && first) {
    const text = texts[0] as DocumentTextResult;
    if (text.ok && berthDesignImporter.recognises(text.value)) {
      const parsed = parseRunFile(text.value);
      if (!parsed.ok) return parsed;
      return {
        ok: true,
        design: parsed.design,
        ...(parsed.run ? { run: parsed.run } : {}),
        read: [
          {
            ...(first.name ? { name: first.name } : {}),
            kind: 'berth-design',
            label: parsed.design.name,
          },
        ],
        warnings: parsed.warnings,
        replaces: true,
      };
    }
  }
  const fragments: DesignFragment[] = [];
  const read: ImportedDocument[] = [];
  const warnings: DesignIssue[] = [];
  const issues: DesignIssue[] = [];
  for (const [index, source] of sources.entries()) {
    const text = texts[index] as DocumentTextResult;
    if (!text.ok) {
      issues.push(prefixed(source, many, { path: '(document)', message: text.message }));
      continue;
    }
    const importer = importerOf(text.value);
    if (!importer) {
      issues.push(
        prefixed(source, many, {
          path: '(document)',
          message: `is not a document Berth reads: expected ${KINDS_HINT}`,
        }),
      );
      continue;
    }
    const result = importer.read(text.value);
    if (!result.ok) {
      issues.push(...result.issues.map((i) => prefixed(source, many, i)));
      continue;
    }
    fragments.push(result.fragment);
    read.push({
      ...(source.name ? { name: source.name } : {}),
      kind: result.kind,
      label: result.label,
    });
    warnings.push(...result.warnings.map((i) => prefixed(source, many, i)));
  }
  if (issues.length > 0) return failed(issues);
  const { doc, notes } = mergeFragments(into ?? {}, fragments);
  notes.push(...runLoneTaskDefinitions(doc, fragments, read));
  const parsed = parseDesign(completed(doc, read, fragments));
  if (!parsed.ok) return parsed;
  return {
    ok: true,
    design: parsed.design,
    read,
    warnings: [...warnings, ...notes, ...parsed.warnings],
    replaces: into === undefined,
  };
}
