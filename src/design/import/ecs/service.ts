import { SERVICE_RESPONSE_ONLY } from '../../aws-model/ecs.generated';
import type { CreateServiceInput } from '../../aws-shapes';
import type { DesignIssue } from '../../issues';
import { parseTaskDefinitionRef } from '../../resolve';
import type { Importer, ImportResult } from '../fragment';
import { failureWarnings, modelWarnings, regionField, tagListOf, withoutNulls } from './normalize';

const isRecord = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

/** The name in `arn:aws:ecs:region:account:cluster/NAME`; anything else as it is. */
export function clusterNameOfArn(arn: string): string {
  const at = arn.indexOf(':cluster/');
  return arn.startsWith('arn:') && at >= 0 ? arn.slice(at + ':cluster/'.length) : arn;
}

/** A task definition ARN as `family:revision`, the form the design's services use. */
export function taskDefinitionRefOfArn(ref: string): string {
  if (!ref.startsWith('arn:')) return ref;
  const { family, revision } = parseTaskDefinitionRef(ref);
  return revision === undefined ? family : `${family}:${revision}`;
}

/**
 * One service as CreateService takes it, from CreateService input or from a Service that
 * DescribeServices or CreateService printed. What the Service structure has and
 * CreateServiceRequest does not (serviceArn, status, counts, deployments, events,
 * roleArn, ...: SERVICE_RESPONSE_ONLY, from the SDK's model) is dropped: it is the
 * state of a running service, which the simulation makes for itself.
 *
 * Model: `clusterArn` gives `cluster` by name, and a task definition ARN becomes
 * `family:revision` (the account and region in it are not kept); in a described service
 * an empty list is what ECS prints for one never set, so it is dropped; `roleArn` is
 * not turned back into `role` (ECS prints its service-linked role there even when no
 * role was given, and awsvpc services refuse one).
 */
export function serviceInputOf(
  raw: unknown,
  path: string,
): { service: CreateServiceInput; warnings: DesignIssue[] } {
  const value = withoutNulls(raw);
  const service: Record<string, unknown> = isRecord(value) ? { ...value } : {};
  const described = 'serviceArn' in service || 'clusterArn' in service;
  const warnings: DesignIssue[] = [];
  if (typeof service.clusterArn === 'string' && service.cluster === undefined) {
    service.cluster = clusterNameOfArn(service.clusterArn);
  }
  if (typeof service.cluster === 'string') service.cluster = clusterNameOfArn(service.cluster);
  if (typeof service.taskDefinition === 'string') {
    service.taskDefinition = taskDefinitionRefOfArn(service.taskDefinition);
  }
  for (const field of SERVICE_RESPONSE_ONLY) delete service[field];
  if (described) {
    for (const [key, item] of Object.entries(service)) {
      if (Array.isArray(item) && item.length === 0) delete service[key];
    }
  }
  if (service.tags !== undefined && !Array.isArray(service.tags)) {
    const list = tagListOf(service.tags);
    if (list) {
      service.tags = list;
      warnings.push({
        path: path === '' ? 'tags' : `${path}.tags`,
        message: 'is a map; AWS takes tags as a list of { "key", "value" }: converted',
      });
    }
  }
  warnings.push(...modelWarnings(service, 'CreateServiceRequest', path));
  return { service: service as CreateServiceInput, warnings };
}

function labelOf(services: readonly CreateServiceInput[]): string {
  const names = services.map((s) => s.serviceName).join(', ');
  return services.length === 1 ? `service ${names}` : `${services.length} services (${names})`;
}

/** CreateService input (`--cli-input-json`), or one Service as ECS prints it. */
export const createServiceImporter: Importer = {
  kind: 'create-service',
  recognises: (doc) =>
    isRecord(doc) && typeof doc.serviceName === 'string' && !('formatVersion' in doc),
  read(doc): ImportResult {
    const { service, warnings } = serviceInputOf(doc, '');
    return {
      ok: true,
      kind: 'create-service',
      label: `CreateService input (${labelOf([service])})`,
      fragment: { ...regionField(doc), services: [service] },
      warnings,
    };
  },
};

/**
 * `aws ecs describe-services` output, and CreateService's and UpdateService's
 * (`{ "service": {...} }`): every service, as CreateService input.
 */
export const describeServicesImporter: Importer = {
  kind: 'describe-services',
  recognises: (doc) =>
    isRecord(doc) &&
    ((Array.isArray(doc.services) &&
      doc.services.every((s) => isRecord(s) && typeof s.serviceName === 'string') &&
      Object.keys(doc).every((k) => k === 'services' || k === 'failures')) ||
      (Object.keys(doc).length === 1 &&
        isRecord(doc.service) &&
        typeof doc.service.serviceName === 'string')),
  read(doc): ImportResult {
    const d = doc as Record<string, unknown>;
    const list = Array.isArray(d.services) ? d.services : [d.service];
    const base = Array.isArray(d.services) ? 'services' : 'service';
    const warnings: DesignIssue[] = failureWarnings(d.failures);
    const services = list.map((s, i) => {
      const read = serviceInputOf(s, Array.isArray(d.services) ? `${base}[${i}]` : base);
      warnings.push(...read.warnings);
      return read.service;
    });
    if (services.length === 0) {
      return {
        ok: false,
        kind: 'describe-services',
        issues: [{ path: 'services', message: 'lists no service' }],
      };
    }
    return {
      ok: true,
      kind: 'describe-services',
      label: `describe-services output (${labelOf(services)})`,
      fragment: { ...regionField(doc), services },
      warnings,
    };
  },
};
