import { describe, expect, it } from 'vitest';
import { minutes, service } from '../testing/builders';
import { simulate } from '../testing/harness';
import { scaleInStep, scaleOutStep } from './managed-scaling';
import { binPack, cprOf } from './reservation';
import type { GroupState, ProviderState } from './state';
import { asgDesign, onProvider } from './testing';

// Managed scaling (ecs-behavior §13.2): CPR = M / N x 100, target, steps, warm-up, the
// 15-datapoint scale-in, managed termination protection, tasks waiting in PROVISIONING.

const cpr = (run: ReturnType<typeof simulate>) =>
  run.frames
    .flatMap((f) => f.metrics)
    .filter((m) => m.MetricName === 'CapacityProviderReservation')
    .map((m) => [m.Timestamp.slice(11, 16), m.Value]);

const desired = (run: ReturnType<typeof simulate>) =>
  run.sim.checkpoint().capacity?.groups.nodes?.desiredCapacity;

describe('CapacityProviderReservation', () => {
  it.each([
    [0, 0, 100],
    [1, 0, 200],
    [5, 0, 200],
    [3, 4, 75],
    [4, 4, 100],
    [2, 3, 66.67],
    [6, 2, 300],
  ])('M %i, N %i: %f', (m, n, value) => {
    expect(cprOf(m, n)).toBe(value);
  });

  it('bin-packs waiting tasks on the instance type; one that cannot fit is left out', () => {
    const t = (cpu: number, memoryMiB = 512) => ({ cpu, memoryMiB, eni: 0, ports: [] });
    // m5.large registers 2,048 CPU units.
    expect(binPack([t(1024), t(1024), t(1024), t(1024)], 'm5.large', [])).toBe(2);
    expect(binPack([t(1024), t(1024), t(4096)], 'm5.large', [])).toBe(1);
    // A daemon's 1,024 units on every instance leave room for one task each.
    expect(binPack([t(1024), t(1024)], 'm5.large', [t(1024)])).toBe(2);
    // A static host port: one task per instance.
    const port = { cpu: 256, memoryMiB: 256, eni: 0, ports: [80] };
    expect(binPack([port, port, port], 'm5.large', [])).toBe(3);
  });
});

describe('scaling steps', () => {
  const provider = (ms: Partial<ProviderState['managedScaling']> = {}): ProviderState => ({
    name: 'cp',
    arn: '',
    group: 'nodes',
    managedScaling: {
      status: 'ENABLED',
      targetCapacity: 100,
      minimumScalingStepSize: 1,
      maximumScalingStepSize: 10000,
      instanceWarmupPeriod: 300,
      ...ms,
    },
    managedTerminationProtection: false,
    belowTarget: 0,
  });
  const group = (types = ['m5.large']) => ({ instanceTypes: types }) as GroupState;

  it.each<[string, Partial<ProviderState['managedScaling']>, number, number, string[], number]>([
    ['from zero: 200%, two instances', {}, 1, 0, ['m5.large'], 2],
    ['from zero with 10 tasks: still two', {}, 10, 0, ['m5.large'], 2],
    ['M - N', {}, 6, 2, ['m5.large'], 4],
    ['below the minimum step: the minimum', { minimumScalingStepSize: 5 }, 6, 2, ['m5.large'], 5],
    ['above the maximum step: the maximum', { maximumScalingStepSize: 3 }, 10, 2, ['m5.large'], 3],
    ['target 50: instances for M at half', { targetCapacity: 50 }, 3, 2, ['m5.large'], 4],
    [
      'several types: exactly the minimum',
      { minimumScalingStepSize: 2 },
      10,
      2,
      ['m5.large', 'c5.large'],
      2,
    ],
  ])('%s', (_label, ms, m, n, types, step) => {
    expect(scaleOutStep(provider(ms), group(types), { m, n, value: cprOf(m, n) })).toBe(step);
  });

  it.each([
    [0, 2, 1],
    [1, 2, 1],
    [2, 10, 4],
    [5, 6, 1],
    [4, 4, 0],
  ])('scale-in with M %i, N %i removes %i', (m, n, step) => {
    expect(scaleInStep(provider(), { m, n, value: cprOf(m, n) })).toBe(step);
  });
});

