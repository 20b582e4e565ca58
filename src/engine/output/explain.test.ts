import { describe, expect, it } from 'vitest';
import type { PlacementStrategy } from '../../design';
import { asgDesign, onProvider } from '../capacity/testing';
import { restoreSimulation } from '../simulation';
import { design, instance, minutes, seconds, service, taskDefinition } from '../testing/builders';
import { simulate } from '../testing/harness';

// "Why here?" marks each instance from the trace: rejected by a filter, ranked by a
// strategy, or chosen. An instance the trace does not name reads as one that joined
// after the decision, so every instance present at the decision must be named.

const ROWS: { name: string; placementStrategy?: PlacementStrategy[] }[] = [
  { name: 'RunTask default (random)' },
  { name: 'random given', placementStrategy: [{ type: 'random' }] },
  {
    name: 'binpack then random',
    placementStrategy: [{ type: 'binpack', field: 'cpu' }, { type: 'random' }],
  },
];

describe('explainTask names every instance the decision saw', () => {
  it.each(ROWS)('$name', ({ placementStrategy }) => {
    const d = design({
      containerInstances: [
        instance({ id: 'i-000000000000000a1', az: 'us-east-1a' }),
        instance({ id: 'i-000000000000000b1', az: 'us-east-1b' }),
        instance({ id: 'i-000000000000000c1', az: 'us-east-1c' }),
        // t3.micro registers ~998 MiB: too small for the task, so the filters reject it.
        instance({ id: 'i-000000000000000d1', type: 't3.micro' }),
      ],
      taskDefinitions: [taskDefinition('batch', { cpu: 256, memory: 1024 })],
    });
    const run = simulate(d)
      .apply({
        action: 'RunTask',
        input: {
          cluster: 'test',
          taskDefinition: 'batch',
          ...(placementStrategy ? { placementStrategy } : {}),
        },
      })
      .until(seconds(1));
    const task = run.tasks()[0];
    const explanation = run.sim.explainTask(task?.taskArn ?? '');
    expect(explanation).toBeDefined();
    if (!explanation) return;
    const trace = explanation.trace;
    expect(trace.instanceCount).toBe(4);
    expect(trace.candidateCount).toBe(3);
    const rejected = new Set((trace.rejected ?? []).map((r) => r.containerInstanceArn));
    const ranked = new Set((trace.strategies[0]?.ranked ?? []).map((r) => r.id));
    expect(rejected.size).toBe(1);
    // Every candidate is in the first strategy's list: the draw was among all three.
    expect(ranked.size).toBe(3);
    for (const arn of Object.keys(explanation.instanceNames)) {
      expect(rejected.has(arn) || ranked.has(arn), explanation.instanceNames[arn]).toBe(true);
    }
    const random = trace.strategies.find((s) => s.strategy === 'random');
    expect(random?.keptCount).toBe(1);
    expect(random?.best).toBeUndefined();
  });
});

describe('"Why here?" for a task that waited for its capacity provider', () => {
  it('is rebuilt on demand, the same after a checkpoint round trip, and asking changes nothing', () => {
    const run = simulate(asgDesign({ services: [service('web', 3, onProvider)] })).until(
      minutes(3),
    );
    const tasks = run.sim.describe().tasks.filter((t) => t.lastStatus === 'RUNNING');
    expect(tasks.length).toBe(3);
    const before = JSON.stringify(run.sim.checkpoint());
    // The checkpoint keeps what rebuilds the trace, not the trace.
    expect(before).not.toContain('"placementTrace"');
    const restored = restoreSimulation(JSON.parse(before));
    for (const t of tasks) {
      const explanation = run.sim.explainTask(String(t.taskArn));
      expect(explanation?.ec2InstanceId).toBeDefined();
      const instance = run.sim
        .describe()
        .containerInstances.find((i) => i.containerInstanceArn === t.containerInstanceArn);
      expect(explanation?.ec2InstanceId).toBe(instance?.ec2InstanceId);
      const trace = explanation?.trace;
      expect(trace?.candidateCount).toBeGreaterThan(0);
      expect(trace?.tieBreak).toBeDefined();
      expect(restored.explainTask(String(t.taskArn))).toEqual(explanation);
    }
    expect(JSON.stringify(run.sim.checkpoint())).toBe(before);
  });
});
