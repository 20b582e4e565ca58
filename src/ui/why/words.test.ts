import { describe, expect, it } from 'vitest';
import { markText, scoreUnit, shortStrategy, strategyAim } from './words';

describe('why-panel words', () => {
  it.each([
    [{ kind: 'chosen' as const }, 'Placed here'],
    [
      {
        kind: 'rejected' as const,
        filter: 'memory' as const,
        detail: 'needs 6144 MiB memory, 3993 free',
      },
      'needs 6144 MiB memory, 3993 free',
    ],
    [
      {
        kind: 'closest' as const,
        filter: 'memberOf' as const,
        detail: 'memberOf(attribute:tier == batch) false: tier is not set',
      },
      'Closest match: memberOf: tier is not set',
    ],
    [
      { kind: 'outranked' as const, by: 'spread(attribute:ecs.availability-zone)' },
      'Passed; ranked lower by spread(AZ)',
    ],
    [{ kind: 'outranked' as const, by: 'tie-break' }, 'Passed; lost the seeded tie-break'],
  ])('marks %j as %s', (mark, text) => expect(markText(mark)).toBe(text));

  it('names what each strategy scores', () => {
    expect(scoreUnit('binpack(memory)')).toBe('MiB left');
    expect(scoreUnit('binpack(cpu)')).toBe('CPU units left');
    expect(scoreUnit('spread(instanceId)')).toBe('tasks');
    expect(shortStrategy('spread(attribute:rack)')).toBe('spread(rack)');
    expect(
      strategyAim({ strategy: 'spread(attribute:ecs.availability-zone)' }, 'service:web'),
    ).toBe('fewest tasks of service:web per Availability Zone');
    expect(strategyAim({ strategy: 'binpack(memory)' }, 'service:web')).toBe(
      'least memory left after placing the task',
    );
  });
});
