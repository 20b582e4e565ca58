import { describe, expect, it } from 'vitest';
import type { DesignInput } from '../../design';
import { createSimulation, restoreSimulation } from '../simulation';
import { design, instance, minutes, seconds, service, taskDefinition } from '../testing/builders';
import { simulate } from '../testing/harness';

const TG = 'arn:aws:elasticloadbalancing:us-east-1:123456789012:targetgroup/web/73e2d6bc24d8a067';
const LB =
  'arn:aws:elasticloadbalancing:us-east-1:123456789012:loadbalancer/app/front/50dc6c495c0c9188';
const LISTENER =
  'arn:aws:elasticloadbalancing:us-east-1:123456789012:listener/app/front/50dc6c495c0c9188/f2f7dc8efc522ab2';
const instances = ['a', 'b', 'c'].map((az, i) =>
  instance({ id: `i-00000000000000${i}a1`, az: `us-east-1${az}` }),
);

/** web behind an ALB with a dynamic host port: the seeds' ALB case. */
function albDesign(extra: Partial<DesignInput> = {}, tg: Record<string, unknown> = {}) {
  return design({
    containerInstances: instances,
    taskDefinitions: [taskDefinition('web', { hostPort: 0 })],
    services: [
      service('web', 3, {
        loadBalancers: [{ targetGroupArn: TG, containerName: 'web', containerPort: 80 }],
      }),
    ],
    loadBalancers: [{ Name: 'front', Type: 'application', LoadBalancerArn: LB }],
    targetGroups: [{ Name: 'web', Protocol: 'HTTP', Port: 80, TargetGroupArn: TG, ...tg }],
    listeners: [
      {
        LoadBalancerArn: LB,
        ListenerArn: LISTENER,
        Port: 80,
        DefaultActions: [{ Type: 'forward', TargetGroupArn: TG }],
      },
    ],
    ...extra,
  });
}

const targetsOf = (run: ReturnType<typeof simulate>) =>
  (run.sim.describe().targetHealth.find((g) => g.TargetGroupArn === TG)?.TargetHealthDescriptions ??
    []) as { Target: { Id: string; Port: number }; TargetHealth: { State: string } }[];

