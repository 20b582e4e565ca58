import {
  type Comparison,
  OPERATOR_SYMBOLS,
  type Operator,
  type ParseResult,
  type QueryNode,
  SUBJECT_OPERATORS,
  type Subject,
  type SubjectKind,
  subjectText,
} from './ast';
import { type Lexeme, QueryLexer } from './lexer';
import { compileRegex, isBoolean, parseCount, parseDate, parseVersion } from './values';

// Recursive descent, lowest precedence first:
//   query      := or END
//   or         := and (('or' | '||') and)*
//   and        := unary (('and' | '&&') unary)*
//   unary      := ('not' | '!') unary | '(' or ')' | comparison
//   comparison := subject operator [value | '[' value (',' value)* ']']
// Model: a parenthesised single comparison is accepted everywhere; the guide
// says a single expression "can't contain parentheses" but shows
// `not(task:group == database)` (ecs-behavior §4.5).

const FIXED_SUBJECTS: Readonly<Record<string, Exclude<SubjectKind, 'attribute'>>> = {
  agentConnected: 'agentConnected',
  agentVersion: 'agentVersion',
  ec2InstanceId: 'ec2InstanceId',
  registeredAt: 'registeredAt',
  runningTasksCount: 'runningTasksCount',
  'task:group': 'taskGroup',
};

const SUBJECT_HINT =
  'attribute:<name>, agentConnected, agentVersion, ec2InstanceId, registeredAt, runningTasksCount or task:group';
const MAX_ATTRIBUTE_NAME = 128;
/** PlacementConstraint.expression: "Length Constraints: Maximum length of 2000" (ECS API reference). */
export const MAX_EXPRESSION_LENGTH = 2000;
/**
 * Model: ECS states no limit on nesting; Berth refuses more than 100 levels of
 * parentheses and negations, so a hostile expression cannot exhaust the stack
 * of this recursive parser (ecs-behavior §4.5).
 */
const MAX_DEPTH = 100;

class QuerySyntaxError extends Error {
  constructor(
    readonly position: number,
    readonly detail: string,
  ) {
    super(`at ${position}: ${detail}`);
  }
}

export function parseQuery(text: string): ParseResult {
  if (text.length > MAX_EXPRESSION_LENGTH) {
    const position = MAX_EXPRESSION_LENGTH;
    const message = `at ${position}: an expression is at most ${MAX_EXPRESSION_LENGTH} characters; this one has ${text.length}`;
    return { ok: false, error: { position, message } };
  }
  const lexer = new QueryLexer(text);
  try {
    if (lexer.atEnd()) throw new QuerySyntaxError(lexer.next(), 'empty expression');
    const ast = parseOr(lexer, 0);
    if (!lexer.atEnd()) {
      const got = lexer.describeNext();
      throw new QuerySyntaxError(lexer.next(), `expected 'and', 'or' or the end, got ${got}`);
    }
    return { ok: true, ast };
  } catch (e) {
    if (!(e instanceof QuerySyntaxError)) throw e;
    return { ok: false, error: { position: e.position, message: e.message } };
  }
}

function parseOr(lexer: QueryLexer, depth: number): QueryNode {
  const operands = [parseAnd(lexer, depth)];
  while (lexer.accept('||') || lexer.acceptKeyword('or')) operands.push(parseAnd(lexer, depth));
  return operands.length === 1 ? operands[0]! : { kind: 'or', operands };
}

function parseAnd(lexer: QueryLexer, depth: number): QueryNode {
  const operands = [parseUnary(lexer, depth)];
  while (lexer.accept('&&') || lexer.acceptKeyword('and')) operands.push(parseUnary(lexer, depth));
  return operands.length === 1 ? operands[0]! : { kind: 'and', operands };
}

function parseUnary(lexer: QueryLexer, depth: number): QueryNode {
  const open = lexer.next();
  if (lexer.accept('(')) {
    checkDepth(depth, open);
    const inner = parseOr(lexer, depth + 1);
    if (!lexer.accept(')')) {
      const got = lexer.describeNext();
      throw new QuerySyntaxError(
        lexer.next(),
        `expected ')' to close the '(' at ${open}, got ${got}`,
      );
    }
    return inner;
  }
  if (lexer.accept('!') || lexer.acceptKeyword('not')) {
    checkDepth(depth, open);
    return { kind: 'not', operand: parseUnary(lexer, depth + 1) };
  }
  return parseComparison(lexer);
}

function checkDepth(depth: number, at: number): void {
  if (depth >= MAX_DEPTH)
    throw new QuerySyntaxError(at, `more than ${MAX_DEPTH} levels of parentheses and negations`);
}

