import { describe, expect, it } from 'vitest';
import { design, instance, minutes, service, taskDefinition } from '../testing/builders';
import { simulate } from '../testing/harness';

// ecs-behavior §16, §4.6
const A = 'i-000000000000000a1';
const B = 'i-000000000000000b1';
const hours = (h: number) => h * 3_600_000;

describe('service events (§16)', () => {
  it('an unresolved placement failure is shown again once 6 hours have passed', () => {
    const d = design({
      containerInstances: [instance({ id: A })],
      taskDefinitions: [taskDefinition('web', { memory: 100000 })],
      services: [service('web', 1)],
    });
    const run = simulate(d).until(hours(7), minutes(10));
    // nothing changes in the cluster: the failure stays unresolved for 7 hours
    const failures = run.serviceMessages.filter((m) => m.includes('was unable to place a task'));
    expect(failures.length).toBeGreaterThanOrEqual(2);
  });

  it('the same console message is not repeated while the failure is unresolved', () => {
    const d = design({
      containerInstances: [instance({ id: A })],
      taskDefinitions: [taskDefinition('web', { memory: 100000 })],
      services: [service('web', 1)],
    });
    const run = simulate(d).until(minutes(1));
    run.apply({
      action: 'RegisterContainerInstance',
      input: {
        cluster: 'test',
        ec2InstanceId: B,
        instanceType: 'm5.large',
        availabilityZone: 'us-east-1b',
      },
    });
    run.until(minutes(2));
    const failures = run.serviceMessages.filter((m) => m.includes('was unable to place a task'));
    expect(new Set(failures).size).toBe(failures.length);
  });
});

describe('DAEMON events (§7.1, §16)', () => {
  const daemon = () =>
    design({
      containerInstances: [instance({ id: A })],
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

  it('a new instance raises the daemon desired count: SERVICE_DESIRED_COUNT_UPDATED (scheduler-computed)', () => {
    const run = simulate(daemon()).until(minutes(1));
    run.apply({
      action: 'RegisterContainerInstance',
      input: {
        cluster: 'test',
        ec2InstanceId: B,
        instanceType: 'm5.large',
        availabilityZone: 'us-east-1b',
      },
    });
    run.until(minutes(2));
    const names = run.events
      .filter((e) => e['detail-type'] === 'ECS Service Action')
      .map((e) => (e.detail as { eventName: string }).eventName);
    expect(names).toContain('SERVICE_DESIRED_COUNT_UPDATED');
  });
});