describe('tasks behind a load balancer (ecs-behavior §2.2, §14)', () => {
  it('register when RUNNING, initial until one passing check (30 s), then healthy', () => {
    const run = simulate(albDesign()).until(seconds(14));
    const targets = targetsOf(run);
    expect(targets).toHaveLength(3);
    expect(targets.every((t) => t.TargetHealth.State === 'initial')).toBe(true);
    // Dynamic host ports from the ephemeral range, on the instances the tasks run on.
    expect(targets.every((t) => t.Target.Id.startsWith('i-') && t.Target.Port >= 32768)).toBe(true);
    expect(run.serviceMessages).toContain(
      `(service web) registered 3 targets in (target-group ${TG})`,
    );
    run.until(seconds(44));
    expect(targetsOf(run).every((t) => t.TargetHealth.State === 'healthy')).toBe(true);
    // With a load balancer the scheduler counts a task healthy by its target (§2.2).
    expect(run.sim.snapshot().services[0]?.healthyCount).toBe(3);
  });

  it('a stop drains the target for the deregistration delay, then signals the task (§14.4)', () => {
    const run = simulate(albDesign()).until(minutes(2));
    run.apply({ action: 'UpdateService', input: { service: 'web', desiredCount: 2 } });
    run.until(minutes(2) + seconds(1));
    const draining = run.tasks().find((t) => t.desiredStatus === 'STOPPED');
    expect(draining?.lastStatus).toBe('DEACTIVATING');
    expect(
      targetsOf(run)
        .map((t) => t.TargetHealth.State)
        .sort(),
    ).toEqual(['draining', 'healthy', 'healthy']);
    expect(run.serviceMessages).toContain(
      '(service web) has begun draining connections on 1 tasks.',
    );
    expect(run.serviceMessages).toContain(
      `(service web) deregistered 1 targets in (target-group ${TG})`,
    );
    run.until(minutes(2) + seconds(299));
    expect(run.tasks().find((t) => t.taskId === draining?.taskId)?.lastStatus).toBe('DEACTIVATING');
    run.until(minutes(2) + seconds(300));
    expect(run.tasks().find((t) => t.taskId === draining?.taskId)?.lastStatus).toBe('STOPPING');
    run.until(minutes(8));
    expect(run.tasks().find((t) => t.taskId === draining?.taskId)?.lastStatus).toBe('STOPPED');
    expect(targetsOf(run)).toHaveLength(2);
  });

  it('deregistration_delay.timeout_seconds sets the wait', () => {
    const run = simulate(
      albDesign({}, { Attributes: [{ Key: 'deregistration_delay.timeout_seconds', Value: '30' }] }),
    ).until(minutes(2));
    run.apply({ action: 'UpdateService', input: { service: 'web', desiredCount: 2 } });
    run.until(minutes(2) + seconds(30));
    const stopping = run.tasks().find((t) => t.desiredStatus === 'STOPPED');
    expect(stopping?.lastStatus).toBe('STOPPING');
  });

  it('a target failing its checks is unhealthy after UnhealthyThresholdCount x interval, and replaced', () => {
    const run = simulate(
      albDesign({
        workloads: [{ family: 'web', failure: { type: 'FAIL_HEALTH_CHECK', untilSeconds: 5 } }],
      }),
    ).until(minutes(2));
    // RUNNING at 13 s, unhealthy at 13 + 2 x 30 s; their replacements start then.
    const said = run.serviceMessages.filter((m) => m.includes('is unhealthy in'));
    expect(said).toHaveLength(3);
    expect(said[0]).toMatch(
      /^\(service web\) \(task [0-9a-f]{32}\) \(instance i-[0-9a]+\) \(port \d+\) is unhealthy in \(target-group web\) due to \(reason Health checks failed\)$/,
    );
    run.until(minutes(10));
    const stopped = run.tasks({ lastStatus: 'STOPPED' });
    expect(stopped).toHaveLength(3);
    expect(stopped.every((t) => t.stoppedReason?.startsWith('Task failed ELB health checks'))).toBe(
      true,
    );
    expect(targetsOf(run).every((t) => t.TargetHealth.State === 'healthy')).toBe(true);
  });

  it('the circuit breaker counts tasks whose targets fail, with no container check (§9.1 stage 2)', () => {
    const web = taskDefinition('web', { hostPort: 0 });
    const run = simulate(
      albDesign({
        taskDefinitions: [
          web,
          {
            ...web,
            containerDefinitions: web.containerDefinitions.map((c) => ({
              ...c,
              image: 'example/web:2',
            })),
          },
        ],
        services: [
          service('web', 3, {
            taskDefinition: 'web:1',
            loadBalancers: [{ targetGroupArn: TG, containerName: 'web', containerPort: 80 }],
            deploymentConfiguration: {
              minimumHealthyPercent: 100,
              maximumPercent: 150,
              deploymentCircuitBreaker: { enable: true, rollback: true },
            },
          }),
        ],
        workloads: [{ family: 'web', revision: 2, failure: { type: 'FAIL_HEALTH_CHECK' } }],
      }),
    ).until(minutes(2));
    run.apply({ action: 'UpdateService', input: { service: 'web', taskDefinition: 'web:2' } });
    run.until(minutes(20));
    const changes = run.events
      .filter((e) => e['detail-type'] === 'ECS Deployment State Change')
      .map((e) => e.detail.eventName);
    expect(changes.slice(0, 3)).toEqual([
      'SERVICE_DEPLOYMENT_IN_PROGRESS',
      'SERVICE_DEPLOYMENT_FAILED',
      'SERVICE_DEPLOYMENT_IN_PROGRESS',
    ]);
    expect(run.tasks({ lastStatus: 'RUNNING' }).every((t) => t.revision === 1)).toBe(true);
  });

  it('a Classic ELB with a static host port: one task per instance, the fourth waits for a port', () => {
    const run = simulate(
      design({
        containerInstances: instances,
        taskDefinitions: [taskDefinition('web', { hostPort: 80 })],
        services: [
          service('web', 4, {
            loadBalancers: [
              { loadBalancerName: 'legacy', containerName: 'web', containerPort: 80 },
            ],
          }),
        ],
        loadBalancers: [
          {
            Name: 'legacy',
            Type: 'classic',
            Listeners: [{ Protocol: 'HTTP', LoadBalancerPort: 80, InstancePort: 80 }],
          },
        ],
      }),
    ).until(minutes(2));
    const running = run.tasks({ lastStatus: 'RUNNING' });
    expect(running).toHaveLength(3);
    expect(new Set(running.map((t) => t.ec2InstanceId)).size).toBe(3);
    expect(run.sim.snapshot().services[0]?.placementFailure).toBeDefined();
    expect(run.serviceMessages).toContain('(service web) registered 3 targets in (elb legacy)');
  });

  it('a checkpoint taken while a target drains resumes exactly', () => {
    const d = albDesign();
    const whole = createSimulation(d);
    whole.advance(minutes(2));
    whole.apply({ action: 'UpdateService', input: { service: 'web', desiredCount: 1 } });
    whole.advance(minutes(4));
    const broken = createSimulation(d);
    broken.advance(minutes(2));
    broken.apply({ action: 'UpdateService', input: { service: 'web', desiredCount: 1 } });
    broken.advance(minutes(3));
    const resumed = restoreSimulation(JSON.parse(JSON.stringify(broken.checkpoint())));
    resumed.advance(minutes(4));
    expect(JSON.stringify(resumed.describe())).toBe(JSON.stringify(whole.describe()));
  });
});

