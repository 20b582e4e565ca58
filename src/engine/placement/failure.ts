import { PORT_IN_USE } from './filters/ports';
import type { FailureReason, FilterName, PlacementFailure, RejectionCount } from './types';

/** Where the instance that got furthest through the filters was stopped. */
export interface ClosestMatch {
  containerInstanceArn: string;
  filter: FilterName;
  reason: FailureReason;
  label: string;
}

/** The container instance id is the last part of its ARN, as ECS messages print it. */
export function containerInstanceId(arn: string): string {
  return arn.slice(arn.lastIndexOf('/') + 1);
}

/**
 * The ECS "closest matching" sentence (§4.6). Which instance is closest is
 * undocumented. Model: the one that passed the most filters, the first
 * such in the order given (ecs-behavior §4.6).
 */
export function closestMatchSentence(match: ClosestMatch): string | undefined {
  const head = `The closest matching container-instance ${containerInstanceId(match.containerInstanceArn)}`;
  switch (match.filter) {
    case 'status':
      return undefined;
    case 'cpu':
      return `${head} has insufficient CPU units available.`;
    // Model: the guide lists no GPU sentence; this is the CPU and memory ones' form (§4.6).
    case 'gpu':
      return `${head} has insufficient GPU available.`;
    case 'memory':
      return `${head} has insufficient memory available.`;
    case 'ports':
      return match.label === PORT_IN_USE
        ? `${head} is already using a port required by your task.`
        : `${head} encountered error "RESOURCE:PORTS".`;
    case 'attributes':
    case 'memberOf':
    case 'distinctInstance':
      return `${head} is missing an attribute required by your task.`;
    default:
      return `${head} encountered error "${match.reason}".`;
  }
}

/** '0/6 instances: 4 insufficient memory, 2 memberOf(...)', in the spirit of kube-scheduler. */
export function failureSummary(instanceCount: number, counts: readonly RejectionCount[]): string {
  if (instanceCount === 0) return '0/0 instances: no container instances in the cluster';
  return `0/${instanceCount} instances: ${counts.map((c) => `${c.count} ${c.label}`).join(', ')}`;
}

export function placementFailure(
  instanceCount: number,
  counts: readonly RejectionCount[],
  closest: ClosestMatch | undefined,
): PlacementFailure {
  const summary = failureSummary(instanceCount, counts);
  if (!closest) return { reason: 'MISSING', summary };
  const sentence = closestMatchSentence(closest);
  const arn = closest.containerInstanceArn;
  return sentence === undefined
    ? { reason: closest.reason, summary }
    : { reason: closest.reason, closestMatch: sentence, closestMatchArn: arn, summary };
}
