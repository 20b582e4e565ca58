import { launchTypeRefusal, type UpdateServiceInput } from '../../design';
import type { EngineContext } from '../context';
import { setDesiredCount } from '../lifecycle/tallies';
import { describeService } from '../output/describe-service';
import { validatePlacementConstraints, validatePlacementStrategies } from '../placement';
import { serviceLaunchType } from '../scheduler/launch-type';
import { requestReconcile } from '../scheduler/request';
import { AwsError } from './errors';
import { clusterOf, serviceOf, taskDefinitionOf } from './lookup';

export function updateService(
  ctx: EngineContext,
  input: UpdateServiceInput,
): Record<string, unknown> {
  const clusterName = clusterOf(ctx, input.cluster);
  const service = serviceOf(ctx, clusterName, input.service);
  if (input.taskDefinition !== undefined) {
    const td = taskDefinitionOf(ctx, input.taskDefinition);
    // ECS checks the new definition against the service's launch type first.
    const refusal = launchTypeRefusal(td.input, serviceLaunchType(service));
    if (refusal) throw new AwsError('InvalidParameterException', refusal);
    if (td.arn !== service.taskDefinition.arn) {
      // Rolling and blue/green deployments are a later issue; say so rather than pretend.
      throw new AwsError(
        'InvalidParameterException',
        'Berth does not simulate deployments yet: change desiredCount, placement or register the service anew.',
      );
    }
  }
  const invalid =
    (input.placementConstraints === undefined
      ? undefined
      : validatePlacementConstraints([
          ...service.taskDefinition.placementConstraints,
          ...input.placementConstraints,
        ])) ??
    (input.placementStrategy === undefined
      ? undefined
      : validatePlacementStrategies(
          input.placementStrategy,
          service.schedulingStrategy === 'DAEMON' ? 'daemon' : 'service',
        ));
  if (invalid) throw new AwsError('InvalidParameterException', invalid);
  if (input.desiredCount !== undefined) {
    if (service.schedulingStrategy === 'DAEMON') {
      throw new AwsError(
        'InvalidParameterException',
        'The daemon scheduling strategy does not support a desired count for services.',
      );
    }
    setDesiredCount(ctx, service, input.desiredCount);
  }
  if (input.placementConstraints !== undefined)
    service.placementConstraints = input.placementConstraints;
  if (input.placementStrategy !== undefined) service.placementStrategy = input.placementStrategy;
  service.steady = false;
  ctx.out.dirtyServices.add(service.serviceName);
  requestReconcile(ctx, service.serviceName);
  return { service: describeService(ctx, service) };
}