describe('traffic through the load balancer (a fluid model)', () => {
  const withTraffic = (config?: Record<string, number>, second = false) => {
    const web = taskDefinition('web', { hostPort: 0 });
    const web2 = {
      ...web,
      containerDefinitions: web.containerDefinitions.map((c) => ({ ...c, image: 'example/web:2' })),
    };
    return albDesign({
      traffic: [{ listenerArn: LISTENER, requestsPerSecond: 100 }],
      ...(second && { taskDefinitions: [web, web2] }),
      services: [
        service('web', 3, {
          taskDefinition: 'web:1',
          loadBalancers: [{ targetGroupArn: TG, containerName: 'web', containerPort: 80 }],
          ...(config && { deploymentConfiguration: config }),
        }),
      ],
    });
  };
  const metric = (run: ReturnType<typeof simulate>, name: string, dim: string) =>
    run.frames
      .flatMap((f) => f.metrics)
      .filter(
        (m) =>
          m.MetricName === name &&
          m.Dimensions.some((d) => d.Name === dim) &&
          m.Dimensions.length === (dim === 'LoadBalancer' ? 1 : m.Dimensions.length),
      )
      .map((m) => [Date.parse(m.Timestamp) - Date.parse('2026-01-01T00:00:00Z'), m.Value]);

  it('fails with 503 until a target is healthy, then serves every request', () => {
    const run = simulate(withTraffic()).until(minutes(3), seconds(10));
    // Healthy at 13 + 30 s: 43 s of 503s in the first minute, then all served.
    expect(metric(run, 'HTTPCode_ELB_5XX_Count', 'LoadBalancer')).toEqual([
      [0, 0],
      [60_000, 4_300],
      [120_000, 0],
      [180_000, 0],
    ]);
    const perGroup = run.frames
      .flatMap((f) => f.metrics)
      .filter((m) => m.MetricName === 'RequestCount' && m.Dimensions.length === 2)
      .map((m) => m.Value);
    expect(perGroup).toEqual([0, 1_700, 6_000, 6_000]);
    const perTarget = run.frames
      .flatMap((f) => f.metrics)
      .filter((m) => m.MetricName === 'RequestCountPerTarget')
      .map((m) => m.Value);
    expect(perTarget.at(-1)).toBe(2_000);
  });

  it('minimumHealthyPercent 0 trades 503s for speed: the old tasks drain before the new are healthy', () => {
    const d = withTraffic({ minimumHealthyPercent: 0, maximumPercent: 100 }, true);
    const run = simulate(d).until(minutes(2));
    run.apply({ action: 'UpdateService', input: { service: 'web', taskDefinition: 'web:2' } });
    run.until(minutes(12), seconds(10));
    const errors = metric(run, 'HTTPCode_ELB_5XX_Count', 'LoadBalancer').filter(
      ([t]) => (t ?? 0) > minutes(2),
    );
    expect(errors.some(([, v]) => (v ?? 0) > 0)).toBe(true);
    // With min 100% the old tasks serve until the new ones are healthy: no 503 at all.
    const safe = simulate(withTraffic({ minimumHealthyPercent: 100, maximumPercent: 200 }, true));
    safe.until(minutes(2));
    safe.apply({ action: 'UpdateService', input: { service: 'web', taskDefinition: 'web:2' } });
    safe.until(minutes(12), seconds(10));
    const after = metric(safe, 'HTTPCode_ELB_5XX_Count', 'LoadBalancer').filter(
      ([t]) => (t ?? 0) > minutes(2),
    );
    expect(after.every(([, v]) => v === 0)).toBe(true);
  });

  it('splits the served requests by revision, and slow start ramps a new target up (§14.3)', () => {
    const newShare = (slowStart: boolean) => {
      const d = withTraffic({ minimumHealthyPercent: 100, maximumPercent: 134 }, true);
      const tg = d.targetGroups?.[0];
      if (tg)
        tg.Attributes = [
          { Key: 'deregistration_delay.timeout_seconds', Value: '0' },
          ...(slowStart ? [{ Key: 'slow_start.duration_seconds', Value: '120' }] : []),
        ];
      // One task at a time (upper bound 4 of 3): web:2 serves beside two of web:1.
      const run = simulate(d).until(minutes(2));
      run.apply({ action: 'UpdateService', input: { service: 'web', taskDefinition: 'web:2' } });
      run.until(minutes(3));
      const split = run.sim.snapshot().services[0]?.targetGroups?.[0]?.servedByRevision ?? {};
      const total = (split['web:1'] ?? 0) + (split['web:2'] ?? 0);
      // Every served request is some revision's.
      expect(total).toBeCloseTo(100, 0);
      return (split['web:2'] ?? 0) / total;
    };
    const plain = newShare(false);
    const ramped = newShare(true);
    // Without slow start the new target takes its third as soon as it is healthy (2:43).
    expect(plain).toBeGreaterThan(0.05);
    // Ramping over 120 s, it takes far less of that first minute.
    expect(ramped).toBeLessThan(plain * 0.6);
    expect(ramped).toBeGreaterThan(0);
  });
});
