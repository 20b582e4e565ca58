import { describe, expect, it } from 'vitest';
import type { Command, DesignInput } from '../../design';
import type { TaskView } from '../api';
import { design, instance, minutes, seconds, service, taskDefinition } from '../testing/builders';
import { simulate } from '../testing/harness';

const instances = ['a', 'b', 'c'].map((az, i) =>
  instance({ id: `i-00000000000000${i}a1`, az: `us-east-1${az}` }),
);

/** web:1 runs; web:2 is registered too, with the workload given for it. */
function webDesign(
  config: { minimumHealthyPercent?: number; maximumPercent?: number } = {},
  extra: {
    workload?: Record<string, unknown>;
    breaker?: boolean;
    rollback?: boolean;
    desired?: number;
    healthCheck?: boolean;
  } = {},
) {
  const td = taskDefinition('web');
  const withCheck = extra.healthCheck
    ? {
        ...td,
        containerDefinitions: td.containerDefinitions.map((c) => ({
          ...c,
          healthCheck: { command: ['CMD-SHELL', 'curl -f http://localhost/ || exit 1'] },
        })),
      }
    : td;
  const deploymentConfiguration: Record<string, unknown> = { ...config };
  if (extra.breaker) {
    deploymentConfiguration.deploymentCircuitBreaker = {
      enable: true,
      rollback: extra.rollback ?? false,
    };
  }
  const parts: Partial<DesignInput> = {
    containerInstances: instances,
    taskDefinitions: [
      withCheck,
      {
        ...withCheck,
        containerDefinitions: withCheck.containerDefinitions.map((c) => ({
          ...c,
          image: 'example/web:2',
        })),
      },
    ],
    services: [
      service('web', extra.desired ?? 4, { taskDefinition: 'web:1', deploymentConfiguration }),
    ],
    workloads: extra.workload ? [{ family: 'web', revision: 2, ...extra.workload }] : [],
  };
  return design(parts);
}

const deploy = (taskDefinition = 'web:2'): Command => ({
  action: 'UpdateService',
  input: { cluster: 'test', service: 'web', taskDefinition },
});

/** §2.2 without a load balancer or health check: RUNNING for 40 s. */
const healthyAt = (nowMs: number) => (t: TaskView) =>
  t.lastStatus === 'RUNNING' &&
  t.desiredStatus === 'RUNNING' &&
  nowMs - (t.startedAtMs ?? nowMs) >= 40_000;

const live = (t: TaskView) =>
  t.desiredStatus === 'RUNNING' &&
  (t.lastStatus === 'RUNNING' || t.lastStatus === 'PENDING' || t.lastStatus === 'PROVISIONING');

function deploymentsOf(run: ReturnType<typeof simulate>) {
  const services = run.sim.describe().services as { deployments: Record<string, unknown>[] }[];
  return services[0]?.deployments ?? [];
}

