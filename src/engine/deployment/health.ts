import type { HealthCheck } from '../../design';
import type { EngineContext } from '../context';
import type { TaskDefinitionModel, TaskState } from '../model/types';

/** §2.2: with no load balancer and no health check, a task counts as healthy after 40 s RUNNING. */
export const HEALTHY_AFTER_RUNNING_MS = 40_000;

/** Container health check defaults (§2.1). */
export const HEALTH_CHECK_DEFAULTS = { interval: 30, timeout: 5, retries: 3, startPeriod: 0 };

/** The health checks that decide the task's health: those of essential containers (§2.1). */
export function essentialHealthChecks(td: TaskDefinitionModel): HealthCheck[] {
  const checks: HealthCheck[] = [];
  for (const c of td.input.containerDefinitions) {
    if (c.essential !== false && c.healthCheck) checks.push(c.healthCheck);
  }
  return checks;
}

/**
 * When a RUNNING task's health settles, in ms after it started.
 * Model (ECS gives no formula, §2.1): checks run every `interval` from the start; a
 * passing container is HEALTHY at its first check; a failing one exits non-zero at
 * once, failures at or before `startPeriod` do not count, and the `retries`-th counted
 * failure makes it UNHEALTHY. The task is HEALTHY when every essential container is,
 * UNHEALTHY when the first of them is.
 */
export function healthSettlesAfterMs(
  checks: readonly HealthCheck[],
  failing: boolean,
): { afterMs: number; to: 'HEALTHY' | 'UNHEALTHY' } | undefined {
  if (checks.length === 0) return undefined;
  const times = checks.map((check) => {
    const interval = check.interval ?? HEALTH_CHECK_DEFAULTS.interval;
    if (!failing) return interval;
    const retries = check.retries ?? HEALTH_CHECK_DEFAULTS.retries;
    const startPeriod = check.startPeriod ?? HEALTH_CHECK_DEFAULTS.startPeriod;
    const firstCounted = Math.floor(startPeriod / interval) + 1;
    return (firstCounted + retries - 1) * interval;
  });
  const seconds = failing ? Math.min(...times) : Math.max(...times);
  return { afterMs: seconds * 1000, to: failing ? 'UNHEALTHY' : 'HEALTHY' };
}

/**
 * Whether the scheduler counts the task toward minimumHealthyPercent (§2.2): RUNNING,
 * and HEALTHY when its essential containers have health checks, else RUNNING for 40 s.
 */
export function countsAsHealthy(_ctx: EngineContext, task: TaskState): boolean {
  // Set by the task's health timer (lifecycle/transitions.ts), kept in the service's tally.
  return task.lastStatus === 'RUNNING' && task.countedHealthy === true;
}

/**
 * Whether the task is settled for steady state and for a deployment's completion: RUNNING,
 * and HEALTHY when its essential containers have health checks.
 */
export function runsSettled(task: TaskState): boolean {
  if (task.lastStatus !== 'RUNNING') return false;
  // Behind a load balancer, steady also means every target healthy (§2.2, §8.2).
  if (task.targets?.some((t) => t.state !== 'healthy')) return false;
  return task.healthStatus === 'HEALTHY' || essentialHealthChecks(task.taskDefinition).length === 0;
}
