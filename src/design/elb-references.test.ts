import { describe, expect, it } from 'vitest';
import { parseDesign } from './parse';
import { sampleJson } from './testing';

// biome-ignore lint/suspicious/noExplicitAny: tests break the document on purpose
type Doc = any;

const TG = 'arn:aws:elasticloadbalancing:us-east-1:123456789012:targetgroup/web/73e2d6bc24d8a067';
const LB =
  'arn:aws:elasticloadbalancing:us-east-1:123456789012:loadbalancer/app/front/50dc6c495c0c9188';

/** The sample's web service behind an ALB: one listener on 80 forwarding to one target group. */
function behindAlb(): Doc {
  const doc = sampleJson() as Doc;
  doc.loadBalancers = [{ Name: 'front', Type: 'application', LoadBalancerArn: LB }];
  doc.targetGroups = [{ Name: 'web', Protocol: 'HTTP', Port: 80, TargetGroupArn: TG }];
  doc.listeners = [
    {
      LoadBalancerArn: LB,
      Port: 80,
      Protocol: 'HTTP',
      DefaultActions: [{ Type: 'forward', TargetGroupArn: TG }],
    },
  ];
  doc.services[0].loadBalancers = [{ targetGroupArn: TG, containerName: 'web', containerPort: 80 }];
  return doc;
}

const refusal = (doc: Doc) => {
  const parsed = parseDesign(doc);
  return parsed.ok ? [] : parsed.issues.map((i) => `${i.path}: ${i.message}`);
};

describe('load balancing in the design (ecs-behavior §14)', () => {
  it('accepts a service behind an ALB, by ARN or by name', () => {
    expect(refusal(behindAlb())).toEqual([]);
    const byName = behindAlb();
    byName.services[0].loadBalancers[0].targetGroupArn = 'web';
    byName.listeners[0].LoadBalancerArn = 'front';
    expect(refusal(byName)).toEqual([]);
  });

  it.each([
    [
      'an unknown target group',
      (d: Doc) => (d.services[0].loadBalancers[0].targetGroupArn = 'api'),
      'services[0].loadBalancers[0].targetGroupArn: api is not in targetGroups',
    ],
    [
      'a container the task definition does not have',
      (d: Doc) => (d.services[0].loadBalancers[0].containerName = 'app'),
      'services[0].loadBalancers[0].containerName: app is not a container of web:1',
    ],
    [
      'a port the container does not map',
      (d: Doc) => (d.services[0].loadBalancers[0].containerPort = 8080),
      'services[0].loadBalancers[0].containerPort: 8080 is not a containerPort of container web',
    ],
    [
      'an ip target group for bridge tasks',
      (d: Doc) => (d.targetGroups[0].TargetType = 'ip'),
      'services[0].loadBalancers[0].targetGroupArn: web has TargetType ip: bridge tasks register as instance and port, so it must be instance',
    ],
    [
      'a listener on a missing load balancer',
      (d: Doc) => (d.listeners[0].LoadBalancerArn = 'back'),
      'listeners[0].LoadBalancerArn: back is not in loadBalancers',
    ],
    [
      'a health check interval out of range',
      (d: Doc) => (d.targetGroups[0].HealthCheckIntervalSeconds = 1),
      'targetGroups[0].HealthCheckIntervalSeconds: must be 5-300 seconds, got 1',
    ],
    [
      'neither a target group nor a Classic ELB',
      (d: Doc) => delete d.services[0].loadBalancers[0].targetGroupArn,
      'services[0].loadBalancers[0]: needs targetGroupArn (ALB, NLB) or loadBalancerName (Classic ELB)',
    ],
  ])('refuses %s', (_label, breakIt, line) => {
    const doc = behindAlb();
    breakIt(doc);
    expect(refusal(doc)).toContain(line);
  });
});

describe('a Classic ELB (ecs-behavior §14.1)', () => {
  const classic = (hostPort: number): Doc => {
    const doc = sampleJson() as Doc;
    doc.taskDefinitions[0].containerDefinitions[0].portMappings = [
      { containerPort: 80, hostPort, protocol: 'tcp' },
    ];
    doc.loadBalancers = [
      {
        Name: 'legacy',
        Type: 'classic',
        Listeners: [{ Protocol: 'HTTP', LoadBalancerPort: 80, InstancePort: 80 }],
      },
    ];
    doc.services[0].loadBalancers = [
      { loadBalancerName: 'legacy', containerName: 'web', containerPort: 80 },
    ];
    return doc;
  };

  it('takes a static host port, and refuses a dynamic one', () => {
    expect(refusal(classic(80))).toEqual([]);
    expect(refusal(classic(0))).toContain(
      'services[0].loadBalancers[0].containerPort: 80 has a dynamic host port: a Classic ELB needs a static hostPort',
    );
  });

  it('refuses a deregistration delay past an hour', () => {
    const doc = behindAlb();
    doc.targetGroups[0].Attributes = [
      { Key: 'deregistration_delay.timeout_seconds', Value: '4000' },
    ];
    expect(refusal(doc)).toContain(
      'targetGroups[0].Attributes: deregistration_delay.timeout_seconds must be 0-3600 seconds',
    );
  });
});

describe('CodeDeploy and alarms in the design (ecs-behavior §9, §10)', () => {
  it('refuses the circuit breaker on a CODE_DEPLOY service, and DatapointsToAlarm above EvaluationPeriods', () => {
    const doc = behindAlb();
    doc.services[0].deploymentController = { type: 'CODE_DEPLOY' };
    doc.services[0].deploymentConfiguration.deploymentCircuitBreaker = {
      enable: true,
      rollback: true,
    };
    doc.alarms = [
      {
        AlarmName: 'errors',
        Namespace: 'Shop',
        MetricName: 'ErrorRate',
        Statistic: 'Maximum',
        Period: 60,
        EvaluationPeriods: 2,
        DatapointsToAlarm: 3,
        Threshold: 5,
        ComparisonOperator: 'GreaterThanThreshold',
      },
    ];
    // The schema speaks first: the alarm's shape, then (once fixed) what it refers to.
    expect(refusal(doc)).toContain(
      'alarms[0].DatapointsToAlarm: must be at most EvaluationPeriods',
    );
    doc.alarms[0].DatapointsToAlarm = 2;
    expect(refusal(doc)).toContain(
      'services[0].deploymentConfiguration.deploymentCircuitBreaker: is supported only with the ECS deployment controller',
    );
  });
});
