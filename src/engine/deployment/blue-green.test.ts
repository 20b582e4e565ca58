import { describe, expect, it } from 'vitest';
import type { Workload } from '../../design';
import type { Frame } from '../api';
import { createSimulation, restoreSimulation } from '../simulation';
import { design, instance, minutes, seconds, service, taskDefinition } from '../testing/builders';
import { simulate } from '../testing/harness';

const ARN = 'arn:aws:elasticloadbalancing:us-east-1:123456789012';
const BLUE = `${ARN}:targetgroup/blue/1111111111111111`;
const GREEN = `${ARN}:targetgroup/green/2222222222222222`;
const LB = `${ARN}:loadbalancer/app/front/50dc6c495c0c9188`;
const LISTENER = `${ARN}:listener/app/front/50dc6c495c0c9188/f2f7dc8efc522ab2`;

/** web behind an ALB whose listener forwards to blue (100) and green (0), 100 req/s. */
function canaryDesign(strategy: Record<string, unknown>, workloads: Workload[] = []) {
  const web = taskDefinition('web', { hostPort: 0 });
  const web2 = {
    ...web,
    containerDefinitions: web.containerDefinitions.map((c) => ({ ...c, image: 'example/web:2' })),
  };
  const group = (Name: string, TargetGroupArn: string) => ({
    Name,
    Protocol: 'HTTP' as const,
    Port: 80,
    TargetGroupArn,
    Attributes: [{ Key: 'deregistration_delay.timeout_seconds', Value: '30' }],
  });
  return design({
    containerInstances: ['a', 'b', 'c'].map((az, i) =>
      instance({ id: `i-00000000000000${i}b1`, az: `us-east-1${az}` }),
    ),
    taskDefinitions: [web, web2],
    services: [
      service('web', 3, {
        taskDefinition: 'web:1',
        loadBalancers: [
          {
            targetGroupArn: BLUE,
            containerName: 'web',
            containerPort: 80,
            advancedConfiguration: {
              alternateTargetGroupArn: GREEN,
              productionListenerRule: LISTENER,
            },
          },
        ],
        deploymentConfiguration: { minimumHealthyPercent: 100, maximumPercent: 200, ...strategy },
      }),
    ],
    loadBalancers: [{ Name: 'front', Type: 'application', LoadBalancerArn: LB }],
    targetGroups: [group('blue', BLUE), group('green', GREEN)],
    listeners: [
      {
        LoadBalancerArn: LB,
        ListenerArn: LISTENER,
        Port: 80,
        DefaultActions: [
          {
            Type: 'forward',
            ForwardConfig: {
              TargetGroups: [
                { TargetGroupArn: BLUE, Weight: 100 },
                { TargetGroupArn: GREEN, Weight: 0 },
              ],
            },
          },
        ],
      },
    ],
    traffic: [{ listenerArn: LISTENER, requestsPerSecond: 100 }],
    workloads,
  });
}

/** RequestCount per target group, minute by minute: [ms, blue, green]. */
function split(frames: readonly Frame[]): [number, number, number][] {
  const byMinute = new Map<number, [number, number]>();
  for (const m of frames.flatMap((f) => f.metrics)) {
    if (m.MetricName !== 'RequestCount' || m.Dimensions.length !== 2) continue;
    const ms = Date.parse(m.Timestamp) - Date.parse('2026-01-01T00:00:00Z');
    const row = byMinute.get(ms) ?? [0, 0];
    const tg = m.Dimensions.find((d) => d.Name === 'TargetGroup')?.Value ?? '';
    row[tg.startsWith('targetgroup/blue') ? 0 : 1] += m.Value;
    byMinute.set(ms, row);
  }
  return [...byMinute].map(([ms, [b, g]]) => [ms, b, g]);
}

const deploy = {
  action: 'UpdateService',
  input: { service: 'web', taskDefinition: 'web:2' },
} as const;

