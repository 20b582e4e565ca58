import { describe, expect, it } from 'vitest';
import type { Command } from '../../design';
import { design, instance, minutes, service, taskDefinition } from '../testing/builders';
import { simulate } from '../testing/harness';

const A = 'i-000000000000000a1';
const B = 'i-000000000000000b1';

const put = (id: string, name: string, value: string): Command => ({
  action: 'PutAttributes',
  input: {
    cluster: 'test',
    attributes: [{ name, value, targetType: 'container-instance', targetId: id }],
  },
});

describe('DAEMON services (ecs-behavior §7.1)', () => {
  const cluster = (constraint?: string) =>
    design({
      containerInstances: [
        instance({ id: A, az: 'us-east-1a' }),
        instance({ id: B, az: 'us-east-1b' }),
      ],
      taskDefinitions: [
        taskDefinition('agent', { cpu: 128, memory: 128 }),
        taskDefinition('web', { cpu: 1024, memory: 512 }),
      ],
      services: [
        service('web', 2, {
          deploymentConfiguration: { minimumHealthyPercent: 50, maximumPercent: 200 },
        }),
        {
          cluster: 'test',
          serviceName: 'agent',
          taskDefinition: 'agent',
          schedulingStrategy: 'DAEMON',
          ...(constraint
            ? { placementConstraints: [{ type: 'memberOf', expression: constraint }] }
            : {}),
        },
      ],
    });

  it('places the daemon first: a new instance gets its daemon task before waiting replicas fill it', () => {
    // Two web tasks of 1024 CPU fill each m5.large once the daemon holds 128 of its 2048.
    const d = design({
      taskDefinitions: [
        taskDefinition('agent', { cpu: 1024, memory: 128 }),
        taskDefinition('web', { cpu: 1024, memory: 512 }),
      ],
      services: [
        service('web', 2),
        {
          cluster: 'test',
          serviceName: 'agent',
          taskDefinition: 'agent',
          schedulingStrategy: 'DAEMON',
        },
      ],
    });
    const run = simulate(d).until(minutes(1));
    run.apply({
      action: 'RegisterContainerInstance',
      input: {
        cluster: 'test',
        ec2InstanceId: A,
        instanceType: 'm5.large',
        availabilityZone: 'us-east-1a',
      },
    });
    run.until(minutes(2));
    const running = run.tasks({ lastStatus: 'RUNNING' });
    expect(running.filter((t) => t.serviceName === 'agent')).toHaveLength(1);
    expect(running.filter((t) => t.serviceName === 'web')).toHaveLength(1);
  });

  it('stops the daemon task last on a draining instance', () => {
    const run = simulate(cluster()).until(minutes(2));
    run.apply({
      action: 'UpdateContainerInstancesState',
      input: { cluster: 'test', containerInstances: [A], status: 'DRAINING' },
    });
    const order: string[] = [];
    for (let t = 2; t < 6; t += 1 / 60) {
      const frame = run.sim.advance(minutes(t));
      for (const task of frame.tasks) {
        if (task.lastStatus === 'STOPPED' && task.ec2InstanceId === A)
          order.push(task.serviceName ?? '');
      }
    }
    expect(order.at(-1)).toBe('agent');
    expect(order).toContain('web');
  });

  it('stops a daemon task whose instance no longer matches, with SERVICE_DAEMON_PLACEMENT_CONSTRAINT_VIOLATED', () => {
    const run = simulate(cluster('attribute:role != batch')).until(minutes(1));
    expect(run.tasks({ lastStatus: 'RUNNING', serviceName: 'agent' })).toHaveLength(2);
    run.apply(put(A, 'role', 'batch')).until(minutes(2));
    const agents = run.tasks({ lastStatus: 'RUNNING', serviceName: 'agent' });
    expect(agents.map((t) => t.ec2InstanceId)).toEqual([B]);
    const event = run.events.find(
      (e) => e.detail.eventName === 'SERVICE_DAEMON_PLACEMENT_CONSTRAINT_VIOLATED',
    );
    expect(event?.detail).toMatchObject({ eventType: 'ERROR' });
    expect(run.sim.snapshot().services.find((s) => s.serviceName === 'agent')?.desiredCount).toBe(
      1,
    );
  });
});

describe('PutAttributes and memberOf', () => {
  it('a service waiting on memberOf places as soon as an instance gets the attribute', () => {
    const d = design({
      containerInstances: [instance({ id: A })],
      taskDefinitions: [taskDefinition('gpu')],
      services: [
        service('gpu', 1, {
          placementConstraints: [{ type: 'memberOf', expression: 'attribute:accelerator exists' }],
        }),
      ],
    });
    const run = simulate(d).until(minutes(1));
    expect(run.tasks()).toHaveLength(0);
    expect(run.sim.snapshot().services[0]?.placementFailure).toContain('memberOf');
    run.apply(put(A, 'accelerator', 'yes')).until(minutes(2));
    expect(run.tasks({ lastStatus: 'RUNNING' })).toHaveLength(1);
  });

  it('refuses ecs.* attributes and unknown targets', () => {
    const run = simulate(design({ containerInstances: [instance({ id: A })] }));
    run.apply(put(A, 'ecs.instance-type', 'x')).apply(put('i-0000000000000dead', 'role', 'x'));
    expect(run.results.map((r) => r.error?.code)).toEqual([
      'InvalidParameterException',
      'TargetNotFoundException',
    ]);
  });
});
