import {
  availabilityZoneOf,
  type ContainerInstance,
  type DesignDocument,
  instanceTypeOf,
} from '../../design';
import { freshInstanceId } from './ids';

export interface Position {
  x: number;
  y: number;
}

export const instanceKey = (id: string) => `instance:${id}`;

export function addInstance(
  design: DesignDocument,
  instanceType: string,
  availabilityZone: string,
  position?: Position,
  cluster = design.clusters[0]?.clusterName ?? 'default',
): { design: DesignDocument; ec2InstanceId: string } {
  const ec2InstanceId = freshInstanceId(design);
  const instance: ContainerInstance = {
    cluster,
    ec2InstanceId,
    instanceType,
    availabilityZone,
  };
  const layout = position
    ? { ...design.layout, [instanceKey(ec2InstanceId)]: position }
    : design.layout;
  return {
    design: { ...design, containerInstances: [...design.containerInstances, instance], layout },
    ec2InstanceId,
  };
}

/** Set a value in both spellings an instance may use: the shorthand and the ECS attribute. */
function withAttribute(ci: ContainerInstance, name: string, value: string): ContainerInstance {
  const attributes = ci.attributes?.map((a) => (a.name === name ? { ...a, value } : a));
  return attributes ? { ...ci, attributes } : ci;
}

export interface InstancePatch {
  instanceType?: string;
  availabilityZone?: string;
}

export function updateInstance(
  design: DesignDocument,
  id: string,
  patch: InstancePatch,
): DesignDocument {
  const containerInstances = design.containerInstances.map((ci) => {
    if (ci.ec2InstanceId !== id) return ci;
    let next = ci;
    if (patch.instanceType !== undefined && patch.instanceType !== instanceTypeOf(ci)) {
      next = withAttribute(
        { ...next, instanceType: patch.instanceType },
        'ecs.instance-type',
        patch.instanceType,
      );
      // Registered CPU and memory pasted for the old type would now lie: let the table speak.
      const kept = next.registeredResources?.filter((r) => r.name !== 'CPU' && r.name !== 'MEMORY');
      if (kept) next = { ...next, registeredResources: kept };
    }
    if (patch.availabilityZone !== undefined && patch.availabilityZone !== availabilityZoneOf(ci)) {
      next = withAttribute(
        { ...next, availabilityZone: patch.availabilityZone },
        'ecs.availability-zone',
        patch.availabilityZone,
      );
    }
    return next;
  });
  return { ...design, containerInstances };
}

export function removeInstance(design: DesignDocument, id: string): DesignDocument {
  const { [instanceKey(id)]: _dropped, ...layout } = design.layout;
  return {
    ...design,
    containerInstances: design.containerInstances.filter((ci) => ci.ec2InstanceId !== id),
    layout,
  };
}
