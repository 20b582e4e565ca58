import type { DesignDocument, RegisterContainerInstanceInput } from '../../../design';
import { hex16 } from '../ids';
import { instanceKey, type Position } from '../instances';

/** The attribute an ECS Anywhere instance registers with (ecs-behavior §5): only EXTERNAL tasks go there. */
export const EXTERNAL_ATTRIBUTE = 'ecs.capability.external';

/** Model: an external instance has no Availability Zone; the engine puts it in this lane. */
export const ON_PREMISES = 'on-premises';

/**
 * Model: an on-premises server has no EC2 type to look its size up by, so it registers
 * its CPU and memory itself (RegisterContainerInstance `totalResources`): 4 vCPU, 8 GiB.
 */
export const EXTERNAL_CPU = 4096;
export const EXTERNAL_MEMORY_MIB = 8192;

/** Ids the design's instances and its script's registrations hold. */
function takenIds(design: DesignDocument): Set<string> {
  const registered = design.script.flatMap((a) =>
    a.action === 'RegisterContainerInstance' && a.input.ec2InstanceId !== undefined
      ? [a.input.ec2InstanceId]
      : [],
  );
  return new Set([...design.containerInstances.map((c) => c.ec2InstanceId), ...registered]);
}

/**
 * An id like freshInstanceId's, from its own key (`seed:external:n`): addInstance counts
 * only the design's instances, so the same key would give the next EC2 instance this id.
 */
function freshExternalId(design: DesignDocument): string {
  const taken = takenIds(design);
  for (let n = 0; ; n++) {
    const id = `i-0${hex16(`${design.seed}:external:${n}`)}`;
    if (!taken.has(id)) return id;
  }
}

/**
 * An on-premises server registered by hand (`aws ecs register-container-instance` after
 * `ecs-anywhere-install.sh`): RegisterContainerInstance with the external capability and
 * its own CPU and memory, no type, in the on-premises lane of `cluster`. It is an
 * operation, not a container instance of the design: the design's instances are EC2 ones
 * in the region's zones (the gate says so). `layout` holds its place on the canvas.
 */
export function registerExternalInstance(
  design: DesignDocument,
  position?: Position,
  cluster = design.clusters[0]?.clusterName ?? 'default',
): {
  input: RegisterContainerInstanceInput;
  layout: DesignDocument['layout'];
  ec2InstanceId: string;
} {
  const ec2InstanceId = freshExternalId(design);
  const input: RegisterContainerInstanceInput = {
    cluster,
    ec2InstanceId,
    availabilityZone: ON_PREMISES,
    totalResources: [
      { name: 'CPU', type: 'INTEGER', integerValue: EXTERNAL_CPU },
      { name: 'MEMORY', type: 'INTEGER', integerValue: EXTERNAL_MEMORY_MIB },
    ],
    attributes: [{ name: EXTERNAL_ATTRIBUTE }],
  };
  const layout = position
    ? { ...design.layout, [instanceKey(ec2InstanceId)]: position }
    : design.layout;
  return { input, layout, ec2InstanceId };
}

/** Before a run: the registration as the script's first moment, with its place on the canvas. */
export function addExternalInstance(
  design: DesignDocument,
  position?: Position,
  cluster?: string,
): { design: DesignDocument; ec2InstanceId: string } {
  const { input, layout, ec2InstanceId } = registerExternalInstance(design, position, cluster);
  return {
    design: {
      ...design,
      script: [...design.script, { at: 0, action: 'RegisterContainerInstance', input }],
      layout,
    },
    ec2InstanceId,
  };
}
