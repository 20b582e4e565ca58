import { describe, expect, it } from 'vitest';
import { design, instance, minutes, service, taskDefinition } from '../testing/builders';
import { simulate } from '../testing/harness';

// Only EC2 tasks go on EC2 container instances; FARGATE tasks run on Fargate. A launch
// type the task definition does not support is refused as ECS refuses it.

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
  it('a FARGATE service runs on Fargate, never on an EC2 instance', () => {
    const run = simulate(cluster([service('edge', 2, { launchType: 'FARGATE' })])).until(
      minutes(5),
    );
    expect(run.tasks({ lastStatus: 'RUNNING' })).toHaveLength(2);
    expect(run.tasks().every((t) => t.containerInstanceArn === undefined)).toBe(true);
    const snap = run.sim.snapshot();
    expect(snap.instances[0]?.remainingMemoryMiB).toBe(snap.instances[0]?.registeredMemoryMiB);
    expect(snap.services[0]?.placementFailure).toBeUndefined();
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

  it('RunTask on FARGATE answers its tasks, PROVISIONING on no instance', () => {
    const run = simulate(cluster()).apply({
      action: 'RunTask',
      input: { cluster: 'test', taskDefinition: 'edge', launchType: 'FARGATE', count: 2 },
    });
    const response = run.results[0]?.response as {
      tasks: Record<string, unknown>[];
      failures: unknown[];
    };
    expect(response.failures).toEqual([]);
    expect(response.tasks.map((t) => [t.lastStatus, t.launchType, t.containerInstanceArn])).toEqual(
      [
        ['PROVISIONING', 'FARGATE', undefined],
        ['PROVISIONING', 'FARGATE', undefined],
      ],
    );
    expect(run.until(minutes(1)).tasks({ lastStatus: 'RUNNING' })).toHaveLength(2);
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
