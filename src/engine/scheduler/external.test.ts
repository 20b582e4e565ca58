import { describe, expect, it } from 'vitest';
import { asgDesign, onProvider } from '../capacity/testing';
import { design, instance, minutes, service, taskDefinition } from '../testing/builders';
import { simulate } from '../testing/harness';

// External (ECS Anywhere) instances: registered by hand with `ecs.capability.external`;
// only launch type EXTERNAL tasks go there, EC2 tasks never, and no autoscaling touches them.

const registerExternal = {
  action: 'RegisterContainerInstance' as const,
  input: {
    cluster: 'test',
    ec2InstanceId: 'i-0000000000000e001',
    totalResources: [
      { name: 'CPU', type: 'INTEGER', integerValue: 4096 },
      { name: 'MEMORY', type: 'INTEGER', integerValue: 8192 },
    ],
    attributes: [{ name: 'ecs.capability.external' }],
  },
};

function cluster() {
  return design({
    containerInstances: [instance({ id: 'i-000000000000000c1' })],
    taskDefinitions: [taskDefinition('onprem'), taskDefinition('web'), taskDefinition('agent')],
    services: [
      service('onprem', 3, { launchType: 'EXTERNAL' }),
      service('web', 3),
      service('agent', 0, { schedulingStrategy: 'DAEMON', desiredCount: undefined }),
    ] as never,
  });
}

const hostOf = (run: ReturnType<typeof simulate>, name: string) =>
  run.sim
    .snapshot()
    .tasks.filter((t) => t.serviceName === name && t.lastStatus === 'RUNNING')
    .map((t) => t.ec2InstanceId);

describe('external instances', () => {
  it('EXTERNAL tasks only on external instances, EC2 tasks and daemons never there', () => {
    const run = simulate(cluster()).apply(registerExternal).until(minutes(2));
    expect(run.results[0]?.error).toBeUndefined();
    expect(hostOf(run, 'onprem')).toEqual(Array(3).fill('i-0000000000000e001'));
    expect(hostOf(run, 'web')).toEqual(Array(3).fill('i-000000000000000c1'));
    expect(hostOf(run, 'agent')).toEqual(['i-000000000000000c1']);
    const described = run.sim.describe().tasks.filter((t) => t.group === 'service:onprem');
    expect(described.every((t) => t.launchType === 'EXTERNAL')).toBe(true);
  });

  it('EXTERNAL tasks wait with no external instance, and do not borrow an EC2 one', () => {
    const run = simulate(cluster()).until(minutes(2));
    expect(hostOf(run, 'onprem')).toEqual([]);
    expect(
      run.sim.snapshot().services.find((s) => s.serviceName === 'onprem')?.placementFailure,
    ).toBe('0/0 instances: no container instances in the cluster');
    run.apply(registerExternal).until(minutes(4));
    expect(hostOf(run, 'onprem')).toHaveLength(3);
  });

  it('an external instance has no zone of its own: the on-premises lane', () => {
    const run = simulate(cluster()).apply(registerExternal);
    const ci = run.sim.snapshot().instances.find((i) => i.ec2InstanceId === 'i-0000000000000e001');
    expect(ci?.availabilityZone).toBe('on-premises');
  });
});

describe('external instances and autoscaling', () => {
  it('no Auto Scaling group counts or terminates them', () => {
    const run = simulate(asgDesign({ services: [service('web', 1, onProvider)] }))
      .apply(registerExternal)
      .until(minutes(20));
    const cp = run.sim.checkpoint().capacity;
    expect(cp?.groups.nodes?.instanceIds).not.toContain('i-0000000000000e001');
    expect(cp?.providers.cp?.reservation?.n).toBe(1);
    const external = run.sim
      .snapshot()
      .instances.find((i) => i.ec2InstanceId === 'i-0000000000000e001');
    expect(external?.status).toBe('ACTIVE');
    expect(external?.runningTasksCount).toBe(0);
  });
});
