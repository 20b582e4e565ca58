import type { DesignIssue } from '../../issues';
import type { DesignFragment, Importer, ImportResult } from '../fragment';
import { type CopilotImportOptions, type Ctx, WORKLOAD_TYPES, type WorkloadType } from './context';
import { loadBalancingOf } from './load-balancing';
import { forEnvironment } from './overrides';
import { isMap, ManifestReader } from './reader';
import { scalingOf } from './scaling';
import { serviceOf } from './service';
import { taskDefinitionOf } from './task-definition';

const READ: readonly WorkloadType[] = [
  'Load Balanced Web Service',
  'Backend Service',
  'Worker Service',
];

const REFUSED: Partial<Record<WorkloadType, string>> = {
  'Request-Driven Web Service': 'runs on AWS App Runner, not on ECS',
  'Scheduled Job': 'runs as a Step Functions state machine started by an EventBridge schedule',
};

/** Why a field no mapping read is left out, by the field (or the part above it). */
const NOTES: Record<string, string> = {
  observability: 'asks for X-Ray tracing (a collector sidecar), which Berth does not simulate',
  logging: 'configures the FireLens log router sidecar, which Berth does not simulate',
  publish: 'creates SNS topics, which Berth does not model',
  subscribe: 'creates an SQS queue and SNS subscriptions, which Berth does not model',
  taskdef_overrides: 'patches the CloudFormation template, which Berth does not apply',
  env_file: 'is an environment file in S3, which Berth cannot read: its variables are missing',
  'network.connect':
    "turns on Service Connect in the Cloud Map namespace of Copilot's environment, which Berth does not create",
  'deployment.rollback_alarms': 'names CloudWatch alarms Copilot creates, which Berth does not',
  'http.alias': 'names DNS records, which Berth does not model (no host-header condition)',
  'http.hosted_zone': 'names a Route 53 hosted zone, which Berth does not model',
  'http.alb': 'imports an existing ALB, which Berth cannot look up',
  'nlb.alias': 'names DNS records, which Berth does not model',
  'nlb.additional_listeners':
    'adds more NLB listeners and target groups, which Berth does not import yet',
  'image.build': 'is a Docker build, which Berth does not run',
};

/** A sidecar's field, or an additional rule's, as the main container's or `http`'s. */
const generic = (path: string) =>
  path.replace(/^sidecars\.[^.]+\./, '').replace(/^http\.additional_rules\[\d+\]\./, 'http.');

/** The note of a field, or of the field it is a part of. */
function ownNote(path: string): string | undefined {
  for (const p of [path, generic(path)]) {
    const parts = p.split('.');
    for (let n = parts.length; n > 0; n--) {
      const note = NOTES[parts.slice(0, n).join('.')];
      if (note) return note;
    }
  }
  return undefined;
}

const isExport = (value: unknown) => isMap(value) && 'from_cfn' in value;

function noteFor(path: string, value: unknown): string {
  if (isExport(value)) return 'is a CloudFormation export, which Berth cannot look up: left out';
  const note = ownNote(path);
  return note ? `${note}: ignored` : 'is not modelled by Berth: ignored';
}

/** A field named whole in a warning: one with a note of its own, or an export. */
const isWhole = (path: string, value: unknown) =>
  isExport(value) || NOTES[path] !== undefined || NOTES[generic(path)] !== undefined;

export const isCopilotManifest = (doc: unknown): doc is Record<string, unknown> =>
  isMap(doc) &&
  typeof doc.name === 'string' &&
  (WORKLOAD_TYPES as readonly unknown[]).includes(doc.type);

/**
 * An AWS Copilot service manifest as what Copilot deploys for it: a Fargate task
 * definition and service, its load balancers, its scaling. Never throws.
 */
export function readCopilotManifest(
  doc: unknown,
  options: CopilotImportOptions = {},
): ImportResult {
  if (!isCopilotManifest(doc))
    return {
      ok: false,
      issues: [{ path: '(document)', message: 'is not an AWS Copilot manifest (name and type)' }],
    };
  const type = doc.type as WorkloadType;
  if (!READ.includes(type))
    return {
      ok: false,
      kind: 'copilot',
      issues: [
        {
          path: 'type',
          message: `is ${type}, which ${REFUSED[type] ?? 'is not an ECS service'}: Berth imports ${READ.join(', ')} manifests`,
        },
      ],
    };
  const picked = forEnvironment(doc, options.env);
  const m = new ManifestReader(picked.doc);
  m.touch('name');
  m.touch('type');
  const name = String(doc.name);
  const app = options.app;
  const env = options.env ?? picked.env;
  const family = app && env ? `${app}-${env}-${name}` : name;
  const ctx: Ctx = {
    m,
    type,
    name,
    family,
    cluster: options.cluster ?? (app && env ? `${app}-${env}` : 'default'),
    region: options.region ?? 'us-east-1',
    accountId: options.accountId ?? '123456789012',
    app,
    env,
  };
  const { td, containers } = taskDefinitionOf(ctx);
  const lb = loadBalancingOf(ctx, containers);
  const resourceId = `service/${ctx.cluster}/${name}`;
  const scaling = scalingOf(ctx, lb, resourceId);
  const service = serviceOf(ctx, family, lb, scaling);
  if (m.issues.length > 0) return { ok: false, kind: 'copilot', issues: m.issues };
  const unread = m.unread(isWhole).map((path) => ({ path, message: noteFor(path, m.peek(path)) }));
  const fragment: DesignFragment = {
    // Copilot's environment cluster: both Fargate capacity providers (environment/cf.yml).
    clusters: [{ clusterName: ctx.cluster, capacityProviders: ['FARGATE', 'FARGATE_SPOT'] }],
    taskDefinitions: [td],
    services: [service],
    ...(lb.loadBalancers.length > 0 ? { loadBalancers: lb.loadBalancers } : {}),
    ...(lb.targetGroups.length > 0 ? { targetGroups: lb.targetGroups } : {}),
    ...(lb.listeners.length > 0 ? { listeners: lb.listeners } : {}),
    ...(lb.listenerRules.length > 0 ? { listenerRules: lb.listenerRules } : {}),
    ...(scaling.scalableTargets.length > 0 ? { scalableTargets: scaling.scalableTargets } : {}),
    ...(scaling.scalingPolicies.length > 0 ? { scalingPolicies: scaling.scalingPolicies } : {}),
  } as DesignFragment;
  const naming: DesignIssue[] = [];
  if (!(app && env))
    naming.push({
      path: 'name',
      message: `Copilot names the task family <app>-<env>-${name}; the manifest does not say its application and environment, so the family is ${name}`,
    });
  return {
    ok: true,
    kind: 'copilot',
    label: `AWS Copilot ${type} manifest (${name}${env ? `, environment ${env}` : ''})`,
    fragment,
    warnings: [...picked.warnings, ...naming, ...m.warnings, ...unread],
  };
}

/** The importer for the pipeline, with the options a caller knows (none by default). */
export function copilotImporter(options: CopilotImportOptions = {}): Importer {
  return {
    kind: 'copilot',
    recognises: isCopilotManifest,
    read: (doc) => readCopilotManifest(doc, options),
  };
}

export const copilotManifestImporter: Importer = copilotImporter();
