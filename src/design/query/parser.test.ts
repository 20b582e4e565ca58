import { describe, expect, it } from 'vitest';
import type { QueryNode } from './ast';
import { parseQuery } from './parser';

function ast(text: string): QueryNode {
  const result = parseQuery(text);
  if (!result.ok) throw new Error(result.error.message);
  return result.ast;
}

const attr = (name: string) => ({ kind: 'attribute' as const, name });

describe('parseQuery: the examples of ecs-behavior §4.5', () => {
  it.each<[string, QueryNode]>([
    [
      'attribute:ecs.instance-type == t2.small',
      {
        kind: 'compare',
        subject: attr('ecs.instance-type'),
        operator: 'equals',
        values: ['t2.small'],
      },
    ],
    [
      'attribute:ecs.availability-zone in [us-east-1a, us-east-1b]',
      {
        kind: 'compare',
        subject: attr('ecs.availability-zone'),
        operator: 'in',
        values: ['us-east-1a', 'us-east-1b'],
      },
    ],
    [
      'attribute:ecs.instance-type =~ g2.* and attribute:ecs.availability-zone != us-east-1d',
      {
        kind: 'and',
        operands: [
          {
            kind: 'compare',
            subject: attr('ecs.instance-type'),
            operator: 'matches',
            values: ['g2.*'],
          },
          {
            kind: 'compare',
            subject: attr('ecs.availability-zone'),
            operator: 'not_equals',
            values: ['us-east-1d'],
          },
        ],
      },
    ],
    [
      'task:group == service:production',
      {
        kind: 'compare',
        subject: { kind: 'taskGroup' },
        operator: 'equals',
        values: ['service:production'],
      },
    ],
    [
      'not(task:group == database)',
      {
        kind: 'not',
        operand: {
          kind: 'compare',
          subject: { kind: 'taskGroup' },
          operator: 'equals',
          values: ['database'],
        },
      },
    ],
    [
      'runningTasksCount == 1',
      {
        kind: 'compare',
        subject: { kind: 'runningTasksCount' },
        operator: 'equals',
        values: ['1'],
      },
    ],
    [
      'agentVersion < 1.14.5',
      {
        kind: 'compare',
        subject: { kind: 'agentVersion' },
        operator: 'less_than',
        values: ['1.14.5'],
      },
    ],
    [
      'registeredAt < 2018-02-13',
      {
        kind: 'compare',
        subject: { kind: 'registeredAt' },
        operator: 'less_than',
        values: ['2018-02-13'],
      },
    ],
    [
      "ec2InstanceId in ['i-abcd1234', 'i-wxyx7890']",
      {
        kind: 'compare',
        subject: { kind: 'ec2InstanceId' },
        operator: 'in',
        values: ['i-abcd1234', 'i-wxyx7890'],
      },
    ],
  ])('%s', (text, expected) => {
    expect(ast(text)).toEqual(expected);
  });
});

describe('parseQuery: operator spellings', () => {
  it.each([
    ['==', 'equals'],
    ['!=', 'not_equals'],
    ['>', 'greater_than'],
    ['>=', 'greater_than_equal'],
    ['<', 'less_than'],
    ['<=', 'less_than_equal'],
    ['=~', 'matches'],
    ['!~', 'not_matches'],
  ])('%s and %s give the same tree', (symbol, word) => {
    expect(ast(`attribute:x ${symbol} 5`)).toEqual(ast(`attribute:x ${word} 5`));
  });

  it.each([
    ['!in', 'not_in'],
    ['in', 'in'],
  ])('%s and %s take a list', (symbol, word) => {
    expect(ast(`attribute:x ${symbol} [a]`)).toEqual(ast(`attribute:x ${word} [a]`));
  });

  it('exists takes no argument, !exists and not_exists agree', () => {
    expect(ast('attribute:gpu exists')).toEqual({
      kind: 'compare',
      subject: attr('gpu'),
      operator: 'exists',
      values: [],
    });
    expect(ast('attribute:gpu !exists')).toEqual(ast('attribute:gpu not_exists'));
  });

  it('symbols need no spaces around them', () => {
    expect(ast('attribute:ecs.instance-type==t2.small&&runningTasksCount<3')).toEqual(
      ast('attribute:ecs.instance-type == t2.small and runningTasksCount < 3'),
    );
  });
});

