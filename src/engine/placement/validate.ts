import {
  MAX_EXPRESSION_LENGTH,
  MAX_PLACEMENT_CONSTRAINTS,
  MAX_PLACEMENT_STRATEGIES,
} from './limits';
import { compileQueryText } from './query/cache';
import type { PlacementConstraint, PlacementStrategy, Scheduler } from './types';

// Checks for CreateService/RunTask input: an error message, or undefined when valid.

export function validatePlacementConstraints(
  constraints: readonly PlacementConstraint[],
): string | undefined {
  if (constraints.length > MAX_PLACEMENT_CONSTRAINTS) {
    return `Too many placement constraints: ${constraints.length}; at most ${MAX_PLACEMENT_CONSTRAINTS} per task, task definition and runtime together.`;
  }
  for (const [i, constraint] of constraints.entries()) {
    const where = `placementConstraints[${i}]`;
    const expression = constraint.expression?.trim() ?? '';
    if (constraint.type === 'distinctInstance') {
      if (expression !== '') return `${where}: distinctInstance takes no expression.`;
    } else if (constraint.type === 'memberOf') {
      if (expression === '') return `${where}: memberOf needs an expression.`;
      if (expression.length > MAX_EXPRESSION_LENGTH) {
        return `${where}: expression longer than ${MAX_EXPRESSION_LENGTH} characters.`;
      }
      const query = compileQueryText(expression);
      if (!query.ok) return `${where}: invalid expression ${query.error.message}`;
    } else {
      return `${where}: unknown type '${String(constraint.type)}' (distinctInstance or memberOf).`;
    }
  }
  return undefined;
}

export function validatePlacementStrategies(
  strategies: readonly PlacementStrategy[],
  scheduler: Scheduler,
): string | undefined {
  if (scheduler === 'daemon' && strategies.length > 0) {
    return 'Placement strategies are not supported with the DAEMON scheduling strategy.';
  }
  if (strategies.length > MAX_PLACEMENT_STRATEGIES) {
    return `Too many placement strategies: ${strategies.length}; at most ${MAX_PLACEMENT_STRATEGIES}.`;
  }
  for (const [i, strategy] of strategies.entries()) {
    const where = `placementStrategy[${i}]`;
    const field = strategy.field ?? '';
    if (strategy.type === 'binpack') {
      if (field !== 'cpu' && field !== 'memory') {
        return `${where}: binpack field must be cpu or memory, got '${field}'.`;
      }
    } else if (strategy.type === 'spread') {
      const attribute = field.startsWith('attribute:') && field.length > 'attribute:'.length;
      if (field !== 'instanceId' && field !== 'host' && !attribute) {
        return `${where}: spread field must be instanceId, host or attribute:<name>, got '${field}'.`;
      }
    } else if (strategy.type !== 'random') {
      return `${where}: unknown type '${String(strategy.type)}' (binpack, spread or random).`;
    }
  }
  return undefined;
}
