import { instanceTypeSpec } from '../../design';
import { stableHex } from '../ids';
import type { InstanceState } from './types';

/**
 * With the awsvpcTrunking account setting on, an instance that registers from then on,
 * of a type that supports trunking, gets a trunk ENI and the trunked awsvpc task limit;
 * instances registered before keep theirs (ecs-behavior §3.2).
 */
export function applyTrunking(instance: InstanceState, trunkingEnabled: boolean): void {
  const spec = instanceTypeSpec(instance.instanceType);
  if (!trunkingEnabled || !spec || spec.trunkedTasks === null) return;
  if (instance.attributes['ecs.awsvpc-trunk-id'] === undefined) {
    instance.attributes['ecs.awsvpc-trunk-id'] =
      `eni-${stableHex(`trunk/${instance.ec2InstanceId}`, 17)}`;
  }
  instance.eniLimit = spec.trunkedTasks;
}
