import type { RegisterTaskDefinitionInput } from './aws-shapes';

/** The launch types ECS knows (SDK3 `LaunchType`). */
export type LaunchType = 'EC2' | 'FARGATE' | 'EXTERNAL' | 'MANAGED_INSTANCES';

/**
 * What a task definition can run on. Model: with `requiresCompatibilities` given,
 * exactly those; without, EC2 and EXTERNAL, the `compatibilities` ECS reports for a
 * definition registered without it (observed in DescribeTaskDefinition output;
 * ecs-behavior.md is silent).
 */
export function supportedLaunchTypes(td: RegisterTaskDefinitionInput): readonly LaunchType[] {
  const required = td.requiresCompatibilities;
  return required && required.length > 0 ? required : ['EC2', 'EXTERNAL'];
}

/**
 * The launch type a CreateService / RunTask asks for: `launchType`, else a capacity
 * provider strategy of Fargate providers means FARGATE, else EC2. With neither, the
 * cluster's default strategy is used (§4.7): pass it as `clusterDefault`.
 */
export function requestedLaunchType(
  input: {
    launchType?: LaunchType | undefined;
    capacityProviderStrategy?: unknown;
  },
  clusterDefault?: unknown,
): LaunchType {
  if (input.launchType !== undefined) return input.launchType;
  const own = input.capacityProviderStrategy;
  const strategy = Array.isArray(own) && own.length > 0 ? own : clusterDefault;
  if (Array.isArray(strategy) && strategy.length > 0) {
    const fargate = strategy.every((item: unknown) => {
      const name = (item as { capacityProvider?: unknown } | null)?.capacityProvider;
      return name === 'FARGATE' || name === 'FARGATE_SPOT';
    });
    if (fargate) return 'FARGATE';
  }
  return 'EC2';
}

/**
 * ECS's answer when the task definition cannot run on the launch type:
 * `InvalidParameterException: Task definition does not support launch_type FARGATE.`
 * Model: the wording is the one captured from the CLI (aws/aws-cli#3983,
 * sil-org/ecs-deploy#134); the AWS docs do not print it.
 */
export function launchTypeRefusal(
  td: RegisterTaskDefinitionInput,
  launchType: LaunchType,
): string | undefined {
  return supportedLaunchTypes(td).includes(launchType)
    ? undefined
    : `Task definition does not support launch_type ${launchType}.`;
}
