import { describe, expect, it } from 'vitest';
import type { Command } from '../../design';
import { design, instance, minutes, seconds, service, taskDefinition } from '../testing/builders';
import { simulate } from '../testing/harness';

const A = 'i-000000000000000a1';
const B = 'i-000000000000000b1';

const cluster = (deploymentConfiguration: {
  minimumHealthyPercent: number;
  maximumPercent: number;
}) =>
  design({
    containerInstances: [
      instance({ id: A, az: 'us-east-1a' }),
      instance({ id: B, az: 'us-east-1b' }),
    ],
    taskDefinitions: [taskDefinition('web'), taskDefinition('batch')],
    services: [service('web', 4, { deploymentConfiguration })],
  });

const drain = (id: string): Command => ({
  action: 'UpdateContainerInstancesState',
  input: { cluster: 'test', containerInstances: [id], status: 'DRAINING' },
});

describe('container instance draining (ecs-behavior §7.4)', () => {
  it('min 50 / max 200: replacements start elsewhere, then the drained tasks stop', () => {
    const run = simulate(cluster({ minimumHealthyPercent: 50, maximumPercent: 200 })).until(
      minutes(2),
    );
    expect(run.tasks({ lastStatus: 'RUNNING' }).filter((t) => t.ec2InstanceId === A)).toHaveLength(
      2,
    );
    run.apply(drain(A)).until(minutes(5));
    const running = run.tasks({ lastStatus: 'RUNNING' });
    expect(running).toHaveLength(4);
    expect(running.every((t) => t.ec2InstanceId === B)).toBe(true);
    const drained = run.tasks({ lastStatus: 'STOPPED' });
    expect(drained).toHaveLength(2);
    expect(drained.every((t) => t.stopCode === 'ServiceSchedulerInitiated')).toBe(true);
    expect(run.serviceMessages.at(-1)).toBe('service web has reached a steady state.');
  });

  it('never lets healthy tasks fall under ceil(desired x min / 100)', () => {
    const run = simulate(cluster({ minimumHealthyPercent: 75, maximumPercent: 100 })).until(
      minutes(2),
    );
    run.apply(drain(A));
    for (let t = 2; t <= 8; t += 1 / 12) {
      run.until(minutes(t));
      const healthy = run
        .tasks({ lastStatus: 'RUNNING' })
        .filter((x) => x.desiredStatus === 'RUNNING');
      expect(healthy.length).toBeGreaterThanOrEqual(3);
      expect(run.tasks().filter((x) => x.desiredStatus === 'RUNNING').length).toBeLessThanOrEqual(
        4,
      );
    }
    expect(run.tasks({ lastStatus: 'RUNNING' }).every((t) => t.ec2InstanceId === B)).toBe(true);
  });

  it('min 100 / max 200: a replacement that runs but is not yet healthy keeps its drained task', () => {
    const run = simulate(cluster({ minimumHealthyPercent: 100, maximumPercent: 200 })).until(
      minutes(2),
    );
    run.apply(drain(A));
    // Healthy = RUNNING for 40 s (§2.2); with min 100 at least 4 stay healthy throughout.
    for (let t = minutes(2); t <= minutes(5); t += 500) {
      run.until(t);
      const now = run.sim.nowMs;
      const healthy = run
        .tasks({ lastStatus: 'RUNNING' })
        .filter((x) => x.desiredStatus === 'RUNNING' && now - (x.startedAtMs ?? now) >= 40_000);
      expect(healthy.length, `at ${now} ms`).toBeGreaterThanOrEqual(4);
    }
    const running = run.tasks({ lastStatus: 'RUNNING' });
    expect(running).toHaveLength(4);
    expect(running.every((t) => t.ec2InstanceId === B)).toBe(true);
  });

  it('min 100 / max 100 can never finish, and says so in the console words', () => {
    const run = simulate(cluster({ minimumHealthyPercent: 100, maximumPercent: 100 })).until(
      minutes(2),
    );
    run.apply(drain(A)).until(minutes(5));
    expect(run.tasks({ lastStatus: 'RUNNING' }).filter((t) => t.ec2InstanceId === A)).toHaveLength(
      2,
    );
    expect(run.serviceMessages).toContain(
      'service web was unable to stop or start tasks during a deployment because of the service deployment configuration. Update the minimumHealthyPercent or maximumPercent value and try again.',
    );
  });

  it('takes no new tasks, stops pending service tasks at once, and leaves standalone tasks alone', () => {
    const run = simulate(cluster({ minimumHealthyPercent: 50, maximumPercent: 200 })).until(
      seconds(1),
    );
    run.apply({ action: 'RunTask', input: { cluster: 'test', taskDefinition: 'batch', count: 4 } });
    run.apply(drain(A)).until(seconds(1));
    const onA = run.tasks().filter((t) => t.ec2InstanceId === A && t.serviceName === 'web');
    expect(onA.every((t) => t.desiredStatus === 'STOPPED')).toBe(true);
    run.until(minutes(3));
    const batchOnA = run
      .tasks({ lastStatus: 'RUNNING' })
      .filter((t) => t.group === 'family:batch' && t.ec2InstanceId === A);
    expect(batchOnA.length).toBeGreaterThan(0);
    run.apply({ action: 'RunTask', input: { cluster: 'test', taskDefinition: 'batch', count: 4 } });
    const placed =
      (run.results.at(-1)?.response as { tasks: { containerInstanceArn: string }[] } | undefined)
        ?.tasks ?? [];
    const aArn = run.sim
      .snapshot()
      .instances.find((i) => i.ec2InstanceId === A)?.containerInstanceArn;
    expect(placed.some((t) => t.containerInstanceArn === aArn)).toBe(false);
  });

  it('back to ACTIVE: the instance takes tasks again', () => {
    const run = simulate(cluster({ minimumHealthyPercent: 50, maximumPercent: 200 })).until(
      minutes(2),
    );
    run.apply(drain(A)).until(minutes(5));
    run.apply({
      action: 'UpdateContainerInstancesState',
      input: { cluster: 'test', containerInstances: [A], status: 'ACTIVE' },
    });
    run
      .apply({
        action: 'UpdateService',
        input: { cluster: 'test', service: 'web', desiredCount: 8 },
      })
      .until(minutes(7));
    expect(
      run.tasks({ lastStatus: 'RUNNING' }).filter((t) => t.ec2InstanceId === A).length,
    ).toBeGreaterThan(0);
  });
});

