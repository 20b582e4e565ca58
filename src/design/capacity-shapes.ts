import { z } from 'zod';
import { CapacityProviderStrategy } from './aws-shapes';
import { at } from './script-time';

/**
 * Auto Scaling groups, launch templates, capacity providers, Fargate and Spot (ecs-behavior §6, §13): the design's fields, the script actions and the commands they make.
 * design/document.ts spreads `CapacityDesignFields` into the document, and
 * design/script.ts adds `capacityScriptActions` to the script's actions.
 */

const nonEmpty = z.string().min(1, 'must not be empty');
const count = (what: string) => z.number().int().min(0, `${what} must be 0 or more`);
const range = (min: number, max: number) =>
  z.number().int().min(min, `must be ${min}-${max}`).max(max, `must be ${min}-${max}`);

/** A launch template an Auto Scaling group names (EC2 LaunchTemplateSpecification). */
export const LaunchTemplateSpecification = z
  .looseObject({
    LaunchTemplateId: nonEmpty.optional(),
    LaunchTemplateName: nonEmpty.optional(),
    /** `$Default`, `$Latest` or a number; Berth keeps one version per template. */
    Version: z.string().optional(),
  })
  .refine((s) => (s.LaunchTemplateId === undefined) !== (s.LaunchTemplateName === undefined), {
    message: 'needs LaunchTemplateName or LaunchTemplateId (one of them)',
  });
export type LaunchTemplateSpecification = z.infer<typeof LaunchTemplateSpecification>;

/** CreateLaunchTemplate input (EC2), as the AWS CLI takes it. */
export const LaunchTemplate = z.looseObject({
  LaunchTemplateName: z
    .string()
    .regex(/^[a-zA-Z0-9().\-/_]{3,128}$/, 'must be 3-128 letters, digits or ( ) . - / _'),
  /** EC2 assigns it (`lt-` and 17 hex digits); give it to let groups name the template by id. */
  LaunchTemplateId: z
    .string()
    .regex(/^lt-[0-9a-f]{17}$/, 'must look like lt-0123456789abcdef0')
    .optional(),
  LaunchTemplateData: z.looseObject({
    InstanceType: z.string().optional(),
    ImageId: z.string().optional(),
    /**
     * The script the instance runs at boot, base64 as EC2 takes it (plain text is read
     * too): its `ECS_CLUSTER=<name>` line says which cluster the agent registers in.
     */
    UserData: z.string().optional(),
    InstanceMarketOptions: z
      .looseObject({ MarketType: z.enum(['spot', 'capacity-block']) })
      .optional(),
  }),
});
export type LaunchTemplate = z.infer<typeof LaunchTemplate>;

/** CreateAutoScalingGroup input (EC2 Auto Scaling), plus Berth's `bootSeconds`. */
export const AutoScalingGroup = z
  .looseObject({
    AutoScalingGroupName: z.string().regex(/^[^:]{1,255}$/, 'must be 1-255 characters, no colon'),
    MinSize: count('MinSize'),
    MaxSize: count('MaxSize'),
    DesiredCapacity: count('DesiredCapacity').optional(),
    LaunchTemplate: LaunchTemplateSpecification.optional(),
    MixedInstancesPolicy: z
      .looseObject({
        LaunchTemplate: z.looseObject({
          LaunchTemplateSpecification,
          Overrides: z
            .array(
              z.looseObject({
                InstanceType: z.string().optional(),
                WeightedCapacity: z.string().optional(),
              }),
            )
            .optional(),
        }),
        InstancesDistribution: z.looseObject({}).optional(),
      })
      .optional(),
    /** Subnet ids, comma-separated, as the API takes them. */
    VPCZoneIdentifier: z.string().optional(),
    AvailabilityZones: z.array(nonEmpty).optional(),
    NewInstancesProtectedFromScaleIn: z.boolean().optional(),
    DefaultCooldown: z.number().int().min(0).optional(),
    /** Berth's own: seconds from launch until the ECS agent registers the instance (Model: 60). */
    bootSeconds: z.number().min(0).max(3600, 'must be 0-3600 seconds').optional(),
  })
  .refine((g) => g.MinSize <= g.MaxSize, {
    path: ['MaxSize'],
    message: 'must be at least MinSize',
  })
  .superRefine((g, ctx) => {
    const desired = g.DesiredCapacity;
    if (desired === undefined || (desired >= g.MinSize && desired <= g.MaxSize)) return;
    ctx.addIssue({
      code: 'custom',
      path: ['DesiredCapacity'],
      message: `Desired capacity:${desired} must be between the specified min size:${g.MinSize} and max size:${g.MaxSize}`,
    });
  })
  .refine((g) => (g.LaunchTemplate === undefined) !== (g.MixedInstancesPolicy === undefined), {
    message: 'needs LaunchTemplate or MixedInstancesPolicy (one of them)',
  })
  .refine((g) => g.VPCZoneIdentifier !== undefined || (g.AvailabilityZones?.length ?? 0) > 0, {
    message: 'needs VPCZoneIdentifier or AvailabilityZones',
  });
