import { checkAcceleratorRules } from './accelerator-rules';
import { checkAutoscaling } from './autoscaling-references';
import type { ContainerInstance, CreateServiceInput } from './aws-shapes';
import { checkCapacity } from './capacity-references';
import { checkDiscovery } from './discovery-references';
import type { DesignDocument } from './document';
import { checkLoadBalancing } from './elb-references';
import { closestInstanceType } from './instance-search';
import type { DesignIssue } from './issues';
import { requestedLaunchType, supportedLaunchTypes } from './launch-types';
import {
  attributeValue,
  availabilityZoneOf,
  clusterNameOf,
  instanceTypeOf,
  registeredResourcesOf,
  resolveTaskDefinition,
  scriptedTaskDefinitionRevisions,
  type TaskDefinitionRevision,
  taskDefinitionRefOf,
  taskDefinitionRevisions,
} from './resolve';
import { checkTaskDefinition } from './task-definition-rules';

type Push = (path: string, message: string) => void;

function checkClusters(design: DesignDocument, push: Push): void {
  const seen = new Set<string>();
  design.clusters.forEach((c, i) => {
    if (seen.has(c.clusterName))
      push(`clusters[${i}].clusterName`, `${c.clusterName} appears twice`);
    seen.add(c.clusterName);
  });
}

/** A shorthand and its attribute may both be given, but must then agree. */
function checkShorthand(
  ci: ContainerInstance,
  path: string,
  field: 'instanceType' | 'availabilityZone',
  attribute: string,
  push: Push,
): void {
  const short = ci[field];
  const long = attributeValue(ci, attribute);
  if (short !== undefined && long !== undefined && short !== long) {
    push(path, `${short} disagrees with attribute ${attribute} ${long}`);
  }
}

function checkInstances(design: DesignDocument, push: Push, checkCluster: Push): void {
  const ids = new Set<string>();
  design.containerInstances.forEach((ci, i) => {
    const at = `containerInstances[${i}]`;
    if (ids.has(ci.ec2InstanceId)) push(`${at}.ec2InstanceId`, `${ci.ec2InstanceId} appears twice`);
    ids.add(ci.ec2InstanceId);
    if (ci.cluster !== undefined) checkCluster(`${at}.cluster`, ci.cluster);

    checkShorthand(ci, `${at}.instanceType`, 'instanceType', 'ecs.instance-type', push);
    checkShorthand(ci, `${at}.availabilityZone`, 'availabilityZone', 'ecs.availability-zone', push);
    const az = availabilityZoneOf(ci);
    if (!az) {
      push(`${at}.attributes`, 'needs ecs.availability-zone (or the availabilityZone shorthand)');
    } else if (
      !az.startsWith(design.region) &&
      // An on-premises instance registered by hand has no AWS zone (launch type EXTERNAL).
      !(az === 'on-premises' && ci.attributes?.some((a) => a.name === 'ecs.capability.external'))
    ) {
      const field = ci.availabilityZone === undefined ? 'attributes' : 'availabilityZone';
      push(`${at}.${field}`, `${az} is not in region ${design.region}`);
    }

    if (!registeredResourcesOf(ci)) {
      const type = instanceTypeOf(ci);
      push(
        `${at}.registeredResources`,
        type
          ? unknownTypeMessage(type)
          : 'needs ecs.instance-type (or instanceType), or CPU and MEMORY registeredResources',
      );
    }
  });
}

function unknownTypeMessage(type: string): string {
  const near = closestInstanceType(type);
  return `instance type ${type} is not an EC2 instance type Berth knows${near ? ` (did you mean ${near}?)` : ''}: check the name, or give CPU and MEMORY registeredResources`;
}

/** CreateService refuses a launch type the task definition does not support (InvalidParameterException). */
function checkLaunchType(
  design: DesignDocument,
  s: CreateServiceInput,
  at: string,
  revision: TaskDefinitionRevision,
  push: Push,
): void {
  // Neither launchType nor a strategy: the cluster's default strategy decides (§4.7).
  const cluster = design.clusters.find((c) => c.clusterName === clusterNameOf(design, s.cluster));
  const launchType = requestedLaunchType(s, cluster?.defaultCapacityProviderStrategy);
  if (s.schedulingStrategy === 'DAEMON' && launchType === 'FARGATE') {
    // The daemon strategy runs one task per container instance; Fargate has none (§7.1).
    push(`${at}.launchType`, 'FARGATE is not supported with the DAEMON scheduling strategy');
    return;
  }
  if (supportedLaunchTypes(revision.input).includes(launchType)) return;
  const why = `requiresCompatibilities is ${JSON.stringify(revision.input.requiresCompatibilities ?? [])}`;
  push(
    `${at}.launchType`,
    `task definition ${taskDefinitionRefOf(revision)} does not support launch type ${launchType} (${s.launchType === undefined ? `the default without launchType; ${why}` : why})`,
  );
}

