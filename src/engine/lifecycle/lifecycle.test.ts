import { describe, expect, it } from 'vitest';
import { design, instance, seconds, service, taskDefinition } from '../testing/builders';
import { simulate } from '../testing/harness';

const oneTask = (networkMode: 'bridge' | 'awsvpc' = 'bridge') =>
  design({
    containerInstances: [instance({ type: 'm5.large', az: 'us-east-1a' })],
    taskDefinitions: [taskDefinition('web', { networkMode })],
    services: [service('web', 1)],
    workloads: [{ family: 'web', imagePullSeconds: 8, startSeconds: 4, stopSeconds: 2 }],
  });

function statuses(events: { 'detail-type': string; detail: Record<string, unknown> }[]) {
  return events
    .filter((e) => e['detail-type'] === 'ECS Task State Change')
    .map((e) => `${e.detail.lastStatus}/${e.detail.desiredStatus}`);
}

describe('task lifecycle (ecs-behavior §1.1)', () => {
  it('walks PENDING to RUNNING after image pull and start', () => {
    const run = simulate(oneTask()).until(seconds(11.999));
    expect(run.tasks({ lastStatus: 'PENDING' })).toHaveLength(1);
    run.until(seconds(12));
    expect(run.tasks({ lastStatus: 'RUNNING' })).toHaveLength(1);
    expect(statuses(run.events)).toEqual(['PENDING/RUNNING', 'RUNNING/RUNNING']);
  });

  it('awsvpc tasks pass through PROVISIONING and DEPROVISIONING for the ENI', () => {
    const run = simulate(oneTask('awsvpc')).until(seconds(60));
    const [task] = run.tasks({ lastStatus: 'RUNNING' });
    expect(task).toBeDefined();
    run
      .apply({ action: 'StopTask', input: { cluster: 'test', task: task?.taskArn ?? '' } })
      .until(seconds(120));
    const s = statuses(run.events).filter((_, i, all) => all.indexOf(_) === i);
    expect(s.slice(0, 3)).toEqual(['PROVISIONING/RUNNING', 'PENDING/RUNNING', 'RUNNING/RUNNING']);
    expect(s).toContain('STOPPING/STOPPED');
    expect(s).toContain('DEPROVISIONING/STOPPED');
    expect(s).toContain('STOPPED/STOPPED');
  });

  it('StopTask flips desiredStatus at once, stops after the workload stop time, with UserInitiated', () => {
    const run = simulate(oneTask()).until(seconds(30));
    const [task] = run.tasks({ lastStatus: 'RUNNING' });
    run.apply({
      action: 'StopTask',
      input: { cluster: 'test', task: task?.taskId ?? '', reason: 'because' },
    });
    const after = run
      .until(seconds(30))
      .tasks()
      .find((t) => t.taskArn === task?.taskArn);
    expect(after?.desiredStatus).toBe('STOPPED');
    expect(after?.lastStatus).toBe('STOPPING');
    run.until(seconds(32));
    const stopped = run.tasks().find((t) => t.taskArn === task?.taskArn);
    expect(stopped?.lastStatus).toBe('STOPPED');
    expect(stopped?.stopCode).toBe('UserInitiated');
    expect(stopped?.stoppedReason).toBe('because');
  });

  it('the service replaces a stopped task', () => {
    const run = simulate(oneTask()).until(seconds(30));
    const [task] = run.tasks({ lastStatus: 'RUNNING' });
    run
      .apply({ action: 'StopTask', input: { cluster: 'test', task: task?.taskArn ?? '' } })
      .until(seconds(60));
    expect(run.tasks({ lastStatus: 'RUNNING' })).toHaveLength(1);
    expect(run.tasks({ lastStatus: 'RUNNING' })[0]?.taskArn).not.toBe(task?.taskArn);
  });

  it('task state change events carry the ECS detail fields', () => {
    const run = simulate(oneTask()).until(seconds(20));
    const event = run.events.find((e) => e['detail-type'] === 'ECS Task State Change');
    expect(event).toMatchObject({
      version: '0',
      source: 'aws.ecs',
      account: '123456789012',
      region: 'us-east-1',
    });
    expect(event?.time).toBe('2026-01-01T00:00:00.000Z');
    expect(Object.keys(event?.detail ?? {})).toEqual(
      expect.arrayContaining([
        'taskArn',
        'lastStatus',
        'desiredStatus',
        'containerInstanceArn',
        'group',
        'availabilityZone',
        'clusterArn',
        'taskDefinitionArn',
        'version',
      ]),
    );
    expect(event?.detail.group).toBe('service:web');
    expect(String(event?.detail.taskArn)).toMatch(
      /^arn:aws:ecs:us-east-1:123456789012:task\/test\/[0-9a-f]{32}$/,
    );
  });
});