export type AutoScalingGroup = z.infer<typeof AutoScalingGroup>;

/** ManagedScaling (ecs-behavior §13.2): ranges as the API takes them. */
export const ManagedScaling = z.looseObject({
  status: z.enum(['ENABLED', 'DISABLED']).optional(),
  targetCapacity: range(1, 100).optional(),
  minimumScalingStepSize: range(1, 10000).optional(),
  maximumScalingStepSize: range(1, 10000).optional(),
  instanceWarmupPeriod: range(0, 10000).optional(),
});
export type ManagedScaling = z.infer<typeof ManagedScaling>;

/** The defaults of §13.2 (the current API: maximumScalingStepSize 10000). */
export const MANAGED_SCALING_DEFAULTS = {
  targetCapacity: 100,
  minimumScalingStepSize: 1,
  maximumScalingStepSize: 10000,
  instanceWarmupPeriod: 300,
} as const;

const AutoScalingGroupProvider = z.looseObject({
  /** The group's ARN, or (as ECS also accepts) its name. */
  autoScalingGroupArn: nonEmpty,
  managedScaling: ManagedScaling.optional(),
  managedTerminationProtection: z.enum(['ENABLED', 'DISABLED']).optional(),
  managedDraining: z.enum(['ENABLED', 'DISABLED']).optional(),
});

/** CreateCapacityProvider input (ECS). */
export const CapacityProvider = z
  .looseObject({
    name: z.string().regex(/^[a-zA-Z0-9_-]{1,255}$/, 'must be 1-255 letters, digits, - or _'),
    autoScalingGroupProvider: AutoScalingGroupProvider,
  })
  .refine((p) => !/^(aws|ecs|fargate)/i.test(p.name), {
    path: ['name'],
    message: "The name can't be prefixed with 'aws', 'ecs', or 'fargate'.",
  });
export type CapacityProvider = z.infer<typeof CapacityProvider>;

/** Berth's own: how Fargate capacity behaves (ecs-behavior §6). */
export const FargateSettings = z.looseObject({
  /** PROVISIONING time of a Fargate task: capacity found and its ENI attached (Model: 15 s). */
  provisioningSeconds: z.number().min(0).max(600, 'must be 0-600 seconds').optional(),
  /** Spot interruptions per RUNNING FARGATE_SPOT task per hour, drawn from the seed (Model: 0). */
  spotInterruptionsPerHour: z.number().min(0).max(60, 'must be 0-60 per hour').optional(),
});
export type FargateSettings = z.infer<typeof FargateSettings>;

export const CapacityDesignFields = {
  /** CreateLaunchTemplate inputs. */
  launchTemplates: z.array(LaunchTemplate).optional(),
  /** CreateAutoScalingGroup inputs. */
  autoScalingGroups: z.array(AutoScalingGroup).optional(),
  /** CreateCapacityProvider inputs (FARGATE and FARGATE_SPOT are predefined). */
  capacityProviders: z.array(CapacityProvider).optional(),
  fargate: FargateSettings.optional(),
} satisfies Record<string, z.ZodType>;

/** A fault: Fargate reclaims `count` of a service's FARGATE_SPOT tasks (§6.2; Berth's own action). */
export const InterruptSpotTaskInput = z.looseObject({
  cluster: z.string().optional(),
  service: nonEmpty,
  count: z.number().int().min(1).optional(),
});
export type InterruptSpotTaskInput = z.infer<typeof InterruptSpotTaskInput>;

