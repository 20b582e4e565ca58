import { clusterNameOf, type DesignDocument } from '../../design';
import { decodeBase64 } from '../../design/capacity-references';
import type { Refusable } from './capacity';
import { uniqueName } from './ids';

/** CreateCluster's rule for clusterName. */
const CLUSTER_NAME = /^[A-Za-z0-9_-]{1,255}$/;

function nameRefusal(design: DesignDocument, name: string, from?: string): string | undefined {
  if (name === '') return 'A cluster needs a name.';
  if (!CLUSTER_NAME.test(name))
    return 'A cluster name is up to 255 letters, digits, hyphens and underscores.';
  if (name !== from && design.clusters.some((c) => c.clusterName === name))
    return `A cluster named ${name} is already in the design.`;
  return undefined;
}

const literal = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** ARNs that carry a cluster's name: the cluster's, and its services', instances', tasks'. */
function renameArn(arn: string, from: string, to: string): string {
  const f = literal(from);
  return arn
    .replace(new RegExp(`:cluster/${f}$`), `:cluster/${to}`)
    .replace(new RegExp(`:(service|container-instance|task)/${f}/`), `:$1/${to}/`);
}

/** ECS_CLUSTER in user data, kept base64 when it was. */
function renameUserData(userData: string, from: string, to: string): string {
  const decoded = decodeBase64(userData);
  const text = decoded ?? userData;
  const line = new RegExp(`(ECS_CLUSTER=["']?)${literal(from)}(?![A-Za-z0-9_-])`, 'g');
  const next = text.replace(line, `$1${to}`);
  if (next === text) return userData;
  return decoded === undefined ? next : btoa(next);
}

function renameValue(key: string, value: string, from: string, to: string): string {
  if (key === 'UserData') return renameUserData(value, from, to);
  if (value.startsWith('arn:')) return renameArn(value, from, to);
  if ((key === 'cluster' || key === 'clusterName') && value === from) return to;
  // Application Auto Scaling names an ECS service service/CLUSTER/NAME.
  if (key === 'ResourceId' && value.startsWith(`service/${from}/`))
    return `service/${to}/${value.slice(`service/${from}/`.length)}`;
  return value;
}

/**
 * Every place that names the cluster, wherever it sits in the document: `cluster` and
 * `clusterName` (services, instances, script inputs, CodeDeploy's ecsServices), ARNs,
 * ResourceIds of scalable targets, policies and scheduled actions, CloudWatch's
 * ClusterName dimension, and ECS_CLUSTER in launch templates' user data.
 */
function renameIn(value: unknown, from: string, to: string, key = ''): unknown {
  if (typeof value === 'string') return renameValue(key, value, from, to);
  if (Array.isArray(value)) {
    let changed = false;
    const next = value.map((item) => {
      const renamed = renameIn(item, from, to, key);
      if (renamed !== item) changed = true;
      return renamed;
    });
    return changed ? next : value;
  }
  if (value === null || typeof value !== 'object') return value;
  const entries = Object.entries(value as Record<string, unknown>);
  // A metric dimension: { Name: 'ClusterName', Value: 'demo' }.
  const dimension = (value as { Name?: unknown }).Name === 'ClusterName';
  let changed = false;
  const next: Record<string, unknown> = {};
  for (const [k, v] of entries) {
    const renamed = dimension && k === 'Value' && v === from ? to : renameIn(v, from, to, k);
    if (renamed !== v) changed = true;
    next[k] = renamed;
  }
  return changed ? next : value;
}

/**
 * Rename a cluster and everything that names it. ECS has no RenameCluster: this is a
 * design edit, and during a run it restarts the run.
 */
export function renameCluster(design: DesignDocument, from: string, to: string): Refusable {
  const name = to.trim();
  if (!design.clusters.some((c) => c.clusterName === from))
    return { refusal: `There is no cluster named ${from}.` };
  const refusal = nameRefusal(design, name, from);
  if (refusal) return { refusal };
  if (name === from) return { design };
  const { layout, ...rest } = design;
  const renamed = renameIn(rest, from, name) as DesignDocument;
  return { design: { ...renamed, layout } };
}

