import type { PickRng } from '../types';

/**
 * mulberry32: a tiny seeded generator for tests only (the engine's own lives
 * in kernel/rng.ts). Counts its draws so tests can see when placement used it.
 */
export function seededRng(seed: number): PickRng & { draws: number } {
  let state = seed >>> 0;
  return {
    draws: 0,
    nextInt(maxExclusive: number): number {
      this.draws++;
      state = (state + 0x6d2b79f5) >>> 0;
      let t = state;
      t = Math.imul(t ^ (t >>> 15), t | 1);
      t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
      const float = ((t ^ (t >>> 14)) >>> 0) / 4294967296;
      return Math.floor(float * maxExclusive);
    },
  };
}

/** An rng that must not be asked: for decisions the strategies settle alone. */
export const noRng: PickRng = {
  nextInt(): number {
    throw new Error('placement drew from the rng where no tie was expected');
  },
};
