import type {
  Command,
  ContainerInstance,
  CreateServiceInput,
  DeploymentConfiguration,
  DesignDocument,
  RegisterTaskDefinitionInput,
  ServiceLoadBalancer,
} from '../../design';
import { parseTaskDefinitionRef } from '../../design';
import {
  type CustomAttribute,
  customAttributesOf,
  type InstanceStatus,
} from '../edits/instance-state';

/**
 * The AWS operations a person's edit on a running cluster is: each built from the
 * edit itself and the instance or service as shown at that moment, never from a diff
 * of two documents.
 */

/** PutAttributes and DeleteAttributes take at most 10 attributes per call. */
const ATTRIBUTES_PER_CALL = 10;

const withCluster = <T extends object>(cluster: string | undefined, input: T) =>
  cluster === undefined ? input : { cluster, ...input };

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

/** The fields of a service an UpdateService call takes on a running cluster. */
export type LiveServicePatch = Pick<
  Partial<CreateServiceInput>,
  'desiredCount' | 'placementConstraints' | 'placementStrategy'
>;

export const LIVE_SERVICE_FIELDS = new Set<string>([
  'desiredCount',
  'placementConstraints',
  'placementStrategy',
]);

/** UpdateService with what the patch changes; none when it changes nothing. */
export function updateServiceCommand(
  shown: CreateServiceInput,
  patch: LiveServicePatch,
): Command[] {
  const input: {
    service: string;
    desiredCount?: number;
    placementConstraints?: CreateServiceInput['placementConstraints'];
    placementStrategy?: CreateServiceInput['placementStrategy'];
  } = { service: shown.serviceName };
  if (patch.desiredCount !== undefined && patch.desiredCount !== shown.desiredCount)
    input.desiredCount = patch.desiredCount;
  if (
    patch.placementConstraints !== undefined &&
    !same(shown.placementConstraints ?? [], patch.placementConstraints)
  )
    input.placementConstraints = patch.placementConstraints;
  if (
    patch.placementStrategy !== undefined &&
    !same(shown.placementStrategy ?? [], patch.placementStrategy)
  )
    input.placementStrategy = patch.placementStrategy;
  if (Object.keys(input).length === 1) return [];
  return [{ action: 'UpdateService', input: withCluster(shown.cluster, input) }];
}

/**
 * UpdateService with the service's whole new `loadBalancers` (an empty list takes it off
 * every load balancer, as ECS accepts); none when the list is the same. The engine
 * starts a deployment whose tasks register in the new target groups.
 */
export function loadBalancersCommand(
  shown: CreateServiceInput,
  loadBalancers: readonly ServiceLoadBalancer[],
): Command[] {
  if (same(shown.loadBalancers ?? [], loadBalancers)) return [];
  return [
    {
      action: 'UpdateService',
      input: withCluster(shown.cluster, {
        service: shown.serviceName,
        loadBalancers: [...loadBalancers],
      }),
    },
  ];
}

