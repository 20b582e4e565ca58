import { describe, expect, it } from 'vitest';
import { design, instance, minutes, service, taskDefinition } from '../testing/builders';
import { simulate } from '../testing/harness';

// Only EC2 tasks go on container instances. Until Berth models Fargate capacity, a
// FARGATE task waits and says why; a launch type the task definition does not
// support is refused as ECS refuses it.

const fargate = {
  ...taskDefinition('edge', { networkMode: 'awsvpc', cpu: 256, memory: 512 }),
  requiresCompatibilities: ['FARGATE' as const],
  cpu: '256',
  memory: '512',
};

function cluster(services: Record<string, unknown>[] = []) {
  return design({
    containerInstances: [instance({ id: 'i-000000000000000a1' })],
    taskDefinitions: [fargate, taskDefinition('web', { cpu: 256, memory: 512 })],
    services: services as never,
  });
}

describe('launch types', () => {
  it('a FARGATE service waits, never on an EC2 instance, and says Fargate is not modelled', () => {
    const run = simulate(cluster([service('edge', 2, { launchType: 'FARGATE' })])).until(
      minutes(5),
    );
    expect(run.tasks()).toHaveLength(0);
    const snap = run.sim.snapshot();
    expect(snap.instances[0]?.remainingMemoryMiB).toBe(snap.instances[0]?.registeredMemoryMiB);
    expect(snap.services[0]?.placementFailure).toBe(
      'launch type FARGATE: Fargate capacity is not modelled yet; the task waits (only EC2 tasks go on container instances)',
    );
    expect(run.serviceMessages).toContain(
      'service edge was unable to place a task because no container instance met all of its requirements. Reason: Berth does not model Fargate capacity yet; tasks of launch type FARGATE are never placed on EC2 container instances.',
    );
    const event = run.events.find((e) => e.detail.eventName === 'SERVICE_TASK_PLACEMENT_FAILURE');
    expect(event?.detail.reason).toBe('RESOURCE:FARGATE');
    const why = run.sim.explainService('edge');
    expect(why?.failure?.reason).toBe('RESOURCE:FARGATE');
    expect(why?.failure?.summary).toContain('Fargate capacity is not modelled yet');
    expect(why?.trace.candidateCount).toBe(0);
  });

  it.each([
    [
      'a FARGATE-only definition with no launchType (EC2 by default)',
      { taskDefinition: 'edge' },
      'Task definition does not support launch_type EC2.',
    ],
    [
      'a FARGATE-only definition on EC2',
      { taskDefinition: 'edge', launchType: 'EC2' as const },
      'Task definition does not support launch_type EC2.',
    ],
    [
      'an EC2 definition on FARGATE',
      { taskDefinition: 'web', launchType: 'FARGATE' as const },
      'Task definition does not support launch_type FARGATE.',
    ],
  ])('RunTask refuses %s', (_label, input, message) => {
    const run = simulate(cluster()).apply({
      action: 'RunTask',
      input: { cluster: 'test', ...input },
    });
    expect(run.results[0]?.error).toEqual({ code: 'InvalidParameterException', message });
    expect(run.tasks()).toHaveLength(0);
  });

  it('RunTask on FARGATE places nothing and answers a failure per task', () => {
    const run = simulate(cluster()).apply({
      action: 'RunTask',
      input: { cluster: 'test', taskDefinition: 'edge', launchType: 'FARGATE', count: 2 },
    });
    const response = run.results[0]?.response as { tasks: unknown[]; failures: unknown[] };
    expect(response.tasks).toEqual([]);
    expect(response.failures).toEqual([
      {
        reason: 'RESOURCE:FARGATE',
        detail: expect.stringContaining('Fargate capacity is not modelled yet'),
      },
      {
        reason: 'RESOURCE:FARGATE',
        detail: expect.stringContaining('Fargate capacity is not modelled yet'),
      },
    ]);
    expect(run.until(minutes(1)).tasks()).toHaveLength(0);
  });

  it('UpdateService to a definition that does not support the service launch type is refused', () => {
    const run = simulate(cluster([service('web', 1)])).apply({
      action: 'UpdateService',
      input: { cluster: 'test', service: 'web', taskDefinition: 'edge' },
    });
    expect(run.results[0]?.error).toEqual({
      code: 'InvalidParameterException',
      message: 'Task definition does not support launch_type EC2.',
    });
  });

  it('an EC2 service with no launchType still runs on EC2', () => {
    const run = simulate(cluster([service('web', 2)])).until(minutes(1));
    expect(run.tasks({ lastStatus: 'RUNNING' })).toHaveLength(2);
  });
});
