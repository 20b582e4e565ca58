import type { CandidateInstance } from '../types';

/**
 * What one strategy ranks an instance by. Placing keeps the lowest score
 * (least left over, fewest tasks of the group); choosing a task to stop
 * keeps the highest: the same strategies, reversed (ecs-behavior §4.2).
 */
export interface Scorer {
  score(instance: CandidateInstance): number;
  /** The spread field's value, shown in the trace. */
  value?(instance: CandidateInstance): string;
}

export type Direction = 'place' | 'stop';

/** 'binpack(memory)', 'spread(attribute:ecs.availability-zone)', 'random': how traces name a strategy. */
export function strategyLabel(strategy: { type: string; field?: string | undefined }): string {
  return strategy.type === 'random' ? 'random' : `${strategy.type}(${strategy.field ?? ''})`;
}
