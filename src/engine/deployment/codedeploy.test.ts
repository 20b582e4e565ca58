import { describe, expect, it } from 'vitest';
import { parseDesign } from '../../design';
import type { Frame } from '../api';
import { design, instance, minutes, seconds, service, taskDefinition } from '../testing/builders';
import { simulate } from '../testing/harness';

const ARN = 'arn:aws:elasticloadbalancing:us-east-1:123456789012';
const BLUE = `${ARN}:targetgroup/blue/1111111111111111`;
const GREEN = `${ARN}:targetgroup/green/2222222222222222`;
const LB = `${ARN}:loadbalancer/app/front/50dc6c495c0c9188`;
const LISTENER = `${ARN}:listener/app/front/50dc6c495c0c9188/f2f7dc8efc522ab2`;
const TEST_LISTENER = `${ARN}:listener/app/front/50dc6c495c0c9188/0e5c3b51b8a8a9a7`;

function codeDeployDesign(group: Record<string, unknown> = {}, hook?: 'Succeeded' | 'Failed') {
  const web = taskDefinition('web', { hostPort: 0 });
  const web2 = {
    ...web,
    containerDefinitions: web.containerDefinitions.map((c) => ({ ...c, image: 'example/web:2' })),
  };
  const tg = (Name: string, TargetGroupArn: string) => ({
    Name,
    Protocol: 'HTTP' as const,
    Port: 80,
    TargetGroupArn,
    Attributes: [{ Key: 'deregistration_delay.timeout_seconds', Value: '30' }],
  });
  return design({
    containerInstances: ['a', 'b', 'c'].map((az, i) =>
      instance({ id: `i-00000000000000${i}d1`, az: `us-east-1${az}` }),
    ),
    taskDefinitions: [web, web2],
    services: [
      service('web', 3, {
        taskDefinition: 'web:1',
        deploymentController: { type: 'CODE_DEPLOY' },
        loadBalancers: [{ targetGroupArn: BLUE, containerName: 'web', containerPort: 80 }],
      }),
    ],
    loadBalancers: [{ Name: 'front', Type: 'application', LoadBalancerArn: LB }],
    targetGroups: [tg('blue', BLUE), tg('green', GREEN)],
    listeners: [
      {
        LoadBalancerArn: LB,
        ListenerArn: LISTENER,
        Port: 80,
        DefaultActions: [{ Type: 'forward', TargetGroupArn: BLUE }],
      },
    ],
    traffic: [{ listenerArn: LISTENER, requestsPerSecond: 100 }],
    codeDeploy: {
      applications: [{ applicationName: 'shop', computePlatform: 'ECS' }],
      deploymentGroups: [
        {
          applicationName: 'shop',
          deploymentGroupName: 'web',
          deploymentConfigName: 'CodeDeployDefault.ECSCanary10Percent5Minutes',
          ecsServices: [{ serviceName: 'web', clusterName: 'test' }],
          loadBalancerInfo: {
            targetGroupPairInfoList: [
              {
                targetGroups: [{ name: 'blue' }, { name: 'green' }],
                prodTrafficRoute: { listenerArns: [LISTENER] },
              },
            ],
          },
          blueGreenDeploymentConfiguration: {
            terminateBlueInstancesOnDeploymentSuccess: {
              action: 'TERMINATE',
              terminationWaitTimeInMinutes: 5,
            },
          },
          autoRollbackConfiguration: { enabled: true, events: ['DEPLOYMENT_FAILURE'] },
          ...group,
        },
      ],
    },
    ...(hook && { lambdaFunctions: [{ FunctionName: 'smoke-test', hookExecutionStatus: hook }] }),
  });
}

const appSpec = (hooks = false) =>
  JSON.stringify({
    version: 0.0,
    Resources: [
      {
        TargetService: {
          Type: 'AWS::ECS::Service',
          Properties: {
            TaskDefinition: 'arn:aws:ecs:us-east-1:123456789012:task-definition/web:2',
            LoadBalancerInfo: { ContainerName: 'web', ContainerPort: 80 },
          },
        },
      },
    ],
    ...(hooks && { Hooks: [{ AfterAllowTestTraffic: 'smoke-test' }] }),
  });