describe('rolling update (ecs-behavior §8)', () => {
  it.each([
    [50, 200, 2, 8],
    [100, 200, 4, 8],
    [50, 100, 2, 4],
    [0, 100, 0, 4],
  ])(
    'min %i%% / max %i%%: at least %i healthy and at most %i RUNNING + PENDING at every step, then all on web:2',
    (min, max, lower, upper) => {
      const run = simulate(webDesign({ minimumHealthyPercent: min, maximumPercent: max })).until(
        minutes(2),
      );
      expect(run.tasks({ lastStatus: 'RUNNING' })).toHaveLength(4);
      run.apply(deploy());
      expect(run.results.at(-1)?.error).toBeUndefined();
      for (let t = minutes(2); t <= minutes(10); t += seconds(1)) {
        run.until(t);
        const tasks = run.tasks();
        expect(tasks.filter(healthyAt(t)).length).toBeGreaterThanOrEqual(lower);
        expect(tasks.filter(live).length).toBeLessThanOrEqual(upper);
      }
      const running = run.tasks({ lastStatus: 'RUNNING' });
      expect(running).toHaveLength(4);
      expect(running.every((t) => t.revision === 2)).toBe(true);
      const deployments = deploymentsOf(run);
      expect(deployments).toHaveLength(1);
      expect(deployments[0]).toMatchObject({
        status: 'PRIMARY',
        rolloutState: 'COMPLETED',
        runningCount: 4,
      });
      expect(String(deployments[0]?.taskDefinition)).toMatch(/task-definition\/web:2$/);
      const id = String(deployments[0]?.id);
      expect(id).toMatch(/^ecs-svc\/\d{19}$/);
      const said = run.serviceMessages;
      const done = said.indexOf(`(service web) deployment ${id} deployment completed.`);
      expect(done).toBeGreaterThan(0);
      expect(said.slice(done + 1)).toContain('service web has reached a steady state.');
      const changes = run.events.filter((e) => e['detail-type'] === 'ECS Deployment State Change');
      expect(changes.map((e) => e.detail.eventName)).toEqual([
        'SERVICE_DEPLOYMENT_IN_PROGRESS',
        'SERVICE_DEPLOYMENT_COMPLETED',
      ]);
      expect(changes[1]?.detail.reason).toBe(`ECS deployment ${id} completed.`);
    },
  );

  it('a deployment right after the tasks start keeps them until the new ones are healthy', () => {
    // At 20 s the first tasks have run 7 s: not healthy yet (§2.2), but min 100% keeps them.
    const run = simulate(webDesign({ minimumHealthyPercent: 100, maximumPercent: 200 }))
      .until(seconds(20))
      .apply(deploy());
    for (let t = seconds(20); t <= minutes(4); t += seconds(1)) {
      run.until(t);
      const old = run.tasks().filter((x) => x.revision === 1 && x.desiredStatus === 'STOPPED');
      const newHealthy = run
        .tasks()
        .filter((x) => x.revision === 2)
        .filter(healthyAt(t));
      if (old.length > 0) expect(newHealthy.length).toBeGreaterThanOrEqual(4);
    }
    expect(run.tasks({ lastStatus: 'RUNNING' }).every((t) => t.revision === 2)).toBe(true);
  });

  it('lists the old deployment ACTIVE and the new PRIMARY while it rolls', () => {
    const run = simulate(webDesign({ minimumHealthyPercent: 100, maximumPercent: 200 }))
      .until(minutes(2))
      .apply(deploy())
      .until(minutes(2) + seconds(20));
    const deployments = deploymentsOf(run);
    expect(deployments.map((d) => [d.status, d.rolloutState])).toEqual([
      ['PRIMARY', 'IN_PROGRESS'],
      ['ACTIVE', 'COMPLETED'],
    ]);
    expect(deployments[1]).toMatchObject({ runningCount: 4, desiredCount: 4 });
    expect(deployments[0]).toMatchObject({ desiredCount: 4 });
  });

  it('desired 2 with min 75%: ceil(1.5) = 2 and max 100% leave no move, and the console says so', () => {
    const run = simulate(
      webDesign({ minimumHealthyPercent: 75, maximumPercent: 100 }, { desired: 2 }),
    )
      .until(minutes(2))
      .apply(deploy())
      .until(minutes(5));
    expect(run.tasks({ lastStatus: 'RUNNING' }).every((t) => t.revision === 1)).toBe(true);
    expect(run.serviceMessages).toContain(
      'service web was unable to stop or start tasks during a deployment because of the service deployment configuration. Update the minimumHealthyPercent or maximumPercent value and try again.',
    );
  });

  it('a desired count alone changes the PRIMARY, without a new deployment (§8.1)', () => {
    const run = simulate(webDesign()).until(minutes(2));
    const before = deploymentsOf(run)[0]?.id;
    run
      .apply({
        action: 'UpdateService',
        input: { cluster: 'test', service: 'web', desiredCount: 6 },
      })
      .until(minutes(4));
    const after = deploymentsOf(run);
    expect(after).toHaveLength(1);
    expect(after[0]).toMatchObject({ id: before, desiredCount: 6, runningCount: 6 });
  });

  it('RegisterTaskDefinition gives the next revision, and UpdateService deploys it', () => {
    const run = simulate(webDesign()).until(minutes(1));
    run.apply({
      action: 'RegisterTaskDefinition',
      input: {
        ...taskDefinition('web'),
        containerDefinitions: [
          { ...taskDefinition('web').containerDefinitions[0]!, image: 'example/web:3' },
        ],
      },
    });
    const response = run.results.at(-1)?.response as {
      taskDefinition: { revision: number; taskDefinitionArn: string };
    };
    expect(response.taskDefinition.revision).toBe(3);
    expect(response.taskDefinition.taskDefinitionArn).toMatch(/web:3$/);
    run.apply(deploy('web')).until(minutes(8));
    expect(run.tasks({ lastStatus: 'RUNNING' }).map((t) => t.revision)).toEqual([3, 3, 3, 3]);
  });

  it('forceNewDeployment replaces every task with the same revision', () => {
    const run = simulate(webDesign()).until(minutes(2));
    const first = new Set(run.tasks({ lastStatus: 'RUNNING' }).map((t) => t.taskId));
    run
      .apply({
        action: 'UpdateService',
        input: { cluster: 'test', service: 'web', forceNewDeployment: true },
      })
      .until(minutes(8));
    const now = run.tasks({ lastStatus: 'RUNNING' });
    expect(now).toHaveLength(4);
    expect(now.some((t) => first.has(t.taskId))).toBe(false);
  });

  it('refuses minimumHealthyPercent above maximumPercent, and a daemon maximumPercent other than 100', () => {
    const run = simulate(webDesign()).until(seconds(5));
    run.apply({
      action: 'UpdateService',
      input: {
        cluster: 'test',
        service: 'web',
        deploymentConfiguration: { minimumHealthyPercent: 150, maximumPercent: 100 },
      },
    });
    expect(run.results.at(-1)?.error?.code).toBe('InvalidParameterException');
  });
});

