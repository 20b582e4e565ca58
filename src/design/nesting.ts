import type { DesignIssue } from './issues';

/**
 * Model: Berth refuses documents nested deeper than this (ECS and CloudFormation state
 * no such limit). Real designs and templates nest about 15 levels; the checks behind
 * the gate recurse, and 10,000 levels of `[[[...]]]` would exhaust their stack.
 */
export const MAX_NESTING = 100;

/**
 * The first place a parsed document nests deeper than MAX_NESTING, as an issue at the
 * document's root. Walks without recursion, once over every value: linear in its size.
 */
export function checkNesting(value: unknown): DesignIssue | undefined {
  const stack: [unknown, number][] = [[value, 0]];
  while (stack.length > 0) {
    const [at, depth] = stack.pop() as [unknown, number];
    if (typeof at !== 'object' || at === null) continue;
    if (depth >= MAX_NESTING)
      return {
        path: '(document)',
        message: `nests deeper than ${MAX_NESTING} levels of objects and lists`,
      };
    for (const child of Array.isArray(at) ? at : Object.values(at)) stack.push([child, depth + 1]);
  }
  return undefined;
}
