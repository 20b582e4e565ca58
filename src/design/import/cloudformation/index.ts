import type { DesignFragment, Importer, ImportResult } from '../fragment';
import { danglingReferences } from './dangling';
import {
  readAssociations,
  readCapacityProvider,
  readCluster,
  readService,
  readTaskDefinition,
} from './ecs';
import {
  readClassicLoadBalancer,
  readListener,
  readListenerRule,
  readLoadBalancer,
  readTargetGroup,
} from './elb';
import { DEFAULT_PSEUDO, type Pseudo } from './ids';
import { LEFT_OUT, resolveValue } from './intrinsics';
import { contextOf, MODELLED_TYPES } from './references';
import {
  readAlarm,
  readAutoScalingGroup,
  readLaunchTemplate,
  readScalableTarget,
  readScalingPolicy,
} from './scaling';
import { makeSink, propertiesPath, type Sink } from './sink';
import { looksLikeTemplate, readTemplate, type TemplateResource } from './template';

type Read = (r: TemplateResource, props: Record<string, unknown>, at: string, sink: Sink) => void;

/** Each modelled type's reader, in the order they run: associations after their clusters. */
const READERS: readonly (readonly [string, Read])[] = [
  ['AWS::ECS::Cluster', readCluster],
  ['AWS::ECS::CapacityProvider', readCapacityProvider],
  ['AWS::ECS::ClusterCapacityProviderAssociations', readAssociations],
  ['AWS::ECS::TaskDefinition', readTaskDefinition],
  ['AWS::ECS::Service', readService],
  ['AWS::ElasticLoadBalancingV2::LoadBalancer', readLoadBalancer],
  ['AWS::ElasticLoadBalancing::LoadBalancer', readClassicLoadBalancer],
  ['AWS::ElasticLoadBalancingV2::TargetGroup', readTargetGroup],
  ['AWS::ElasticLoadBalancingV2::Listener', readListener],
  ['AWS::ElasticLoadBalancingV2::ListenerRule', readListenerRule],
  ['AWS::EC2::LaunchTemplate', readLaunchTemplate],
  ['AWS::AutoScaling::AutoScalingGroup', readAutoScalingGroup],
  ['AWS::ApplicationAutoScaling::ScalableTarget', readScalableTarget],
  ['AWS::ApplicationAutoScaling::ScalingPolicy', readScalingPolicy],
  ['AWS::CloudWatch::Alarm', readAlarm],
];

export interface CloudFormationImportOptions {
  /** AWS::Region, AWS::AccountId and AWS::StackName; us-east-1, 123456789012 and berth when absent. */
  region?: string;
  accountId?: string;
  stackName?: string;
}

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

function label(fragment: Partial<Record<string, unknown[]>>): string {
  const parts = [
    [fragment.taskDefinitions?.length ?? 0, 'task definition'],
    [fragment.services?.length ?? 0, 'service'],
    [fragment.loadBalancers?.length ?? 0, 'load balancer'],
    [fragment.autoScalingGroups?.length ?? 0, 'Auto Scaling group'],
  ] as const;
  const shown = parts.filter(([n]) => n > 0).map(([n, w]) => plural(n, w));
  return `CloudFormation template${shown.length > 0 ? ` (${shown.join(', ')})` : ''}`;
}

/** One warning for every resource Berth does not model: how many, of which types. */
function notModelled(resources: readonly TemplateResource[]): string | undefined {
  const counts = new Map<string, number>();
  for (const r of resources)
    if (!MODELLED_TYPES.has(r.type)) counts.set(r.type, (counts.get(r.type) ?? 0) + 1);
  if (counts.size === 0) return undefined;
  const total = [...counts.values()].reduce((a, b) => a + b, 0);
  const types = [...counts.entries()]
    .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
    .map(([t, n]) => `${t} x${n}`);
  return `not modelled, ignored: ${plural(total, 'resource')} (${types.join(', ')})`;
}

/**
 * A CloudFormation template (parsed JSON or YAML, long-form intrinsics) as a fragment of
 * a design: the ECS, load balancing, capacity and scaling resources in the design's
 * shapes, references between them resolved. Never throws.
 */
export function readCloudFormationTemplate(
  doc: unknown,
  options: CloudFormationImportOptions = {},
): ImportResult {
  const { template, issues } = readTemplate(doc);
  issues.push(...danglingReferences(template, doc));
  if (issues.length > 0) return { ok: false, kind: 'cloudformation', issues };
  const pseudo: Pseudo = { ...DEFAULT_PSEUDO, ...options };
  const ctx = contextOf(template, pseudo);
  const sink = makeSink(ctx);
  for (const [type, read] of READERS) {
    for (const r of template.resources.filter((x) => x.type === type)) {
      if (r.condition !== undefined) {
        const c = ctx.condition(r.condition);
        if (!c.ok) {
          sink.warn(
            `Resources.${r.logicalId}.Condition`,
            `${c.why}; the resource is read as if it holds`,
          );
        } else if (c.value === false) continue;
      }
      const at = propertiesPath(r);
      const props = resolveValue(r.properties, at, ctx, sink.warn);
      read(r, props === LEFT_OUT ? {} : (props as Record<string, unknown>), at, sink);
    }
  }
  const ignored = notModelled(template.resources);
  if (ignored) sink.warnings.unshift({ path: 'Resources', message: ignored });
  if (ctx.standIns.size > 0)
    sink.warnings.push({
      path: 'Resources',
      message: `stand-ins for what AWS would assign, from the names or logical ids of resources Berth does not model: ${[...ctx.standIns].sort().join(', ')}`,
    });
  if (sink.issues.length > 0) return { ok: false, kind: 'cloudformation', issues: sink.issues };
  const fragment = sink.lists as DesignFragment;
  return {
    ok: true,
    kind: 'cloudformation',
    label: label(sink.lists),
    fragment,
    warnings: sink.warnings,
  };
}

export const cloudFormationImporter: Importer = {
  kind: 'cloudformation',
  recognises: looksLikeTemplate,
  read: (doc) => readCloudFormationTemplate(doc),
};
