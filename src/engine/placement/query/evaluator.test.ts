import { describe, expect, it } from 'vitest';
import { parseQuery } from '../../../design/query';
import { instance } from '../testing/builders';
import type { CandidateInstance } from '../types';
import { evaluateQuery } from './evaluator';
import { explainQuery } from './explain';

function matches(text: string, target: CandidateInstance): boolean {
  const result = parseQuery(text);
  if (!result.ok) throw new Error(result.error.message);
  return evaluateQuery(result.ast, target);
}

const t2small = instance({ type: 't2.small', az: 'us-east-1a' });
const g2east1d = instance({ type: 'g2.2xlarge', az: 'us-east-1d' });
const g2east1b = instance({ type: 'g2.8xlarge', az: 'us-east-1b' });
const m5 = instance({ type: 'm5.large', az: 'us-east-1c' });
const production = instance({ tasks: { 'service:production': 2 } });
const database = instance({ tasks: { database: 1, 'service:web': 1 } });
const empty = instance({ tasks: {} });
const oneTask = instance({ tasks: { 'family:batch': 1 } });
const oldAgent = instance({ agentVersion: '1.14.4' });
const newAgent = instance({ agentVersion: '1.14.10' });
const early = instance({ registeredAt: '2018-02-12T23:59:59Z' });
const onTheDay = instance({ registeredAt: '2018-02-13T10:00:00Z' });
const listed = instance({ id: 'abcd1234' });
const unlisted = instance({ id: 'zzzz0000' });

describe('evaluateQuery: the examples of ecs-behavior §4.5 on built instances', () => {
  it.each<[string, CandidateInstance, boolean]>([
    ['attribute:ecs.instance-type == t2.small', t2small, true],
    ['attribute:ecs.instance-type == t2.small', m5, false],
    ['attribute:ecs.availability-zone in [us-east-1a, us-east-1b]', t2small, true],
    ['attribute:ecs.availability-zone in [us-east-1a, us-east-1b]', m5, false],
    [
      'attribute:ecs.instance-type =~ g2.* and attribute:ecs.availability-zone != us-east-1d',
      g2east1b,
      true,
    ],
    [
      'attribute:ecs.instance-type =~ g2.* and attribute:ecs.availability-zone != us-east-1d',
      g2east1d,
      false,
    ],
    [
      'attribute:ecs.instance-type =~ g2.* and attribute:ecs.availability-zone != us-east-1d',
      m5,
      false,
    ],
    ['task:group == service:production', production, true],
    ['task:group == service:production', database, false],
    ['not(task:group == database)', database, false],
    ['not(task:group == database)', production, true],
    ['not(task:group == database)', empty, true],
    ['runningTasksCount == 1', oneTask, true],
    ['runningTasksCount == 1', production, false],
    ['agentVersion < 1.14.5', oldAgent, true],
    ['agentVersion < 1.14.5', newAgent, false],
    ['registeredAt < 2018-02-13', early, true],
    ['registeredAt < 2018-02-13', onTheDay, false],
    ["ec2InstanceId in ['i-abcd1234', 'i-wxyx7890']", listed, true],
    ["ec2InstanceId in ['i-abcd1234', 'i-wxyx7890']", unlisted, false],
  ])('%s on %#', (text, target, expected) => {
    expect(matches(text, target)).toBe(expected);
  });
});

describe('evaluateQuery: operators', () => {
  const i = instance({ type: 't3.micro', attributes: { stack: 'prod', weight: '10', bare: '' } });

  it.each<[string, boolean]>([
    ['attribute:stack == prod', true],
    ['attribute:stack != prod', false],
    ['attribute:stack exists', true],
    ['attribute:bare exists', true],
    ["attribute:bare == ''", true],
    ['attribute:missing exists', false],
    ['attribute:missing !exists', true],
    ['attribute:missing == prod', false],
    // A missing attribute satisfies the negative operators.
    ['attribute:missing != prod', true],
    ['attribute:missing not_in [prod]', true],
    ['attribute:missing !~ p.*', true],
    ['attribute:stack in [dev, prod]', true],
    ['attribute:stack !in [dev, prod]', false],
    // Java matches: the whole value, so a prefix alone does not match.
    ['attribute:ecs.instance-type =~ t3', false],
    ['attribute:ecs.instance-type =~ t3.*', true],
    ['attribute:ecs.instance-type =~ micro', false],
    ['attribute:ecs.instance-type =~ .*micro', true],
    ['attribute:ecs.instance-type !~ m5.*', true],
    ["attribute:ecs.instance-type =~ '(t3|m5)\\.micro'", true],
    // Numeric attributes order by value, others by text.
    ['attribute:weight > 9', true],
    ['attribute:weight < 9', false],
    ['attribute:stack > abc', true],
    ['agentConnected == true', true],
    ['agentConnected != true', false],
    ['agentConnected in [false]', false],
  ])('%s', (text, expected) => {
    expect(matches(text, i)).toBe(expected);
  });

  it('agentVersion compares as a semantic version', () => {
    const v = instance({ agentVersion: '1.9.0' });
    expect(matches('agentVersion < 1.10.0', v)).toBe(true);
    expect(matches('agentVersion == 1.9', v)).toBe(true);
    expect(matches('agentVersion >= 1.9.0', v)).toBe(true);
    expect(matches('agentVersion > 1.9.0', v)).toBe(false);
  });

  it.each<[string, boolean]>([
    ['registeredAt == 2018-06-18', true],
    ['registeredAt == 2018-06-18T22:28:28Z', true],
    ['registeredAt == 2018-06-18T22:28:28+00:00', true],
    ['registeredAt == 2018-06-18T22:28:28', true],
    ['registeredAt == 2018-06-19T00:28:28+02:00', true],
    ['registeredAt > 2018-06-18T22:28:27Z', true],
    ['registeredAt > 2018-06-18', false],
    ['registeredAt <= 2018-06-18', true],
    ['registeredAt >= 2018-06-19', false],
    ['registeredAt != 2018-06-17', true],
  ])('registeredAt takes the 4 date forms: %s', (text, expected) => {
    expect(matches(text, instance({ registeredAt: '2018-06-18T22:28:28Z' }))).toBe(expected);
  });

  it('task:group holds when any live task has a matching group', () => {
    expect(matches('task:group =~ service:.*', database)).toBe(true);
    expect(matches('task:group in [batch, database]', database)).toBe(true);
    expect(matches('task:group exists', database)).toBe(true);
    expect(matches('task:group exists', empty)).toBe(false);
    expect(matches('task:group !exists', empty)).toBe(true);
    expect(matches('task:group == database', instance({ tasks: { database: 0 } }))).toBe(false);
  });

  it('ec2InstanceId matches a pattern', () => {
    expect(matches('ec2InstanceId =~ i-abcd.*', listed)).toBe(true);
  });
});

describe('explainQuery', () => {
  it("names each subject's value on the instance", () => {
    const result = parseQuery(
      'attribute:ecs.instance-type =~ m5.* and attribute:rack exists or task:group == db or runningTasksCount < 2',
    );
    if (!result.ok) throw new Error(result.error.message);
    expect(
      explainQuery(result.ast, instance({ type: 't3.micro', tasks: { 'service:a': 2 } })),
    ).toBe(
      'ecs.instance-type is t3.micro, rack is not set, task groups here: service:a, runningTasksCount is 2',
    );
  });
});
