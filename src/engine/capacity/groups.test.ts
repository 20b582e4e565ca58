import { describe, expect, it } from 'vitest';
import { minutes, seconds, service } from '../testing/builders';
import { simulate } from '../testing/harness';
import { asgDesign } from './testing';

// EC2 Auto Scaling groups: instances launched to DesiredCapacity across zones, booting,
// registering in the cluster their user data names; scale-in protection; replacement.

const registrations = (run: ReturnType<typeof simulate>) =>
  run.events
    .filter(
      (e) =>
        e['detail-type'] === 'ECS Container Instance State Change' &&
        e.detail.status === 'ACTIVE' &&
        e.detail.agentConnected === true,
    )
    .map((e) => [
      e.time,
      (e.detail.attributes as { name: string; value?: string }[]).find(
        (a) => a.name === 'ecs.availability-zone',
      )?.value,
    ]);

const groupOf = (run: ReturnType<typeof simulate>) => run.sim.checkpoint().capacity?.groups.nodes;

describe('Auto Scaling groups', () => {
  it('launch DesiredCapacity instances across the zones; each registers after booting 60 s', () => {
    const run = simulate(asgDesign({ managedScaling: false, group: { DesiredCapacity: 3 } })).until(
      minutes(2),
    );
    expect(registrations(run)).toEqual([
      ['2026-01-01T00:01:00.000Z', 'us-east-1a'],
      ['2026-01-01T00:01:00.000Z', 'us-east-1b'],
      ['2026-01-01T00:01:00.000Z', 'us-east-1a'],
    ]);
    const instances = run.sim.snapshot().instances;
    expect(instances.map((i) => [i.instanceType, i.clusterName])).toEqual([
      ['m5.large', 'test'],
      ['m5.large', 'test'],
      ['m5.large', 'test'],
    ]);
  });

  it("bootSeconds sets the boot; EC2 tasks run on the group's instances", () => {
    const d = asgDesign({
      managedScaling: false,
      group: { DesiredCapacity: 1, bootSeconds: 90 },
      services: [service('web', 2)],
    });
    const run = simulate(d).until(minutes(3));
    expect(registrations(run).map(([t]) => t)).toEqual(['2026-01-01T00:01:30.000Z']);
    expect(run.tasks({ lastStatus: 'RUNNING' })).toHaveLength(2);
  });

  it('SetDesiredCapacity launches more, balancing the zones, and refuses a value beyond MaxSize', () => {
    const run = simulate(asgDesign({ managedScaling: false, group: { DesiredCapacity: 3 } }))
      .until(minutes(2))
      .apply({
        action: 'SetDesiredCapacity',
        input: { AutoScalingGroupName: 'nodes', DesiredCapacity: 5 },
      })
      .apply({
        action: 'SetDesiredCapacity',
        input: { AutoScalingGroupName: 'nodes', DesiredCapacity: 11 },
      })
      .until(minutes(4));
    expect(run.results[1]?.error).toEqual({
      code: 'ValidationError',
      message: 'New SetDesiredCapacity value 11 is above max value 10 for the AutoScalingGroup.',
    });
    const zones = run.sim.snapshot().instances.map((i) => i.availabilityZone);
    expect(zones.filter((z) => z === 'us-east-1a')).toHaveLength(3);
    expect(zones.filter((z) => z === 'us-east-1b')).toHaveLength(2);
  });

  it('scale-in leaves protected instances; unprotected, they terminate', () => {
    const run = simulate(asgDesign({ managedScaling: false, group: { DesiredCapacity: 2 } }))
      .until(minutes(2))
      .apply({
        action: 'SetDesiredCapacity',
        input: { AutoScalingGroupName: 'nodes', DesiredCapacity: 0 },
      })
      .until(minutes(3));
    expect(run.sim.snapshot().instances.filter((i) => i.status === 'ACTIVE')).toHaveLength(2);
    const ids = groupOf(run)?.instanceIds ?? [];
    run
      .apply({
        action: 'SetInstanceProtection',
        input: { AutoScalingGroupName: 'nodes', InstanceIds: ids, ProtectedFromScaleIn: false },
      })
      .until(minutes(4));
    expect(run.sim.snapshot().instances.filter((i) => i.status === 'ACTIVE')).toHaveLength(0);
    expect(groupOf(run)?.instanceIds).toEqual([]);
  });

  it('without protection, a scale-in terminates from the zone with the most instances', () => {
    const run = simulate(
      asgDesign({
        managedScaling: false,
        group: { DesiredCapacity: 3, NewInstancesProtectedFromScaleIn: false },
      }),
    )
      .until(minutes(2))
      .apply({
        action: 'UpdateAutoScalingGroup',
        input: { AutoScalingGroupName: 'nodes', DesiredCapacity: 2 },
      })
      .until(minutes(3));
    const zones = run.sim
      .snapshot()
      .instances.filter((i) => i.status === 'ACTIVE')
      .map((i) => i.availabilityZone);
    expect(zones.sort()).toEqual(['us-east-1a', 'us-east-1b']);
  });

  it('an instance a fault terminates is replaced, and its tasks run again', () => {
    const d = asgDesign({
      managedScaling: false,
      group: { DesiredCapacity: 1 },
      services: [service('web', 2)],
    });
    const run = simulate(d).until(minutes(2));
    const [first] = run.sim.snapshot().instances;
    run
      .apply({ action: 'TerminateInstance', input: { ec2InstanceId: first?.ec2InstanceId ?? '' } })
      .until(minutes(2) + seconds(30));
    expect(run.tasks({ lastStatus: 'RUNNING' })).toHaveLength(0);
    run.until(minutes(4));
    const active = run.sim.snapshot().instances.filter((i) => i.status === 'ACTIVE');
    expect(active).toHaveLength(1);
    expect(active[0]?.ec2InstanceId).not.toBe(first?.ec2InstanceId);
    expect(run.tasks({ lastStatus: 'RUNNING' })).toHaveLength(2);
  });

  it('a booting instance terminated by a fault is replaced too', () => {
    const run = simulate(asgDesign({ managedScaling: false, group: { DesiredCapacity: 1 } })).until(
      seconds(10),
    );
    const [booting] = groupOf(run)?.instanceIds ?? [];
    run
      .apply({ action: 'TerminateInstance', input: { ec2InstanceId: booting ?? '' } })
      .until(minutes(2));
    expect(run.sim.snapshot().instances.map((i) => i.ec2InstanceId)).not.toContain(booting);
    expect(run.sim.snapshot().instances).toHaveLength(1);
  });
});
