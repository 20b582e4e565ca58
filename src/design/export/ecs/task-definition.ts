import { TASK_DEFINITION_RESPONSE_ONLY } from '../../aws-model/ecs.generated';
import { pruneToModel } from '../../aws-model/walk';
import type { RegisterTaskDefinitionInput } from '../../aws-shapes';
import { tagListOf, withoutNulls } from '../../import/ecs/normalize';
import { taskSizeUnits } from '../../import/ecs/units';

/**
 * Fields ECS prints in DescribeTaskDefinition but RegisterTaskDefinition refuses
 * ("Unknown parameter in input"): kept in the design as provenance, never exported.
 * From the SDK's model: the TaskDefinition structure's members that
 * RegisterTaskDefinitionRequest lacks.
 */
export const RESPONSE_ONLY_TASK_DEFINITION_FIELDS = TASK_DEFINITION_RESPONSE_ONLY;

/**
 * What `aws ecs register-task-definition --cli-input-json` accepts for this task
 * definition: provenance and every field the API does not have removed at any depth
 * (walking AWS's model), nulls dropped, task `cpu` and `memory` as ECS stores them, and
 * `tags` as AWS's list. Importing it again and exporting gives the same object.
 */
export function registerTaskDefinitionInput(
  td: RegisterTaskDefinitionInput,
): RegisterTaskDefinitionInput {
  const out = withoutNulls(td) as Record<string, unknown>;
  for (const field of RESPONSE_ONLY_TASK_DEFINITION_FIELDS) delete out[field];
  for (const field of ['cpu', 'memory'] as const) {
    const units = out[field] === undefined ? undefined : taskSizeUnits(field, out[field]);
    if (units !== undefined) out[field] = units;
  }
  if (out.tags !== undefined && !Array.isArray(out.tags)) {
    const list = tagListOf(out.tags);
    if (list) out.tags = list;
    else delete out.tags;
  }
  return pruneToModel(out, 'RegisterTaskDefinitionRequest') as RegisterTaskDefinitionInput;
}
