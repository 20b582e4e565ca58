import { describe, expect, it } from 'vitest';
import type { Frame, InstanceView, TaskView } from '../engine';
import { emptyRunData, fromSnapshot, type RunData, withFrame, zeroCounts } from './run-data';

function task(id: string, over: Partial<TaskView> = {}): TaskView {
  return {
    taskArn: `arn:task/${id}`,
    taskId: id,
    clusterName: 'demo',
    group: 'service:web',
    serviceName: 'web',
    family: 'web',
    revision: 1,
    ec2InstanceId: 'i-1',
    lastStatus: 'PENDING',
    desiredStatus: 'RUNNING',
    healthStatus: 'UNKNOWN',
    cpu: 256,
    memoryMiB: 512,
    hostPorts: [],
    createdAtMs: 0,
    ...over,
  };
}

function instance(id: string, over: Partial<InstanceView> = {}): InstanceView {
  return {
    containerInstanceArn: `arn:ci/${id}`,
    ec2InstanceId: id,
    clusterName: 'demo',
    instanceType: 'm5.large',
    availabilityZone: 'us-east-1a',
    status: 'ACTIVE',
    agentConnected: true,
    registeredCpu: 2048,
    registeredMemoryMiB: 7987,
    remainingCpu: 2048,
    remainingMemoryMiB: 7987,
    runningTasksCount: 0,
    pendingTasksCount: 0,
    reservedTcpPorts: [22, 2375, 2376, 51678, 51679],
    reservedUdpPorts: [],
    dynamicPortCount: 0,
    eniUsed: 0,
    eniLimit: 2,
    attributes: { 'ecs.instance-type': 'm5.large' },
    ...over,
  };
}

function frame(nowMs: number, over: Partial<Frame> = {}): Frame {
  return {
    nowMs,
    tasks: [],
    removedTaskArns: [],
    instances: [],
    services: [],
    events: [],
    serviceEvents: [],
    metrics: [],
    taskStateCounts: zeroCounts(),
    history: [],
    ...over,
  };
}

const arnsOn = (data: RunData, id: string) => data.instanceTasks[id]?.map((t) => t.taskArn);

describe('run data', () => {
  it('lists tasks per instance, oldest first, without STOPPED ones', () => {
    let data = withFrame(
      emptyRunData(),
      frame(1000, { tasks: [task('b', { createdAtMs: 5 }), task('a')] }),
    );
    expect(arnsOn(data, 'i-1')).toEqual(['arn:task/a', 'arn:task/b']);
    data = withFrame(data, frame(2000, { tasks: [task('a', { lastStatus: 'STOPPED' })] }));
    expect(arnsOn(data, 'i-1')).toEqual(['arn:task/b']);
    data = withFrame(data, frame(3000, { removedTaskArns: ['arn:task/a'] }));
    expect(data.tasks['arn:task/a']).toBeUndefined();
  });

  it('keeps identities when nothing changed, so memoised nodes skip their render', () => {
    const first = withFrame(
      emptyRunData(),
      frame(1000, { tasks: [task('a')], instances: [instance('i-1')] }),
    );
    const second = withFrame(
      first,
      frame(1050, { tasks: [task('a')], instances: [instance('i-1')] }),
    );
    expect(second.tasks).toBe(first.tasks);
    expect(second.instances).toBe(first.instances);
    expect(second.instanceTasks).toBe(first.instanceTasks);
  });

  it('repaints only the instance whose task changed, in place', () => {
    const first = withFrame(
      emptyRunData(),
      frame(1000, {
        tasks: [task('a'), task('b', { createdAtMs: 5 }), task('c', { ec2InstanceId: 'i-2' })],
      }),
    );
    const next = withFrame(first, frame(1100, { tasks: [task('a', { lastStatus: 'RUNNING' })] }));
    expect(next.instanceTasks['i-1']).not.toBe(first.instanceTasks['i-1']);
    expect(next.instanceTasks['i-1']?.map((t) => t.lastStatus)).toEqual(['RUNNING', 'PENDING']);
    // The unchanged task keeps its view, so its chip skips the render.
    expect(next.instanceTasks['i-1']?.[1]).toBe(first.instanceTasks['i-1']?.[1]);
    expect(next.instanceTasks['i-2']).toBe(first.instanceTasks['i-2']);
  });

  it('orders tasks created in the same ms as they first arrived', () => {
    const data = withFrame(
      emptyRunData(),
      frame(1000, { tasks: [task('z'), task('y', { createdAtMs: -1 }), task('x')] }),
    );
    const later = withFrame(data, frame(1050, { tasks: [task('w')] }));
    expect(arnsOn(later, 'i-1')).toEqual(['arn:task/y', 'arn:task/z', 'arn:task/x', 'arn:task/w']);
  });

  it('treats equal nested data as unchanged, whatever its key order', () => {
    const ports = [{ containerPort: 80, hostPort: 32768, protocol: 'tcp' as const, dynamic: true }];
    const first = withFrame(emptyRunData(), frame(0, { tasks: [task('a', { hostPorts: ports })] }));
    const same = withFrame(
      first,
      frame(50, {
        tasks: [
          task('a', {
            hostPorts: [{ dynamic: true, protocol: 'tcp', hostPort: 32768, containerPort: 80 }],
          }),
        ],
      }),
    );
    expect(same.tasks).toBe(first.tasks);
    const moved = withFrame(
      first,
      frame(50, { tasks: [task('a', { hostPorts: [{ ...ports[0]!, hostPort: 32769 }] })] }),
    );
    expect(moved.tasks).not.toBe(first.tasks);
  });

  it('updates an instance whose numbers moved', () => {
    const first = withFrame(emptyRunData(), frame(0, { instances: [instance('i-1')] }));
    const next = withFrame(
      first,
      frame(50, { instances: [instance('i-1', { remainingCpu: 1792 })] }),
    );
    expect(next.instances['i-1']?.remainingCpu).toBe(1792);
  });

  it('logs service events newest first', () => {
    const events = [
      { id: '1', serviceName: 'web', createdAtMs: 0, message: 'started' },
      { id: '2', serviceName: 'web', createdAtMs: 12_000, message: 'steady' },
    ];
    expect(
      withFrame(emptyRunData(), frame(12_000, { serviceEvents: events })).events.map((e) => e.id),
    ).toEqual(['2', '1']);
  });

  it('starts over from a snapshot with a chart point at its time', () => {
    const data = fromSnapshot({
      nowMs: 0,
      tasks: [task('a')],
      instances: [instance('i-1')],
      services: [],
      serviceEvents: [],
      taskStateCounts: { ...zeroCounts(), PENDING: 1 },
    });
    expect(data.counts.PENDING).toBe(1);
    expect(arnsOn(data, 'i-1')).toEqual(['arn:task/a']);
  });
});
