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
export { OPERATOR_SYMBOLS, SUBJECT_OPERATORS, subjectText } from './ast';
export { parseQuery } from './parser';
export { printQuery, printValue } from './printer';
export { compareVersions, compileRegex, parseDate, parseVersion } from './values';