describe('managed scaling in a run', () => {
  it('from zero: a task waits PROVISIONING, CPR 200 adds two instances, the task runs once one registers', () => {
    const run = simulate(asgDesign({ services: [service('web', 1, onProvider)] })).until(
      minutes(0),
    );
    expect(run.tasks({ lastStatus: 'PROVISIONING' })).toHaveLength(1);
    expect(run.tasks()[0]?.containerInstanceArn).toBeUndefined();
    run.until(minutes(2));
    expect(desired(run)).toBe(2);
    const [task] = run.sim.describe().tasks;
    expect(task?.lastStatus).toBe('RUNNING');
    expect(task?.capacityProviderName).toBe('cp');
    expect(task?.launchType).toBe('EC2');
    expect(task?.startedAt).toBe('2026-01-01T00:01:13.000Z');
    expect(cpr(run)).toEqual([
      ['00:00', 200],
      ['00:01', 50],
      ['00:02', 50],
    ]);
    const metric = run.frames
      .flatMap((f) => f.metrics)
      .find((m) => m.MetricName === 'CapacityProviderReservation');
    expect(metric?.Namespace).toBe('AWS/ECS/ManagedScaling');
    expect(metric?.Dimensions).toEqual([
      { Name: 'ClusterName', Value: 'test' },
      { Name: 'CapacityProviderName', Value: 'cp' },
    ]);
  });

  it('scale-in after 15 datapoints below target; only the empty instance terminates', () => {
    const run = simulate(asgDesign({ services: [service('web', 1, onProvider)] })).until(
      minutes(14),
    );
    expect(desired(run)).toBe(2);
    run.until(minutes(15));
    // Datapoints 1:00 ... 15:00 at 50%: the fifteenth lowers the desired capacity.
    expect(desired(run)).toBe(1);
    run.until(minutes(17));
    const active = run.sim.snapshot().instances.filter((i) => i.status === 'ACTIVE');
    expect(active).toHaveLength(1);
    expect(active[0]?.runningTasksCount).toBe(1);
    expect(run.tasks({ lastStatus: 'RUNNING' })).toHaveLength(1);
    expect(cpr(run).slice(-2)).toEqual([
      ['00:16', 100],
      ['00:17', 100],
    ]);
  });

  it('warm-up holds the next scale-out until 300 s after the last launch', () => {
    // One 2,048-unit task fills an m5.large: six tasks need six instances.
    const run = simulate(
      asgDesign({ taskCpu: 2048, services: [service('web', 6, onProvider)] }),
    ).until(minutes(4));
    expect(desired(run)).toBe(2);
    expect(cpr(run).slice(0, 3)).toEqual([
      ['00:00', 200],
      ['00:01', 300],
      ['00:02', 300],
    ]);
    run.until(minutes(5));
    expect(desired(run)).toBe(6);
    run.until(minutes(7));
    expect(run.tasks({ lastStatus: 'RUNNING' })).toHaveLength(6);
    expect(cpr(run).slice(-2)).toEqual([
      ['00:06', 100],
      ['00:07', 100],
    ]);
  });

  it('maximumScalingStepSize bounds each step; MaxSize bounds the group', () => {
    const d = asgDesign({
      taskCpu: 2048,
      managedScaling: { maximumScalingStepSize: 2, instanceWarmupPeriod: 60 },
      group: { MaxSize: 5 },
      services: [service('web', 8, onProvider)],
    });
    const run = simulate(d).until(minutes(10));
    expect(desired(run)).toBe(5);
    expect(run.tasks({ lastStatus: 'RUNNING' })).toHaveLength(5);
    expect(run.tasks({ lastStatus: 'PROVISIONING' })).toHaveLength(3);
  });

  it('a scale-out cancels a scale-in under way', () => {
    const run = simulate(asgDesign({ taskCpu: 2048, services: [service('web', 1, onProvider)] }))
      .until(minutes(10))
      .apply({
        action: 'UpdateService',
        input: { cluster: 'test', service: 'web', desiredCount: 3 },
      })
      .until(minutes(11));
    expect(run.sim.checkpoint().capacity?.providers.cp?.belowTarget).toBe(0);
    run.until(minutes(20));
    expect(desired(run)).toBe(3);
  });

  it('N = 0 and M = 0: CPR 100 and nothing moves', () => {
    const run = simulate(asgDesign()).until(minutes(3));
    expect(cpr(run).map(([, v]) => v)).toEqual([100, 100, 100, 100]);
    expect(desired(run)).toBe(0);
  });
});
