import { describe, expect, it } from 'vitest';
import { nextProvider, providerToShrink, splitTasks } from './strategy';

const tally = (list: string[]) => {
  const out: Record<string, number> = {};
  for (const p of list) out[p] = (out[p] ?? 0) + 1;
  return out;
};

describe('capacity provider strategy split (§13.1)', () => {
  it('A=1, B=4: one of every five tasks on A', () => {
    const items = [
      { capacityProvider: 'A', weight: 1 },
      { capacityProvider: 'B', weight: 4 },
    ];
    expect(tally(splitTasks(items, {}, 5))).toEqual({ A: 1, B: 4 });
    expect(tally(splitTasks(items, {}, 50))).toEqual({ A: 10, B: 40 });
  });

  it('base first on its provider, then the weights share the rest', () => {
    // The guide's example: FARGATE base 1 weight 1, FARGATE_SPOT weight 4.
    const items = [
      { capacityProvider: 'FARGATE', base: 1, weight: 1 },
      { capacityProvider: 'FARGATE_SPOT', weight: 4 },
    ];
    expect(splitTasks(items, {}, 1)).toEqual(['FARGATE']);
    expect(tally(splitTasks(items, {}, 6))).toEqual({ FARGATE: 2, FARGATE_SPOT: 4 });
    expect(tally(splitTasks(items, {}, 11))).toEqual({ FARGATE: 3, FARGATE_SPOT: 8 });
  });

  it('a weight-0 provider gets its base and nothing more', () => {
    const items = [
      { capacityProvider: 'od', base: 2, weight: 0 },
      { capacityProvider: 'spot', weight: 1 },
    ];
    expect(tally(splitTasks(items, {}, 10))).toEqual({ od: 2, spot: 8 });
  });

  it('all weights 0 and no base left: no provider', () => {
    expect(nextProvider([{ capacityProvider: 'A', weight: 0 }], {})).toBeUndefined();
  });

  it('a task lost on one provider is replaced on that provider', () => {
    const items = [
      { capacityProvider: 'FARGATE', base: 1, weight: 1 },
      { capacityProvider: 'FARGATE_SPOT', weight: 4 },
    ];
    expect(nextProvider(items, { FARGATE: 2, FARGATE_SPOT: 3 })).toBe('FARGATE_SPOT');
  });

  it('scale-in takes from the provider furthest ahead of its share, the base last', () => {
    const items = [
      { capacityProvider: 'FARGATE', base: 1, weight: 1 },
      { capacityProvider: 'FARGATE_SPOT', weight: 4 },
    ];
    expect(providerToShrink(items, { FARGATE: 2, FARGATE_SPOT: 4 })).toBe('FARGATE_SPOT');
    expect(providerToShrink(items, { FARGATE: 3, FARGATE_SPOT: 4 })).toBe('FARGATE');
    expect(providerToShrink(items, { FARGATE: 1, FARGATE_SPOT: 1 })).toBe('FARGATE_SPOT');
    expect(providerToShrink(items, { FARGATE: 1, gone: 1 })).toBe('gone');
  });
});
