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

describe('listener rules (ecs-behavior §14.5)', () => {
  const LISTENER =
    'arn:aws:elasticloadbalancing:us-east-1:123456789012:listener/app/front/50dc6c495c0c9188/f2f7dc8efc522ab2';
  const withRules = (...conditions: unknown[][]): Doc => {
    const doc = behindAlb();
    doc.listeners[0].ListenerArn = LISTENER;
    doc.listenerRules = conditions.map((Conditions, i) => ({
      ListenerArn: LISTENER,
      Priority: 10 * (i + 1),
      Conditions,
      Actions: [{ Type: 'forward', TargetGroupArn: TG }],
    }));
    return doc;
  };
  const path = (...Values: string[]) => ({ Field: 'path-pattern', PathPatternConfig: { Values } });

  it('accepts every condition field, in the Values and the *Config forms', () => {
    const doc = withRules(
      [
        { Field: 'path-pattern', Values: ['/api/*'] },
        { Field: 'host-header', Values: ['a.*'] },
      ],
      [
        { Field: 'host-header', HostHeaderConfig: { Values: ['*.example.com'] } },
        { Field: 'http-header', HttpHeaderConfig: { HttpHeaderName: 'X-Canary', Values: ['1'] } },
        { Field: 'http-request-method', HttpRequestMethodConfig: { Values: ['GET'] } },
        { Field: 'query-string', QueryStringConfig: { Values: [{ Key: 'v', Value: '2' }] } },
        { Field: 'source-ip', SourceIpConfig: { Values: ['10.0.0.0/8'] } },
      ],
      [path('/img/*')],
    );
    doc.traffic = [
      {
        listenerArn: LISTENER,
        requestsPerSecond: 10,
        path: '/api/x',
        host: 'a.example.com',
        method: 'GET',
        headers: { 'X-Canary': '1' },
        query: { v: '2' },
        sourceIp: '10.1.2.3',
      },
    ];
    expect(refusal(doc)).toEqual([]);
  });

  it.each<[string, unknown[][], string]>([
    [
      'an unknown Field',
      [[{ Field: 'path', Values: ['/api/*'] }]],
      'listenerRules[0].Conditions[0].Field: must be one of "host-header", "path-pattern", "http-header", "http-request-method", "query-string" or "source-ip", got "path"',
    ],
    [
      'two path-pattern conditions in one rule',
      [[path('/a/*'), path('/b/*')]],
      'listenerRules[0].Conditions[1].Field: a rule takes at most one path-pattern condition: put its values in one',
    ],
    [
      'two host-header conditions in one rule',
      [
        [
          { Field: 'host-header', Values: ['a'] },
          { Field: 'host-header', Values: ['b'] },
        ],
      ],
      'listenerRules[0].Conditions[1].Field: a rule takes at most one host-header condition: put its values in one',
    ],
    [
      'six condition values in one rule',
      [
        [
          path('/a', '/b', '/c'),
          { Field: 'host-header', Values: ['a', 'b'] },
          { Field: 'http-request-method', HttpRequestMethodConfig: { Values: ['GET'] } },
        ],
      ],
      'listenerRules[0].Conditions: has 6 condition values: a rule allows at most 5',
    ],
    [
      'six wildcards in one rule',
      [[path('/a/*/*/*', '/b/???')], [path('/c')]],
      'listenerRules[0].Conditions: has 6 wildcards: a rule allows at most 5',
    ],
    [
      'a condition with no values',
      [[{ Field: 'path-pattern' }]],
      'listenerRules[0].Conditions[0]: needs Values or PathPatternConfig.Values, at least one',
    ],
    [
      'Values on an http-header condition',
      [[{ Field: 'http-header', Values: ['x'] }]],
      'listenerRules[0].Conditions[0].Values: is for host-header and path-pattern only: http-header takes HttpHeaderConfig',
    ],
    [
      'another field’s config',
      [[{ Field: 'path-pattern', Values: ['/a'], HostHeaderConfig: { Values: ['a'] } }]],
      'listenerRules[0].Conditions[0].HostHeaderConfig: does not go with Field path-pattern: use PathPatternConfig',
    ],
    [
      'a source-ip that is not a CIDR block',
      [[{ Field: 'source-ip', SourceIpConfig: { Values: ['10.0.0.300/8'] } }]],
      'listenerRules[0].Conditions[0].SourceIpConfig.Values[0]: must be a CIDR block such as 203.0.113.0/24 or 2001:db8::/32, got "10.0.0.300/8"',
    ],
    [
      'a lowercase method',
      [[{ Field: 'http-request-method', HttpRequestMethodConfig: { Values: ['get'] } }]],
      'listenerRules[0].Conditions[0].HttpRequestMethodConfig.Values[0]: must be 1-40 of A-Z, - and _, as GET or POST, got "get"',
    ],
    ['a rule with no conditions', [[]], 'listenerRules[0].Conditions: needs a condition'],
  ])('refuses %s', (_label, conditions, line) => {
    expect(refusal(withRules(...conditions))).toContain(line);
  });

  it('wildcards: five per rule pass, escaped ones do not count', () => {
    expect(refusal(withRules([path('/a/*/*/*', '/b/??')]))).toEqual([]);
    expect(
      refusal(
        withRules([
          path('/a/*/*/*', '/b/??'),
          { Field: 'query-string', QueryStringConfig: { Values: [{ Value: 'a\\*' }] } },
        ]),
      ),
    ).toEqual([]);
  });

  it('refuses a Priority taken on the listener, and one RuleArn for two rules', () => {
    const doc = withRules([path('/a/*')], [path('/b/*')], [path('/c/*')]);
    doc.listenerRules[1].Priority = 10;
    doc.listenerRules[0].RuleArn = 'arn:rule/1';
    doc.listenerRules[2].RuleArn = 'arn:rule/1';
    expect(refusal(doc)).toEqual([
      'listenerRules[1].Priority: 10 is taken on this listener by listenerRules[0]',
      'listenerRules[2].RuleArn: is the RuleArn of listenerRules[0] too',
    ]);
  });

  it('the same Priority on two listeners is fine', () => {
    const doc = withRules([path('/a/*')]);
    const other = `${LISTENER}0`;
    doc.listeners.push({ ...doc.listeners[0], ListenerArn: other, Port: 81 });
    doc.listenerRules.push({ ...doc.listenerRules[0], ListenerArn: other });
    expect(refusal(doc)).toEqual([]);
  });

  it('allows 100 rules to an ALB, over all its listeners, and refuses the 101st', () => {
    const doc = withRules(...Array.from({ length: 100 }, (_, i) => [path(`/r${i}/*`)]));
    const other = `${LISTENER}0`;
    doc.listeners.push({ ...doc.listeners[0], ListenerArn: other, Port: 81 });
    doc.listenerRules[99].ListenerArn = other;
    expect(refusal(doc)).toEqual([]);
    doc.listenerRules.push({ ...doc.listenerRules[0], Priority: 5 });
    expect(refusal(doc)).toEqual([
      'listenerRules[100]: is rule 101 of front: an ALB allows at most 100 rules',
    ]);
  });

  it('refuses request parts a rule could never match', () => {
    const doc = withRules([path('/a/*')]);
    doc.traffic = [
      { listenerArn: LISTENER, requestsPerSecond: 1, path: 'api', sourceIp: '10.0.0' },
    ];
    expect(refusal(doc)).toEqual([
      'traffic[0].path: must start with /, got "api"',
      'traffic[0].sourceIp: must be an IPv4 or IPv6 address such as 203.0.113.7, got "10.0.0"',
    ]);
  });
});