function parseComparison(lexer: QueryLexer): Comparison {
  const subject = parseSubject(lexer);
  const at = lexer.next();
  const read = lexer.readOperator();
  if (!read) {
    const got = lexer.atEnd() ? '' : `, got ${lexer.describeNext()}`;
    throw new QuerySyntaxError(
      at,
      `expected an operator (==, !=, in, =~, ...) after '${subjectText(subject)}'${got}`,
    );
  }
  const { operator, lexeme } = read;
  const allowed = SUBJECT_OPERATORS[subject.kind];
  if (!allowed.includes(operator)) {
    const valid = allowed.map((o) => OPERATOR_SYMBOLS[o]).join(', ');
    throw new QuerySyntaxError(
      lexeme.start,
      `operator '${lexeme.text}' is not valid for ${subjectText(subject)} (valid: ${valid})`,
    );
  }
  const values = parseArguments(lexer, operator, lexeme);
  return {
    kind: 'compare',
    subject,
    operator,
    values: values.map((v) => checkValue(subject, operator, v)),
  };
}

function parseSubject(lexer: QueryLexer): Subject {
  const name = lexer.readName();
  if (!name) {
    const got = lexer.describeNext();
    throw new QuerySyntaxError(lexer.next(), `expected a subject (${SUBJECT_HINT}), got ${got}`);
  }
  const fixed = FIXED_SUBJECTS[name.text];
  if (fixed) return { kind: fixed };
  if (name.text.startsWith('attribute:')) {
    const attribute = name.text.slice('attribute:'.length);
    if (attribute === '') {
      throw new QuerySyntaxError(name.start, "expected an attribute name after 'attribute:'");
    }
    if (attribute.length > MAX_ATTRIBUTE_NAME) {
      throw new QuerySyntaxError(
        name.start,
        `attribute name longer than ${MAX_ATTRIBUTE_NAME} characters`,
      );
    }
    return { kind: 'attribute', name: attribute };
  }
  const hint = Object.keys(FIXED_SUBJECTS).find((s) => s.toLowerCase() === name.text.toLowerCase());
  const didYouMean = hint ? ` (did you mean ${hint}?)` : ` (expected ${SUBJECT_HINT})`;
  throw new QuerySyntaxError(name.start, `unknown subject '${name.text}'${didYouMean}`);
}

function parseArguments(lexer: QueryLexer, operator: Operator, op: Lexeme): Lexeme[] {
  if (operator === 'exists' || operator === 'not_exists') return [];
  if (operator === 'in' || operator === 'not_in') return parseList(lexer, op);
  const value = readValue(lexer);
  if (!value) {
    const at = lexer.next();
    const hint = /[()[\],]/.test(lexer.source.charAt(at))
      ? ' (quote values that contain spaces, brackets, parentheses or commas)'
      : '';
    throw new QuerySyntaxError(at, `expected a value after '${op.text}'${hint}`);
  }
  return [value];
}

function parseList(lexer: QueryLexer, op: Lexeme): Lexeme[] {
  if (!lexer.accept('[')) {
    throw new QuerySyntaxError(lexer.next(), `expected '[' to start the list after '${op.text}'`);
  }
  const values: Lexeme[] = [];
  do {
    const value = readValue(lexer);
    if (!value) throw new QuerySyntaxError(lexer.next(), 'expected a value in the list');
    values.push(value);
  } while (lexer.accept(','));
  if (!lexer.accept(']')) {
    const got = lexer.describeNext();
    throw new QuerySyntaxError(lexer.next(), `expected ',' or ']' in the list, got ${got}`);
  }
  return values;
}

function readValue(lexer: QueryLexer): Lexeme | undefined {
  const token = lexer.readValue();
  if (token && !token.ok) throw new QuerySyntaxError(token.position, token.message);
  return token ? { text: token.value, start: token.start } : undefined;
}

/** Rejects values the subject can never compare against, at parse time rather than per instance. */
function checkValue(subject: Subject, operator: Operator, value: Lexeme): string {
  const fail = (expected: string): never => {
    throw new QuerySyntaxError(value.start, `expected ${expected}, got '${value.text}'`);
  };
  if (operator === 'matches' || operator === 'not_matches') {
    const regex = compileRegex(value.text);
    if (typeof regex === 'string') {
      throw new QuerySyntaxError(value.start, `invalid regular expression: ${regex}`);
    }
    return value.text;
  }
  switch (subject.kind) {
    case 'agentConnected':
      if (!isBoolean(value.text)) fail('true or false');
      break;
    case 'agentVersion':
      if (!parseVersion(value.text)) fail('a version such as 1.14.5');
      break;
    case 'registeredAt':
      if (!parseDate(value.text)) {
        fail(
          'a date such as 2018-06-18T22:28:28+00:00, 2018-06-18T22:28:28Z, 2018-06-18T22:28:28 or 2018-06-18',
        );
      }
      break;
    case 'runningTasksCount':
      if (parseCount(value.text) === undefined) fail('a whole number');
      break;
    default:
      break;
  }
  return value.text;
}
