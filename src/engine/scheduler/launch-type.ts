import { type LaunchType, requestedLaunchType } from '../../design';
import type { EngineContext } from '../context';
import type { ServiceState } from '../model/types';
import type { PlacementFailure, PlacementTrace } from '../placement';
import { recordPlacementFailure } from './failure';

/** The service's launch type as CreateService took it: EC2 unless it says otherwise. */
export function serviceLaunchType(service: ServiceState): LaunchType {
  return requestedLaunchType(service.source);
}

/**
 * Why a task of this launch type cannot be placed in Berth. EC2 tasks go on the cluster's
 * EC2 instances, EXTERNAL ones on its external instances, FARGATE ones on Fargate
 * (capacity/). Model: ECS Managed Instances are not modelled, so such a task waits, and
 * says so, rather than borrowing an EC2 instance.
 */
export function notModelledFailure(
  launchType: LaunchType,
  instanceCount: number,
): { failure: PlacementFailure; trace: PlacementTrace } | undefined {
  if (launchType !== 'MANAGED_INSTANCES') return undefined;
  const what = launchType;
  return {
    failure: {
      reason: 'MISSING',
      summary: `launch type ${launchType}: ${what} capacity is not modelled yet; the task waits (only EC2 tasks go on container instances)`,
      closestMatch: `Reason: Berth does not model ${what} capacity yet; tasks of launch type ${launchType} are never placed on EC2 container instances.`,
    },
    trace: {
      instanceCount,
      rejectedCounts: [],
      candidateCount: 0,
      defaultStrategies: false,
      strategies: [],
    },
  };
}

/** A service whose launch type Berth cannot place records why and places nothing. */
export function waitForLaunchType(
  ctx: EngineContext,
  service: ServiceState,
  instanceCount: number,
): boolean {
  const wait = notModelledFailure(serviceLaunchType(service), instanceCount);
  if (!wait) return false;
  recordPlacementFailure(ctx, service, wait.failure, instanceCount, wait.trace);
  return true;
}
