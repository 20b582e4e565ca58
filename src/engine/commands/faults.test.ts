import { describe, expect, it } from 'vitest';
import { design, instance, minutes, seconds, service, taskDefinition } from '../testing/builders';
import { simulate } from '../testing/harness';

const TG = 'arn:aws:elasticloadbalancing:us-east-1:123456789012:targetgroup/web/73e2d6bc24d8a067';
const LB =
  'arn:aws:elasticloadbalancing:us-east-1:123456789012:loadbalancer/app/front/50dc6c495c0c9188';

const zones = () =>
  ['a', 'a', 'b', 'b', 'c', 'c'].map((az, i) =>
    instance({ id: `i-00000000000000${i}f1`, az: `us-east-1${az}` }),
  );

describe('faults', () => {
  it('FailAvailabilityZone loses every instance in the zone; the service moves to the others', () => {
    const run = simulate(
      design({
        containerInstances: zones(),
        taskDefinitions: [taskDefinition('web')],
        services: [service('web', 6)],
      }),
    ).until(minutes(1));
    expect(
      run.tasks({ lastStatus: 'RUNNING' }).filter((t) => t.availabilityZone === 'us-east-1a'),
    ).toHaveLength(2);
    run.apply({ action: 'FailAvailabilityZone', input: { availabilityZone: 'us-east-1a' } });
    expect(run.results.at(-1)?.response).toMatchObject({ lostInstances: expect.any(Array) });
    run.until(minutes(3));
    const running = run.tasks({ lastStatus: 'RUNNING' });
    expect(running).toHaveLength(6);
    expect(running.every((t) => t.availabilityZone !== 'us-east-1a')).toBe(true);
    run.apply({ action: 'FailAvailabilityZone', input: { availabilityZone: 'us-east-1d' } });
    expect(run.results.at(-1)?.error?.code).toBe('InvalidParameterException');
  });

  it('FailTargetHealth makes a healthy target unhealthy: its task is replaced', () => {
    const run = simulate(
      design({
        containerInstances: zones(),
        taskDefinitions: [taskDefinition('web', { hostPort: 0 })],
        services: [
          service('web', 3, {
            loadBalancers: [{ targetGroupArn: TG, containerName: 'web', containerPort: 80 }],
          }),
        ],
        loadBalancers: [{ Name: 'front', Type: 'application', LoadBalancerArn: LB }],
        targetGroups: [{ Name: 'web', Protocol: 'HTTP', Port: 80, TargetGroupArn: TG }],
        listeners: [
          {
            LoadBalancerArn: LB,
            Port: 80,
            DefaultActions: [{ Type: 'forward', TargetGroupArn: TG }],
          },
        ],
      }),
    ).until(minutes(1));
    run.apply({ action: 'FailTargetHealth', input: { targetGroupArn: 'web', count: 1 } });
    const response = run.results.at(-1)?.response as { failedTasks: string[] } | undefined;
    const failed = response?.failedTasks[0];
    run.until(minutes(1) + seconds(1));
    // Start-first (§7.2): its replacement starts now; it stops once that one is healthy.
    expect(run.tasks().filter((t) => t.desiredStatus === 'RUNNING')).toHaveLength(4);
    run.until(minutes(3));
    expect(run.tasks().find((t) => t.taskId === failed)?.desiredStatus).toBe('STOPPED');
    expect(
      run.serviceMessages.some(
        (m) => m.includes(`(task ${failed})`) && m.includes('is unhealthy in'),
      ),
    ).toBe(true);
    run.until(minutes(10));
    expect(run.tasks({ lastStatus: 'RUNNING' })).toHaveLength(3);
  });

  it('FailRevision: a revision registered mid-run fails to start, the circuit breaker rolls back to web:1', () => {
    const run = simulate(
      design({
        containerInstances: zones(),
        taskDefinitions: [taskDefinition('web')],
        services: [
          service('web', 4, {
            deploymentConfiguration: {
              deploymentCircuitBreaker: { enable: true, rollback: true },
            },
          }),
        ],
      }),
    ).until(minutes(1));
    run
      .apply({ action: 'RegisterTaskDefinition', input: taskDefinition('web') })
      .apply({
        action: 'FailRevision',
        input: { taskDefinition: 'web:2', failure: { type: 'FAIL_TO_START' } },
      })
      .apply({
        action: 'UpdateService',
        input: { cluster: 'test', service: 'web', taskDefinition: 'web:2' },
      });
    expect(run.results.map((r) => r.error)).toEqual([undefined, undefined, undefined]);
    run.until(minutes(30));
    // Threshold max(3, ceil(0.5 x 4)) = 3 failed starts (§9.1), then the rollback.
    const failed = run.events.find((e) => e.detail.eventName === 'SERVICE_DEPLOYMENT_FAILED');
    expect(failed?.detail.reason).toContain('circuit breaker');
    const running = run.tasks({ lastStatus: 'RUNNING', serviceName: 'web' });
    expect(running).toHaveLength(4);
    expect(running.every((t) => t.revision === 1)).toBe(true);
    // A revision that does not exist is refused as ECS refuses it.
    run.apply({ action: 'FailRevision', input: { taskDefinition: 'web:9' } });
    expect(run.results.at(-1)?.error?.code).toBe('ClientException');
  });

  it('FailRevision without a failure heals the revision: new tasks start again', () => {
    const run = simulate(
      design({
        containerInstances: zones(),
        taskDefinitions: [taskDefinition('web')],
        services: [service('web', 2)],
        workloads: [{ family: 'web', failure: { type: 'FAIL_TO_START' } }],
      }),
    ).until(minutes(2));
    expect(run.tasks({ lastStatus: 'RUNNING' })).toHaveLength(0);
    run.apply({ action: 'FailRevision', input: { taskDefinition: 'web:1' } }).until(minutes(20));
    expect(run.tasks({ lastStatus: 'RUNNING' })).toHaveLength(2);
  });
});
