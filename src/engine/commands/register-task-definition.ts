import { checkTaskDefinition, type RegisterTaskDefinitionInput } from '../../design';
import type { EngineContext } from '../context';
import { compileTaskDefinition } from '../model/task-definition';
import { AwsError } from './errors';

/** RegisterTaskDefinition: the family's next revision, ACTIVE at once (§17). */
export function registerTaskDefinition(
  ctx: EngineContext,
  input: RegisterTaskDefinitionInput,
): Record<string, unknown> {
  const [issue] = checkTaskDefinition(input, 'taskDefinition');
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
