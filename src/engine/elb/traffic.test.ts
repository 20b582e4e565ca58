import { describe, expect, it } from 'vitest';
import type { DesignInput } from '../../design';
import type { Frame } from '../api';
import { createSimulation, restoreSimulation } from '../simulation';
import { design, instance, minutes, service, taskDefinition } from '../testing/builders';
import { simulate } from '../testing/harness';

const ARN = 'arn:aws:elasticloadbalancing:us-east-1:123456789012';
const API = `${ARN}:targetgroup/api/1111111111111111`;
const API_GREEN = `${ARN}:targetgroup/api-green/2222222222222222`;
const WEB = `${ARN}:targetgroup/web/3333333333333333`;
const LB = `${ARN}:loadbalancer/app/front/50dc6c495c0c9188`;
const LISTENER = `${ARN}:listener/app/front/50dc6c495c0c9188/f2f7dc8efc522ab2`;
const API_RULE = `${ARN}:listener-rule/app/front/50dc6c495c0c9188/f2f7dc8efc522ab2/9683b2d02a6cabee`;

const group = (Name: string, TargetGroupArn: string) => ({
  Name,
  Protocol: 'HTTP' as const,
  Port: 80,
  TargetGroupArn,
  Attributes: [{ Key: 'deregistration_delay.timeout_seconds', Value: '30' }],
});

/**
 * api and web behind one ALB: `/api/*` (priority 10) forwards to api, the default to web;
 * 300 req/s ask for /api/x and 100 req/s for /. With `blueGreen`, api shifts the rule.
 */
function mixDesign(
  opts: { blueGreen?: boolean; codeDeploy?: boolean; extra?: Partial<DesignInput> } = {},
) {
  const api = taskDefinition('api', { hostPort: 0 });
  const api2 = {
    ...api,
    containerDefinitions: api.containerDefinitions.map((c) => ({ ...c, image: 'example/api:2' })),
  };
  return design({
    containerInstances: ['a', 'b', 'c'].map((az, i) =>
      instance({ id: `i-00000000000000${i}c1`, az: `us-east-1${az}` }),
    ),
    taskDefinitions: [api, api2, taskDefinition('web', { hostPort: 0 })],
    services: [
      service('api', 2, {
        taskDefinition: 'api:1',
        ...(opts.codeDeploy && { deploymentController: { type: 'CODE_DEPLOY' } }),
        loadBalancers: [
          {
            targetGroupArn: API,
            containerName: 'api',
            containerPort: 80,
            ...(opts.blueGreen && {
              advancedConfiguration: {
                alternateTargetGroupArn: API_GREEN,
                productionListenerRule: API_RULE,
              },
            }),
          },
        ],
        deploymentConfiguration: {
          minimumHealthyPercent: 100,
          maximumPercent: 200,
          ...(opts.blueGreen && { strategy: 'BLUE_GREEN', bakeTimeInMinutes: 1 }),
        },
      }),
      service('web', 2, {
        loadBalancers: [{ targetGroupArn: WEB, containerName: 'web', containerPort: 80 }],
      }),
    ],
    loadBalancers: [{ Name: 'front', Type: 'application', LoadBalancerArn: LB }],
    targetGroups: [
      group('api', API),
      ...(opts.blueGreen || opts.codeDeploy ? [group('api-green', API_GREEN)] : []),
      group('web', WEB),
    ],
    listeners: [
      {
        LoadBalancerArn: LB,
        ListenerArn: LISTENER,
        Port: 80,
        DefaultActions: [{ Type: 'forward', TargetGroupArn: WEB }],
      },
    ],
    listenerRules: [
      {
        ListenerArn: LISTENER,
        RuleArn: API_RULE,
        Priority: 10,
        Conditions: [{ Field: 'path-pattern', PathPatternConfig: { Values: ['/api/*'] } }],
        Actions: [
          opts.blueGreen
            ? {
                Type: 'forward',
                ForwardConfig: {
                  TargetGroups: [
                    { TargetGroupArn: API, Weight: 100 },
                    { TargetGroupArn: API_GREEN, Weight: 0 },
                  ],
                },
              }
            : { Type: 'forward', TargetGroupArn: API },
        ],
      },
    ],
    traffic: [
      { listenerArn: LISTENER, requestsPerSecond: 300, path: '/api/x' },
      { listenerArn: LISTENER, requestsPerSecond: 100, path: '/' },
    ],
    ...(opts.codeDeploy && {
      codeDeploy: {
        applications: [{ applicationName: 'shop', computePlatform: 'ECS' }],
        deploymentGroups: [
          {
            applicationName: 'shop',
            deploymentGroupName: 'api',
            ecsServices: [{ serviceName: 'api', clusterName: 'test' }],
            loadBalancerInfo: {
              targetGroupPairInfoList: [
                {
                  targetGroups: [{ name: 'api' }, { name: 'api-green' }],
                  prodTrafficRoute: { listenerArns: [LISTENER] },
                },
              ],
            },
          },
        ],
      },
    }),
    ...opts.extra,
  });
}