/** SetDesiredCapacity input (EC2 Auto Scaling). */
export const SetDesiredCapacityInput = z.looseObject({
  AutoScalingGroupName: nonEmpty,
  DesiredCapacity: count('DesiredCapacity'),
  HonorCooldown: z.boolean().optional(),
});
export type SetDesiredCapacityInput = z.infer<typeof SetDesiredCapacityInput>;

/** UpdateAutoScalingGroup input (EC2 Auto Scaling): the fields Berth plays. */
export const UpdateAutoScalingGroupInput = z.looseObject({
  AutoScalingGroupName: nonEmpty,
  MinSize: count('MinSize').optional(),
  MaxSize: count('MaxSize').optional(),
  DesiredCapacity: count('DesiredCapacity').optional(),
  NewInstancesProtectedFromScaleIn: z.boolean().optional(),
});
export type UpdateAutoScalingGroupInput = z.infer<typeof UpdateAutoScalingGroupInput>;

/** SetInstanceProtection input (EC2 Auto Scaling). */
export const SetInstanceProtectionInput = z.looseObject({
  AutoScalingGroupName: nonEmpty,
  InstanceIds: z.array(nonEmpty).min(1).max(50),
  ProtectedFromScaleIn: z.boolean(),
});
export type SetInstanceProtectionInput = z.infer<typeof SetInstanceProtectionInput>;

/** PutClusterCapacityProviders input (ECS): both lists are required, as in the API. */
export const PutClusterCapacityProvidersInput = z.looseObject({
  cluster: nonEmpty,
  capacityProviders: z.array(nonEmpty).max(20, 'allows at most 20'),
  defaultCapacityProviderStrategy: CapacityProviderStrategy,
});
export type PutClusterCapacityProvidersInput = z.infer<typeof PutClusterCapacityProvidersInput>;

/** UpdateCapacityProvider input (ECS). */
export const UpdateCapacityProviderInput = z.looseObject({
  name: nonEmpty,
  autoScalingGroupProvider: z.looseObject({
    managedScaling: ManagedScaling.optional(),
    managedTerminationProtection: z.enum(['ENABLED', 'DISABLED']).optional(),
    managedDraining: z.enum(['ENABLED', 'DISABLED']).optional(),
  }),
});
export type UpdateCapacityProviderInput = z.infer<typeof UpdateCapacityProviderInput>;

export const capacityScriptActions = [
  z.looseObject({ at, action: z.literal('InterruptSpotTask'), input: InterruptSpotTaskInput }),
  z.looseObject({ at, action: z.literal('SetDesiredCapacity'), input: SetDesiredCapacityInput }),
  z.looseObject({
    at,
    action: z.literal('UpdateAutoScalingGroup'),
    input: UpdateAutoScalingGroupInput,
  }),
  z.looseObject({
    at,
    action: z.literal('SetInstanceProtection'),
    input: SetInstanceProtectionInput,
  }),
  z.looseObject({
    at,
    action: z.literal('PutClusterCapacityProviders'),
    input: PutClusterCapacityProvidersInput,
  }),
  z.looseObject({ at, action: z.literal('CreateCapacityProvider'), input: CapacityProvider }),
  z.looseObject({
    at,
    action: z.literal('UpdateCapacityProvider'),
    input: UpdateCapacityProviderInput,
  }),
] as const;

/** The commands of these actions, as engine/commands takes them. */
export type CapacityCommand =
  | { action: 'InterruptSpotTask'; input: InterruptSpotTaskInput }
  | { action: 'SetDesiredCapacity'; input: SetDesiredCapacityInput }
  | { action: 'UpdateAutoScalingGroup'; input: UpdateAutoScalingGroupInput }
  | { action: 'SetInstanceProtection'; input: SetInstanceProtectionInput }
  | { action: 'PutClusterCapacityProviders'; input: PutClusterCapacityProvidersInput }
  | { action: 'CreateCapacityProvider'; input: CapacityProvider }
  | { action: 'UpdateCapacityProvider'; input: UpdateCapacityProviderInput };

export const CAPACITY_ACTIONS: ReadonlySet<string> = new Set<string>(
  capacityScriptActions.map((a) => a.shape.action.value),
);

export function isCapacityCommand(command: { action: string }): command is CapacityCommand {
  return CAPACITY_ACTIONS.has(command.action);
}
