import { type Comparison, OPERATOR_SYMBOLS, type QueryNode, subjectText } from './ast';

// The canonical text of a query: symbol operators, single spaces, lowercase
// connectives, parentheses around every nested and/or and every negated
// operand. parseQuery(printQuery(ast)) gives back the same tree.

export function printQuery(node: QueryNode): string {
  switch (node.kind) {
    case 'compare':
      return printComparison(node);
    case 'not':
      return `not (${printQuery(node.operand)})`;
    case 'and':
    case 'or':
      return node.operands.map(printOperand).join(` ${node.kind} `);
  }
}

function printOperand(node: QueryNode): string {
  return node.kind === 'and' || node.kind === 'or' ? `(${printQuery(node)})` : printQuery(node);
}

function printComparison(node: Comparison): string {
  const head = `${subjectText(node.subject)} ${OPERATOR_SYMBOLS[node.operator]}`;
  if (node.operator === 'exists' || node.operator === 'not_exists') return head;
  if (node.operator === 'in' || node.operator === 'not_in') {
    return `${head} [${node.values.map(printValue).join(', ')}]`;
  }
  return `${head} ${printValue(node.values[0] ?? '')}`;
}

const BARE = /^[^\s()[\],'"]+$/;

export function printValue(value: string): string {
  if (BARE.test(value) && !value.includes('&&') && !value.includes('||')) return value;
  const quote = value.includes("'") && !value.includes('"') ? '"' : "'";
  let out = quote;
  for (let i = 0; i < value.length; i++) {
    const c = value.charAt(i);
    const next = value.charAt(i + 1);
    if (c === quote) out += `\\${c}`;
    // A backslash is escaped only where the lexer would otherwise read it as an escape.
    else if (c === '\\' && (i === value.length - 1 || next === '\\' || next === quote))
      out += '\\\\';
    else out += c;
  }
  return out + quote;
}