/** CreateCluster: `cluster`, else `cluster-2`..., empty, with no capacity providers. */
export function addCluster(
  design: DesignDocument,
  requested?: string,
): { design: DesignDocument; name: string } | { refusal: string } {
  const taken = new Set(design.clusters.map((c) => c.clusterName));
  const name = requested?.trim() || uniqueName('cluster', taken);
  const refusal = nameRefusal(design, name);
  if (refusal) return { refusal };
  return { design: { ...design, clusters: [...design.clusters, { clusterName: name }] }, name };
}

/** What in the design still runs in or names the cluster, in words; empty when nothing does. */
export function clusterUsers(design: DesignDocument, name: string): string[] {
  const users: string[] = [];
  const services = design.services.filter((s) => clusterNameOf(design, s.cluster) === name);
  const instances = design.containerInstances.filter(
    (ci) => clusterNameOf(design, ci.cluster) === name,
  );
  if (services.length > 0)
    users.push(services.length === 1 ? '1 service' : `${services.length} services`);
  if (instances.length > 0)
    users.push(instances.length === 1 ? '1 instance' : `${instances.length} instances`);
  // Anything else that names it (a group's user data, the script, a scalable target).
  const {
    layout: _layout,
    clusters: _clusters,
    services: _s,
    containerInstances: _c,
    ...rest
  } = design;
  const probe = '\u0000renamed';
  if (users.length === 0 && renameIn(rest, name, probe) !== rest) users.push('other resources');
  return users;
}

/** DeleteCluster: refused while anything is in it, and for the design's last cluster. */
export function removeCluster(design: DesignDocument, name: string): Refusable {
  if (!design.clusters.some((c) => c.clusterName === name))
    return { refusal: `There is no cluster named ${name}.` };
  if (design.clusters.length === 1) return { refusal: 'A design keeps at least one cluster.' };
  const users = clusterUsers(design, name);
  if (users.length > 0)
    return { refusal: `${name} still holds ${users.join(' and ')}: move or delete them first.` };
  return { design: { ...design, clusters: design.clusters.filter((c) => c.clusterName !== name) } };
}

const REGION = /^[a-z]{2}(-[a-z]+)+-\d$/;

/** Every string in `value` with the old region's zones and ARNs moved to the new region. */
function moveStrings(value: unknown, move: (text: string) => string): unknown {
  if (typeof value === 'string') return move(value);
  if (Array.isArray(value)) {
    const next = value.map((v) => moveStrings(v, move));
    return next.some((v, i) => v !== value[i]) ? next : value;
  }
  if (value === null || typeof value !== 'object') return value;
  let changed = false;
  const next: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(value as Record<string, unknown>)) {
    next[k] = moveStrings(v, move);
    if (next[k] !== v) changed = true;
  }
  return changed ? next : value;
}

/**
 * Another region. Model: each zone keeps its letter (us-east-1b becomes eu-west-1b,
 * in instances, groups, subnets and memberOf expressions alike) and ARNs name the new
 * region; Berth does not know which regions have a third zone, the gate checks the rest.
 */
export function moveRegion(design: DesignDocument, region: string): Refusable {
  const to = region.trim();
  if (!REGION.test(to)) return { refusal: 'A region looks like us-east-1 or eu-west-2.' };
  const from = design.region;
  if (to === from) return { design };
  const f = literal(from);
  const zone = new RegExp(`(?<![A-Za-z0-9-])${f}([a-z])(?![A-Za-z0-9-])`, 'g');
  const arn = new RegExp(`^(arn:[^:]+:[^:]+:)${f}:`);
  const move = (text: string) => text.replace(arn, `$1${to}:`).replace(zone, `${to}$1`);
  const { layout, ...rest } = design;
  const moved = moveStrings(rest, move) as DesignDocument;
  return { design: { ...moved, region: to, layout } };
}
