import type { DeploymentConfiguration } from '../../design';
import type { DeploymentStrategy } from '../model/types';

/**
 * deploymentConfiguration's strategy with the documented defaults (ecs-behavior §11):
 * linear steps of 10% every 6 minutes, a canary of 5% for 10 minutes.
 * Model: bakeTimeInMinutes, which the API documents no default for, is 0 when absent.
 */
export function strategyOf(config: DeploymentConfiguration | undefined): DeploymentStrategy {
  return {
    type: config?.strategy ?? 'ROLLING',
    bakeTimeMs: (config?.bakeTimeInMinutes ?? 0) * 60_000,
    stepPercent: config?.linearConfiguration?.stepPercent ?? 10,
    stepBakeMs: (config?.linearConfiguration?.stepBakeTimeInMinutes ?? 6) * 60_000,
    canaryPercent: config?.canaryConfiguration?.canaryPercent ?? 5,
    canaryBakeMs: (config?.canaryConfiguration?.canaryBakeTimeInMinutes ?? 10) * 60_000,
  };
}

/** Production traffic on the new revision after the shift now under way: the next step. */
export function nextTrafficPercent(strategy: DeploymentStrategy, now: number): number {
  if (strategy.type === 'BLUE_GREEN') return 100;
  if (strategy.type === 'CANARY') return now === 0 ? strategy.canaryPercent : 100;
  // Linear: ceil(100 / step) steps, the last one partial (§11).
  return Math.min(100, Math.round((now + strategy.stepPercent) * 10) / 10);
}

/** How long traffic stays at `percent` before the next step (none after 100%). */
export function stepBakeMs(strategy: DeploymentStrategy, percent: number): number {
  if (percent >= 100) return 0;
  return strategy.type === 'CANARY' ? strategy.canaryBakeMs : strategy.stepBakeMs;
}
