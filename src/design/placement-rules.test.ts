import { describe, expect, it } from 'vitest';
import { parseDesign } from './parse';
import { sampleDesign } from './sample';

function withService(extra: Record<string, unknown>) {
  const doc = structuredClone(sampleDesign) as Record<string, unknown> & {
    services: Record<string, unknown>[];
  };
  doc.services[0] = { ...doc.services[0], ...extra };
  return doc;
}

describe('placement rules at the gate', () => {
  it('names the position of a memberOf syntax error', () => {
    const result = parseDesign(
      withService({
        placementConstraints: [
          { type: 'memberOf', expression: 'attribute:ecs.instance-type t2.*' },
        ],
      }),
    );
    expect(result.ok).toBe(false);
    expect(!result.ok && result.message).toMatch(
      /^services\[0\]\.placementConstraints\[0\]\.expression: at 28: expected an operator/,
    );
  });

  it('accepts the documented examples (§4.5)', () => {
    const examples = [
      'attribute:ecs.instance-type == t2.small',
      'attribute:ecs.availability-zone in [us-east-1a, us-east-1b]',
      'attribute:ecs.instance-type =~ g2.* and attribute:ecs.availability-zone != us-east-1d',
      'task:group == service:production',
      'runningTasksCount == 1',
      'agentVersion < 1.14.5',
      "ec2InstanceId in ['i-abcd1234', 'i-wxyx7890']",
      'not(task:group == database)',
    ];
    for (const expression of examples) {
      const result = parseDesign(
        withService({ placementConstraints: [{ type: 'memberOf', expression }] }),
      );
      expect(result.ok, expression).toBe(true);
    }
  });

  it('counts the task definition constraints toward the 10', () => {
    const doc = withService({
      placementConstraints: Array.from({ length: 10 }, () => ({
        type: 'memberOf',
        expression: 'runningTasksCount < 5',
      })),
    }) as unknown as Record<string, unknown> & { taskDefinitions: Record<string, unknown>[] };
    doc.taskDefinitions[0] = {
      ...doc.taskDefinitions[0],
      placementConstraints: [{ type: 'memberOf', expression: 'attribute:ecs.os-type == linux' }],
    };
    const result = parseDesign(doc);
    expect(!result.ok && result.message).toContain(
      "services[0].placementConstraints: 11 constraints with the task definition's",
    );
  });
});
