import {
  allAttributesOf,
  availabilityZoneOf,
  type ContainerInstance,
  clusterNameOf,
  type DesignDocument,
  instanceTypeOf,
  instanceTypeSpec,
  registeredGpuIdsOf,
  registeredResourcesOf,
} from '../../design';
import { type ArnScope, arns, stableHex } from '../ids';
import type { InstanceState } from './types';

/** The agent reserves these TCP ports by default on Linux (ecs-behavior §3.3). */
export const AGENT_RESERVED_TCP_PORTS = [22, 2375, 2376, 51678, 51679] as const;

/** Model: the agent version every instance reports unless the design says otherwise. */
export const DEFAULT_AGENT_VERSION = '1.89.0';

/**
 * awsvpc task slots: the guide's figure (ENIs - 1) without trunking; the trunk table where the instance
 * registered with trunking on (shown by the `ecs.awsvpc-trunk-id` attribute), §3.2.
 */
function eniLimitOf(instanceType: string, attributes: Record<string, string>): number {
  const spec = instanceTypeSpec(instanceType);
  if (!spec) return 0;
  if (attributes['ecs.awsvpc-trunk-id'] !== undefined && spec.trunkedTasks !== null) {
    return spec.trunkedTasks;
  }
  return spec.awsvpcTasks;
}

export function compileInstance(
  scope: ArnScope,
  design: Pick<DesignDocument, 'clusters'>,
  ci: ContainerInstance,
  registeredAtMs: number,
): InstanceState {
  const clusterName = clusterNameOf(design, ci.cluster);
  const resources = registeredResourcesOf(ci) ?? { cpu: 0, memoryMiB: 0 };
  const attributes = allAttributesOf(ci);
  const instanceType = instanceTypeOf(ci) ?? 'unknown';
  const gpuIds = registeredGpuIdsOf(ci);
  return {
    containerInstanceArn:
      ci.containerInstanceArn ??
      arns.containerInstance(scope, clusterName, stableHex(`${clusterName}/${ci.ec2InstanceId}`)),
    ec2InstanceId: ci.ec2InstanceId,
    clusterName,
    instanceType,
    availabilityZone: availabilityZoneOf(ci) ?? 'unknown',
    status: ci.status ?? 'ACTIVE',
    agentConnected: ci.agentConnected ?? true,
    agentVersion: ci.versionInfo?.agentVersion ?? DEFAULT_AGENT_VERSION,
    registeredAtMs,
    attributes,
    registeredCpu: resources.cpu,
    registeredMemoryMiB: resources.memoryMiB,
    remainingCpu: resources.cpu,
    remainingMemoryMiB: resources.memoryMiB,
    gpuIds,
    remainingGpus: gpuIds.length,
    eniLimit: eniLimitOf(instanceType, attributes),
    eniUsed: 0,
    reservedTcpPorts: new Set(AGENT_RESERVED_TCP_PORTS),
    reservedUdpPorts: new Set(),
    dynamicTcpPorts: new Set(),
    dynamicUdpPorts: new Set(),
    taskArns: new Set(),
    version: 1,
    source: ci,
  };
}
