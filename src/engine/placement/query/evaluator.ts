import type { Comparison, Operator, QueryNode } from '../../../design/query';
import { compareVersions, compileRegex, parseDate, parseVersion } from '../../../design/query';
import type { CandidateInstance } from '../types';

// Queries compile once into closures: regexes, dates, versions and lists are
// read from the tree a single time, and each instance costs a few compares.

export type InstancePredicate = (instance: CandidateInstance) => boolean;
type ValueTest = (value: string | undefined) => boolean;

const compiled = new WeakMap<QueryNode, InstancePredicate>();

export function evaluateQuery(ast: QueryNode, instance: CandidateInstance): boolean {
  let predicate = compiled.get(ast);
  if (!predicate) {
    predicate = compileQuery(ast);
    compiled.set(ast, predicate);
  }
  return predicate(instance);
}

export function compileQuery(node: QueryNode): InstancePredicate {
  switch (node.kind) {
    case 'not': {
      const operand = compileQuery(node.operand);
      return (instance) => !operand(instance);
    }
    case 'and': {
      const operands = node.operands.map(compileQuery);
      return (instance) => operands.every((p) => p(instance));
    }
    case 'or': {
      const operands = node.operands.map(compileQuery);
      return (instance) => operands.some((p) => p(instance));
    }
    case 'compare':
      return compileComparison(node);
  }
}

function compileComparison(node: Comparison): InstancePredicate {
  const { subject, operator, values } = node;
  switch (subject.kind) {
    case 'attribute': {
      const test = stringTest(operator, values);
      const name = subject.name;
      return (instance) => test(instance.attributes[name]);
    }
    case 'agentConnected': {
      const test = stringTest(operator, values);
      return (instance) => test(String(instance.agentConnected));
    }
    case 'ec2InstanceId': {
      const test = stringTest(operator, values);
      return (instance) => test(instance.ec2InstanceId);
    }
    case 'agentVersion': {
      const wanted = parseVersion(values[0] ?? '') ?? [];
      return (instance) => {
        const version = cachedVersion(instance.agentVersion);
        // An unreadable agent version matches only `!=`.
        if (!version) return operator === 'not_equals';
        return ordered(operator, compareVersions(version, wanted));
      };
    }
    case 'runningTasksCount': {
      const wanted = Number(values[0]);
      return (instance) => ordered(operator, instance.runningTasksCount - wanted);
    }
    case 'registeredAt':
      return registeredAtTest(operator, values[0] ?? '');
    case 'taskGroup':
      return taskGroupTest(operator, values);
  }
}

/**
 * Negative operators are the negation of their positive twin, so an
 * attribute the instance lacks satisfies `!=`, `not_in` and `!~`.
 */
function stringTest(operator: Operator, values: readonly string[]): ValueTest {
  const first = values[0] ?? '';
  switch (operator) {
    case 'exists':
      return (v) => v !== undefined;
    case 'not_exists':
      return (v) => v === undefined;
    case 'equals':
      return (v) => v === first;
    case 'not_equals':
      return (v) => v !== first;
    case 'in': {
      const set = new Set(values);
      return (v) => v !== undefined && set.has(v);
    }
    case 'not_in': {
      const set = new Set(values);
      return (v) => v === undefined || !set.has(v);
    }
    case 'matches':
    case 'not_matches': {
      const regex = compileRegex(first);
      const positive = operator === 'matches';
      if (typeof regex === 'string') return () => !positive;
      return (v) => (v !== undefined && regex.test(v)) === positive;
    }
    default:
      return (v) => v !== undefined && ordered(operator, compareLoose(v, first));
  }
}

function registeredAtTest(operator: Operator, text: string): InstancePredicate {
  const date = parseDate(text);
  if (!date) return () => operator === 'not_equals';
  const { atMs, spanMs } = date;
  const endMs = atMs + spanMs;
  // A value is as precise as it is written: `== 2018-06-18` means that whole UTC day.
  switch (operator) {
    case 'equals':
      return (i) => i.registeredAtMs >= atMs && i.registeredAtMs < endMs;
    case 'not_equals':
      return (i) => i.registeredAtMs < atMs || i.registeredAtMs >= endMs;
    case 'less_than':
      return (i) => i.registeredAtMs < atMs;
    case 'less_than_equal':
      return (i) => i.registeredAtMs < endMs;
    case 'greater_than':
      return (i) => i.registeredAtMs >= endMs;
    default:
      return (i) => i.registeredAtMs >= atMs;
  }
}

/**
 * Model: `task:group <op> <value>` holds when any live task on the instance
 * has a group satisfying the operator; `exists` means any task at all and
 * `!exists` none. For "no task of group X here" write
 * `not(task:group == X)` as the guide does (ecs-behavior §4.5).
 */
function taskGroupTest(operator: Operator, values: readonly string[]): InstancePredicate {
  if (operator === 'exists' || operator === 'not_exists') {
    const wanted = operator === 'exists';
    return (instance) => hasAnyGroup(instance, () => true) === wanted;
  }
  const test = stringTest(operator, values);
  return (instance) => hasAnyGroup(instance, test);
}

function hasAnyGroup(instance: CandidateInstance, test: ValueTest): boolean {
  const counts = instance.taskGroupCounts;
  for (const group in counts) {
    if ((counts[group] ?? 0) > 0 && test(group)) return true;
  }
  return false;
}

function ordered(operator: Operator, diff: number): boolean {
  switch (operator) {
    case 'equals':
      return diff === 0;
    case 'not_equals':
      return diff !== 0;
    case 'greater_than':
      return diff > 0;
    case 'greater_than_equal':
      return diff >= 0;
    case 'less_than':
      return diff < 0;
    case 'less_than_equal':
      return diff <= 0;
    default:
      return false;
  }
}

const NUMBER = /^-?\d+(\.\d+)?$/;

/** Attribute ordering: numbers by value when both sides are numeric, otherwise by code unit. */
function compareLoose(a: string, b: string): number {
  if (NUMBER.test(a) && NUMBER.test(b)) return Number(a) - Number(b);
  return a < b ? -1 : a > b ? 1 : 0;
}

// Agent versions repeat across a cluster; parse each distinct string once.
const versions = new Map<string, number[] | undefined>();

function cachedVersion(text: string): number[] | undefined {
  if (versions.has(text)) return versions.get(text);
  if (versions.size > 1000) versions.clear();
  const parsed = parseVersion(text);
  versions.set(text, parsed);
  return parsed;
}
