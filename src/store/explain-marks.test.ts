import { describe, expect, it } from 'vitest';
import type { DesignDocument } from '../design';
import { createSimulation } from '../engine';
import { sampleDocument } from './design-storage';
import { setCustomAttributes, updateService } from './edits';
import { closestMatchArn, placementMarks } from './explain-marks';

const [a, b, c] = ['i-0a1b2c3d4e5f60001', 'i-0a1b2c3d4e5f60002', 'i-0a1b2c3d4e5f60003'];

function run(design: DesignDocument, seconds = 30) {
  const sim = createSimulation({ ...design, script: [] });
  const frame = sim.advance(seconds * 1000);
  return { sim, frame };
}

describe('placementMarks', () => {
  it('marks nothing without an explanation', () => {
    expect(placementMarks(null)).toEqual({});
  });

  it('marks the chosen instance and the candidates the strategies ranked lower', () => {
    const { sim, frame } = run(sampleDocument());
    const task = frame.tasks.find((t) => t.ec2InstanceId === c);
    if (!task) throw new Error('no task on the third instance');
    const marks = placementMarks(sim.explainTask(task.taskArn) ?? null);
    expect(marks[c]).toEqual({ kind: 'chosen' });
    // Every zone had no task yet: the others lost only the seeded tie-break.
    expect(marks[a]).toEqual({ kind: 'outranked', by: 'tie-break' });
    expect(marks[b]).toEqual({ kind: 'outranked', by: 'tie-break' });
  });

  it('marks a waiting service: every instance rejected, the closest match apart', () => {
    const base = setCustomAttributes(sampleDocument(), b, [{ name: 'tier', value: 'web' }]);
    const design = updateService(base, 'web', {
      placementConstraints: [{ type: 'memberOf', expression: 'attribute:tier == gpu' }],
    });
    const { sim } = run(design);
    const explanation = sim.explainService('web') ?? null;
    const closest = explanation && closestMatchArn(explanation);
    expect(closest && explanation?.instanceNames[closest]).toBe(a);
    const marks = placementMarks(explanation);
    expect(marks[a]).toMatchObject({ kind: 'closest', filter: 'memberOf' });
    expect(marks[b]).toEqual({
      kind: 'rejected',
      filter: 'memberOf',
      detail: expect.stringContaining('memberOf(attribute:tier == gpu)'),
    });
    expect(Object.keys(marks)).toHaveLength(3);
  });

  it('names the strategy that ranked a candidate lower', () => {
    const design = updateService(sampleDocument(), 'web', {
      desiredCount: 4,
      placementStrategy: [{ type: 'binpack', field: 'memory' }],
    });
    const { sim, frame } = run(design);
    const task = frame.tasks.at(-1);
    if (!task) throw new Error('no task');
    const marks = placementMarks(sim.explainTask(task.taskArn) ?? null);
    const chosen = Object.entries(marks).filter(([, m]) => m.kind === 'chosen');
    expect(chosen).toHaveLength(1);
    expect(Object.values(marks).filter((m) => m.kind === 'outranked')).toContainEqual({
      kind: 'outranked',
      by: 'binpack(memory)',
    });
  });
});
