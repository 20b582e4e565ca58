import type { BenchResult } from './types';

/** A result that is a size or a time, not a rate: run.ts prints these instead of x/s. */
export interface ShownResult extends BenchResult {
  shown: string;
  baselineShown: string;
}

export const isShown = (r: BenchResult): r is ShownResult =>
  typeof (r as Partial<ShownResult>).shown === 'string';