/** RequestCount per target group name, minute by minute (the minute's end, in minutes). */
function requestCounts(frames: readonly Frame[]): Record<string, Record<number, number>> {
  const out: Record<string, Record<number, number>> = {};
  for (const m of frames.flatMap((f) => f.metrics)) {
    if (m.MetricName !== 'RequestCount' || m.Dimensions.length !== 2) continue;
    const tg = m.Dimensions.find((d) => d.Name === 'TargetGroup')?.Value.split('/')[1] ?? '';
    const minute = (Date.parse(m.Timestamp) - Date.parse('2026-01-01T00:00:00Z')) / 60_000;
    out[tg] = { ...out[tg], [minute]: m.Value };
  }
  return out;
}

describe('listener rules route a traffic mix (ecs-behavior §14.5)', () => {
  it('/api/* to api, the rest to web: 300 and 100 req/s are 18,000 and 6,000 a minute', () => {
    const run = simulate(mixDesign()).until(minutes(4), minutes(1));
    const counts = requestCounts(run.frames);
    // Healthy from the second minute on (13 s to RUNNING, one passing check at 30 s).
    for (const minute of [2, 3, 4]) {
      expect(counts.api?.[minute], `api at ${minute}`).toBe(18_000);
      expect(counts.web?.[minute], `web at ${minute}`).toBe(6_000);
    }
  });

  it('the lowest priority wins, and a rule without a RuleArn routes too', () => {
    const base = mixDesign();
    const run = simulate(
      mixDesign({
        extra: {
          listenerRules: [
            ...(base.listenerRules ?? []),
            {
              ListenerArn: LISTENER,
              Priority: 5,
              Conditions: [{ Field: 'path-pattern', Values: ['/api/x'] }],
              Actions: [{ Type: 'forward', TargetGroupArn: WEB }],
            },
          ],
        },
      }),
    ).until(minutes(3), minutes(1));
    const counts = requestCounts(run.frames);
    expect(counts.web?.[3]).toBe(24_000);
    // No request takes /api/*: no route with traffic reaches api, which reports nothing.
    expect(counts.api).toBeUndefined();
  });

  it('entries without a path take the default action', () => {
    const run = simulate(
      mixDesign({ extra: { traffic: [{ listenerArn: LISTENER, requestsPerSecond: 50 }] } }),
    ).until(minutes(3), minutes(1));
    const counts = requestCounts(run.frames);
    expect(counts.web?.[3]).toBe(3_000);
    expect(counts.api).toBeUndefined();
  });

  it("a blue/green shift moves the rule it names, and the default's traffic stays on web", () => {
    const run = simulate(mixDesign({ blueGreen: true })).until(minutes(2), minutes(1));
    run.apply({ action: 'UpdateService', input: { service: 'api', taskDefinition: 'api:2' } });
    run.until(minutes(8), minutes(1));
    const counts = requestCounts(run.frames);
    expect(counts.api?.[2]).toBe(18_000);
    expect(counts['api-green']?.[2]).toBe(0);
    expect(counts.api?.[8]).toBe(0);
    expect(counts['api-green']?.[8]).toBe(18_000);
    for (let minute = 2; minute <= 8; minute++) expect(counts.web?.[minute]).toBe(6_000);
    // Each route under its own key: the rule's ARN, the listener's for its default action.
    expect(run.sim.checkpoint().routes).toEqual([
      [
        API_RULE,
        [
          [API, 0],
          [API_GREEN, 100],
        ],
      ],
      [LISTENER, [[WEB, 1]]],
    ]);
  });

  it('CodeDeploy shifts the rule that forwards to its pair, not the default action', () => {
    const appSpec = {
      version: 0.0,
      Resources: [
        {
          TargetService: {
            Type: 'AWS::ECS::Service',
            Properties: {
              TaskDefinition: 'arn:aws:ecs:us-east-1:123456789012:task-definition/api:2',
              LoadBalancerInfo: { ContainerName: 'api', ContainerPort: 80 },
            },
          },
        },
      ],
    };
    const run = simulate(mixDesign({ codeDeploy: true })).until(minutes(2), minutes(1));
    run.apply({
      action: 'CreateDeployment',
      input: {
        applicationName: 'shop',
        deploymentGroupName: 'api',
        revision: {
          revisionType: 'AppSpecContent',
          appSpecContent: { content: JSON.stringify(appSpec) },
        },
      },
    });
    run.until(minutes(6), minutes(1));
    const counts = requestCounts(run.frames);
    expect(counts['api-green']?.[6]).toBe(18_000);
    for (let minute = 2; minute <= 6; minute++) expect(counts.web?.[minute]).toBe(6_000);
  });

  it('a checkpoint taken mid-shift resumes exactly', () => {
    const d = mixDesign({ blueGreen: true });
    const deploy = {
      action: 'UpdateService',
      input: { service: 'api', taskDefinition: 'api:2' },
    } as const;
    const whole = createSimulation(d);
    whole.advance(minutes(2));
    whole.apply(deploy);
    const wholeFrames = [whole.advance(minutes(3) + 30_000), whole.advance(minutes(9))];
    const broken = createSimulation(d);
    broken.advance(minutes(2));
    broken.apply(deploy);
    const first = broken.advance(minutes(3) + 30_000);
    const resumed = restoreSimulation(JSON.parse(JSON.stringify(broken.checkpoint())));
    const rest = resumed.advance(minutes(9));
    expect(JSON.stringify([first, rest].flatMap((f) => f.metrics))).toBe(
      JSON.stringify(wholeFrames.flatMap((f) => f.metrics)),
    );
    expect(JSON.stringify(resumed.describe())).toBe(JSON.stringify(whole.describe()));
  });
});
