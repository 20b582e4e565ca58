// The cluster query language as data (ecs-behavior §4.5). No positions in the
// tree, so that parse(print(ast)) equals ast; errors carry positions instead.

export type SubjectKind =
  | 'attribute'
  | 'agentConnected'
  | 'agentVersion'
  | 'ec2InstanceId'
  | 'registeredAt'
  | 'runningTasksCount'
  | 'taskGroup';

export type Subject =
  | { kind: 'attribute'; name: string }
  | { kind: Exclude<SubjectKind, 'attribute'> };

/** Canonical (word) names; the parser also takes the symbol forms. */
export type Operator =
  | 'equals'
  | 'not_equals'
  | 'greater_than'
  | 'greater_than_equal'
  | 'less_than'
  | 'less_than_equal'
  | 'exists'
  | 'not_exists'
  | 'in'
  | 'not_in'
  | 'matches'
  | 'not_matches';

export interface Comparison {
  kind: 'compare';
  subject: Subject;
  operator: Operator;
  /** None for exists/not_exists, the list for in/not_in, one value otherwise. */
  values: string[];
}

export interface Conjunction {
  kind: 'and' | 'or';
  /** Two or more; a chain `a and b and c` is one node, parentheses nest. */
  operands: QueryNode[];
}

export interface Negation {
  kind: 'not';
  operand: QueryNode;
}

export type QueryNode = Comparison | Conjunction | Negation;

export interface QueryError {
  /** 0-based character offset into the expression. */
  position: number;
  /** Starts with 'at <position>: ', ready to show. */
  message: string;
}

export type ParseResult = { ok: true; ast: QueryNode } | { ok: false; error: QueryError };

export const OPERATOR_SYMBOLS: Readonly<Record<Operator, string>> = {
  equals: '==',
  not_equals: '!=',
  greater_than: '>',
  greater_than_equal: '>=',
  less_than: '<',
  less_than_equal: '<=',
  exists: 'exists',
  not_exists: '!exists',
  in: 'in',
  not_in: '!in',
  matches: '=~',
  not_matches: '!~',
};

const STRING_OPERATORS: readonly Operator[] = [
  'equals',
  'not_equals',
  'in',
  'not_in',
  'matches',
  'not_matches',
];
const ORDER_OPERATORS: readonly Operator[] = [
  'equals',
  'not_equals',
  'greater_than',
  'greater_than_equal',
  'less_than',
  'less_than_equal',
];

/**
 * Operators each subject accepts. The guide lists them for five subjects;
 * Model: attributes take every operator (ordering compares numbers when both
 * sides are numeric), task:group the string ones plus exists (ecs-behavior §4.5).
 */
export const SUBJECT_OPERATORS: Readonly<Record<SubjectKind, readonly Operator[]>> = {
  attribute: [...ORDER_OPERATORS, 'exists', 'not_exists', 'in', 'not_in', 'matches', 'not_matches'],
  agentConnected: STRING_OPERATORS,
  ec2InstanceId: STRING_OPERATORS,
  agentVersion: ORDER_OPERATORS,
  registeredAt: ORDER_OPERATORS,
  runningTasksCount: ORDER_OPERATORS,
  taskGroup: [...STRING_OPERATORS, 'exists', 'not_exists'],
};

export function subjectText(subject: Subject): string {
  if (subject.kind === 'attribute') return `attribute:${subject.name}`;
  if (subject.kind === 'taskGroup') return 'task:group';
  return subject.kind;
}