function chunks<T>(items: readonly T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

/** PutAttributes for new or changed custom attributes, DeleteAttributes for dropped ones. */
export function attributeCommands(
  shown: ContainerInstance,
  attributes: readonly CustomAttribute[],
): Command[] {
  const old = new Map(customAttributesOf(shown).map((a) => [a.name, a]));
  const targetId = shown.ec2InstanceId;
  const target = { targetType: 'container-instance' as const, targetId };
  const put = attributes.filter((a) => !same(old.get(a.name), a)).map((a) => ({ ...a, ...target }));
  const names = new Set(attributes.map((a) => a.name));
  const dropped = [...old.keys()]
    .filter((name) => !names.has(name))
    .map((name) => ({ name, ...target }));
  const commands: Command[] = [];
  for (const batch of chunks(put, ATTRIBUTES_PER_CALL))
    commands.push({
      action: 'PutAttributes',
      input: withCluster(shown.cluster, { attributes: batch }),
    });
  for (const batch of chunks(dropped, ATTRIBUTES_PER_CALL))
    commands.push({
      action: 'DeleteAttributes',
      input: withCluster(shown.cluster, { attributes: batch }),
    });
  return commands;
}

export function statusCommand(shown: ContainerInstance, status: InstanceStatus): Command[] {
  if ((shown.status ?? 'ACTIVE') === status) return [];
  return [
    {
      action: 'UpdateContainerInstancesState',
      input: withCluster(shown.cluster, { containerInstances: [shown.ec2InstanceId], status }),
    },
  ];
}

/** A new instance joins the running cluster as ECS's agent would register it. */
export function registerCommand(ci: ContainerInstance): Command {
  const input: Extract<Command, { action: 'RegisterContainerInstance' }>['input'] = {
    ec2InstanceId: ci.ec2InstanceId,
  };
  if (ci.instanceType !== undefined) input.instanceType = ci.instanceType;
  if (ci.availabilityZone !== undefined) input.availabilityZone = ci.availabilityZone;
  if (ci.attributes !== undefined) input.attributes = ci.attributes;
  return { action: 'RegisterContainerInstance', input: withCluster(ci.cluster, input) };
}

/** Taking an instance off a running cluster's canvas terminates it: its tasks stop and move. */
export function terminateCommand(ci: ContainerInstance): Command {
  return { action: 'TerminateInstance', input: { ec2InstanceId: ci.ec2InstanceId } };
}

/**
 * A changed task definition on a running cluster is what ECS users do: register the
 * family's next revision, then UpdateService to it, which starts a rolling deployment.
 */
export function deployCommands(
  shown: CreateServiceInput,
  next: RegisterTaskDefinitionInput,
): Command[] {
  const { family } = parseTaskDefinitionRef(shown.taskDefinition);
  return [
    { action: 'RegisterTaskDefinition', input: next },
    {
      action: 'UpdateService',
      input: withCluster(shown.cluster, { service: shown.serviceName, taskDefinition: family }),
    },
  ];
}

/** UpdateService to a revision already registered (`family:revision`): a deployment to it. */
export function revisionCommand(shown: CreateServiceInput, taskDefinition: string): Command[] {
  if (taskDefinition === shown.taskDefinition) return [];
  return [
    {
      action: 'UpdateService',
      input: withCluster(shown.cluster, { service: shown.serviceName, taskDefinition }),
    },
  ];
}

/** UpdateService with forceNewDeployment: every task replaced by one of the same revision. */
export function forceDeploymentCommand(shown: CreateServiceInput): Command[] {
  return [
    {
      action: 'UpdateService',
      input: withCluster(shown.cluster, { service: shown.serviceName, forceNewDeployment: true }),
    },
  ];
}

/** UpdateService with the new deployment configuration; none when it changes nothing. */
export function deploymentConfigCommand(
  shown: CreateServiceInput,
  config: DeploymentConfiguration,
): Command[] {
  const merged = { ...(shown.deploymentConfiguration ?? {}), ...config };
  if (same(shown.deploymentConfiguration ?? {}, merged)) return [];
  return [
    {
      action: 'UpdateService',
      input: withCluster(shown.cluster, {
        service: shown.serviceName,
        deploymentConfiguration: merged,
      }),
    },
  ];
}

/** A fault: the zone's instances are lost at once. */
export function failZoneCommand(availabilityZone: string, cluster?: string): Command[] {
  return [
    {
      action: 'FailAvailabilityZone',
      input: cluster === undefined ? { availabilityZone } : { cluster, availabilityZone },
    },
  ];
}

/** A fault: one healthy target of the group starts failing its health checks. */
export function failTargetCommand(targetGroupArn: string): Command[] {
  return [{ action: 'FailTargetHealth', input: { targetGroupArn, count: 1 } }];
}

/** StopTask on one task, as a person would from the console. */
export function stopTaskCommand(taskArn: string, cluster?: string): Command[] {
  return [
    {
      action: 'StopTask',
      input: withCluster(cluster, { task: taskArn, reason: 'Stopped from Berth (a fault)' }),
    },
  ];
}

/**
 * A CODE_DEPLOY service deploys through CodeDeploy: register the next revision, then
 * CreateDeployment on its deployment group with an AppSpec naming that revision.
 */
export function codeDeployCommands(
  design: DesignDocument,
  shown: CreateServiceInput,
  next: RegisterTaskDefinitionInput,
): Command[] {
  const group = design.codeDeploy?.deploymentGroups.find(
    (g) => g.ecsServices[0]?.serviceName === shown.serviceName,
  );
  const lb = shown.loadBalancers?.[0];
  if (!group || !lb) return [];
  const revision = design.taskDefinitions.filter((t) => t.family === next.family).length + 1;
  const appSpec = {
    version: 0.0,
    Resources: [
      {
        TargetService: {
          Type: 'AWS::ECS::Service',
          Properties: {
            TaskDefinition: `${next.family}:${revision}`,
            LoadBalancerInfo: { ContainerName: lb.containerName, ContainerPort: lb.containerPort },
          },
        },
      },
    ],
  };
  return [
    { action: 'RegisterTaskDefinition', input: next },
    {
      action: 'CreateDeployment',
      input: {
        applicationName: group.applicationName,
        deploymentGroupName: group.deploymentGroupName,
        revision: {
          revisionType: 'AppSpecContent',
          appSpecContent: { content: JSON.stringify(appSpec) },
        },
      },
    },
  ];
}
