import { describe, expect, it } from 'vitest';
import { placeTask } from './place-task';
import { instance, request } from './testing/builders';
import { seededRng } from './testing/seeded-rng';
import { validatePlacementConstraints } from './validate';

// ecs-behavior §4.5: "`matches` uses **Java regular expressions**".

function matchesType(expression: string, type: string): boolean {
  const decision = placeTask(
    request({}, { constraints: [{ type: 'memberOf', expression }] }),
    [instance({ type })],
    seededRng(1),
  );
  return decision.containerInstanceArn !== undefined;
}

const valid = (expression: string) =>
  validatePlacementConstraints([{ type: 'memberOf', expression }]) === undefined;

describe('regex is Java syntax (§4.5)', () => {
  it.each([
    ['(?i)M5\\.LARGE', 'inline case-insensitive flag'],
    ['m5\\.\\w++', 'possessive quantifier'],
    ['\\p{Lower}\\d\\.large', 'POSIX class \\p{Lower}'],
    ['\\Qm5.large\\E', '\\Q...\\E literal quoting'],
  ])('Java pattern %s (%s) is accepted and matches m5.large', (pattern) => {
    const expr = `attribute:ecs.instance-type =~ '${pattern}'`;
    expect(valid(expr)).toBe(true);
    expect(matchesType(expr, 'm5.large')).toBe(true);
  });
});
