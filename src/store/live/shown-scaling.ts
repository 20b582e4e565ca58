import type { AutoScalingGroup, DesignDocument, ScriptAction } from '../../design';
import {
  deleteScalingPolicy,
  deleteScheduledAction,
  putScalingPolicy,
  putScheduledAction,
  registerScalableTarget,
} from '../edits/autoscaling';
import { setClusterCapacityProviders, updateCapacityProvider } from '../edits/capacity';

/**
 * The capacity and service auto scaling operations of a run, folded into the design as
 * it stands then, so a form shows what the cluster runs with: a group's bounds after
 * UpdateAutoScalingGroup, a policy after PutScalingPolicy. `undefined`: not one of them.
 */
export function applyScalingEntry(
  design: DesignDocument,
  entry: ScriptAction,
): DesignDocument | undefined {
  switch (entry.action) {
    case 'UpdateAutoScalingGroup': {
      const { AutoScalingGroupName, MinSize, MaxSize, DesiredCapacity } = entry.input;
      const { NewInstancesProtectedFromScaleIn } = entry.input;
      const fields: Partial<AutoScalingGroup> = {};
      if (MinSize !== undefined) fields.MinSize = MinSize;
      if (MaxSize !== undefined) fields.MaxSize = MaxSize;
      if (DesiredCapacity !== undefined) fields.DesiredCapacity = DesiredCapacity;
      if (NewInstancesProtectedFromScaleIn !== undefined)
        fields.NewInstancesProtectedFromScaleIn = NewInstancesProtectedFromScaleIn;
      return patchGroup(design, AutoScalingGroupName, fields);
    }
    case 'SetDesiredCapacity':
      return patchGroup(design, entry.input.AutoScalingGroupName, {
        DesiredCapacity: entry.input.DesiredCapacity,
      });
    case 'UpdateCapacityProvider': {
      const { managedScaling, managedTerminationProtection } = entry.input.autoScalingGroupProvider;
      const patch: Parameters<typeof updateCapacityProvider>[2] = {};
      if (managedScaling) patch.managedScaling = managedScaling;
      if (managedTerminationProtection)
        patch.managedTerminationProtection = managedTerminationProtection;
      return updateCapacityProvider(design, entry.input.name, patch);
    }
    case 'PutClusterCapacityProviders':
      return setClusterCapacityProviders(
        design,
        entry.input.cluster,
        entry.input.capacityProviders,
        entry.input.defaultCapacityProviderStrategy,
      );
    case 'CreateCapacityProvider':
      if ((design.capacityProviders ?? []).some((p) => p.name === entry.input.name)) return design;
      return { ...design, capacityProviders: [...(design.capacityProviders ?? []), entry.input] };
    case 'RegisterScalableTarget':
      return registerScalableTarget(design, entry.input);
    case 'PutScalingPolicy':
      return putScalingPolicy(design, entry.input);
    case 'DeleteScalingPolicy':
      return deleteScalingPolicy(design, entry.input.ResourceId, entry.input.PolicyName);
    case 'PutScheduledAction':
      return putScheduledAction(design, entry.input);
    case 'DeleteScheduledAction':
      return deleteScheduledAction(design, entry.input.ResourceId, entry.input.ScheduledActionName);
    default:
      return undefined;
  }
}

function patchGroup(
  design: DesignDocument,
  name: string,
  fields: Partial<AutoScalingGroup>,
): DesignDocument {
  return {
    ...design,
    autoScalingGroups: (design.autoScalingGroups ?? []).map((g) =>
      g.AutoScalingGroupName === name ? { ...g, ...fields } : g,
    ),
  };
}
