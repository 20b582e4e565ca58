import { findCloudMapService, findNamespace } from './discovery-resolve';
import type { DesignDocument } from './document';
import { findLoadBalancer, findTargetGroup } from './elb-resolve';
import type { DesignIssue } from './issues';
import {
  availabilityZoneOf,
  clusterNameOf,
  resolveTaskDefinition,
  type TaskDefinitionRevision,
  taskDefinitionRevisions,
} from './resolve';
import { checkTaskDefinition } from './task-definition-rules';

/**
 * Script actions that name something the design does not have. These are warnings,
 * not refusals: ECS answers such a call with an error (ClusterNotFoundException,
 * ServiceNotFoundException, ...) and the engine reports it as the action's result,
 * exactly as it must for a command typed in while the simulation runs.
 */
export function checkScriptReferences(design: DesignDocument): DesignIssue[] {
  const issues: DesignIssue[] = [];
  const clusters = new Set(design.clusters.map((c) => c.clusterName));
  const designRevisions = taskDefinitionRevisions(design);
  const registers = design.script
    .map((a, index) => ({ a, index }))
    .filter(({ a }) => a.action === 'RegisterTaskDefinition');
  /** What is registered when action `i` runs: the design's, then the script's before it. */
  const revisionsAt = (i: number): TaskDefinitionRevision[] => {
    const at = design.script[i]?.at ?? 0;
    const before = registers
      .filter(({ a, index }) => a.at < at || (a.at === at && index < i))
      .sort((x, y) => x.a.at - y.a.at || x.index - y.index);
    if (before.length === 0) return designRevisions;
    return taskDefinitionRevisions({
      taskDefinitions: [
        ...design.taskDefinitions,
        ...before.map(({ a }) => a.input as (typeof design.taskDefinitions)[number]),
      ],
    });
  };
  const services = new Set(
    design.services.map((s) => `${clusterNameOf(design, s.cluster)}/${s.serviceName}`),
  );
  const instances = new Set(design.containerInstances.map((ci) => ci.ec2InstanceId));

  design.script.forEach((a, i) => {
    const at = `script[${i}].input`;
    const push = (field: string, message: string) =>
      issues.push({ path: `${at}.${field}`, message });
    const cluster = typeof a.input.cluster === 'string' ? a.input.cluster : undefined;
    const clusterName = clusterNameOf(design, cluster);
    const clusterKnown = clusters.has(clusterName);
    if (cluster !== undefined && !clusterKnown) {
      push('cluster', `cluster ${JSON.stringify(cluster)} is not in clusters`);
    }
    const revisions = revisionsAt(i);
    switch (a.action) {
      case 'RegisterTaskDefinition':
        for (const issue of checkTaskDefinition(a.input, at)) issues.push(issue);
        break;
      case 'UpdateService': {
        const name = a.input.service.startsWith('arn:')
          ? a.input.service.split('/').at(-1)
          : a.input.service;
        if (clusterKnown && !services.has(`${clusterName}/${name}`)) {
          push('service', `service ${a.input.service} is not in cluster ${clusterName}`);
        }
        const td = a.input.taskDefinition;
        if (td !== undefined && !resolveTaskDefinition(revisions, td)) {
          push('taskDefinition', `${td} is not registered in taskDefinitions`);
        }
        a.input.loadBalancers?.forEach((lb, j) => {
          if (lb.targetGroupArn !== undefined && !findTargetGroup(design, lb.targetGroupArn))
            push(
              `loadBalancers[${j}].targetGroupArn`,
              `${lb.targetGroupArn} is not in targetGroups`,
            );
          if (lb.loadBalancerName !== undefined && !findLoadBalancer(design, lb.loadBalancerName))
            push(
              `loadBalancers[${j}].loadBalancerName`,
              `${lb.loadBalancerName} is not in loadBalancers`,
            );
        });
        a.input.serviceRegistries?.forEach((r, j) => {
          if (!findCloudMapService(design, r.registryArn))
            push(
              `serviceRegistries[${j}].registryArn`,
              `${r.registryArn} is not in serviceDiscovery.services`,
            );
        });
        const ns = a.input.serviceConnectConfiguration?.namespace;
        if (ns !== undefined && !findNamespace(design, ns))
          push(
            'serviceConnectConfiguration.namespace',
            `${ns} is not in serviceDiscovery.namespaces`,
          );
        break;
      }
      case 'RunTask':
        if (!resolveTaskDefinition(revisions, a.input.taskDefinition)) {
          push('taskDefinition', `${a.input.taskDefinition} is not registered in taskDefinitions`);
        }
        break;
      case 'TerminateInstance':
        if (!instances.has(a.input.ec2InstanceId)) {
          push('ec2InstanceId', `${a.input.ec2InstanceId} is not in containerInstances`);
        }
        break;
      case 'UpdateContainerInstancesState':
        a.input.containerInstances.forEach((ref, j) => {
          if (ref.startsWith('i-') && !instances.has(ref)) {
            push(`containerInstances[${j}]`, `${ref} is not in containerInstances`);
          }
        });
        break;
      case 'PutAttributes':
      case 'DeleteAttributes':
        a.input.attributes.forEach((attr, j) => {
          if (attr.targetId.startsWith('i-') && !instances.has(attr.targetId)) {
            push(`attributes[${j}].targetId`, `${attr.targetId} is not in containerInstances`);
          }
        });
        break;
      case 'DeregisterContainerInstance':
        if (
          a.input.containerInstance.startsWith('i-') &&
          !instances.has(a.input.containerInstance)
        ) {
          push('containerInstance', `${a.input.containerInstance} is not in containerInstances`);
        }
        break;
      case 'RegisterContainerInstance':
        if (a.input.ec2InstanceId !== undefined) instances.add(a.input.ec2InstanceId);
        break;
      case 'FailAvailabilityZone':
        if (
          !design.containerInstances.some(
            (ci) => availabilityZoneOf(ci) === a.input.availabilityZone,
          )
        )
          push('availabilityZone', `no container instance is in ${a.input.availabilityZone}`);
        break;
      case 'FailRevision':
        if (!resolveTaskDefinition(revisions, a.input.taskDefinition))
          push('taskDefinition', `${a.input.taskDefinition} is not registered in taskDefinitions`);
        break;
      case 'FailTargetHealth':
        if (!findTargetGroup(design, a.input.targetGroupArn))
          push('targetGroupArn', `${a.input.targetGroupArn} is not in targetGroups`);
        break;
      case 'StopTask':
        // Task ids exist only once the simulation runs.
        break;
    }
  });
  return issues;
}
