import { describe, expect, it } from 'vitest';
import type { PlacementConstraint, PlacementStrategy, Scheduler } from './types';
import { validatePlacementConstraints, validatePlacementStrategies } from './validate';

describe('validatePlacementConstraints (§4.4)', () => {
  const memberOf = (expression: string): PlacementConstraint => ({ type: 'memberOf', expression });

  it.each<[PlacementConstraint[], string | undefined]>([
    [[], undefined],
    [[{ type: 'distinctInstance' }, memberOf('attribute:ecs.os-type == linux')], undefined],
    [Array.from({ length: 10 }, () => memberOf('agentConnected == true')), undefined],
    [
      Array.from({ length: 11 }, () => memberOf('agentConnected == true')),
      'Too many placement constraints: 11',
    ],
    [[{ type: 'memberOf' }], 'placementConstraints[0]: memberOf needs an expression.'],
    [
      [{ type: 'distinctInstance', expression: 'x' }],
      'placementConstraints[0]: distinctInstance takes no expression.',
    ],
    [[{ type: 'distinctInstance', expression: '' }], undefined],
    [
      [{ type: 'distinctInstance' }, memberOf('attribute:ecs.instance-type t2.small')],
      "placementConstraints[1]: invalid expression at 28: expected an operator (==, !=, in, =~, ...) after 'attribute:ecs.instance-type', got 't2.small'",
    ],
    [[memberOf(`attribute:x == ${'a'.repeat(2000)}`)], 'longer than 2000 characters'],
  ])('%#', (constraints, error) => {
    const result = validatePlacementConstraints(constraints);
    if (error === undefined) expect(result).toBeUndefined();
    else expect(result).toContain(error);
  });
});

describe('validatePlacementStrategies (§4.2)', () => {
  it.each<[PlacementStrategy[], Scheduler, string | undefined]>([
    [
      [
        { type: 'spread', field: 'attribute:ecs.availability-zone' },
        { type: 'binpack', field: 'memory' },
      ],
      'service',
      undefined,
    ],
    [[{ type: 'spread', field: 'host' }, { type: 'random' }], 'runTask', undefined],
    [Array.from({ length: 5 }, () => ({ type: 'random' as const })), 'service', undefined],
    [
      Array.from({ length: 6 }, () => ({ type: 'random' as const })),
      'service',
      'Too many placement strategies: 6; at most 5.',
    ],
    [
      [{ type: 'binpack', field: 'disk' }],
      'service',
      "placementStrategy[0]: binpack field must be cpu or memory, got 'disk'.",
    ],
    [[{ type: 'spread' }], 'service', 'spread field must be instanceId, host or attribute:<name>'],
    [[{ type: 'spread', field: 'attribute:' }], 'service', 'spread field must be'],
    [[{ type: 'random' }], 'daemon', 'not supported with the DAEMON scheduling strategy'],
  ])('%j for %s', (strategies, scheduler, error) => {
    const result = validatePlacementStrategies(strategies, scheduler);
    if (error === undefined) expect(result).toBeUndefined();
    else expect(result).toContain(error);
  });
});
