import type { CapacityProviderStrategyItem } from '../../aws-shapes';
import { actionTargetGroups, findTargetGroup } from '../../elb-resolve';
import { pascalCaseKeys } from '../../import/cloudformation/case';
import { clusterNameOf } from '../../resolve';
import { createServiceInput } from '../ecs/service';
import { registerTaskDefinitionInput } from '../ecs/task-definition';
import { ref, type TemplateBuilder } from './builder';
import type { LogicalIds } from './ids';

type Props = Record<string, unknown>;
const isObject = (v: unknown): v is Props =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

/** The properties each CloudFormation type has (template.test.ts checks them against the specification). */
export const CLUSTER_PROPERTIES = [
  'ClusterName',
  'CapacityProviders',
  'DefaultCapacityProviderStrategy',
  'ClusterSettings',
  'Configuration',
  'ServiceConnectDefaults',
  'Tags',
];
export const TASK_DEFINITION_PROPERTIES = [
  'Family',
  'ContainerDefinitions',
  'Cpu',
  'Memory',
  'NetworkMode',
  'RequiresCompatibilities',
  'ExecutionRoleArn',
  'TaskRoleArn',
  'Volumes',
  'PlacementConstraints',
  'ProxyConfiguration',
  'InferenceAccelerators',
  'IpcMode',
  'PidMode',
  'RuntimePlatform',
  'EphemeralStorage',
  'EnableFaultInjection',
  'Tags',
];
export const SERVICE_PROPERTIES = [
  'Cluster',
  'ServiceName',
  'TaskDefinition',
  'DesiredCount',
  'LaunchType',
  'CapacityProviderStrategy',
  'PlatformVersion',
  'NetworkConfiguration',
  'SchedulingStrategy',
  'PlacementConstraints',
  'PlacementStrategies',
  'DeploymentConfiguration',
  'DeploymentController',
  'HealthCheckGracePeriodSeconds',
  'LoadBalancers',
  'ServiceRegistries',
  'ServiceConnectConfiguration',
  'EnableECSManagedTags',
  'EnableExecuteCommand',
  'PropagateTags',
  'Role',
  'Tags',
  'VolumeConfigurations',
  'AvailabilityZoneRebalancing',
  'VpcLatticeConfigurations',
];

/** Only the properties the type has: Berth's own fields and those CloudFormation lacks go. */
export function only(props: Props, names: readonly string[]): Props {
  const out: Props = {};
  for (const name of names) if (props[name] !== undefined) out[name] = props[name];
  return out;
}

const isFargate = (name: string) => name === 'FARGATE' || name === 'FARGATE_SPOT';

function providerRef(ids: LogicalIds, name: string): unknown {
  const id = isFargate(name) ? undefined : ids.capacityProvider(name);
  return id ? ref(id) : name;
}

function strategy(ids: LogicalIds, items: readonly CapacityProviderStrategyItem[] | undefined) {
  return items?.map((i) => ({ ...i, capacityProvider: providerRef(ids, i.capacityProvider) }));
}

/**
 * Clusters: providers of Auto Scaling groups go in a ClusterCapacityProviderAssociations,
 * as AWS advises (the group's user data names the cluster, so the cluster cannot name
 * the provider without a cycle); Fargate's stay on the cluster.
 */
export function writeClusters(b: TemplateBuilder, ids: LogicalIds): void {
  for (const c of b.design.clusters) {
    const id = ids.cluster(c.clusterName) ?? '';
    const association = ids.associations(c.clusterName);
    const { capacityProviders, defaultCapacityProviderStrategy, ...rest } = c;
    const own: Props = association
      ? rest
      : {
          ...rest,
          capacityProviders,
          defaultCapacityProviderStrategy: strategy(ids, defaultCapacityProviderStrategy),
        };
    b.add(id, {
      Type: 'AWS::ECS::Cluster',
      Properties: only(pascalCaseKeys(own) as Props, CLUSTER_PROPERTIES),
    });
    if (!association) continue;
    b.add(association, {
      Type: 'AWS::ECS::ClusterCapacityProviderAssociations',
      Properties: {
        Cluster: ref(id),
        CapacityProviders: (capacityProviders ?? []).map((p) => providerRef(ids, p)),
        DefaultCapacityProviderStrategy: pascalCaseKeys(
          strategy(ids, defaultCapacityProviderStrategy) ?? [],
        ),
      },
    });
  }
}

