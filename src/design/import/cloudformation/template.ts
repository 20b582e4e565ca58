import type { DesignIssue } from '../../issues';

/** A template's parts, read structurally; values are still CloudFormation's (intrinsics and all). */
export interface TemplateResource {
  logicalId: string;
  type: string;
  properties: Record<string, unknown>;
  dependsOn: string[];
  /** The name of the condition the resource is made under, if any. */
  condition?: string;
  /** The ARN or id a Berth export kept in `Metadata.Berth.PhysicalId`: its Ref gives it back. */
  physicalId?: string;
}

export interface Template {
  parameters: Record<string, Record<string, unknown>>;
  conditions: Record<string, unknown>;
  mappings: Record<string, unknown>;
  resources: TemplateResource[];
}

const isObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

/** Whether a document is a CloudFormation template: its format version, or a map of typed resources. */
export function looksLikeTemplate(doc: unknown): boolean {
  if (!isObject(doc)) return false;
  if (typeof doc.AWSTemplateFormatVersion === 'string') return true;
  const resources = doc.Resources;
  if (!isObject(resources)) return false;
  const values = Object.values(resources);
  return (
    values.length > 0 &&
    values.every((r) => isObject(r) && typeof r.Type === 'string' && /^(AWS|Custom)::/.test(r.Type))
  );
}

const LOGICAL_ID = /^[A-Za-z0-9]+$/;

function physicalIdOf(metadata: unknown): { physicalId?: string } {
  const berth = isObject(metadata) ? metadata.Berth : undefined;
  const id = isObject(berth) ? berth.PhysicalId : undefined;
  return typeof id === 'string' && id !== '' ? { physicalId: id } : {};
}

/** The template's parts, or what makes it no template, each with its path. */
export function readTemplate(doc: unknown): { template: Template; issues: DesignIssue[] } {
  const issues: DesignIssue[] = [];
  const template: Template = { parameters: {}, conditions: {}, mappings: {}, resources: [] };
  if (!isObject(doc)) {
    issues.push({ path: '(document)', message: 'a CloudFormation template is an object' });
    return { template, issues };
  }
  for (const part of ['Parameters', 'Conditions', 'Mappings'] as const) {
    const value = doc[part];
    if (value !== undefined && !isObject(value))
      issues.push({ path: part, message: 'must be an object' });
  }
  if (isObject(doc.Parameters)) {
    for (const [name, p] of Object.entries(doc.Parameters))
      if (isObject(p)) template.parameters[name] = p;
      else issues.push({ path: `Parameters.${name}`, message: 'must be an object with a Type' });
  }
  if (isObject(doc.Conditions)) template.conditions = doc.Conditions;
  if (isObject(doc.Mappings)) template.mappings = doc.Mappings;
  if (!isObject(doc.Resources)) {
    issues.push({
      path: 'Resources',
      message: 'is required: a template declares at least one resource',
    });
    return { template, issues };
  }
  for (const [logicalId, r] of Object.entries(doc.Resources)) {
    const at = `Resources.${logicalId}`;
    if (!LOGICAL_ID.test(logicalId)) {
      issues.push({
        path: `Resources[${JSON.stringify(logicalId)}]`,
        message: 'a logical id is letters and digits only',
      });
      continue;
    }
    if (!isObject(r) || typeof r.Type !== 'string') {
      issues.push({
        path: `${at}.Type`,
        message: 'is required: a resource names its type, such as AWS::ECS::Service',
      });
      continue;
    }
    if (r.Properties !== undefined && !isObject(r.Properties)) {
      issues.push({ path: `${at}.Properties`, message: 'must be an object' });
      continue;
    }
    const dependsOn =
      typeof r.DependsOn === 'string'
        ? [r.DependsOn]
        : Array.isArray(r.DependsOn)
          ? r.DependsOn.filter((d): d is string => typeof d === 'string')
          : [];
    template.resources.push({
      logicalId,
      type: r.Type,
      properties: isObject(r.Properties) ? r.Properties : {},
      dependsOn,
      ...(typeof r.Condition === 'string' ? { condition: r.Condition } : {}),
      ...physicalIdOf(r.Metadata),
    });
  }
  return { template, issues };
}
