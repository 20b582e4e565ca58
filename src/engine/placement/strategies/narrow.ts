import type {
  CandidateInstance,
  PickRng,
  PlacementStrategy,
  RankedEntry,
  StrategyTrace,
  TaskRequirements,
} from '../types';
import { binpackScorer } from './binpack';
import { type Direction, type Scorer, strategyLabel } from './scorer';
import { spreadScorer } from './spread';

/**
 * What the strategies rank: instances when placing, tasks when choosing one
 * to stop. Accessors rather than wrapper objects keep placement free of a
 * per-candidate allocation.
 */
export interface NarrowInput<T> {
  items: readonly T[];
  idOf(item: T): string;
  instanceOf(item: T): CandidateInstance;
  strategies: readonly PlacementStrategy[];
  task: TaskRequirements;
  /** Every instance of the cluster, for spread's per-value counts. */
  all: readonly CandidateInstance[];
  direction: Direction;
  rng: PickRng;
  full: boolean;
}

/**
 * Applies the strategies in order; each keeps only the items tied at its
 * best score and the next breaks that tie (§4.2 chaining). Stops once one
 * item is left: later strategies could not change the answer.
 */
export function narrow<T>(input: NarrowInput<T>): { kept: readonly T[]; steps: StrategyTrace[] } {
  let kept = input.items;
  const steps: StrategyTrace[] = [];
  for (const strategy of input.strategies) {
    if (kept.length <= 1) break;
    if (strategy.type === 'random') {
      const step: StrategyTrace = { strategy: 'random', keptCount: 1 };
      // A full trace names every candidate the draw was among, as the other strategies
      // do: "Why here?" marks instances from this list, and without it a candidate
      // that merely lost the draw read as one the decision never saw.
      if (input.full) step.ranked = kept.map((item) => ({ id: input.idOf(item), score: 0 }));
      kept = [kept[input.rng.nextInt(kept.length)]!];
      steps.push(step);
      continue;
    }
    const field = strategy.field ?? '';
    const scorer =
      strategy.type === 'binpack'
        ? binpackScorer(field, input.task, input.direction)
        : spreadScorer(field, input.task.group, input.all);
    const result = keepBest(kept, scorer, strategyLabel(strategy), input);
    kept = result.kept;
    steps.push(result.step);
  }
  return { kept, steps };
}

function keepBest<T>(
  items: readonly T[],
  scorer: Scorer,
  label: string,
  input: NarrowInput<T>,
): { kept: T[]; step: StrategyTrace } {
  const scores = items.map((item) => scorer.score(input.instanceOf(item)));
  const better =
    input.direction === 'place' ? (a: number, b: number) => a < b : (a: number, b: number) => a > b;
  let best = scores[0]!;
  for (const s of scores) if (better(s, best)) best = s;
  const kept = items.filter((_, i) => scores[i] === best);
  const step: StrategyTrace = { strategy: label, best, keptCount: kept.length };
  if (scorer.value) step.values = valueSummary(items, scores, scorer.value, input);
  if (input.full) {
    step.ranked = items.map((item, i) => {
      const entry: RankedEntry = { id: input.idOf(item), score: scores[i]! };
      if (scorer.value) entry.value = scorer.value(input.instanceOf(item));
      return entry;
    });
  }
  return { kept, step };
}

/** One row per distinct value, sorted: small (a few AZs) even when the candidates are thousands. */
function valueSummary<T>(
  items: readonly T[],
  scores: readonly number[],
  fieldValue: (instance: CandidateInstance) => string,
  input: NarrowInput<T>,
): { value: string; score: number }[] {
  const byValue = new Map<string, number>();
  for (const [i, item] of items.entries())
    byValue.set(fieldValue(input.instanceOf(item)), scores[i]!);
  return [...byValue]
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([value, score]) => ({ value, score }));
}