export function writeTaskDefinitions(b: TemplateBuilder, ids: LogicalIds): void {
  b.design.taskDefinitions.forEach((td, i) => {
    const props = pascalCaseKeys(registerTaskDefinitionInput(td)) as Props;
    b.add(ids.taskDefinitions[i] ?? '', {
      Type: 'AWS::ECS::TaskDefinition',
      Properties: only(props, TASK_DEFINITION_PROPERTIES),
    });
  });
}

/** Listeners and rules that send to any of these target groups: a service waits for them (the target group must be behind a load balancer). */
function listenersOf(b: TemplateBuilder, ids: LogicalIds, groups: readonly string[]): string[] {
  const design = b.design;
  const wanted = new Set(
    groups.map((g) => findTargetGroup(design, g)).filter((g) => g !== undefined),
  );
  const hits = (actions: readonly Parameters<typeof actionTargetGroups>[0][]) =>
    actions.flatMap(actionTargetGroups).some((t) => {
      const tg = findTargetGroup(design, t);
      return tg !== undefined && wanted.has(tg);
    });
  const out: string[] = [];
  for (const l of design.listeners ?? []) {
    const id = ids.of.get(l);
    if (id && hits(l.DefaultActions)) out.push(id);
  }
  for (const r of design.listenerRules ?? []) {
    const id = ids.of.get(r);
    if (id && hits(r.Actions)) out.push(id);
  }
  return out;
}

export function writeServices(b: TemplateBuilder, ids: LogicalIds): void {
  for (const s of b.design.services) {
    const input = createServiceInput(b.design, s) as Props;
    delete input.clientToken;
    const cluster = ids.cluster(s.cluster);
    if (cluster) input.cluster = ref(cluster);
    const td = ids.taskDefinition(s.taskDefinition);
    if (td) input.taskDefinition = ref(td);
    if (s.capacityProviderStrategy)
      input.capacityProviderStrategy = strategy(ids, s.capacityProviderStrategy);
    const groups: string[] = [];
    if (Array.isArray(input.loadBalancers)) {
      input.loadBalancers = input.loadBalancers.map((entry: Props) => {
        const out: Props = { ...entry };
        if (typeof entry.targetGroupArn === 'string') {
          groups.push(entry.targetGroupArn);
          const id = ids.targetGroup(entry.targetGroupArn);
          if (id) out.targetGroupArn = ref(id);
        }
        if (typeof entry.loadBalancerName === 'string') {
          const id = ids.loadBalancer(entry.loadBalancerName);
          if (id) out.loadBalancerName = ref(id);
        }
        const advanced = entry.advancedConfiguration;
        if (isObject(advanced)) {
          const a: Props = { ...advanced };
          if (typeof a.alternateTargetGroupArn === 'string') {
            groups.push(a.alternateTargetGroupArn);
            const id = ids.targetGroup(a.alternateTargetGroupArn);
            if (id) a.alternateTargetGroupArn = ref(id);
          }
          for (const key of ['productionListenerRule', 'testListenerRule'] as const) {
            const v = a[key];
            const id = typeof v === 'string' ? (ids.rule(v) ?? ids.listener(v)) : undefined;
            if (id) a[key] = ref(id);
          }
          out.advancedConfiguration = a;
        }
        return out;
      });
    }
    const deployment = input.deploymentConfiguration;
    if (
      isObject(deployment) &&
      isObject(deployment.alarms) &&
      Array.isArray(deployment.alarms.alarmNames)
    ) {
      deployment.alarms = {
        ...deployment.alarms,
        alarmNames: deployment.alarms.alarmNames.map((n: string) => {
          const id = ids.alarm(n);
          return id ? ref(id) : n;
        }),
      };
    }
    const network = input.networkConfiguration;
    if (isObject(network) && isObject(network.awsvpcConfiguration)) {
      const vpc: Props = { ...network.awsvpcConfiguration };
      vpc.subnets = b.subnets(vpc.subnets as string[] | undefined);
      if (Array.isArray(vpc.securityGroups))
        vpc.securityGroups = b.securityGroups(vpc.securityGroups as string[]);
      input.networkConfiguration = { ...network, awsvpcConfiguration: vpc };
    }
    const association = ids.associations(clusterNameOf(b.design, s.cluster));
    const dependsOn = [...listenersOf(b, ids, groups), ...(association ? [association] : [])];
    b.add(ids.service(s.serviceName) ?? '', {
      Type: 'AWS::ECS::Service',
      DependsOn: dependsOn,
      Properties: only(pascalCaseKeys(input) as Props, SERVICE_PROPERTIES),
    });
  }
}
