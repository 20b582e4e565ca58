import type { QueryNode } from '../../../design/query';
import type { Filter } from '../filters/filter';
import { taskNeeds } from '../filters/needs';
import { buildFilters } from '../filters/pipeline';
import { compileQueryText } from '../query';
import { binpackScorer } from '../strategies/binpack';
import { effectiveStrategies } from '../strategies/defaults';
import { spreadScorer } from '../strategies/spread';
import type { CandidateInstance, FilterName, PlacementRequest, TaskRequirements } from '../types';

/**
 * One strategy as the batch index ranks it. The scorers are the pipeline's
 * own (strategies/), so a score here is the score placeTask computes.
 */
export type Rank =
  /** spread over an attribute: instances with the same value share one count. */
  | {
      shared: true;
      valueOf(instance: CandidateInstance): string;
      /** The count of the instance's value at the start of the batch. */
      startTotalOf(instance: CandidateInstance): number;
    }
  /** binpack, spread(instanceId), or a field that ranks all alike: the instance alone. */
  | { shared: false; scoreOf(instance: CandidateInstance): number };

export interface BatchPlan {
  /** The strategies before the first random, in order. */
  ranks: Rank[];
  /** A random strategy is reached: it makes the draw, so the trace's tie-break is 1 of 1. */
  randomDraws: boolean;
  /** Filters a placement cannot change: checked once per instance. */
  fixedFilters: Filter[];
  /** Filters that read what a placement takes: checked again on the instance that got the task. */
  liveFilters: Filter[];
  /** The task maps host ports: each decision carries them. */
  mapsHostPorts: boolean;
}

const LIVE: ReadonlySet<FilterName> = new Set([
  'cpu',
  'gpu',
  'memory',
  'ports',
  'eni',
  'distinctInstance',
]);

export function mapsHostPorts(task: TaskRequirements): boolean {
  return (
    (task.networkMode === 'bridge' || task.networkMode === 'host') && task.portMappings.length > 0
  );
}

/** How the batch index will rank and filter this request's tasks. */
export function planBatch(
  request: PlacementRequest,
  instances: readonly CandidateInstance[],
): BatchPlan {
  const { task } = request;
  const ranks: Rank[] = [];
  let randomDraws = false;
  for (const strategy of effectiveStrategies(request.strategies, request.scheduler).strategies) {
    if (strategy.type === 'random') {
      randomDraws = true;
      break;
    }
    const field = strategy.field ?? '';
    // Same dispatch as narrow(): anything not binpack is a spread.
    if (strategy.type === 'binpack') {
      ranks.push({ shared: false, scoreOf: binpackScorer(field, task, 'place').score });
      continue;
    }
    const alone = spreadScorer(field, task.group, []);
    if (alone.value) {
      const start = spreadScorer(field, task.group, instances);
      ranks.push({ shared: true, valueOf: alone.value, startTotalOf: start.score });
    } else {
      ranks.push({ shared: false, scoreOf: alone.score });
    }
  }
  const { fixedFilters, liveFilters } = splitFilters(request);
  return { ranks, randomDraws, fixedFilters, liveFilters, mapsHostPorts: mapsHostPorts(task) };
}

/**
 * A placement changes only the instance that got the task, and only what
 * applyPlacement touches; memberOf reads that state only through
 * runningTasksCount and task:group.
 */
function splitFilters(request: PlacementRequest): {
  fixedFilters: Filter[];
  liveFilters: Filter[];
} {
  // buildFilters adds one memberOf filter per memberOf constraint, in order.
  const memberOfLive = request.constraints
    .filter((c) => c.type === 'memberOf')
    .map((c) => readsTaskState(c.expression ?? ''));
  let nextMemberOf = 0;
  const fixedFilters: Filter[] = [];
  const liveFilters: Filter[] = [];
  for (const filter of buildFilters(request, taskNeeds(request.task))) {
    const live =
      filter.name === 'memberOf' ? (memberOfLive[nextMemberOf++] ?? true) : LIVE.has(filter.name);
    (live ? liveFilters : fixedFilters).push(filter);
  }
  return { fixedFilters, liveFilters };
}

function readsTaskState(expression: string): boolean {
  const query = compileQueryText(expression.trim());
  return query.ok && nodeReadsTaskState(query.ast);
}

function nodeReadsTaskState(node: QueryNode): boolean {
  // Exhaustive over QueryNode['kind']: a new kind fails to compile here.
  switch (node.kind) {
    case 'not':
      return nodeReadsTaskState(node.operand);
    case 'and':
    case 'or':
      return node.operands.some(nodeReadsTaskState);
    case 'compare':
      return node.subject.kind === 'runningTasksCount' || node.subject.kind === 'taskGroup';
  }
}
