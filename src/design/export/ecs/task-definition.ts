import type { RegisterTaskDefinitionInput } from '../../aws-shapes';

/**
 * Fields ECS prints in DescribeTaskDefinition but RegisterTaskDefinition refuses
 * ("Unknown parameter in input"): kept in the design as provenance, never exported.
 */
export const RESPONSE_ONLY_TASK_DEFINITION_FIELDS = [
  'taskDefinitionArn',
  'revision',
  'status',
  'requiresAttributes',
  'compatibilities',
  'registeredAt',
  'registeredBy',
  'deregisteredAt',
] as const;

/** What `aws ecs register-task-definition --cli-input-json` accepts for this task definition. */
export function registerTaskDefinitionInput(
  td: RegisterTaskDefinitionInput,
): RegisterTaskDefinitionInput {
  const out: Record<string, unknown> = { ...td };
  for (const field of RESPONSE_ONLY_TASK_DEFINITION_FIELDS) delete out[field];
  return out as RegisterTaskDefinitionInput;
}
