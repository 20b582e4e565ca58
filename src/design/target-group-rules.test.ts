import { describe, expect, it } from 'vitest';
import type { TargetGroup } from './elb-shapes';
import { checkTargetGroup } from './target-group-rules';

const text = (tg: TargetGroup) =>
  checkTargetGroup(tg, 'targetGroups[0]').map((i) => `${i.path}: ${i.message}`);

describe('CreateTargetGroup: Protocol', () => {
  it('is required for instance, ip and alb target groups, the default type included', () => {
    expect(text({ Name: 'web' })).toEqual([
      'targetGroups[0].Protocol: is required for TargetType instance (the default): ELB refuses it with "A protocol must be specified"; only a lambda target group goes without',
    ]);
    for (const TargetType of ['instance', 'ip', 'alb'] as const)
      expect(text({ Name: 'web', TargetType })).toEqual([
        `targetGroups[0].Protocol: is required for TargetType ${TargetType}: ELB refuses it with "A protocol must be specified"; only a lambda target group goes without`,
      ]);
  });

  it('does not apply to a lambda target group, and is met by any protocol', () => {
    expect(text({ Name: 'fn', TargetType: 'lambda' })).toEqual([]);
    expect(text({ Name: 'web', Protocol: 'HTTP' })).toEqual([]);
    expect(text({ Name: 'tcp', Protocol: 'TCP', TargetType: 'ip' })).toEqual([]);
  });
});