describe('RegisterContainerInstance', () => {
  it('a waiting service places its tasks on the new instance', () => {
    const d = design({ taskDefinitions: [taskDefinition('web')], services: [service('web', 2)] });
    const run = simulate(d).until(minutes(1));
    expect(run.tasks()).toHaveLength(0);
    run.apply({
      action: 'RegisterContainerInstance',
      input: {
        cluster: 'test',
        instanceIdentityDocument: JSON.stringify({
          instanceId: 'i-0123456789abcdef0',
          instanceType: 'm5.large',
          availabilityZone: 'us-east-1c',
        }),
      },
    });
    expect(run.results[0]?.response).toHaveProperty(
      'containerInstance.ec2InstanceId',
      'i-0123456789abcdef0',
    );
    run.until(minutes(2));
    expect(run.tasks({ lastStatus: 'RUNNING' })).toHaveLength(2);
  });

  it('refuses an unknown instance type without totalResources', () => {
    const run = simulate(design()).apply({
      action: 'RegisterContainerInstance',
      input: {
        cluster: 'test',
        ec2InstanceId: 'i-0123456789abcdef0',
        instanceType: 'x9.huge',
        availabilityZone: 'us-east-1a',
      },
    });
    expect(run.results[0]?.error?.code).toBe('InvalidParameterException');
  });
});

describe('DAEMON services (§7.1)', () => {
  const daemon = () =>
    design({
      containerInstances: [
        instance({ id: A, az: 'us-east-1a' }),
        instance({ id: B, az: 'us-east-1b' }),
      ],
      taskDefinitions: [taskDefinition('agent', { cpu: 128, memory: 128 })],
      services: [
        {
          cluster: 'test',
          serviceName: 'agent',
          taskDefinition: 'agent',
          schedulingStrategy: 'DAEMON',
        },
      ],
    });

  it('runs one task on every ACTIVE instance, a new instance gets one, a draining one loses it', () => {
    const run = simulate(daemon()).until(minutes(1));
    const hosts = run
      .tasks({ lastStatus: 'RUNNING' })
      .map((t) => t.ec2InstanceId)
      .sort();
    expect(hosts).toEqual([A, B]);
    run.apply({
      action: 'RegisterContainerInstance',
      input: {
        cluster: 'test',
        ec2InstanceId: 'i-000000000000000c1',
        instanceType: 't3.small',
        availabilityZone: 'us-east-1c',
      },
    });
    run.until(minutes(2));
    expect(run.tasks({ lastStatus: 'RUNNING' })).toHaveLength(3);
    expect(run.sim.snapshot().services[0]?.desiredCount).toBe(3);
    run.apply(drain(A)).until(minutes(3));
    const after = run.tasks({ lastStatus: 'RUNNING' }).map((t) => t.ec2InstanceId);
    expect(after).not.toContain(A);
    expect(after).toHaveLength(2);
  });
});

describe('DeregisterContainerInstance', () => {
  const twoInstances = () =>
    design({
      containerInstances: [
        instance({ id: A, az: 'us-east-1a' }),
        instance({ id: B, az: 'us-east-1b' }),
      ],
      taskDefinitions: [taskDefinition('web')],
      services: [service('web', 4)],
    });

  it('refuses an instance with tasks unless forced', () => {
    const run = simulate(twoInstances()).until(minutes(1));
    run.apply({
      action: 'DeregisterContainerInstance',
      input: { cluster: 'test', containerInstance: A },
    });
    expect(run.results[0]?.error).toEqual({
      code: 'InvalidParameterException',
      message: 'Found running tasks on the instance.',
    });
  });

  it('forced: the tasks are orphaned and the service starts copies elsewhere', () => {
    const run = simulate(twoInstances()).until(minutes(1));
    run.apply({
      action: 'DeregisterContainerInstance',
      input: { cluster: 'test', containerInstance: A, force: true },
    });
    run.until(minutes(2));
    const live = run.tasks().filter((t) => t.lastStatus !== 'STOPPED');
    expect(live).toHaveLength(4);
    expect(live.every((t) => t.ec2InstanceId === B)).toBe(true);
    expect(run.frames.some((f) => f.removedTaskArns.length === 2)).toBe(true);
    expect(run.sim.snapshot().instances.find((i) => i.ec2InstanceId === A)?.status).toBe(
      'INACTIVE',
    );
  });
});
