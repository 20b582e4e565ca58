import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseDesign } from '../../../design';
import { listenerGroups } from './traffic-groups';
import { callLines } from './use-chart-input';

function fixture(name: string) {
  const parsed = parseDesign(readFileSync(`e2e/designs/${name}.json`, 'utf8'));
  if (!parsed.ok) throw new Error(parsed.message);
  return parsed.design;
}

describe('what the traffic and calls modes draw', () => {
  it("a canary's listener splits between its service's two groups", () => {
    expect(listenerGroups(fixture('canary'))).toEqual([
      {
        id: 'arn:aws:elasticloadbalancing:us-east-1:123456789012:listener/app/front/50dc6c495c0c9188/f2f7dc8efc522ab2',
        label: 'front HTTP:80',
        targetGroups: ['blue', 'green'],
      },
    ]);
  });

  it("a CodeDeploy group's listener splits between the pair it shifts, though it forwards to blue", () => {
    expect(listenerGroups(fixture('codedeploy'))[0]?.targetGroups).toEqual(['blue', 'green']);
  });

  it('each call names its route: Cloud Map DNS or Service Connect', () => {
    expect(callLines(fixture('discovery'))).toEqual([
      { label: 'dns-client → api.berth.local:8080', via: 'DNS' },
      { label: 'sc-client → api.berth.local:8080', via: 'Service Connect' },
    ]);
  });
});
