import { useMemo } from 'react';
import type { DesignDocument } from '../../design';
import type { InstanceView } from '../../engine';
import { useRunStore } from '../../store/run';

/**
 * An instance the run has that the design does not list: launched by an Auto Scaling
 * group (or registered by the engine itself). The canvas draws it in its lane while it
 * is registered; it cannot be edited, since nothing in the design describes it.
 */
export interface LiveInstance {
  ec2InstanceId: string;
  clusterName: string;
  instanceType: string;
  availabilityZone: string;
  registeredCpu: number;
  registeredMemoryMiB: number;
  status: 'ACTIVE' | 'DRAINING';
}

/** What decides the live instances' nodes; a frame that changes only their numbers keeps it. */
function liveKey(
  design: DesignDocument,
  instances: Readonly<Record<string, InstanceView>>,
): string {
  const listed = new Set(design.containerInstances.map((c) => c.ec2InstanceId));
  const keys: string[] = [];
  for (const [id, v] of Object.entries(instances)) {
    if (listed.has(id) || v.status === 'INACTIVE') continue;
    keys.push(`${id}|${v.clusterName}|${v.instanceType}|${v.availabilityZone}|${v.status}`);
  }
  return keys.sort().join('\n');
}

export function useLiveInstances(design: DesignDocument): readonly LiveInstance[] {
  const key = useRunStore((s) => liveKey(design, s.instances));
  return useMemo(() => {
    if (key === '') return [];
    const instances = useRunStore.getState().instances;
    return key.split('\n').map((line) => {
      const id = line.slice(0, line.indexOf('|'));
      const v = instances[id]!;
      return {
        ec2InstanceId: id,
        clusterName: v.clusterName,
        instanceType: v.instanceType,
        availabilityZone: v.availabilityZone,
        registeredCpu: v.registeredCpu,
        registeredMemoryMiB: v.registeredMemoryMiB,
        status: v.status === 'DRAINING' ? 'DRAINING' : 'ACTIVE',
      };
    });
  }, [key]);
}
