export type {
  Comparison,
  Conjunction,
  Negation,
  Operator,
  ParseResult,
  QueryError,
  QueryNode,
  Subject,
  SubjectKind,
} from './ast';
export { type CompiledQuery, compileQueryText } from './cache';
export { compileQuery, evaluateQuery, type InstancePredicate } from './evaluator';
export { explainQuery } from './explain';
export { parseQuery } from './parser';
export { printQuery } from './printer';
