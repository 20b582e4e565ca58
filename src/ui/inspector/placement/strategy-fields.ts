import type { PlacementStrategy } from '../../../design';

export type StrategyType = PlacementStrategy['type'];

/** ECS allows up to 5 strategies per service (ecs-behavior §4.2, current API). */
export const MAX_STRATEGIES = 5;
/** And up to 10 constraints per task, the task definition's included (§4.4). */
export const MAX_CONSTRAINTS = 10;

/** The spread fields people use most; any attribute can be typed. */
export const SPREAD_PRESETS = [
  'attribute:ecs.availability-zone',
  'instanceId',
  'host',
  'attribute:ecs.instance-type',
] as const;

/** The spread field that reveals a free attribute name. */
export const CUSTOM_SPREAD = 'attribute:';

/** Every strategy as one choice, named as ECS's traces name it: `binpack(memory)`, `random`. */
export const STRATEGY_CHOICES: readonly string[] = [
  'binpack(memory)',
  'binpack(cpu)',
  ...SPREAD_PRESETS.map((field) => `spread(${field})`),
  `spread(${CUSTOM_SPREAD})`,
  'random',
];

export function choiceOf(s: PlacementStrategy): string {
  if (s.type === 'random') return 'random';
  if (s.type === 'binpack') return `binpack(${s.field ?? ''})`;
  const preset = (SPREAD_PRESETS as readonly string[]).includes(s.field ?? '');
  return `spread(${preset ? s.field : CUSTOM_SPREAD})`;
}

export function strategyOfChoice(choice: string): PlacementStrategy {
  if (choice === 'random') return { type: 'random' };
  const match = /^(binpack|spread)\((.*)\)$/.exec(choice);
  const type = match?.[1] === 'spread' ? 'spread' : 'binpack';
  return { type, field: match?.[2] ?? 'memory' };
}

/** What is wrong with a strategy, in the words the field shows; undefined when ECS would take it. */
export function strategyProblem(s: PlacementStrategy): string | undefined {
  if (s.type === 'binpack' && s.field !== 'cpu' && s.field !== 'memory')
    return 'binpack packs by cpu or memory';
  if (s.type !== 'spread') return undefined;
  const field = s.field ?? '';
  if ((SPREAD_PRESETS as readonly string[]).includes(field)) return undefined;
  if (!field.startsWith(CUSTOM_SPREAD)) return 'spread by instanceId, host or attribute:<name>';
  // Any attribute, built-in ecs.* ones included: spread reads them all alike.
  const name = field.slice(CUSTOM_SPREAD.length);
  if (name === '') return 'Attribute name: Required';
  return /^[A-Za-z0-9\-_/.]{1,128}$/.test(name)
    ? undefined
    : 'Attribute name: use letters, digits, - _ / or .';
}

export function moveItem<T>(list: readonly T[], from: number, to: number): T[] {
  if (to < 0 || to >= list.length) return [...list];
  const next = [...list];
  const [item] = next.splice(from, 1);
  if (item !== undefined) next.splice(to, 0, item);
  return next;
}

export function replaceAt<T>(list: readonly T[], index: number, item: T): T[] {
  return list.map((x, i) => (i === index ? item : x));
}
