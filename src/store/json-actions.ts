import {
  type Command,
  type CreateServiceInput,
  type DesignDocument,
  type DesignIssue,
  parseDesign,
  type RegisterTaskDefinitionInput,
} from '../design';
import { createServiceInput, RESPONSE_ONLY_TASK_DEFINITION_FIELDS } from '../design/export/ecs';
import { normalizeTaskDefinition, withoutNulls } from '../design/import/ecs';
import { restartWith, shownNow, tryCommitDesign } from './design-actions';
import { summarizeService } from './edits';
import { deployCommands } from './live/commands';
import { isPristine } from './run';
import { applyLive } from './sim-control';

/**
 * The inspector's JSON tab: the AWS input behind the forms, edited as text. Before a run
 * it replaces the resource in the design (through the gate); during a run it is the
 * operation ECS users would call: a new revision and a deployment for a task definition,
 * UpdateService for the fields UpdateService takes, else a restart that says so.
 */

export interface JsonEdit {
  issues: DesignIssue[];
  warnings: DesignIssue[];
}

const refused = (path: string, message: string): JsonEdit => ({
  issues: [{ path, message }],
  warnings: [],
});

function parseObject(
  text: string,
): { ok: true; value: Record<string, unknown> } | { ok: false; edit: JsonEdit } {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    const why = error instanceof Error ? error.message : String(error);
    return { ok: false, edit: refused('(json)', `is not valid JSON: ${why}`) };
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value))
    return { ok: false, edit: refused('(json)', 'expected a JSON object') };
  return { ok: true, value: value as Record<string, unknown> };
}

/** The revision's provenance (describe-task-definition's revision, ARN...) stays with it. */
function provenanceOf(td: RegisterTaskDefinitionInput | undefined): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const field of RESPONSE_ONLY_TASK_DEFINITION_FIELDS)
    if (td && (td as Record<string, unknown>)[field] !== undefined)
      out[field] = (td as Record<string, unknown>)[field];
  return out;
}

export function applyTaskDefinitionJson(serviceName: string, text: string): JsonEdit {
  const read = parseObject(text);
  if (!read.ok) return read.edit;
  const { value: normalized, warnings } = normalizeTaskDefinition(read.value, '');
  const live = !isPristine();
  const design = live ? shownNow() : null;
  const base = design ?? undefined;
  const apply = (d: DesignDocument) => {
    const service = d.services.find((s) => s.serviceName === serviceName);
    if (!service) return d;
    const { taskDefinitionIndex } = summarizeService(d, service);
    const old = d.taskDefinitions[taskDefinitionIndex];
    const next = {
      ...provenanceOf(old),
      ...(normalized as Record<string, unknown>),
    } as RegisterTaskDefinitionInput;
    return {
      ...d,
      taskDefinitions: d.taskDefinitions.map((t, i) => (i === taskDefinitionIndex ? next : t)),
      services: d.services.map((s) =>
        s === service && old && next.family !== old.family
          ? { ...s, taskDefinition: next.family }
          : s,
      ),
    };
  };
  if (!base) return { issues: tryCommitDesign((d) => apply(d)), warnings };
  const service = base.services.find((s) => s.serviceName === serviceName);
  if (!service) return refused('serviceName', `no service ${serviceName}`);
  const parsed = parseDesign(apply(base));
  if (!parsed.ok) return { issues: parsed.issues, warnings };
  // Register the family's next revision and deploy it, as in ECS.
  void applyLive(deployCommands(service, normalized as RegisterTaskDefinitionInput));
  return { issues: [], warnings };
}

/** What UpdateService takes; any other change to a running service is no operation. */
const UPDATABLE = new Set([
  'cluster',
  'serviceName',
  'desiredCount',
  'taskDefinition',
  'capacityProviderStrategy',
  'networkConfiguration',
  'placementConstraints',
  'placementStrategy',
  'deploymentConfiguration',
  'healthCheckGracePeriodSeconds',
  'loadBalancers',
  'serviceRegistries',
  'serviceConnectConfiguration',
]);

export function applyServiceJson(serviceName: string, text: string): JsonEdit {
  const read = parseObject(text);
  if (!read.ok) return read.edit;
  const next = withoutNulls(read.value) as CreateServiceInput;
  if (next.serviceName !== serviceName)
    return refused(
      'serviceName',
      `must stay ${serviceName}: a service cannot be renamed (create another and delete this one)`,
    );
  const replace = (d: DesignDocument) => ({
    ...d,
    services: d.services.map((s) => (s.serviceName === serviceName ? next : s)),
  });
  if (isPristine()) return { issues: tryCommitDesign(replace), warnings: [] };
  const shown = shownNow();
  const service = shown.services.find((s) => s.serviceName === serviceName);
  if (!service) return refused('serviceName', `no service ${serviceName}`);
  const parsed = parseDesign(replace(shown));
  if (!parsed.ok) return { issues: parsed.issues, warnings: [] };
  const before = createServiceInput(shown, service) as Record<string, unknown>;
  const after = createServiceInput(shown, next) as Record<string, unknown>;
  const changed = [...new Set([...Object.keys(before), ...Object.keys(after)])].filter(
    (k) => JSON.stringify(before[k]) !== JSON.stringify(after[k]),
  );
  if (changed.length === 0) return { issues: [], warnings: [] };
  if (changed.some((k) => !UPDATABLE.has(k)))
    return {
      issues: restartWith(
        replace,
        `Changing ${changed.filter((k) => !UPDATABLE.has(k)).join(', ')}`,
      ),
      warnings: [],
    };
  const input: Record<string, unknown> = { service: serviceName, cluster: after.cluster };
  for (const k of changed) input[k] = after[k] ?? (Array.isArray(before[k]) ? [] : undefined);
  if ('capacityProviderStrategy' in input) input.forceNewDeployment = true;
  void applyLive([{ action: 'UpdateService', input } as Command]);
  return { issues: [], warnings: [] };
}
