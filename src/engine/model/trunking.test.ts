import { describe, expect, it } from 'vitest';
import { design, instance, minutes, service, taskDefinition } from '../testing/builders';
import { simulate } from '../testing/harness';

const awsvpc = (type: string, accountSettings: { name: 'awsvpcTrunking'; value: string }[] = []) =>
  design({
    accountSettings,
    containerInstances: [instance({ id: 'i-000000000000000a1', type })],
    taskDefinitions: [taskDefinition('api', { cpu: 64, memory: 64, networkMode: 'awsvpc' })],
    services: [service('api', 12)],
  });

function placed(d: ReturnType<typeof awsvpc>) {
  return simulate(d)
    .until(minutes(1))
    .tasks()
    .filter((t) => t.lastStatus === 'RUNNING').length;
}

describe('awsvpc task limits per instance (ecs-behavior §3.2)', () => {
  it.each([
    ['c5.large', 2],
    ['m5.xlarge', 3],
    ['t3.micro', 1],
  ])('%s without trunking runs ENIs - 1 = %i awsvpc tasks', (type, expected) => {
    expect(placed(awsvpc(type))).toBe(expected);
  });

  it.each([
    ['c5.large', 10],
    ['m5.large', 10],
    ['t3.medium', 2],
  ])('%s with awsvpcTrunking runs %i', (type, expected) => {
    expect(placed(awsvpc(type, [{ name: 'awsvpcTrunking', value: 'enabled' }]))).toBe(expected);
  });

  it('only instances registered after the setting get a trunk', () => {
    const run = simulate(awsvpc('c5.large')).until(minutes(1));
    run.apply({ action: 'PutAccountSetting', input: { name: 'awsvpcTrunking', value: 'enabled' } });
    run.apply({
      action: 'RegisterContainerInstance',
      input: {
        cluster: 'test',
        ec2InstanceId: 'i-000000000000000b1',
        instanceType: 'c5.large',
        availabilityZone: 'us-east-1b',
      },
    });
    run.until(minutes(2));
    const byHost = (id: string) =>
      run.tasks({ lastStatus: 'RUNNING' }).filter((t) => t.ec2InstanceId === id).length;
    expect(byHost('i-000000000000000a1')).toBe(2);
    expect(byHost('i-000000000000000b1')).toBe(10);
    const attrs = run.sim.snapshot().instances.map((i) => i.attributes['ecs.awsvpc-trunk-id']);
    expect(attrs[0]).toBeUndefined();
    expect(attrs[1]).toMatch(/^eni-[0-9a-f]{17}$/);
  });
});
