import { describe, expect, it } from 'vitest';
import { design, instance, minutes, seconds, service, taskDefinition } from '../testing/builders';
import { simulate } from '../testing/harness';

const twoAz = (desired: number, extra: Parameters<typeof design>[0] = {}) =>
  design({
    containerInstances: [
      instance({ id: 'i-000000000000000a1', az: 'us-east-1a' }),
      instance({ id: 'i-000000000000000b1', az: 'us-east-1b' }),
    ],
    taskDefinitions: [taskDefinition('web', { cpu: 256, memory: 512 })],
    services: [service('web', desired)],
    ...extra,
  });

describe('REPLICA service scheduler', () => {
  it('starts desiredCount tasks and reports a steady state in the console words', () => {
    const run = simulate(twoAz(3)).until(minutes(1));
    expect(run.tasks({ lastStatus: 'RUNNING' })).toHaveLength(3);
    expect(run.serviceMessages[0]).toMatch(
      /^\(service web\) has started 3 tasks: \(task [0-9a-f]{32}\) \(task [0-9a-f]{32}\) \(task [0-9a-f]{32}\)\.$/,
    );
    expect(run.serviceMessages).toContain('service web has reached a steady state.');
    const steady = run.events.filter((e) => e['detail-type'] === 'ECS Service Action');
    expect(steady.map((e) => e.detail.eventName)).toContain('SERVICE_STEADY_STATE');
  });

  it('spreads over AZs by default (§4.3): 4 tasks on 2 AZs land 2 and 2', () => {
    const run = simulate(twoAz(4)).until(minutes(1));
    const azs = run.tasks({ lastStatus: 'RUNNING' }).map((t) => t.availabilityZone);
    expect(azs.filter((az) => az === 'us-east-1a')).toHaveLength(2);
    expect(azs.filter((az) => az === 'us-east-1b')).toHaveLength(2);
  });

  it('scales out and in on UpdateService; scale-in stops with ServiceSchedulerInitiated', () => {
    const run = simulate(twoAz(2)).until(minutes(1));
    run
      .apply({
        action: 'UpdateService',
        input: { cluster: 'test', service: 'web', desiredCount: 5 },
      })
      .until(minutes(2));
    expect(run.tasks({ lastStatus: 'RUNNING' })).toHaveLength(5);
    run
      .apply({
        action: 'UpdateService',
        input: { cluster: 'test', service: 'web', desiredCount: 1 },
      })
      .until(minutes(3));
    expect(run.tasks({ lastStatus: 'RUNNING' })).toHaveLength(1);
    const stopped = run.tasks({ lastStatus: 'STOPPED' });
    expect(stopped).toHaveLength(4);
    expect(stopped.every((t) => t.stopCode === 'ServiceSchedulerInitiated')).toBe(true);
    expect(run.serviceMessages.some((m) => /has stopped 4 running tasks/.test(m))).toBe(true);
  });

  it('replaces the tasks of a terminated instance elsewhere', () => {
    const run = simulate(twoAz(4)).until(minutes(1));
    run
      .apply({ action: 'TerminateInstance', input: { ec2InstanceId: 'i-000000000000000a1' } })
      .until(minutes(2));
    const running = run.tasks({ lastStatus: 'RUNNING' });
    expect(running).toHaveLength(4);
    expect(running.every((t) => t.ec2InstanceId === 'i-000000000000000b1')).toBe(true);
    const lost = run.tasks({ lastStatus: 'STOPPED' });
    expect(lost).toHaveLength(2);
    expect(lost[0]?.stoppedReason).toBe('Host EC2 (instance i-000000000000000a1) terminated.');
  });

  it('says why a task cannot be placed, and places it when capacity appears', () => {
    // m5.large registers 2048 CPU units: a standalone task of 1024 and one service task fill it.
    const d = design({
      containerInstances: [instance({ id: 'i-000000000000000a1' })],
      taskDefinitions: [
        taskDefinition('big', { cpu: 1024, memory: 512 }),
        taskDefinition('batch', { cpu: 1024, memory: 256 }),
      ],
      services: [service('big', 1)],
    });
    // An edit applies after its instant's events, as a journal replay does: the service
    // places its first task at 0:00, the standalone task takes the rest, then it asks for 2.
    const run = simulate(d);
    run
      .apply({ action: 'RunTask', input: { cluster: 'test', taskDefinition: 'batch' } })
      .apply({
        action: 'UpdateService',
        input: { cluster: 'test', service: 'big', desiredCount: 2 },
      })
      .until(minutes(1));
    expect(run.tasks({ lastStatus: 'RUNNING', serviceName: 'big' })).toHaveLength(1);
    const failure = run.serviceMessages.find((m) => m.includes('unable to place'));
    expect(failure).toMatch(
      /^service big was unable to place a task because no container instance met all of its requirements\./,
    );
    expect(failure).toContain('insufficient CPU units available');
    const event = run.events.find((e) => e.detail.eventName === 'SERVICE_TASK_PLACEMENT_FAILURE');
    expect(event?.detail.reason).toBe('RESOURCE:CPU');
    expect(run.sim.snapshot().services[0]?.placementFailure).toMatch(
      /^0\/1 instances: 1 insufficient CPU/,
    );
    // The standalone task stops: the waiting service task takes its place.
    const batch = run.tasks({ lastStatus: 'RUNNING' }).find((t) => t.group === 'family:batch');
    run
      .apply({ action: 'StopTask', input: { cluster: 'test', task: batch?.taskArn ?? '' } })
      .until(minutes(2));
    expect(run.tasks({ lastStatus: 'RUNNING', serviceName: 'big' })).toHaveLength(2);
    expect(run.sim.snapshot().services[0]?.placementFailure).toBeUndefined();
    expect(run.serviceMessages.at(-1)).toBe('service big has reached a steady state.');
  });

  it('an empty cluster gives the no-instances reason', () => {
    const d = design({ taskDefinitions: [taskDefinition('web')], services: [service('web', 1)] });
    const run = simulate(d).until(seconds(5));
    expect(run.serviceMessages).toContain(
      'service web was unable to place a task because no container instance met all of its requirements. Reason: No Container Instances were found in your cluster.',
    );
  });
});

