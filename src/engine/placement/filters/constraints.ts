import { compileQueryText } from '../query/cache';
import { explainQuery } from '../query/explain';
import type { Filter } from './filter';

/**
 * Model: constraint failures report ATTRIBUTE, the nearest of the RunTask
 * failure reasons; ECS does not name one for them (ecs-behavior §4.6).
 */
export function distinctInstanceFilter(group: string): Filter {
  return {
    name: 'distinctInstance',
    reason: 'ATTRIBUTE',
    check: (instance) =>
      (instance.taskGroupCounts[group] ?? 0) > 0 ? 'distinctInstance' : undefined,
    explain: (instance) => {
      const count = instance.taskGroupCounts[group] ?? 0;
      return `distinctInstance: ${count} task${count === 1 ? '' : 's'} of ${group} already here`;
    },
  };
}

/** The expression is parsed and compiled once per distinct text (query/cache.ts). */
export function memberOfFilter(expression: string): Filter {
  const text = expression.trim();
  const label = `memberOf(${text})`;
  const query = compileQueryText(text);
  if (!query.ok) {
    // An expression that does not parse matches nothing; validation reports it earlier.
    return {
      name: 'memberOf',
      reason: 'ATTRIBUTE',
      check: () => label,
      explain: () => `${label} invalid: ${query.error.message}`,
    };
  }
  return {
    name: 'memberOf',
    reason: 'ATTRIBUTE',
    check: (instance) => (query.test(instance) ? undefined : label),
    explain: (instance) => `${label} false: ${explainQuery(query.ast, instance)}`,
  };
}
