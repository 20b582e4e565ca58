import { TASK_DEFINITION_RESPONSE_ONLY } from '../aws-model/ecs.generated';
import type { DesignIssue } from '../issues';
import type { DesignFragment } from './fragment';

type Doc = Record<string, unknown>;
type Item = Record<string, unknown>;

const isItem = (v: unknown): v is Item => typeof v === 'object' && v !== null && !Array.isArray(v);
const str = (v: unknown) => (typeof v === 'string' ? v : undefined);

/**
 * How two entries of one list are the same resource: by the name AWS keys it by. Lists
 * not named here (the script, traffic, calls) are appended.
 */
const KEYS: Record<string, (item: Item) => string | undefined> = {
  clusters: (c) => str(c.clusterName),
  containerInstances: (c) => str(c.ec2InstanceId),
  services: (s) => `${str(s.cluster) ?? ''}/${str(s.serviceName) ?? ''}`,
  loadBalancers: (l) => str(l.Name),
  targetGroups: (t) => str(t.Name),
  listeners: (l) => str(l.ListenerArn) ?? listenerKey(l),
  listenerRules: (r) => str(r.RuleArn),
  alarms: (a) => str(a.AlarmName),
  autoScalingGroups: (g) => str(g.AutoScalingGroupName),
  launchTemplates: (t) => str(t.LaunchTemplateName),
  capacityProviders: (p) => str(p.name),
  scalableTargets: (t) => str(t.ResourceId),
  scalingPolicies: (p) => `${str(p.ResourceId) ?? ''}/${str(p.PolicyName) ?? ''}`,
  scheduledActions: (a) => `${str(a.ResourceId) ?? ''}/${str(a.ScheduledActionName) ?? ''}`,
  workloads: (w) => `${str(w.family) ?? ''}:${typeof w.revision === 'number' ? w.revision : ''}`,
  lambdaFunctions: (f) => str(f.FunctionName),
};

function listenerKey(l: Item): string | undefined {
  const lb = str(l.LoadBalancerArn);
  return lb === undefined ? undefined : `${lb}:${String(l.Port ?? '')}`;
}

/** A task definition compared without its provenance: the same input is not a new revision. */
function sameTaskDefinition(a: Item, b: Item): boolean {
  const strip = (td: Item) => {
    const rest = { ...td };
    for (const field of TASK_DEFINITION_RESPONSE_ONLY) delete rest[field];
    return JSON.stringify(rest);
  };
  return strip(a) === strip(b);
}

function mergeList(
  field: string,
  base: unknown[],
  added: unknown[],
  notes: DesignIssue[],
): unknown[] {
  if (field === 'taskDefinitions') {
    // A family already in the design gets the imported one as its next revision, unless
    // it is the same input again.
    const out = [...base];
    for (const td of added) {
      if (isItem(td) && out.some((o) => isItem(o) && sameTaskDefinition(o, td))) continue;
      out.push(td);
    }
    return out;
  }
  const keyOf = KEYS[field];
  if (!keyOf) return [...base, ...added];
  const out = [...base];
  for (const item of added) {
    const key = isItem(item) ? keyOf(item) : undefined;
    const at = key === undefined ? -1 : out.findIndex((o) => isItem(o) && keyOf(o) === key);
    if (at < 0) {
      out.push(item);
      continue;
    }
    const old = out[at];
    if (JSON.stringify(old) === JSON.stringify(item)) continue;
    if (field === 'clusters' && isItem(old) && isItem(item)) {
      // A cluster named twice is one cluster: its capacity providers together.
      const providers = [
        ...new Set([
          ...((old.capacityProviders as string[] | undefined) ?? []),
          ...((item.capacityProviders as string[] | undefined) ?? []),
        ]),
      ];
      out[at] = {
        ...old,
        ...item,
        ...(providers.length > 0 ? { capacityProviders: providers } : {}),
      };
      continue;
    }
    out[at] = item;
    notes.push({ path: `${field}[${at}]`, message: `replaced by the imported ${key}` });
  }
  return out;
}

/**
 * Fragments into the base design, field by field: lists merge by their AWS key (an
 * imported resource of the same name replaces the old one, and says so), objects merge
 * shallowly, and the base's own name, seed and region stay.
 */
export function mergeFragments(
  base: Doc,
  fragments: readonly DesignFragment[],
): { doc: Doc; notes: DesignIssue[] } {
  const doc: Doc = { ...base };
  const notes: DesignIssue[] = [];
  for (const fragment of fragments) {
    for (const [field, value] of Object.entries(fragment)) {
      if (value === undefined) continue;
      const old = doc[field];
      if (Array.isArray(value)) {
        doc[field] = mergeList(field, Array.isArray(old) ? old : [], value, notes);
      } else if (isItem(value) && isItem(old)) {
        doc[field] = { ...old, ...value };
      } else if (old === undefined || !['name', 'seed', 'region', 'startTime'].includes(field)) {
        doc[field] = value;
      }
    }
  }
  return { doc, notes };
}
