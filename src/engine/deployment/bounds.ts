/**
 * The deployment bounds (ecs-behavior §8.1): at least `lower` tasks RUNNING and
 * healthy, at most `upper` RUNNING or PENDING. They govern rolling updates, the
 * replacement of unhealthy tasks and instance draining alike (§7.2, §7.4).
 */
export interface DeploymentBounds {
  /** ceil(desired x minimumHealthyPercent / 100). */
  lower: number;
  /** floor(desired x maximumPercent / 100). */
  upper: number;
}

export function deploymentBounds(
  desired: number,
  minimumHealthyPercent: number,
  maximumPercent: number,
): DeploymentBounds {
  // Integer products: x / 100 of an integer x is exact whenever it is an integer.
  return {
    lower: Math.ceil((desired * minimumHealthyPercent) / 100),
    upper: Math.floor((desired * maximumPercent) / 100),
  };
}

/** Deployment circuit breaker threshold (§9.1, current API): ceil(desired / 2) within 3..200. */
export function circuitBreakerThreshold(desired: number): number {
  return Math.min(200, Math.max(3, Math.ceil(desired * 0.5)));
}
