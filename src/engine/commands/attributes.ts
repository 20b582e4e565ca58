import type { AttributesInput } from '../../design';
import type { EngineContext } from '../context';
import { requestWaitingReconciles } from '../scheduler/request';
import { findInstance } from './container-instances';
import { AwsError } from './errors';
import { clusterOf } from './lookup';

/** Model: built-in attributes come from the instance; ECS does not let PutAttributes change them. */
function isBuiltIn(name: string): boolean {
  return name.startsWith('ecs.');
}

function changeAttributes(
  ctx: EngineContext,
  input: AttributesInput,
  put: boolean,
): Record<string, unknown> {
  const clusterName = clusterOf(ctx, input.cluster);
  const targets = input.attributes.map((a) => {
    const instance = findInstance(ctx, clusterName, a.targetId);
    if (!instance) throw new AwsError('TargetNotFoundException', `Could not find ${a.targetId}.`);
    if (isBuiltIn(a.name)) {
      throw new AwsError(
        'InvalidParameterException',
        `Attribute ${a.name} is reserved by Amazon ECS.`,
      );
    }
    return { a, instance };
  });
  for (const { a, instance } of targets) {
    if (put) instance.attributes[a.name] = a.value ?? '';
    else delete instance.attributes[a.name];
    instance.version++;
    ctx.out.dirtyInstances.add(instance.containerInstanceArn);
  }
  // Constraints may now hold (or no longer hold): waiting services and daemons look again.
  requestWaitingReconciles(ctx, clusterName);
  return {
    attributes: targets.map(({ a, instance }) => ({
      name: a.name,
      ...(a.value === undefined ? {} : { value: a.value }),
      targetType: 'container-instance',
      targetId: instance.containerInstanceArn,
    })),
  };
}

export function putAttributes(ctx: EngineContext, input: AttributesInput): Record<string, unknown> {
  return changeAttributes(ctx, input, true);
}

export function deleteAttributes(
  ctx: EngineContext,
  input: AttributesInput,
): Record<string, unknown> {
  return changeAttributes(ctx, input, false);
}