describe('deployment circuit breaker (ecs-behavior §9.1)', () => {
  it('stage 1: a revision that never starts fails after 3 tasks, and rolls back to the last COMPLETED', () => {
    const run = simulate(
      webDesign(
        { minimumHealthyPercent: 100, maximumPercent: 200 },
        { workload: { failure: { type: 'FAIL_TO_START' } }, breaker: true, rollback: true },
      ),
    ).until(minutes(2));
    const original = String(deploymentsOf(run)[0]?.id);
    run.apply(deploy());
    for (let t = minutes(2); t <= minutes(12); t += seconds(1)) {
      run.until(t);
      // The old revision stays whole throughout: min 100%.
      expect(run.tasks().filter(healthyAt(t)).length).toBeGreaterThanOrEqual(4);
    }
    const changes = run.events
      .filter((e) => e['detail-type'] === 'ECS Deployment State Change')
      .map((e) => [e.detail.eventName, e.detail.reason]);
    expect(changes[1]).toEqual([
      'SERVICE_DEPLOYMENT_FAILED',
      'ECS deployment circuit breaker: task failed to start.',
    ]);
    expect(changes[2]).toEqual([
      'SERVICE_DEPLOYMENT_IN_PROGRESS',
      `ECS deployment circuit breaker: rolling back to deploymentId ${original}.`,
    ]);
    expect(changes[3]?.[0]).toBe('SERVICE_DEPLOYMENT_COMPLETED');
    const failed = run.tasks({ lastStatus: 'STOPPED' }).filter((t) => t.revision === 2);
    expect(failed.length).toBeGreaterThanOrEqual(3);
    expect(failed.every((t) => t.stopCode === 'TaskFailedToStart')).toBe(true);
    const deployments = deploymentsOf(run);
    expect(deployments).toHaveLength(1);
    expect(String(deployments[0]?.taskDefinition)).toMatch(/web:1$/);
    expect(deployments[0]?.rolloutState).toBe('COMPLETED');
    expect(run.tasks({ lastStatus: 'RUNNING' }).every((t) => t.revision === 1)).toBe(true);
  });

  it('stage 2: tasks that run but fail their container health checks count once one has run', () => {
    const run = simulate(
      webDesign(
        { minimumHealthyPercent: 50, maximumPercent: 200 },
        {
          workload: { failure: { type: 'FAIL_HEALTH_CHECK' } },
          breaker: true,
          rollback: true,
          healthCheck: true,
        },
      ),
    ).until(minutes(3));
    expect(run.tasks({ lastStatus: 'RUNNING' }).every((t) => t.healthStatus === 'HEALTHY')).toBe(
      true,
    );
    run.apply(deploy()).until(minutes(20));
    const changes = run.events
      .filter((e) => e['detail-type'] === 'ECS Deployment State Change')
      .map((e) => e.detail.eventName);
    expect(changes.slice(0, 3)).toEqual([
      'SERVICE_DEPLOYMENT_IN_PROGRESS',
      'SERVICE_DEPLOYMENT_FAILED',
      'SERVICE_DEPLOYMENT_IN_PROGRESS',
    ]);
    expect(
      run.serviceMessages.some((m) =>
        /\(service web\) \(task [0-9a-f]{32}\) failed container health checks\./.test(m),
      ),
    ).toBe(true);
    const running = run.tasks({ lastStatus: 'RUNNING' });
    expect(running).toHaveLength(4);
    expect(running.every((t) => t.revision === 1 && t.healthStatus === 'HEALTHY')).toBe(true);
  });

  it('without rollback the deployment stays FAILED, launches nothing more, and the old tasks keep running', () => {
    const run = simulate(
      webDesign(
        { minimumHealthyPercent: 100, maximumPercent: 200 },
        { workload: { failure: { type: 'FAIL_TO_START' } }, breaker: true, rollback: false },
      ),
    )
      .until(minutes(2))
      .apply(deploy())
      .until(minutes(6));
    const deployments = deploymentsOf(run);
    expect(deployments[0]).toMatchObject({
      status: 'PRIMARY',
      rolloutState: 'FAILED',
      failedTasks: 3,
    });
    const launched = run.tasks().filter((t) => t.revision === 2).length;
    run.until(minutes(30));
    expect(run.tasks().filter((t) => t.revision === 2).length).toBe(launched);
    expect(run.tasks({ lastStatus: 'RUNNING' }).filter((t) => t.revision === 1)).toHaveLength(4);
  });
});

