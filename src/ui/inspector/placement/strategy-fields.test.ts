import { describe, expect, it } from 'vitest';
import {
  choiceOf,
  moveItem,
  STRATEGY_CHOICES,
  strategyOfChoice,
  strategyProblem,
} from './strategy-fields';

describe('strategy fields', () => {
  it.each([
    [{ type: 'binpack' as const, field: 'memory' }, undefined],
    [{ type: 'binpack' as const, field: 'disk' }, 'binpack packs by cpu or memory'],
    [{ type: 'spread' as const, field: 'instanceId' }, undefined],
    [{ type: 'spread' as const, field: 'attribute:rack' }, undefined],
    [{ type: 'spread' as const, field: 'attribute:ecs.os-type' }, undefined],
    [{ type: 'spread' as const, field: 'attribute:' }, 'Attribute name: Required'],
    [{ type: 'spread' as const, field: 'zone' }, 'spread by instanceId, host or attribute:<name>'],
    [{ type: 'random' as const }, undefined],
  ])('%j: %s', (strategy, problem) => expect(strategyProblem(strategy)).toBe(problem));

  it('offers each strategy as one choice, and reads each choice back', () => {
    for (const choice of STRATEGY_CHOICES) expect(choiceOf(strategyOfChoice(choice))).toBe(choice);
    expect(strategyOfChoice('spread(instanceId)')).toEqual({ type: 'spread', field: 'instanceId' });
    expect(strategyOfChoice('random')).toEqual({ type: 'random' });
  });

  it('tells presets from a typed attribute', () => {
    expect(choiceOf({ type: 'spread', field: 'host' })).toBe('spread(host)');
    expect(choiceOf({ type: 'spread', field: 'attribute:rack' })).toBe('spread(attribute:)');
  });

  it('moves an item and leaves the list alone past either end', () => {
    expect(moveItem(['a', 'b', 'c'], 2, 0)).toEqual(['c', 'a', 'b']);
    expect(moveItem(['a', 'b'], 0, -1)).toEqual(['a', 'b']);
  });
});
