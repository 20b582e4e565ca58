// Parsing and printing live in design/query; here is what evaluates a query against an instance.
export { type CompiledQuery, compileQueryText } from './cache';
export { compileQuery, evaluateQuery, type InstancePredicate } from './evaluator';
export { explainQuery } from './explain';
