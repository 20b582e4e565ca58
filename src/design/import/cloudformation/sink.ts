import type { z } from 'zod';
import { type DesignIssue, formatPath, fromZodIssues } from '../../issues';
import { cfnPath } from './case';
import type { TemplateContext } from './references';
import type { TemplateResource } from './template';

export type ListField =
  | 'clusters'
  | 'taskDefinitions'
  | 'services'
  | 'capacityProviders'
  | 'loadBalancers'
  | 'targetGroups'
  | 'listeners'
  | 'listenerRules'
  | 'scalableTargets'
  | 'scalingPolicies'
  | 'scheduledActions'
  | 'autoScalingGroups'
  | 'launchTemplates'
  | 'alarms';

/** Where the converters put what they read: the fragment's lists, warnings and refusals. */
export interface Sink {
  ctx: TemplateContext;
  lists: Partial<Record<ListField, unknown[]>>;
  warnings: DesignIssue[];
  issues: DesignIssue[];
  warn(path: string, message: string): void;
  /**
   * The item into the fragment's list if its shape is the design's; else each problem
   * refused at its template path (`camel`: the item is the ECS API's camelCase, whose
   * paths CloudFormation spells in PascalCase).
   */
  add(
    field: ListField,
    item: unknown,
    at: string,
    schema: z.ZodType,
    spelling: 'camel' | 'pascal',
  ): void;
  /**
   * The gate's own rules for an item read at `at`, refused there: each issue's path is
   * the design's below the item (`.cpu`, `.containerDefinitions[0].memory`), spelled as
   * the template spells it (`Resources.Task.Properties.Cpu`).
   */
  refuse(issues: readonly DesignIssue[], at: string, spelling: 'camel' | 'pascal'): void;
}

/** `.containerDefinitions[0]["awslogs-group"]` as keys: the inverse of formatPath below an item. */
function pathKeys(path: string): PropertyKey[] {
  const keys: PropertyKey[] = [];
  for (const [, name, index, quoted] of path.matchAll(
    /\.?([A-Za-z_$][\w$]*)|\[(\d+)\]|\[("(?:[^"\\]|\\.)*")\]/g,
  )) {
    if (name !== undefined) keys.push(name);
    else if (index !== undefined) keys.push(Number(index));
    else if (quoted !== undefined) keys.push(JSON.parse(quoted) as string);
  }
  return keys;
}

/** A path below an item at `at`, as the template spells it. */
function templatePath(at: string, keys: readonly PropertyKey[], spelling: 'camel' | 'pascal') {
  const p = formatPath(spelling === 'camel' ? cfnPath(keys) : keys);
  return p === '(document)' ? at : `${at}${p.startsWith('[') ? '' : '.'}${p}`;
}

export function makeSink(ctx: TemplateContext): Sink {
  const sink: Sink = {
    ctx,
    lists: {},
    warnings: [],
    issues: [],
    warn(path, message) {
      sink.warnings.push({ path, message });
    },
    add(field, item, at, schema, spelling) {
      const parsed = schema.safeParse(item, { reportInput: true });
      if (!parsed.success) {
        const messages = fromZodIssues(parsed.error.issues);
        parsed.error.issues.forEach((issue, j) => {
          const path = templatePath(at, issue.path, spelling);
          sink.issues.push({ path, message: messages[j]?.message ?? issue.message });
        });
        return;
      }
      const list = sink.lists[field] ?? [];
      list.push(item);
      sink.lists[field] = list;
    },
    refuse(issues, at, spelling) {
      for (const issue of issues)
        sink.issues.push({
          path: templatePath(at, pathKeys(issue.path), spelling),
          message: issue.message,
        });
    },
  };
  return sink;
}

/** `Resources.Web.Properties`: where a resource's properties are in the template. */
export const propertiesPath = (r: TemplateResource) => `Resources.${r.logicalId}.Properties`;