describe('ECS blue/green, linear and canary deployments (ecs-behavior §11)', () => {
  it('a canary: green scales to 100% first, takes 10% for its bake, then 100%, then blue goes', () => {
    const run = simulate(
      canaryDesign({
        strategy: 'CANARY',
        canaryConfiguration: { canaryPercent: 10, canaryBakeTimeInMinutes: 5 },
        bakeTimeInMinutes: 2,
      }),
    ).until(minutes(2));
    run.apply(deploy).until(minutes(16), seconds(10));
    const rows = split(run.frames);
    const at = (m: number) => rows.find(([ms]) => ms === minutes(m));
    // Before: all on blue. Green healthy at 2:00 + 13 s + 30 s: 10% from 2:43.
    expect(at(2)).toEqual([minutes(2), 6_000, 0]);
    expect(at(4)).toEqual([minutes(4), 5_400, 600]);
    expect(at(7)).toEqual([minutes(7), 5_400, 600]);
    // 2:43 + 5 min: 100% to green.
    expect(at(9)).toEqual([minutes(9), 0, 6_000]);
    const said = run.serviceMessages.filter((m) => m.includes('of production traffic'));
    expect(said.map((m) => /shifted (\d+)%/.exec(m)?.[1])).toEqual(['10', '100']);
    // Then the bake (2 min), blue's drain (30 s) and stop: one deployment, green, COMPLETED.
    const services = run.sim.describe().services as { deployments: Record<string, unknown>[] }[];
    expect(services[0]?.deployments).toHaveLength(1);
    expect(services[0]?.deployments[0]).toMatchObject({ rolloutState: 'COMPLETED' });
    expect(run.tasks({ lastStatus: 'RUNNING' }).every((t) => t.revision === 2)).toBe(true);
    // Never a 503: blue served until green took over.
    const errors = run.frames
      .flatMap((f) => f.metrics)
      .filter(
        (m) =>
          m.MetricName === 'HTTPCode_ELB_5XX_Count' &&
          Date.parse(m.Timestamp) > Date.parse('2026-01-01T00:01:00Z'),
      );
    expect(errors.every((m) => m.Value === 0)).toBe(true);
  });

  it('RECONCILE_SERVICE: a deployment started mid-canary sends production back to blue, stops the canary, and scales the newest into green', () => {
    const d = canaryDesign({
      strategy: 'CANARY',
      canaryConfiguration: { canaryPercent: 10, canaryBakeTimeInMinutes: 5 },
      bakeTimeInMinutes: 1,
    });
    const web3 = JSON.parse(JSON.stringify(d.taskDefinitions[1]));
    web3.containerDefinitions[0].image = 'example/web:3';
    d.taskDefinitions.push(web3);
    const run = simulate(d).until(minutes(2));
    run.apply(deploy).until(minutes(4));
    expect(split(run.frames).find(([ms]) => ms === minutes(4))).toEqual([minutes(4), 5_400, 600]);
    run.apply({ action: 'UpdateService', input: { service: 'web', taskDefinition: 'web:3' } });
    expect(run.results.at(-1)?.error).toBeUndefined();
    run.until(minutes(20), seconds(10));
    const rows = split(run.frames);
    // At 4:00 web:2's canary is gone and every request is on blue (web:1) again, until
    // web:3 is healthy in green at 4:43 and takes its 10%: 600 x 17 / 60 in that minute.
    expect(rows.find(([ms]) => ms === minutes(5))).toEqual([minutes(5), 5_830, 170]);
    expect(rows.find(([ms]) => ms === minutes(6))).toEqual([minutes(6), 5_400, 600]);
    const said = run.serviceMessages.filter((m) => m.includes('of production traffic'));
    expect(said.map((m) => /shifted (\d+)%/.exec(m)?.[1])).toEqual(['10', '10', '100']);
    expect(run.serviceMessages.some((m) => m.includes('is replaced by a new deployment'))).toBe(
      true,
    );
    const running = run.tasks({ lastStatus: 'RUNNING' });
    expect(running).toHaveLength(3);
    expect(running.every((t) => t.revision === 3)).toBe(true);
    const services = run.sim.describe().services as { deployments: Record<string, unknown>[] }[];
    expect(services[0]?.deployments).toEqual([
      expect.objectContaining({
        rolloutState: 'COMPLETED',
        taskDefinition: expect.stringMatching(/web:3$/),
      }),
    ]);
  });

  it('linear: 25% steps every minute', () => {
    const run = simulate(
      canaryDesign({
        strategy: 'LINEAR',
        linearConfiguration: { stepPercent: 25, stepBakeTimeInMinutes: 1 },
      }),
    ).until(minutes(2));
    run.apply(deploy).until(minutes(10), seconds(10));
    const said = run.serviceMessages.filter((m) => m.includes('of production traffic'));
    expect(said.map((m) => /shifted (\d+)%/.exec(m)?.[1])).toEqual(['25', '50', '75', '100']);
  });

  it('a green revision that fails its checks trips the breaker: traffic stays on blue, green goes', () => {
    const run = simulate(
      canaryDesign(
        {
          strategy: 'BLUE_GREEN',
          deploymentCircuitBreaker: { enable: true, rollback: true },
        },
        [{ family: 'web', revision: 2, failure: { type: 'FAIL_HEALTH_CHECK' } }],
      ),
    ).until(minutes(2));
    run.apply(deploy).until(minutes(20), seconds(10));
    const changes = run.events
      .filter((e) => e['detail-type'] === 'ECS Deployment State Change')
      .map((e) => e.detail.eventName);
    expect(changes).toEqual([
      'SERVICE_DEPLOYMENT_IN_PROGRESS',
      'SERVICE_DEPLOYMENT_FAILED',
      'SERVICE_DEPLOYMENT_IN_PROGRESS',
      'SERVICE_DEPLOYMENT_COMPLETED',
    ]);
    expect(split(run.frames).every(([, , green]) => green === 0)).toBe(true);
    expect(run.tasks({ lastStatus: 'RUNNING' }).every((t) => t.revision === 1)).toBe(true);
  });

  it('green tasks lost after the shift are replaced: the service never runs down to nothing', () => {
    const run = simulate(
      canaryDesign({ strategy: 'BLUE_GREEN' }, [
        {
          family: 'web',
          revision: 2,
          failure: { type: 'CRASH', afterSeconds: 90, untilSeconds: 200 },
        },
      ]),
    ).until(minutes(2));
    run.apply(deploy).until(minutes(15), seconds(10));
    expect(run.tasks({ lastStatus: 'RUNNING' }).filter((t) => t.revision === 2)).toHaveLength(3);
    const services = run.sim.describe().services as { deployments: Record<string, unknown>[] }[];
    expect(services[0]?.deployments[0]).toMatchObject({ rolloutState: 'COMPLETED' });
  });

  it('a checkpoint taken mid-canary resumes exactly', () => {
    const d = canaryDesign({
      strategy: 'CANARY',
      canaryConfiguration: { canaryPercent: 10, canaryBakeTimeInMinutes: 5 },
    });
    const whole = createSimulation(d);
    whole.advance(minutes(2));
    whole.apply(deploy);
    whole.advance(minutes(12));
    const broken = createSimulation(d);
    broken.advance(minutes(2));
    broken.apply(deploy);
    broken.advance(minutes(5));
    const resumed = restoreSimulation(JSON.parse(JSON.stringify(broken.checkpoint())));
    resumed.advance(minutes(12));
    expect(JSON.stringify(resumed.describe())).toBe(JSON.stringify(whole.describe()));
  });
});