describe('RunTask (§4.7)', () => {
  it('places up to count tasks in group family:<name> and returns failures for the rest', () => {
    const d = design({
      containerInstances: [instance({ id: 'i-000000000000000a1' })],
      taskDefinitions: [taskDefinition('batch', { cpu: 1024, memory: 256 })],
    });
    const run = simulate(d);
    run.apply({ action: 'RunTask', input: { cluster: 'test', taskDefinition: 'batch', count: 3 } });
    const response = run.results[0]?.response as {
      tasks: { group: string }[];
      failures: { reason: string }[];
    };
    expect(response.tasks).toHaveLength(2);
    expect(response.tasks[0]?.group).toBe('family:batch');
    expect(response.failures).toEqual([expect.objectContaining({ reason: 'RESOURCE:CPU' })]);
  });

  it('refuses count 11 with InvalidParameterException', () => {
    const d = design({
      containerInstances: [instance()],
      taskDefinitions: [taskDefinition('batch')],
    });
    const run = simulate(d).apply({
      action: 'RunTask',
      input: { cluster: 'test', taskDefinition: 'batch', count: 11 },
    });
    expect(run.results[0]?.error?.code).toBe('InvalidParameterException');
  });

  it('script actions run at their time and keep their responses', () => {
    const d = design({
      containerInstances: [instance()],
      taskDefinitions: [taskDefinition('batch')],
      script: [
        {
          at: 30,
          action: 'RunTask',
          input: { cluster: 'test', taskDefinition: 'batch', count: 2 },
        },
        { at: 40, action: 'StopTask', input: { cluster: 'test', task: 'nope' } },
      ],
    });
    const run = simulate(d).until(minutes(1));
    const actions = run.sim.describe().actions;
    expect(actions.map((a) => a.at)).toEqual([30, 40]);
    expect((actions[0]?.response as { tasks: unknown[] } | undefined)?.tasks).toHaveLength(2);
    expect(actions[1]?.error).toEqual({
      code: 'InvalidParameterException',
      message: 'The referenced task was not found.',
    });
  });
});

describe('command validation', () => {
  it('UpdateService refuses a memberOf that does not parse, and changes nothing', () => {
    const d = design({
      containerInstances: [instance()],
      taskDefinitions: [taskDefinition('web')],
      services: [service('web', 1)],
    });
    const run = simulate(d).apply({
      action: 'UpdateService',
      input: {
        cluster: 'test',
        service: 'web',
        desiredCount: 3,
        placementConstraints: [
          { type: 'memberOf', expression: 'attribute:ecs.instance-type t2.*' },
        ],
      },
    });
    expect(run.results[0]?.error?.code).toBe('InvalidParameterException');
    expect(run.results[0]?.error?.message).toContain('expected an operator');
    expect(run.sim.snapshot().services[0]?.desiredCount).toBe(1);
  });

  it('RunTask refuses six strategies', () => {
    const d = design({
      containerInstances: [instance()],
      taskDefinitions: [taskDefinition('batch')],
    });
    const spread = { type: 'spread' as const, field: 'instanceId' };
    const run = simulate(d).apply({
      action: 'RunTask',
      input: { cluster: 'test', taskDefinition: 'batch', placementStrategy: Array(6).fill(spread) },
    });
    expect(run.results[0]?.error?.code).toBe('InvalidParameterException');
  });
});
