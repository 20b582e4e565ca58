import { checkTaskDefinition, type RegisterTaskDefinitionInput } from '../../design';
import { INVALID_FARGATE_CPU } from '../../design/task-definition-rules';
import type { EngineContext } from '../context';
import { compileTaskDefinition } from '../model/task-definition';
import { AwsError } from './errors';

/** RegisterTaskDefinition: the family's next revision, ACTIVE at once (§17). */
export function registerTaskDefinition(
  ctx: EngineContext,
  input: RegisterTaskDefinitionInput,
): Record<string, unknown> {
  const [issue] = checkTaskDefinition(input, 'taskDefinition');
  // A size Fargate does not have is refused in ECS's own words (§6.1).
  if (issue?.message.startsWith(INVALID_FARGATE_CPU))
    throw new AwsError('ClientException', INVALID_FARGATE_CPU);
  if (issue) throw new AwsError('ClientException', `${issue.path} ${issue.message}`);
  let revision = 1;
  for (const td of ctx.taskDefinitions) {
    if (td.family === input.family && td.revision >= revision) revision = td.revision + 1;
  }
  const model = compileTaskDefinition(ctx, { family: input.family, revision, input });
  ctx.taskDefinitions.push(model);
  return {
    taskDefinition: {
      ...input,
      taskDefinitionArn: model.arn,
      revision,
      status: 'ACTIVE',
      registeredAt: new Date(ctx.startEpochMs + ctx.nowMs).toISOString(),
    },
  };
}
