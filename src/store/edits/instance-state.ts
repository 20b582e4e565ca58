import type { Attribute, ContainerInstance, DesignDocument } from '../../design';

export type InstanceStatus = 'ACTIVE' | 'DRAINING';

/** A custom attribute as PutAttributes takes it: a value is optional (an "exists" flag). */
export interface CustomAttribute {
  name: string;
  value?: string;
}

/** `ecs.*` attributes come from the instance itself; PutAttributes cannot change them. */
export function isBuiltInAttribute(name: string): boolean {
  return name.startsWith('ecs.');
}

export function statusOf(ci: ContainerInstance): InstanceStatus {
  return ci.status ?? 'ACTIVE';
}

export function customAttributesOf(ci: ContainerInstance): CustomAttribute[] {
  return (ci.attributes ?? [])
    .filter((a) => !isBuiltInAttribute(a.name))
    .map((a) => (a.value === undefined ? { name: a.name } : { name: a.name, value: a.value }));
}

function mapInstance(
  design: DesignDocument,
  id: string,
  change: (ci: ContainerInstance) => ContainerInstance,
): DesignDocument {
  return {
    ...design,
    containerInstances: design.containerInstances.map((ci) =>
      ci.ec2InstanceId === id ? change(ci) : ci,
    ),
  };
}

/** ACTIVE is the default, so it leaves no field: draining and back gives the same document. */
export function setInstanceStatus(
  design: DesignDocument,
  id: string,
  status: InstanceStatus,
): DesignDocument {
  return mapInstance(design, id, (ci) => {
    const { status: _old, ...rest } = ci;
    return status === 'ACTIVE' ? rest : { ...rest, status };
  });
}

/** Replace the custom attributes; built-in ones stay where they were. */
export function setCustomAttributes(
  design: DesignDocument,
  id: string,
  custom: readonly CustomAttribute[],
): DesignDocument {
  return mapInstance(design, id, (ci) => {
    const builtIn = (ci.attributes ?? []).filter((a) => isBuiltInAttribute(a.name));
    const attributes: Attribute[] = [
      ...builtIn,
      ...custom.map((a) => (a.value === undefined ? { name: a.name } : { ...a })),
    ];
    const { attributes: _old, ...rest } = ci;
    return attributes.length > 0 ? { ...rest, attributes } : rest;
  });
}
