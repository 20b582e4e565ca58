import type { CreateDeploymentInput } from '../../design';
import type { EngineContext } from '../context';
import { appSpecOf, deploymentGroupFor, hooksOf, planOfConfig } from '../deployment/codedeploy';
import { primaryOf, startDeployment } from '../deployment/deployments';
import { requestReconcile } from '../scheduler/request';
import { AwsError } from './errors';
import { taskDefinitionOf } from './lookup';

/** CodeDeploy's deployment ids: `d-` and nine upper-case letters and digits. */
function codeDeployId(ctx: EngineContext): string {
  const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789';
  let id = 'd-';
  for (let i = 0; i < 9; i++) id += alphabet[ctx.rng.deployments.nextInt(alphabet.length)];
  return id;
}

/** CreateDeployment (CodeDeploy, ecs-behavior §10): a blue/green deployment of the AppSpec's revision. */
export function createDeployment(
  ctx: EngineContext,
  input: CreateDeploymentInput,
): Record<string, unknown> {
  const group = deploymentGroupFor(ctx.design, input.applicationName, input.deploymentGroupName);
  if (!group) {
    throw new AwsError(
      'DeploymentGroupDoesNotExistException',
      `No Deployment Group found for name: ${input.deploymentGroupName}`,
    );
  }
  const serviceName = group.ecsServices[0]?.serviceName ?? '';
  const service = ctx.services.get(serviceName);
  if (service?.deploymentController !== 'CODE_DEPLOY') {
    throw new AwsError(
      'InvalidECSServiceException',
      `The ECS service ${serviceName} does not use the CODE_DEPLOY deployment controller.`,
    );
  }
  if (primaryOf(service).rolloutState === 'IN_PROGRESS' && service.deployments.length > 1) {
    throw new AwsError(
      'DeploymentLimitExceededException',
      `The Deployment Group ${group.deploymentGroupName} already has an active Deployment.`,
    );
  }
  const read = appSpecOf(input);
  if ('error' in read) throw new AwsError('InvalidRevisionException', `The AppSpec ${read.error}.`);
  const spec = read.spec;
  const td = taskDefinitionOf(
    ctx,
    spec.Resources[0]?.TargetService.Properties.TaskDefinition ?? '',
  );
  const configName =
    input.deploymentConfigName ?? group.deploymentConfigName ?? 'CodeDeployDefault.ECSAllAtOnce';
  const waitMin =
    group.blueGreenDeploymentConfiguration?.terminateBlueInstancesOnDeploymentSuccess
      ?.terminationWaitTimeInMinutes ?? 0;
  const plan = planOfConfig(ctx.design, configName, waitMin * 60_000);
  if (!plan) {
    throw new AwsError(
      'DeploymentConfigDoesNotExistException',
      `The deployment configuration ${configName} does not exist.`,
    );
  }
  const id = codeDeployId(ctx);
  startDeployment(ctx, service, td, undefined, {
    plan,
    id,
    hooks: hooksOf(spec),
    autoRollback: group.autoRollbackConfiguration?.enabled ?? false,
  });
  requestReconcile(ctx, service.serviceName);
  return { deploymentId: id };
}