describe('target group attributes (ecs-behavior §14.3)', () => {
  const withAttributes = (...Attributes: { Key: string; Value: string }[]) => {
    const doc: Doc = sampleJson();
    doc.targetGroups = [{ Name: 'web', Protocol: 'HTTP', Attributes }];
    const r = parseDesign(doc);
    return r.ok ? [] : r.issues.map((i) => `${i.path}: ${i.message}`);
  };
  it('slow start is 0 or 30-900 s, the algorithm one ELB knows, and the two do not mix', () => {
    expect(withAttributes({ Key: 'slow_start.duration_seconds', Value: '20' })).toContain(
      'targetGroups[0].Attributes: slow_start.duration_seconds must be 0 (off) or 30-900 seconds',
    );
    expect(withAttributes({ Key: 'slow_start.duration_seconds', Value: '900' })).toEqual([]);
    expect(withAttributes({ Key: 'load_balancing.algorithm.type', Value: 'fastest' })).toContain(
      'targetGroups[0].Attributes: load_balancing.algorithm.type must be round_robin, least_outstanding_requests or weighted_random',
    );
    expect(
      withAttributes(
        { Key: 'slow_start.duration_seconds', Value: '60' },
        { Key: 'load_balancing.algorithm.type', Value: 'least_outstanding_requests' },
      ),
    ).toContain(
      'targetGroups[0].Attributes: slow_start.duration_seconds cannot be on with load_balancing.algorithm.type least_outstanding_requests',
    );
  });
});