function checkServices(
  design: DesignDocument,
  revisions: readonly TaskDefinitionRevision[],
  push: Push,
  checkCluster: Push,
): void {
  const names = new Set<string>();
  design.services.forEach((s, i) => {
    const at = `services[${i}]`;
    // Model: ECS needs a name unique within its cluster only; Berth (the engine, the
    // store and the canvas) names a service by serviceName alone, so it must be unique.
    if (names.has(s.serviceName)) {
      push(
        `${at}.serviceName`,
        `${s.serviceName} appears twice (Berth needs unique service names)`,
      );
    }
    names.add(s.serviceName);
    if (s.cluster !== undefined) checkCluster(`${at}.cluster`, s.cluster);
    const revision = resolveTaskDefinition(revisions, s.taskDefinition);
    if (!revision) {
      push(`${at}.taskDefinition`, `${s.taskDefinition} is not registered in taskDefinitions`);
    } else {
      checkLaunchType(design, s, at, revision, push);
    }
    const strategy = s.schedulingStrategy ?? 'REPLICA';
    if (strategy === 'REPLICA' && s.desiredCount === undefined) {
      push(`${at}.desiredCount`, 'is required for a REPLICA service');
    }
    if (strategy === 'DAEMON' && (s.placementStrategy?.length ?? 0) > 0) {
      push(`${at}.placementStrategy`, 'is not supported with the DAEMON scheduling strategy');
    }
    // CreateService refuses these bounds (InvalidParameterException), as UpdateService does.
    const config = s.deploymentConfiguration;
    const min = config?.minimumHealthyPercent ?? (strategy === 'DAEMON' ? 0 : 100);
    const max = config?.maximumPercent ?? (strategy === 'DAEMON' ? 100 : 200);
    if (strategy === 'DAEMON' && max !== 100) {
      push(
        `${at}.deploymentConfiguration.maximumPercent`,
        'must be 100 for a service with the DAEMON scheduling strategy',
      );
    } else if (min > max) {
      push(
        `${at}.deploymentConfiguration.minimumHealthyPercent`,
        `must be at most maximumPercent (${max})`,
      );
    }
  });
}

function checkWorkloads(
  design: DesignDocument,
  revisions: readonly TaskDefinitionRevision[],
  push: Push,
): void {
  const seen = new Set<string>();
  design.workloads.forEach((w, i) => {
    const at = `workloads[${i}]`;
    const key = w.revision === undefined ? w.family : `${w.family}:${w.revision}`;
    if (seen.has(key)) push(`${at}.family`, `a workload for ${key} appears twice`);
    seen.add(key);
    if (!revisions.some((r) => r.family === w.family)) {
      push(`${at}.family`, `${w.family} is not a family in taskDefinitions`);
    } else if (
      w.revision !== undefined &&
      !resolveTaskDefinition(revisions, `${w.family}:${w.revision}`)
    ) {
      push(`${at}.revision`, `${w.family}:${w.revision} is not registered in taskDefinitions`);
    }
  });
}

/**
 * What a schema cannot see: names that must point at something in the same design,
 * and the rules ECS applies when it registers a task definition. A design with any
 * of these is refused.
 */
export function checkReferences(design: DesignDocument): DesignIssue[] {
  const issues: DesignIssue[] = [];
  const push: Push = (path, message) => issues.push({ path, message });
  const clusters = new Set(design.clusters.map((c) => c.clusterName));
  const checkCluster: Push = (path, ref) => {
    if (!clusters.has(clusterNameOf(design, ref)))
      push(path, `cluster ${JSON.stringify(ref)} is not in clusters`);
  };
  const revisions = taskDefinitionRevisions(design);

  checkClusters(design, push);
  checkInstances(design, push, checkCluster);
  design.taskDefinitions.forEach((td, i) => {
    issues.push(...checkTaskDefinition(td, `taskDefinitions[${i}]`));
    issues.push(...checkAcceleratorRules(td, `taskDefinitions[${i}]`));
  });
  checkServices(design, revisions, push, checkCluster);
  checkLoadBalancing(design, revisions, push);
  checkDiscovery(design, revisions, push);
  checkCapacity(design, push);
  checkAutoscaling(design, push);
  // A workload may describe a revision the script registers (a bad image to deploy).
  checkWorkloads(design, scriptedTaskDefinitionRevisions(design), push);
  return issues;
}