describe('tasks that fail (workloads[].failure)', () => {
  it('a revision that never starts is throttled, and the console says so (§7.3)', () => {
    const run = simulate(
      webDesign({}, { workload: { failure: { type: 'FAIL_TO_START' } }, desired: 1 }),
    )
      .until(minutes(1))
      .apply(deploy())
      .until(minutes(60), seconds(10));
    expect(run.serviceMessages).toContain(
      'service web is unable to consistently start tasks successfully.',
    );
    const impaired = run.events.filter((e) => e.detail.eventName === 'SERVICE_TASK_START_IMPAIRED');
    expect(impaired).toHaveLength(1);
    expect(impaired[0]?.detail.eventType).toBe('WARN');
    const starts = run
      .tasks()
      .filter((t) => t.revision === 2)
      .map((t) => t.createdAtMs)
      .sort((a, b) => a - b);
    const gaps = starts.slice(1).map((t, i) => t - (starts[i] ?? 0));
    // The gaps grow, and never past 15 minutes (plus the start attempt itself).
    expect(Math.max(...gaps)).toBeGreaterThan(minutes(4));
    expect(Math.max(...gaps)).toBeLessThanOrEqual(minutes(15) + seconds(20));
    expect(gaps.at(-1)).toBeGreaterThanOrEqual(gaps[0] ?? 0);
  });

  it('an unhealthy task is replaced start-first: the replacement starts before it stops (§7.2)', () => {
    // The first task fails its checks (UNHEALTHY at 13 + 90 s); the ones after it are fine.
    const checked = taskDefinition('web');
    const run = simulate(
      design({
        containerInstances: instances,
        taskDefinitions: [
          {
            ...checked,
            containerDefinitions: [
              { ...checked.containerDefinitions[0]!, healthCheck: { command: ['CMD', 'check'] } },
            ],
          },
        ],
        services: [service('web', 1)],
        workloads: [{ family: 'web', failure: { type: 'FAIL_HEALTH_CHECK', untilSeconds: 10 } }],
      }),
    ).until(minutes(5));
    const sick = run.tasks({ lastStatus: 'STOPPED' });
    expect(sick).toHaveLength(1);
    expect(sick[0]?.stoppedReason).toBe('Task failed container health checks');
    expect(sick[0]?.stopCode).toBe('ServiceSchedulerInitiated');
    const replacement = run.tasks({ lastStatus: 'RUNNING' });
    expect(replacement).toHaveLength(1);
    expect(replacement[0]?.healthStatus).toBe('HEALTHY');
    expect(replacement[0]?.createdAtMs).toBe(seconds(103));
    // It stopped only once its replacement was HEALTHY (RUNNING at 116 s, HEALTHY at 146 s).
    expect(sick[0]?.stoppedAtMs).toBeGreaterThanOrEqual(seconds(146));
  });

  it('inside healthCheckGracePeriodSeconds an unhealthy task is left alone', () => {
    const run = simulate(
      design({
        containerInstances: instances,
        taskDefinitions: [
          {
            ...taskDefinition('web'),
            containerDefinitions: [
              {
                ...taskDefinition('web').containerDefinitions[0]!,
                healthCheck: { command: ['CMD', 'false'], interval: 10, retries: 1 },
              },
            ],
          },
        ],
        services: [service('web', 1, { healthCheckGracePeriodSeconds: 120 })],
        workloads: [{ family: 'web', failure: { type: 'FAIL_HEALTH_CHECK' } }],
      }),
    ).until(minutes(2));
    // RUNNING at 13 s, UNHEALTHY at 23 s, grace until 133 s: no replacement before then.
    const first = run.tasks({ lastStatus: 'RUNNING' });
    expect(first).toHaveLength(1);
    expect(first[0]?.healthStatus).toBe('UNHEALTHY');
    expect(run.tasks()).toHaveLength(1);
    run.until(seconds(134));
    const replacement = run.tasks().filter((t) => t.taskId !== first[0]?.taskId);
    expect(replacement).toHaveLength(1);
    expect(replacement[0]?.createdAtMs).toBe(seconds(133));
  });

  it('a crash after RUNNING stops the task with EssentialContainerExited; the service replaces it', () => {
    const run = simulate(
      design({
        containerInstances: instances,
        taskDefinitions: [taskDefinition('web')],
        services: [service('web', 2)],
        workloads: [
          { family: 'web', failure: { type: 'CRASH', afterSeconds: 30, untilSeconds: 40 } },
        ],
      }),
    ).until(minutes(3));
    const crashed = run.tasks({ lastStatus: 'STOPPED' });
    expect(crashed).toHaveLength(2);
    expect(crashed.every((t) => t.stopCode === 'EssentialContainerExited')).toBe(true);
    expect(crashed[0]?.stoppedReason).toBe('Essential container in task exited');
    expect(run.tasks({ lastStatus: 'RUNNING' })).toHaveLength(2);
    expect(run.serviceMessages).not.toContain(
      'service web is unable to consistently start tasks successfully.',
    );
  });

  it('a container that ignores SIGTERM is killed when its stop timeout runs out (§1.2, 30 s)', () => {
    const run = simulate(
      design({
        containerInstances: instances,
        taskDefinitions: [taskDefinition('web')],
        services: [service('web', 1)],
        workloads: [{ family: 'web', ignoresSigterm: true }],
      }),
    ).until(minutes(1));
    run
      .apply({
        action: 'UpdateService',
        input: { cluster: 'test', service: 'web', desiredCount: 0 },
      })
      .until(minutes(2));
    const stopped = run.tasks({ lastStatus: 'STOPPED' })[0];
    expect((stopped?.stoppedAtMs ?? 0) - minutes(1)).toBe(seconds(30));
  });

  it('a probability fails some tasks, the same ones for the same seed', () => {
    const d = design({
      containerInstances: instances,
      taskDefinitions: [taskDefinition('web')],
      services: [service('web', 10)],
      workloads: [
        { family: 'web', failure: { type: 'FAIL_TO_START', probability: 0.3, untilSeconds: 30 } },
      ],
    });
    const a = simulate(d, 11).until(minutes(5));
    const b = simulate(d, 11).until(minutes(5));
    const failed = a.tasks({ lastStatus: 'STOPPED' });
    expect(failed.length).toBeGreaterThan(0);
    expect(failed.length).toBeLessThan(10);
    expect(b.tasks({ lastStatus: 'STOPPED' }).map((t) => t.taskId)).toEqual(
      failed.map((t) => t.taskId),
    );
    expect(a.tasks({ lastStatus: 'RUNNING' })).toHaveLength(10);
  });
});