describe('parseQuery: compound expressions', () => {
  it('and binds tighter than or, not tighter than and', () => {
    expect(ast('attribute:a == 1 or attribute:b == 2 and not attribute:c == 3')).toEqual({
      kind: 'or',
      operands: [
        { kind: 'compare', subject: attr('a'), operator: 'equals', values: ['1'] },
        {
          kind: 'and',
          operands: [
            { kind: 'compare', subject: attr('b'), operator: 'equals', values: ['2'] },
            {
              kind: 'not',
              operand: { kind: 'compare', subject: attr('c'), operator: 'equals', values: ['3'] },
            },
          ],
        },
      ],
    });
  });

  it('parentheses set precedence: (e1 or e2) and e3', () => {
    const tree = ast('(attribute:a == 1 || attribute:b == 2) && !(attribute:c == 3)');
    expect(tree.kind).toBe('and');
    expect(tree.kind === 'and' && tree.operands.map((o) => o.kind)).toEqual(['or', 'not']);
  });

  it('chains flatten: a and b and c is one node', () => {
    const tree = ast('attribute:a exists and attribute:b exists AND attribute:c exists');
    expect(tree.kind === 'and' && tree.operands.length).toBe(3);
  });

  it('quoted values keep spaces, brackets and escaped quotes', () => {
    expect(ast(`attribute:team == 'blue team (east), "x"'`)).toMatchObject({
      values: ['blue team (east), "x"'],
    });
    expect(ast(String.raw`attribute:note == 'it\'s'`)).toMatchObject({ values: ["it's"] });
    expect(ast(String.raw`attribute:id =~ '\d+'`)).toMatchObject({ values: [String.raw`\d+`] });
    expect(ast(`attribute:flag == ''`)).toMatchObject({ values: [''] });
  });
});

describe('parseQuery: errors say where and what was expected', () => {
  it.each([
    [
      'attribute:ecs.instance-type',
      27,
      "at 27: expected an operator (==, !=, in, =~, ...) after 'attribute:ecs.instance-type'",
    ],
    [
      'attribute:ecs.instance-type t2.small',
      28,
      "at 28: expected an operator (==, !=, in, =~, ...) after 'attribute:ecs.instance-type', got 't2.small'",
    ],
    ['', 0, 'at 0: empty expression'],
    ['instanceType == t2.small', 0, 'at 0: unknown subject'],
    ['agentconnected == true', 0, 'did you mean agentConnected?'],
    ['attribute: == x', 0, "at 0: expected an attribute name after 'attribute:'"],
    ['ec2InstanceId > i-1', 14, "at 14: operator '>' is not valid for ec2InstanceId"],
    ['runningTasksCount =~ 1', 18, "operator '=~' is not valid for runningTasksCount"],
    ['attribute:x ==', 14, "at 14: expected a value after '=='"],
    ['attribute:x in a, b', 15, "at 15: expected '[' to start the list after 'in'"],
    ['attribute:x in [a b]', 18, "at 18: expected ',' or ']' in the list, got 'b]'"],
    ['attribute:x in []', 16, 'at 16: expected a value in the list'],
    ["attribute:x == 'open", 15, 'at 15: unterminated'],
    ['agentVersion < latest', 15, "at 15: expected a version such as 1.14.5, got 'latest'"],
    ['registeredAt < yesterday', 15, 'at 15: expected a date'],
    ['registeredAt < 2018-02-30', 15, 'at 15: expected a date'],
    ['runningTasksCount > -1', 20, 'at 20: expected a whole number'],
    ['agentConnected == yes', 18, 'at 18: expected true or false'],
    ["attribute:x =~ '(a'", 15, 'at 15: invalid regular expression'],
    ['attribute:x =~ (a|b)', 15, "at 15: expected a value after '=~' (quote values that contain"],
    ['(attribute:x exists', 19, "at 19: expected ')' to close the '(' at 0"],
    ['attribute:x exists attribute:y exists', 19, "at 19: expected 'and', 'or' or the end"],
    ['attribute:x exists and', 22, 'at 22: expected a subject'],
  ])('%j', (text, position, message) => {
    const result = parseQuery(text);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error.position).toBe(position);
    expect(result.error.message).toContain(message);
  });
});
