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
} from '../../../design/query';
export { parseQuery, printQuery } from '../../../design/query';
export { type CompiledQuery, compileQueryText } from './cache';
export { compileQuery, evaluateQuery, type InstancePredicate } from './evaluator';
export { explainQuery } from './explain';
