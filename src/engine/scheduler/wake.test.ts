import { describe, expect, it } from 'vitest';
import { design, instance, minutes, seconds, service, taskDefinition } from '../testing/builders';
import { simulate } from '../testing/harness';

describe('a waiting service is woken by every change that frees capacity', () => {
  it("another service's scale-in of PENDING tasks lets the waiting one in at once", () => {
    // m5.large registers 7,987 MiB: 7 x 1,024 leave 819, too little for worker's 2,048.
    const d = design({
      containerInstances: [instance({ id: 'i-000000000000000a1' })],
      taskDefinitions: [
        taskDefinition('api', { cpu: 0, memory: 1024 }),
        taskDefinition('worker', { cpu: 0, memory: 2048 }),
      ],
      services: [service('api', 7), service('worker', 1)],
      // At 5 s api's tasks are still pulling their image (PENDING): they stop with no timer.
      script: [
        {
          at: 5,
          action: 'UpdateService',
          input: { cluster: 'test', service: 'api', desiredCount: 2 },
        },
      ],
    });
    const run = simulate(d).until(4_000);
    expect(
      run.sim.snapshot().services.find((s) => s.serviceName === 'worker')?.placementFailure,
    ).toMatch(/insufficient memory/);
    run.until(5_001);
    const at5 = run.sim.snapshot();
    // 7,987 - 2 x 1,024 = 5,939 MiB free: worker's task is placed in the same instant.
    expect(at5.services.find((s) => s.serviceName === 'worker')?.placementFailure).toBeUndefined();
    expect(
      at5.tasks.filter((t) => t.serviceName === 'worker' && t.lastStatus !== 'STOPPED'),
    ).toHaveLength(1);
    expect(at5.instances[0]?.remainingMemoryMiB).toBe(5_939 - 2_048);
    run.until(minutes(15));
    const worker = run.sim.snapshot().services.find((s) => s.serviceName === 'worker');
    expect(worker?.runningCount).toBe(1);
    expect(worker?.placementFailure).toBeUndefined();
  });

  it('a StopTask on a PENDING task frees its place for a waiting service', () => {
    const d = design({
      containerInstances: [instance({ id: 'i-000000000000000a1' })],
      taskDefinitions: [
        taskDefinition('batch', { cpu: 0, memory: 7000 }),
        taskDefinition('web', { cpu: 0, memory: 2048 }),
      ],
      services: [service('web', 0)],
    });
    const run = simulate(d)
      .apply({ action: 'RunTask', input: { cluster: 'test', taskDefinition: 'batch' } })
      .until(seconds(1))
      .apply({
        action: 'UpdateService',
        input: { cluster: 'test', service: 'web', desiredCount: 1 },
      })
      .until(seconds(2));
    expect(run.sim.snapshot().services[0]?.placementFailure).toMatch(/insufficient memory/);
    const batch = run.tasks().find((t) => t.group === 'family:batch');
    expect(batch?.lastStatus).toBe('PENDING');
    run
      .apply({ action: 'StopTask', input: { cluster: 'test', task: batch?.taskArn ?? '' } })
      .until(seconds(2) + 1);
    expect(run.sim.snapshot().services[0]?.placementFailure).toBeUndefined();
    expect(
      run.tasks({ serviceName: 'web' }).filter((t) => t.lastStatus !== 'STOPPED'),
    ).toHaveLength(1);
  });

  it('an instance registered while replacements for a drained one wait for room takes them at once', () => {
    // m5.2xlarge holds all 8 tasks; draining it, min 100 / max 200 starts 8 replacements,
    // of which the m5.large takes 3 (7,987 MiB) and 5 wait.
    const d = design({
      containerInstances: [
        instance({ id: 'i-00000000000000001', type: 'm5.2xlarge' }),
        instance({ id: 'i-00000000000000002', type: 't3.micro', az: 'us-east-1c' }),
      ],
      taskDefinitions: [taskDefinition('web', { cpu: 0, memory: 2048, hostPort: 0 })],
      services: [service('web', 8)],
    });
    const register = (id: string) =>
      ({
        action: 'RegisterContainerInstance',
        input: {
          cluster: 'test',
          ec2InstanceId: id,
          instanceType: 'm5.large',
          availabilityZone: 'us-east-1a',
        },
      }) as const;
    const run = simulate(d)
      .apply(register('i-00000000000000051'))
      .until(seconds(13))
      .apply({
        action: 'UpdateContainerInstancesState',
        input: { cluster: 'test', containerInstances: ['i-00000000000000001'], status: 'DRAINING' },
      })
      .until(seconds(13) + 1);
    expect(run.sim.snapshot().services[0]?.placementFailure).toMatch(/^0\/3 instances/);
    run.apply(register('i-00000000000000052')).until(seconds(13) + 2);
    const snap = run.sim.snapshot();
    const on52 = snap.instances.find((i) => i.ec2InstanceId === 'i-00000000000000052');
    const placed = snap.tasks.filter((t) => t.containerInstanceArn === on52?.containerInstanceArn);
    expect(placed).toHaveLength(3);
    // The replacements are not healthy yet: no drained task stops for them (min 100).
    expect(
      snap.tasks.filter(
        (t) => t.ec2InstanceId === 'i-00000000000000001' && t.desiredStatus === 'STOPPED',
      ),
    ).toEqual([]);
    expect(snap.services[0]?.placementFailure).toMatch(/^0\/4 instances/);
  });

  it('desiredCount lowered while draining: the surplus drained tasks stop, the new instance takes the replacement', () => {
    // The drained tasks ran only from 13 s, not yet healthy (§2.2): desired 1 leaves 7 of
    // them surplus, and one stands in until its replacement is healthy.
    const d = design({
      containerInstances: [instance({ id: 'i-00000000000000001', type: 'm5.2xlarge' })],
      taskDefinitions: [taskDefinition('web', { cpu: 0, memory: 2048, hostPort: 0 })],
      services: [service('web', 8)],
    });
    const run = simulate(d)
      .until(seconds(13))
      .apply({
        action: 'UpdateContainerInstancesState',
        input: { cluster: 'test', containerInstances: ['i-00000000000000001'], status: 'DRAINING' },
      })
      .until(seconds(13) + 1)
      .apply({
        action: 'UpdateService',
        input: { cluster: 'test', service: 'web', desiredCount: 1 },
      })
      .until(seconds(13) + 2)
      .apply({
        action: 'RegisterContainerInstance',
        input: {
          cluster: 'test',
          ec2InstanceId: 'i-00000000000000051',
          instanceType: 'm5.large',
          availabilityZone: 'us-east-1a',
        },
      })
      .until(seconds(13) + 3);
    const live = run.tasks().filter((t) => t.desiredStatus === 'RUNNING');
    expect(live.map((t) => t.ec2InstanceId).sort()).toEqual([
      'i-00000000000000001',
      'i-00000000000000051',
    ]);
    expect(run.sim.snapshot().services[0]?.placementFailure).toBeUndefined();
    run.until(minutes(3));
    const running = run.tasks({ lastStatus: 'RUNNING' });
    expect(running.map((t) => t.ec2InstanceId)).toEqual(['i-00000000000000051']);
  });
});
