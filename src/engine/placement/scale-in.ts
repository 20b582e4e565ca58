import { effectiveStrategies } from './strategies/defaults';
import { narrow } from './strategies/narrow';
import { fullTrace } from './trace-detail';
import type {
  CandidateInstance,
  PickRng,
  PlacementRequest,
  PlaceOptions,
  ScaleInDecision,
  StrategyTrace,
  TaskOnInstance,
} from './types';

interface Stoppable {
  task: TaskOnInstance;
  instance: CandidateInstance;
}

/**
 * Which task a scale-in stops: the placement strategies reversed (§4.2,
 * §4.3). Default service: the AZ with the most tasks of the group, then the
 * instance with the most; binpack: the instance left with the most of the
 * resource; spread: the most loaded value; the seeded rng within.
 * `tasks` must not be empty.
 */
export function chooseTaskToStop(
  tasks: readonly TaskOnInstance[],
  instances: readonly CandidateInstance[],
  request: PlacementRequest,
  rng: PickRng,
  options: PlaceOptions = {},
): ScaleInDecision {
  if (tasks.length === 0) throw new RangeError('chooseTaskToStop: no task to choose from');
  const full = fullTrace(options, instances.length);
  const byArn = new Map(instances.map((i) => [i.containerInstanceArn, i]));
  const known: Stoppable[] = [];
  const orphans: TaskOnInstance[] = [];
  for (const task of tasks) {
    const instance = byArn.get(task.containerInstanceArn);
    if (instance) known.push({ task, instance });
    else orphans.push(task);
  }
  const { strategies, defaulted } = effectiveStrategies(request.strategies, request.scheduler);
  if (orphans.length > 0) {
    // A task whose instance is gone carries no balance to keep: it goes first.
    const step: StrategyTrace = { strategy: 'instance unknown', keptCount: orphans.length };
    return pick(orphans, tasks.length, defaulted, [step], rng);
  }
  const { kept, steps } = narrow({
    items: known,
    idOf: (s) => s.task.taskArn,
    instanceOf: (s) => s.instance,
    strategies,
    task: request.task,
    all: instances,
    direction: 'stop',
    rng,
    full,
  });
  return pick(
    kept.map((s) => s.task),
    tasks.length,
    defaulted,
    steps,
    rng,
  );
}

function pick(
  tied: readonly TaskOnInstance[],
  taskCount: number,
  defaultStrategies: boolean,
  strategies: StrategyTrace[],
  rng: PickRng,
): ScaleInDecision {
  const index = tied.length > 1 ? rng.nextInt(tied.length) : 0;
  return {
    taskArn: tied[index]!.taskArn,
    trace: { taskCount, defaultStrategies, strategies, tieBreak: { among: tied.length, index } },
  };
}
