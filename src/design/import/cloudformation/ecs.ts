import { checkAcceleratorRules } from '../../accelerator-rules';
import { CreateServiceInput, RegisterTaskDefinitionInput } from '../../aws-shapes';
import { CapacityProvider } from '../../capacity-shapes';
import { DesignDocument } from '../../document';
import { checkTaskDefinition } from '../../task-definition-rules';
import { apiName, camelCaseKeys, MAP_PROPERTIES } from './case';
import { coerceTypes } from './coerce';
import type { Sink } from './sink';
import type { TemplateResource } from './template';

type Props = Record<string, unknown>;
const MAPS_API = new Set([...MAP_PROPERTIES].map(apiName));

/** CloudFormation's properties as the ECS API's input: camelCase, numbers and booleans as the API has them. */
export function ecsInput(props: Props): Props {
  return coerceTypes(camelCaseKeys(props), MAPS_API) as Props;
}

const isObject = (v: unknown): v is Props =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

const clusterName = (ref: string) =>
  ref.includes(':cluster/') ? ref.slice(ref.indexOf(':cluster/') + ':cluster/'.length) : ref;

export function readCluster(r: TemplateResource, props: Props, at: string, sink: Sink): void {
  const cluster: Props = { ...ecsInput(props), clusterName: sink.ctx.nameOf(r) };
  sink.add('clusters', cluster, at, DesignDocument.shape.clusters.element, 'camel');
}

/**
 * ClusterCapacityProviderAssociations: the cluster's providers and default strategy, as
 * PutClusterCapacityProviders sets them. The import merges it into the cluster of that
 * name (this template's or the design's).
 */
export function readAssociations(_r: TemplateResource, props: Props, at: string, sink: Sink): void {
  const input = ecsInput(props);
  if (typeof input.cluster !== 'string') {
    sink.warn(
      `${at}.Cluster`,
      'names no cluster this template can resolve; the association is left out',
    );
    return;
  }
  const name = clusterName(input.cluster);
  const clusters = (sink.lists.clusters ?? []) as Props[];
  const own = clusters.find((c) => c.clusterName === name);
  // An empty default strategy is no default strategy: left out, as the design has it.
  const strategy = input.defaultCapacityProviderStrategy;
  const patch: Props = {
    clusterName: name,
    capacityProviders: input.capacityProviders ?? [],
    ...(Array.isArray(strategy) && strategy.length > 0
      ? { defaultCapacityProviderStrategy: strategy }
      : {}),
  };
  if (own) Object.assign(own, patch);
  else sink.add('clusters', patch, at, DesignDocument.shape.clusters.element, 'camel');
}

export function readTaskDefinition(
  r: TemplateResource,
  props: Props,
  at: string,
  sink: Sink,
): void {
  const td: Props = { ...ecsInput(props), family: sink.ctx.nameOf(r) };
  // The task's cpu and memory are strings in RegisterTaskDefinition ("256", "1 vCPU").
  for (const key of ['cpu', 'memory'] as const)
    if (typeof td[key] === 'number') td[key] = String(td[key]);
  sink.add('taskDefinitions', td, at, RegisterTaskDefinitionInput, 'camel');
  // RegisterTaskDefinition's rules (a Fargate size, an essential container) refused where
  // the template writes them, not only at the design's taskDefinitions[i] later.
  const parsed = RegisterTaskDefinitionInput.safeParse(td);
  if (parsed.success)
    sink.refuse(
      [...checkTaskDefinition(parsed.data, ''), ...checkAcceleratorRules(parsed.data, '')],
      at,
      'camel',
    );
}

/** CloudFormation's own service properties, with no CreateService field to keep them in. */
const CFN_ONLY_SERVICE = ['forceNewDeployment'];

export function readService(r: TemplateResource, props: Props, at: string, sink: Sink): void {
  const input = ecsInput(props);
  for (const key of CFN_ONLY_SERVICE) {
    if (key in input) {
      sink.warn(
        `${at}.${key.charAt(0).toUpperCase()}${key.slice(1)}`,
        "is CloudFormation's own, not CreateService's: left out",
      );
      delete input[key];
    }
  }
  const service: Props = { ...input, serviceName: sink.ctx.nameOf(r) };
  const strategy = service.schedulingStrategy ?? 'REPLICA';
  // Model: CloudFormation starts a REPLICA service with 1 task when DesiredCount is absent.
  if (strategy === 'REPLICA' && service.desiredCount === undefined) service.desiredCount = 1;
  const network = service.networkConfiguration;
  if (
    isObject(network) &&
    isObject(network.awsvpcConfiguration) &&
    network.awsvpcConfiguration.subnets === undefined
  )
    network.awsvpcConfiguration.subnets = [];
  if (service.taskDefinition === undefined && r.properties.TaskDefinition !== undefined) {
    sink.warn(at, 'its task definition is not in this template: the service is left out');
    return;
  }
  sink.add('services', service, at, CreateServiceInput, 'camel');
}

export function readCapacityProvider(
  r: TemplateResource,
  props: Props,
  at: string,
  sink: Sink,
): void {
  const input = ecsInput(props);
  const { clusterName: _cluster, ...rest } = input;
  const provider: Props = { ...rest, name: sink.ctx.nameOf(r) };
  const asg = isObject(provider.autoScalingGroupProvider)
    ? provider.autoScalingGroupProvider
    : undefined;
  if (
    asg &&
    asg.autoScalingGroupArn === undefined &&
    isObject(r.properties.AutoScalingGroupProvider) &&
    r.properties.AutoScalingGroupProvider.AutoScalingGroupArn !== undefined
  ) {
    sink.warn(
      at,
      'its Auto Scaling group is not in this template: the capacity provider is left out',
    );
    return;
  }
  sink.add('capacityProviders', provider, at, CapacityProvider, 'camel');
}