const create = (hooks = false) =>
  ({
    action: 'CreateDeployment',
    input: {
      applicationName: 'shop',
      deploymentGroupName: 'web',
      revision: { revisionType: 'AppSpecContent', appSpecContent: { content: appSpec(hooks) } },
    },
  }) as const;

function greenShare(frames: readonly Frame[], atMs: number): number {
  const at = new Date(Date.parse('2026-01-01T00:00:00Z') + atMs).toISOString();
  const rows = frames
    .flatMap((f) => f.metrics)
    .filter(
      (m) => m.MetricName === 'RequestCount' && m.Dimensions.length === 2 && m.Timestamp === at,
    );
  const green = rows.find((m) => m.Dimensions.some((d) => d.Value.startsWith('targetgroup/green')));
  const total = rows.reduce((n, m) => n + m.Value, 0);
  return total === 0 ? 0 : (green?.Value ?? 0) / total;
}

describe('ECS blue/green with CodeDeploy (ecs-behavior §10)', () => {
  it('ECSCanary10Percent5Minutes: 10% for five minutes, then 100%, blue kept for the termination wait', () => {
    const run = simulate(codeDeployDesign()).until(minutes(2));
    run.apply(create());
    expect(run.results.at(-1)?.response).toMatchObject({
      deploymentId: expect.stringMatching(/^d-[A-Z0-9]{9}$/),
    });
    run.until(minutes(20), seconds(10));
    expect(greenShare(run.frames, minutes(4))).toBeCloseTo(0.1, 5);
    // Conservation: a group the listener did not reach before the shift counts from then
    // on, never from 0:00 (100 req/s, so 6,000 a minute whatever the split).
    const total = (ms: number) =>
      run.frames
        .flatMap((f) => f.metrics)
        .filter(
          (m) =>
            m.MetricName === 'RequestCount' &&
            m.Dimensions.length === 1 &&
            m.Timestamp === new Date(Date.parse('2026-01-01T00:00:00Z') + ms).toISOString(),
        )
        .reduce((n, m) => n + m.Value, 0);
    for (const m of [3, 4, 5, 8, 9]) expect(total(minutes(m))).toBe(6_000);
    expect(greenShare(run.frames, minutes(9))).toBe(1);
    // Blue stays 5 minutes after the full shift (2:43 + 5:00 + 5:00), then drains and stops.
    expect(run.tasks({ lastStatus: 'RUNNING' }).filter((t) => t.revision === 1)).toHaveLength(0);
    const services = run.sim.describe().services as {
      deployments: Record<string, unknown>[];
      taskSets: Record<string, unknown>[];
    }[];
    expect(services[0]?.deployments).toHaveLength(1);
    expect(services[0]?.deployments[0]).toMatchObject({ rolloutState: 'COMPLETED' });
    // As task sets: the replacement CodeDeploy started, now PRIMARY, in the green group.
    expect(services[0]?.taskSets).toEqual([
      expect.objectContaining({
        status: 'PRIMARY',
        startedBy: 'CodeDeploy',
        externalId: expect.stringMatching(/^d-[A-Z0-9]{9}$/),
        taskDefinition: 'arn:aws:ecs:us-east-1:123456789012:task-definition/web:2',
        taskSetArn: expect.stringMatching(/:task-set\/test\/web\/ecs-svc\/\d{19}$/),
        runningCount: 3,
        stabilityStatus: 'STEADY_STATE',
        loadBalancers: [{ targetGroupArn: GREEN, containerName: 'web', containerPort: 80 }],
      }),
    ]);
  });

  it('UpdateService cannot change the task definition of a CODE_DEPLOY service', () => {
    const run = simulate(codeDeployDesign()).until(minutes(1));
    run.apply({ action: 'UpdateService', input: { service: 'web', taskDefinition: 'web:2' } });
    expect(run.results.at(-1)?.error?.message).toBe(
      'Unable to update task definition on services with a CODE_DEPLOY deployment controller. Use AWS CodeDeploy to trigger a new deployment.',
    );
  });

  it('a failed AfterAllowTestTraffic hook fails the deployment, and auto rollback keeps blue', () => {
    const run = simulate(codeDeployDesign({}, 'Failed')).until(minutes(2));
    run.apply(create(true)).until(minutes(10), seconds(10));
    const changes = run.events
      .filter((e) => e['detail-type'] === 'ECS Deployment State Change')
      .map((e) => [e.detail.eventName, e.detail.reason]);
    expect(changes[1]?.[0]).toBe('SERVICE_DEPLOYMENT_FAILED');
    expect(String(changes[1]?.[1])).toMatch(
      /lifecycle hook AfterAllowTestTraffic \(smoke-test\) failed/,
    );
    expect(greenShare(run.frames, minutes(8))).toBe(0);
    expect(run.tasks({ lastStatus: 'RUNNING' }).every((t) => t.revision === 1)).toBe(true);
  });

  it('the test listener reaches green once green is healthy, before any production traffic', () => {
    const d = codeDeployDesign({
      loadBalancerInfo: {
        targetGroupPairInfoList: [
          {
            targetGroups: [{ name: 'blue' }, { name: 'green' }],
            prodTrafficRoute: { listenerArns: [LISTENER] },
            testTrafficRoute: { listenerArns: [TEST_LISTENER] },
          },
        ],
      },
    });
    d.listeners?.push({
      LoadBalancerArn: LB,
      ListenerArn: TEST_LISTENER,
      Port: 8080,
      DefaultActions: [{ Type: 'forward', TargetGroupArn: BLUE }],
    });
    d.traffic?.push({ listenerArn: TEST_LISTENER, requestsPerSecond: 10 });
    const run = simulate(d).until(minutes(2));
    run.apply(create()).until(minutes(20), seconds(10));
    const greenAt = (ms: number) =>
      run.frames
        .flatMap((f) => f.metrics)
        .find(
          (m) =>
            m.MetricName === 'RequestCount' &&
            m.Dimensions.length === 2 &&
            m.Dimensions.some((x) => x.Value.startsWith('targetgroup/green')) &&
            m.Timestamp === new Date(Date.parse('2026-01-01T00:00:00Z') + ms).toISOString(),
        )?.Value ?? 0;
    // Minute 4: the canary's 10% of 6,000 production requests, and all 600 test requests.
    expect(greenAt(minutes(4))).toBe(600 + 600);
    // Before the deployment, test traffic went to blue: green served nothing.
    expect(greenAt(minutes(2))).toBe(0);
  });

  it('reads an AppSpec written in YAML, as CodeDeploy takes it', () => {
    const yaml = [
      'version: 0.0',
      'Resources:',
      '  - TargetService:',
      '      Type: AWS::ECS::Service',
      '      Properties:',
      '        TaskDefinition: "arn:aws:ecs:us-east-1:123456789012:task-definition/web:2"',
      '        LoadBalancerInfo:',
      '          ContainerName: "web"',
      '          ContainerPort: 80',
    ].join('\n');
    const run = simulate(codeDeployDesign()).until(minutes(2));
    run.apply({
      action: 'CreateDeployment',
      input: {
        applicationName: 'shop',
        deploymentGroupName: 'web',
        revision: { revisionType: 'AppSpecContent', appSpecContent: { content: yaml } },
      },
    });
    expect(run.results.at(-1)?.error).toBeUndefined();
    run.until(minutes(20), seconds(10));
    expect(run.tasks({ lastStatus: 'RUNNING' }).every((t) => t.revision === 2)).toBe(true);
  });

  it('refuses an AppSpec that is not YAML, or not an ECS AppSpec, naming the field', () => {
    const withContent = (content: string) => {
      const d = JSON.parse(JSON.stringify(codeDeployDesign()));
      d.script = [
        {
          at: 60,
          ...create(),
          input: {
            ...create().input,
            revision: { revisionType: 'AppSpecContent', appSpecContent: { content } },
          },
        },
      ];
      const r = parseDesign(JSON.stringify(d));
      return r.ok ? [] : r.issues.map((i) => `${i.path}: ${i.message}`);
    };
    expect(withContent('Resources: [unclosed')[0]).toMatch(
      /^script\[0\]\.input\.revision\.appSpecContent\.content: is not YAML or JSON: /,
    );
    expect(withContent('Resources: []')[0]).toBe(
      'script[0].input.revision.appSpecContent.content: is not an AppSpec with one AWS::ECS::Service TargetService (Resources: takes one TargetService)',
    );
  });
});