describe('daemon deployments (§7.1, §8.1)', () => {
  const daemon = (workload?: Record<string, unknown>, breaker = false) =>
    design({
      containerInstances: instances,
      taskDefinitions: [taskDefinition('agent'), { ...taskDefinition('agent'), cpu: '128' }],
      services: [
        {
          cluster: 'test',
          serviceName: 'agent',
          taskDefinition: 'agent:1',
          schedulingStrategy: 'DAEMON',
          ...(breaker
            ? {
                deploymentConfiguration: {
                  deploymentCircuitBreaker: { enable: true, rollback: false },
                },
              }
            : {}),
        },
      ],
      workloads: workload ? [{ family: 'agent', revision: 2, ...workload }] : [],
    });
  const toRevision2: Command = {
    action: 'UpdateService',
    input: { cluster: 'test', service: 'agent', taskDefinition: 'agent:2' },
  };

  it('replaces the task on every instance with the new revision', () => {
    const run = simulate(daemon()).until(minutes(1)).apply(toRevision2).until(minutes(4));
    const running = run.tasks({ lastStatus: 'RUNNING' });
    expect(running).toHaveLength(3);
    expect(running.every((t) => t.revision === 2)).toBe(true);
    expect(new Set(running.map((t) => t.ec2InstanceId)).size).toBe(3);
  });

  it('a FAILED deployment launches nothing more', () => {
    const run = simulate(daemon({ failure: { type: 'FAIL_TO_START' } }, true))
      .until(minutes(1))
      .apply(toRevision2)
      .until(minutes(5));
    expect(deploymentsOf(run)[0]).toMatchObject({ rolloutState: 'FAILED' });
    const launched = run.tasks().filter((t) => t.revision === 2).length;
    run.until(minutes(30));
    expect(run.tasks().filter((t) => t.revision === 2)).toHaveLength(launched);
  });
});
