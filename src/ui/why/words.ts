import type { InstanceRejection, StrategyTrace } from '../../engine';
import type { PlacementMark } from '../../store/explain-marks';

type FilterName = InstanceRejection['filter'];

/** Each filter as a short tag, in the words the ECS console uses for it. */
export const FILTER_TAGS: Readonly<Record<FilterName, string>> = {
  status: 'status',
  agent: 'agent',
  cpu: 'CPU',
  gpu: 'GPU',
  memory: 'memory',
  ports: 'ports',
  eni: 'ENI',
  attributes: 'attribute',
  distinctInstance: 'distinctInstance',
  memberOf: 'memberOf',
};

/** What a strategy's score counts, for the number beside each candidate. */
export function scoreUnit(strategy: string): string {
  if (strategy === 'binpack(memory)') return 'MiB left';
  if (strategy === 'binpack(cpu)') return 'CPU units left';
  if (strategy.startsWith('spread(')) return 'tasks';
  return '';
}

/** One line on what the step prefers, e.g. "fewest tasks of service:web per zone". */
export function strategyAim(step: Pick<StrategyTrace, 'strategy'>, group: string): string {
  const s = step.strategy;
  if (s === 'random') return 'picks one at random (seeded)';
  if (s.startsWith('binpack(')) return `least ${s.slice(8, -1)} left after placing the task`;
  const field = s.slice(7, -1);
  const per =
    field === 'instanceId' || field === 'host'
      ? 'instance'
      : field === 'attribute:ecs.availability-zone'
        ? 'Availability Zone'
        : field;
  return `fewest tasks of ${group} per ${per}`;
}

/** A strategy label short enough for a node ribbon: the AZ spread is the common one. */
export function shortStrategy(label: string): string {
  return label
    .replace('attribute:ecs.availability-zone', 'AZ')
    .replace(/^spread\(attribute:(.+)\)$/, 'spread($1)');
}

/** On a node the memberOf expression is too long; why it was false is what tells. */
function ribbonDetail(detail: string): string {
  const reason = /^memberOf\(.*\) false: (.+)$/.exec(detail)?.[1];
  return reason === undefined ? detail : `memberOf: ${reason}`;
}

/** The canvas ribbon's words for a mark; rejection details name their filter already. */
export function markText(mark: PlacementMark): string {
  switch (mark.kind) {
    case 'chosen':
      return 'Placed here';
    case 'closest':
      return `Closest match: ${ribbonDetail(mark.detail)}`;
    case 'rejected':
      return ribbonDetail(mark.detail);
    case 'outranked':
      return mark.by === 'tie-break'
        ? 'Passed; lost the seeded tie-break'
        : `Passed; ranked lower by ${shortStrategy(mark.by)}`;
  }
}
