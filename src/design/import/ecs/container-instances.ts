import type { ContainerInstance } from '../../aws-shapes';
import type { DesignIssue } from '../../issues';
import { attributeValue, registeredResourcesOf } from '../../resolve';
import type { Importer, ImportResult } from '../fragment';
import { failureWarnings, regionField, withoutNulls } from './normalize';

const isRecord = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

/**
 * What describe-container-instances prints about the instance's moment, not the instance:
 * the simulation counts its own tasks and resources from the design.
 */
const RUNTIME_FIELDS = [
  'remainingResources',
  'runningTasksCount',
  'pendingTasksCount',
  'registeredAt',
  'attachments',
  'agentUpdateStatus',
  'version',
  'healthStatus',
  'statusReason',
] as const;

/** `arn:aws:ecs:region:account:container-instance/CLUSTER/id` (the long ARN format) names its cluster. */
export function clusterOfContainerInstanceArn(arn: string): string | undefined {
  const m = /:container-instance\/([^/]+)\/[^/]+$/.exec(arn);
  return m?.[1];
}

/**
 * One container instance as the design holds it. Model: only ACTIVE and DRAINING
 * instances are imported (REGISTERING, DEREGISTERING, INACTIVE and REGISTRATION_FAILED
 * ones run no tasks); the instance type and zone stay in the `ecs.instance-type` and
 * `ecs.availability-zone` attributes, which the design reads first. Without a zone
 * attribute (an old agent), the instance goes in the first zone of the region its ARN
 * names; without that either, the gate refuses it.
 */
export function containerInstanceOf(
  raw: unknown,
  path: string,
): { instance?: ContainerInstance; warnings: DesignIssue[] } {
  const value = withoutNulls(raw);
  if (!isRecord(value)) return { instance: value as ContainerInstance, warnings: [] };
  const ci: Record<string, unknown> = { ...value };
  const status = ci.status;
  if (typeof status === 'string' && status !== 'ACTIVE' && status !== 'DRAINING') {
    return {
      warnings: [
        {
          path: `${path}.status`,
          message: `is ${status}: not imported (only ACTIVE and DRAINING instances run tasks)`,
        },
      ],
    };
  }
  for (const field of RUNTIME_FIELDS) delete ci[field];
  for (const field of ['attributes', 'registeredResources', 'tags'] as const) {
    if (Array.isArray(ci[field]) && (ci[field] as unknown[]).length === 0) delete ci[field];
  }
  const arn = typeof ci.containerInstanceArn === 'string' ? ci.containerInstanceArn : '';
  const cluster = clusterOfContainerInstanceArn(arn);
  if (cluster !== undefined && ci.cluster === undefined) ci.cluster = cluster;
  const instance = ci as ContainerInstance;
  const warnings: DesignIssue[] = [];
  const region = /^arn:aws[a-z-]*:ecs:([a-z]{2}(?:-[a-z]+)+-\d):/.exec(arn)?.[1];
  if (attributeValue(instance, 'ecs.availability-zone') === undefined && region !== undefined) {
    // Model: an agent too old to report its zone is put in its region's first zone.
    instance.availabilityZone ??= `${region}a`;
    warnings.push({
      path: `${path}.attributes`,
      message: `has no ecs.availability-zone attribute: placed in ${instance.availabilityZone}`,
    });
  }
  if (registeredResourcesOf(instance) === undefined) {
    warnings.push({
      path: `${path}.attributes`,
      message:
        'has no ecs.instance-type attribute and no CPU and MEMORY registeredResources: Berth cannot size the instance',
    });
  }
  return { instance, warnings };
}

/** `aws ecs describe-container-instances` output: `{ "containerInstances": [...], "failures": [] }`. */
export const describeContainerInstancesImporter: Importer = {
  kind: 'describe-container-instances',
  recognises: (doc) =>
    isRecord(doc) &&
    Array.isArray(doc.containerInstances) &&
    Object.keys(doc).every((k) => ['containerInstances', 'failures', 'nextToken'].includes(k)),
  read(doc): ImportResult {
    const list = (doc as { containerInstances: unknown[] }).containerInstances;
    const warnings = failureWarnings((doc as { failures?: unknown }).failures);
    const containerInstances: ContainerInstance[] = [];
    list.forEach((item, i) => {
      const read = containerInstanceOf(item, `containerInstances[${i}]`);
      warnings.push(...read.warnings);
      if (read.instance) containerInstances.push(read.instance);
    });
    const ids = containerInstances.map((c) => c.ec2InstanceId).join(', ');
    return {
      ok: true,
      kind: 'describe-container-instances',
      label: `describe-container-instances output (${containerInstances.length} instance${containerInstances.length === 1 ? '' : 's'}${ids ? `: ${ids}` : ''})`,
      fragment: { ...regionField(doc), containerInstances },
      warnings,
    };
  },
};
