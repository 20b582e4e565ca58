import { describe, expect, it } from 'vitest';
import type { PlacementExplanation } from '../../engine';
import { instanceRows, ordinal, tieBreakPick } from './rows';

const arn = (n: number) => `arn:aws:ecs:us-east-1:1:container-instance/demo/${n}`;

const explanation: PlacementExplanation = {
  subject: 'task t (service:web)',
  ec2InstanceId: 'i-3',
  availabilityZone: 'us-east-1c',
  trace: {
    instanceCount: 4,
    rejectedCounts: [
      { label: 'insufficient memory', filter: 'memory', reason: 'RESOURCE:MEMORY', count: 1 },
    ],
    rejected: [
      { containerInstanceArn: arn(1), filter: 'memory', detail: 'needs 512 MiB, 100 free' },
    ],
    candidateCount: 3,
    defaultStrategies: false,
    strategies: [
      {
        strategy: 'binpack(memory)',
        best: 10,
        keptCount: 2,
        ranked: [
          { id: arn(2), score: 10 },
          { id: arn(3), score: 10 },
          { id: arn(4), score: 50 },
        ],
      },
    ],
    tieBreak: { among: 2, index: 1 },
  },
  instanceNames: { [arn(1)]: 'i-1', [arn(2)]: 'i-2', [arn(3)]: 'i-3', [arn(4)]: 'i-4' },
};

describe('why-panel rows', () => {
  it('lists the chosen instance first and the rejected last', () => {
    const rows = instanceRows(explanation, {
      'i-1': { kind: 'rejected', filter: 'memory', detail: 'needs 512 MiB, 100 free' },
      'i-2': { kind: 'outranked', by: 'tie-break' },
      'i-3': { kind: 'chosen' },
      'i-4': { kind: 'outranked', by: 'binpack(memory)' },
    });
    expect(rows.map((r) => r.ec2InstanceId)).toEqual(['i-3', 'i-2', 'i-4', 'i-1']);
  });

  it('names the instance the seeded tie-break took', () => {
    expect(tieBreakPick(explanation)).toBe('i-3');
  });

  it.each([
    [1, '1st'],
    [2, '2nd'],
    [3, '3rd'],
    [4, '4th'],
    [11, '11th'],
    [22, '22nd'],
  ])('ordinal %i is %s', (n, text) => expect(ordinal(n)).toBe(text));
});
