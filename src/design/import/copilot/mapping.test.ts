import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { parseDesign } from '../../parse';
import type { CopilotImportOptions } from './context';
import { readCopilotManifest } from './importer';
import { designOf } from './testing';

/** A manifest's import, put through the gate: what each row of the table checks. */
function read(yaml: string, options: CopilotImportOptions = {}) {
  const result = readCopilotManifest(parse(yaml), options);
  if (!result.ok) throw new Error(JSON.stringify(result.issues));
  const parsed = parseDesign(designOf(result.fragment));
  if (!parsed.ok) throw new Error(parsed.message);
  const { design } = parsed;
  const td = design.taskDefinitions[0];
  return {
    design,
    warnings: result.warnings,
    td,
    main: td?.containerDefinitions[0],
    service: design.services[0],
    label: result.label,
  };
}

const refused = (yaml: string) => {
  const result = readCopilotManifest(parse(yaml));
  return result.ok ? [] : result.issues;
};

const web = (extra: string) => `
name: web
type: Load Balanced Web Service
image:
  location: public.ecr.aws/nginx/nginx:1.27
  port: 80
http:
  path: '/'
${extra}`;

const worker = (extra: string) => `
name: jobs
type: Worker Service
image:
  location: public.ecr.aws/docker/library/busybox:latest
${extra}`;

describe('the task definition', () => {
  it('is Fargate, awsvpc, 256 CPU units and 512 MiB by default, family <name>', () => {
    const { td, warnings } = read(worker(''));
    expect(td).toMatchObject({
      family: 'jobs',
      networkMode: 'awsvpc',
      requiresCompatibilities: ['FARGATE'],
      cpu: '256',
      memory: '512',
    });
    expect(td?.containerDefinitions[0]?.logConfiguration).toEqual({
      logDriver: 'awslogs',
      options: {
        'awslogs-region': 'us-east-1',
        'awslogs-group': '/copilot/jobs',
        'awslogs-stream-prefix': 'copilot',
      },
    });
    expect(warnings).toContainEqual({
      path: 'name',
      message: expect.stringContaining('<app>-<env>-jobs'),
    });
  });

  it('is <app>-<env>-<name> in the cluster <app>-<env> when both are known', () => {
    const { td, service, design } = read(worker('cpu: 1024\nmemory: 2048'), {
      app: 'shop',
      env: 'prod',
    });
    expect(td).toMatchObject({ family: 'shop-prod-jobs', cpu: '1024', memory: '2048' });
    expect(service?.cluster).toBe('shop-prod');
    expect(design.clusters.map((c) => c.clusterName)).toEqual(['shop-prod']);
    expect(td?.containerDefinitions[0]?.environment?.slice(0, 3)).toEqual([
      { name: 'COPILOT_APPLICATION_NAME', value: 'shop' },
      { name: 'COPILOT_ENVIRONMENT_NAME', value: 'prod' },
      { name: 'COPILOT_SERVICE_NAME', value: 'jobs' },
    ]);
  });

  it.each([
    ['image.location', 'image:\n  location: nginx:1', 'nginx:1', undefined],
    ['image.build (a string)', 'image:\n  build: ./Dockerfile', 'jobs:latest', 'image.build'],
    [
      'image.build (a map)',
      'image:\n  build:\n    dockerfile: ./Dockerfile\n    context: .',
      'jobs:latest',
      'image.build',
    ],
  ])('%s -> image', (_, yaml, image, warned) => {
    const { main, warnings } = read(`name: jobs\ntype: Worker Service\n${yaml}`);
    expect(main?.image).toBe(image);
    expect(warnings.some((w) => w.path === 'image.build')).toBe(warned !== undefined);
  });

  it.each([
    ['a string, split as a shell does', `command: ps au 'x y'`, 'command', ['ps', 'au', 'x y']],
    ['a list', 'command: ["ps", "au"]', 'command', ['ps', 'au']],
    [
      'an entrypoint string',
      'entrypoint: "/bin/entrypoint --p1 --p2"',
      'entryPoint',
      ['/bin/entrypoint', '--p1', '--p2'],
    ],
    ['an entrypoint list', 'entrypoint: ["/bin/sh", "-c"]', 'entryPoint', ['/bin/sh', '-c']],
  ])('command and entrypoint: %s', (_, yaml, field, words) => {
    expect(read(worker(yaml)).main).toMatchObject({ [field]: words });
  });

  it('image.port -> portMappings, variables -> environment, secrets -> secrets', () => {
    const { main } = read(
      web(`variables:
  LOG_LEVEL: info
  WORKERS: 4
secrets:
  GITHUB_TOKEN: GITHUB_TOKEN
  DB_SECRET:
    secretsmanager: 'mysql'`),
    );
    expect(main?.portMappings).toEqual([{ containerPort: 80, protocol: 'tcp', name: 'target' }]);
    expect(main?.environment).toEqual([
      { name: 'COPILOT_SERVICE_NAME', value: 'web' },
      { name: 'LOG_LEVEL', value: 'info' },
      { name: 'WORKERS', value: '4' },
    ]);
    expect(main?.secrets).toEqual([
      { name: 'GITHUB_TOKEN', valueFrom: 'GITHUB_TOKEN' },
      {
        name: 'DB_SECRET',
        valueFrom: 'arn:aws:secretsmanager:us-east-1:123456789012:secret:mysql',
      },
    ]);
  });

  it.each([
    ['linux/arm64', { cpuArchitecture: 'ARM64', operatingSystemFamily: 'LINUX' }],
    ['linux/x86_64', undefined],
    [
      'windows/x86_64',
      { cpuArchitecture: 'X86_64', operatingSystemFamily: 'WINDOWS_SERVER_2019_CORE' },
    ],
  ])('platform %s -> runtimePlatform', (platform, expected) => {
    const { td } = read(worker(`platform: ${platform}\ncpu: 1024\nmemory: 2048`));
    expect(td?.runtimePlatform).toEqual(expected);
  });

  it("image.healthcheck -> healthCheck, with Copilot's defaults for what it leaves out", () => {
    const { main } = read(
      worker(`  healthcheck:
    command: ["CMD-SHELL", "curl -f http://localhost:8080 || exit 1"]
    interval: 15s`),
    );
    expect(main?.healthCheck).toEqual({
      command: ['CMD-SHELL', 'curl -f http://localhost:8080 || exit 1'],
      interval: 15,
      timeout: 5,
      retries: 2,
      startPeriod: 0,
    });
  });

  it('storage: ephemeral size, volumes mounted read-only unless read_only: false, EFS ids', () => {
    const { td, main } = read(
      worker(`storage:
  ephemeral: 100
  readonly_fs: true
  volumes:
    scratch:
      path: /var/data
      read_only: false
    shared:
      path: /etc/mount1
      efs:
        id: fs-1234567`),
    );
    expect(td).toMatchObject({ ephemeralStorage: { sizeInGiB: 100 } });
    expect(td?.volumes).toEqual([
      { name: 'scratch' },
      {
        name: 'shared',
        efsVolumeConfiguration: {
          fileSystemId: 'fs-1234567',
          rootDirectory: '/',
          transitEncryption: 'ENABLED',
          authorizationConfig: { iam: 'ENABLED' },
        },
      },
    ]);
    expect(main).toMatchObject({
      readonlyRootFilesystem: true,
      mountPoints: [
        { sourceVolume: 'scratch', containerPath: '/var/data', readOnly: false },
        { sourceVolume: 'shared', containerPath: '/etc/mount1', readOnly: true },
      ],
    });
  });

  it('sidecars -> more containers, essential unless they say not', () => {
    const { td } = read(
      worker(`sidecars:
  envoy:
    port: 9901
    image: public.ecr.aws/appmesh/aws-appmesh-envoy:v1
    variables:
      MODE: proxy
  bootstrap:
    image: busybox
    essential: false
    command: echo ready`),
    );
    expect(td?.containerDefinitions.map((c) => [c.name, c.essential])).toEqual([
      ['jobs', true],
      ['envoy', true],
      ['bootstrap', false],
    ]);
    expect(td?.containerDefinitions[1]).toMatchObject({
      portMappings: [{ containerPort: 9901, protocol: 'tcp' }],
      environment: [{ name: 'MODE', value: 'proxy' }],
    });
    expect(td?.containerDefinitions[2]?.command).toEqual(['echo', 'ready']);
  });
});

describe('the service', () => {
  it.each([
    ['default', 100, 200],
    ['recreate', 0, 100],
  ])(
    'deployment.rolling %s -> minimumHealthyPercent %i, maximumPercent %i',
    (rolling, min, max) => {
      const { service } = read(worker(`deployment:\n  rolling: ${rolling}`));
      expect(service?.deploymentConfiguration).toEqual({
        minimumHealthyPercent: min,
        maximumPercent: max,
        deploymentCircuitBreaker: { enable: true, rollback: true },
      });
    },
  );

  it('runs on Fargate in public subnets with a public IP by default; private on request', () => {
    const pub = read(worker('')).service;
    expect(pub).toMatchObject({
      launchType: 'FARGATE',
      platformVersion: 'LATEST',
      desiredCount: 1,
    });
    expect(pub?.networkConfiguration?.awsvpcConfiguration).toEqual({
      subnets: ['subnet-copilot-public-a', 'subnet-copilot-public-b'],
      assignPublicIp: 'ENABLED',
    });
    const priv = read(worker("network:\n  vpc:\n    placement: 'private'")).service;
    expect(priv?.networkConfiguration?.awsvpcConfiguration).toEqual({
      subnets: ['subnet-copilot-private-a', 'subnet-copilot-private-b'],
      assignPublicIp: 'DISABLED',
    });
    const listed = read(
      worker('network:\n  vpc:\n    placement:\n      subnets: [subnet-1a, subnet-2b]'),
    );
    expect(listed.service?.networkConfiguration?.awsvpcConfiguration.subnets).toEqual([
      'subnet-1a',
      'subnet-2b',
    ]);
  });

  it('exec -> enableExecuteCommand', () => {
    expect(read(worker('exec: true')).service).toMatchObject({ enableExecuteCommand: true });
    expect(read(worker('')).service?.enableExecuteCommand).toBeUndefined();
  });
});

describe('count', () => {
  it('a number is the desired count, nothing scales', () => {
    const { service, design } = read(worker('count: 3'));
    expect(service?.desiredCount).toBe(3);
    expect(design.scalableTargets).toBeUndefined();
  });

  it('range + cpu_percentage -> a scalable target and a target tracking policy (120/60 s cooldowns)', () => {
    const { service, design } = read(worker('count:\n  range: 1-10\n  cpu_percentage: 70'));
    expect(service?.desiredCount).toBe(1);
    expect(design.scalableTargets).toEqual([
      {
        ServiceNamespace: 'ecs',
        ResourceId: 'service/default/jobs',
        ScalableDimension: 'ecs:service:DesiredCount',
        MinCapacity: 1,
        MaxCapacity: 10,
      },
    ]);
    expect(design.scalingPolicies).toEqual([
      expect.objectContaining({
        PolicyName: 'jobs-ECSServiceAverageCPUUtilization-ScalingPolicy',
        PolicyType: 'TargetTrackingScaling',
        TargetTrackingScalingPolicyConfiguration: {
          TargetValue: 70,
          PredefinedMetricSpecification: {
            PredefinedMetricType: 'ECSServiceAverageCPUUtilization',
          },
          ScaleInCooldown: 120,
          ScaleOutCooldown: 60,
        },
      }),
    ]);
  });

  it("cooldowns: the count's for every metric, a metric's own over it", () => {
    const { design } = read(
      worker(`count:
  range: 2-6
  cooldown:
    in: 30s
    out: 1m30s
  cpu_percentage: 70
  memory_percentage:
    value: 80
    cooldown:
      in: 80s`),
    );
    const cooldowns = design.scalingPolicies?.map((p) => {
      const c = p.TargetTrackingScalingPolicyConfiguration;
      return [c?.TargetValue, c?.ScaleInCooldown, c?.ScaleOutCooldown];
    });
    expect(cooldowns).toEqual([
      [70, 30, 90],
      [80, 80, 90],
    ]);
  });

  it('requests -> ALBRequestCountPerTarget on the service target group', () => {
    const { design } = read(web('count:\n  range: 1-4\n  requests: 30'));
    const tg = design.targetGroups?.[0]?.TargetGroupArn ?? '';
    const lb = design.loadBalancers?.[0]?.LoadBalancerArn ?? '';
    const label =
      design.scalingPolicies?.[0]?.TargetTrackingScalingPolicyConfiguration
        ?.PredefinedMetricSpecification?.ResourceLabel;
    expect(label).toBe(`${lb.split(':loadbalancer/')[1]}/${tg.split(':')[5]}`);
  });

  it.each([
    ['spot: 5', 5, [{ capacityProvider: 'FARGATE_SPOT', weight: 1 }]],
    [
      'range:\n    min: 1\n    max: 10\n    spot_from: 3',
      1,
      [
        { capacityProvider: 'FARGATE_SPOT', weight: 1 },
        { capacityProvider: 'FARGATE', weight: 0, base: 2 },
      ],
    ],
  ])('count.%s -> Fargate Spot', (yaml, desired, strategy) => {
    const { service } = read(worker(`count:\n  ${yaml}`));
    expect(service?.desiredCount).toBe(desired);
    expect(service?.capacityProviderStrategy).toEqual(strategy);
    expect(service?.launchType).toBeUndefined();
  });
});

describe('the load balancers', () => {
  it('a Load Balanced Web Service: an internet-facing ALB, HTTP on 80, the target group on the image port', () => {
    const { design, service } = read(
      web(`  healthcheck:
    path: '/_health'
    success_codes: '200,301'
    healthy_threshold: 3
    unhealthy_threshold: 4
    interval: 15s
    timeout: 10s
    grace_period: 45s
  deregistration_delay: 30s
  stickiness: true`),
    );
    expect(design.loadBalancers).toEqual([
      expect.objectContaining({ Name: 'web', Type: 'application', Scheme: 'internet-facing' }),
    ]);
    const tg = design.targetGroups?.[0];
    expect(tg).toMatchObject({
      Name: 'web-http',
      Protocol: 'HTTP',
      Port: 80,
      TargetType: 'ip',
      HealthCheckPath: '/_health',
      Matcher: { HttpCode: '200,301' },
      HealthyThresholdCount: 3,
      UnhealthyThresholdCount: 4,
      HealthCheckIntervalSeconds: 15,
      HealthCheckTimeoutSeconds: 10,
      Attributes: [
        { Key: 'deregistration_delay.timeout_seconds', Value: '30' },
        { Key: 'stickiness.enabled', Value: 'true' },
      ],
    });
    expect(design.listeners).toEqual([
      expect.objectContaining({
        Port: 80,
        Protocol: 'HTTP',
        DefaultActions: [{ Type: 'forward', TargetGroupArn: tg?.TargetGroupArn }],
      }),
    ]);
    expect(design.listenerRules).toBeUndefined();
    expect(service?.loadBalancers).toEqual([
      { targetGroupArn: tg?.TargetGroupArn, containerName: 'web', containerPort: 80 },
    ]);
    expect(service?.healthCheckGracePeriodSeconds).toBe(45);
  });

  it("Copilot's target group defaults: health check on /, 60 s deregistration delay, 60 s grace", () => {
    const { design, service } = read(web(''));
    expect(design.targetGroups?.[0]).toMatchObject({
      HealthCheckPath: '/',
      Attributes: [
        { Key: 'deregistration_delay.timeout_seconds', Value: '60' },
        { Key: 'stickiness.enabled', Value: 'false' },
      ],
    });
    expect(service?.healthCheckGracePeriodSeconds).toBe(60);
  });

  it('http.path other than / is a rule on the path and below it; the listener answers 404 otherwise', () => {
    const { design } = read(web('').replace("path: '/'", 'path: api'));
    expect(design.listeners?.[0]?.DefaultActions[0]?.Type).toBe('fixed-response');
    expect(design.listenerRules).toEqual([
      expect.objectContaining({
        Priority: 1,
        Conditions: [{ Field: 'path-pattern', PathPatternConfig: { Values: ['/api', '/api/*'] } }],
        Actions: [{ Type: 'forward', TargetGroupArn: design.targetGroups?.[0]?.TargetGroupArn }],
      }),
    ]);
  });

  it('http.additional_rules: a target group and a rule each, after the main rule, in order', () => {
    const { design, service } = read(
      web(`  additional_rules:
    - path: customerdb
      target_port: 8081
    - path: admin
      target_port: 8082
      target_container: envoy
      healthcheck: /ping
sidecars:
  envoy:
    port: 80
    image: envoy:v1`),
    );
    expect(design.targetGroups?.map((t) => [t.Name, t.Port, t.HealthCheckPath])).toEqual([
      ['web-http', 80, '/'],
      ['web-http-1', 8081, '/'],
      ['web-http-2', 8082, '/ping'],
    ]);
    expect(
      design.listenerRules?.map((r) => [r.Priority, r.Conditions[0]?.PathPatternConfig?.Values]),
    ).toEqual([
      [1, ['/customerdb', '/customerdb/*']],
      [2, ['/admin', '/admin/*']],
    ]);
    expect(service?.loadBalancers?.map((l) => [l.containerName, l.containerPort])).toEqual([
      ['web', 80],
      ['web', 8081],
      ['envoy', 8082],
    ]);
  });

  it('http.allowed_source_ips: a source-ip rule, catch-alls from priority 50000 down, 404 otherwise', () => {
    const { design, warnings } = read(
      web(`  allowed_source_ips: ["10.24.34.0/23"]
  additional_rules:
    - path: admin
      allowed_source_ips: ["192.0.2.0/24"]`),
    );
    expect(design.listeners?.[0]?.DefaultActions[0]?.Type).toBe('fixed-response');
    expect(design.listenerRules?.map((r) => [r.Priority, r.Conditions])).toEqual([
      [
        50000,
        [
          { Field: 'source-ip', SourceIpConfig: { Values: ['10.24.34.0/23'] } },
          { Field: 'path-pattern', PathPatternConfig: { Values: ['/*'] } },
        ],
      ],
      [
        1,
        [
          { Field: 'source-ip', SourceIpConfig: { Values: ['192.0.2.0/24'] } },
          { Field: 'path-pattern', PathPatternConfig: { Values: ['/admin', '/admin/*'] } },
        ],
      ],
    ]);
    expect(warnings.map((w) => w.path)).not.toContain('http.allowed_source_ips');
  });

  it('http.alias: HTTPS on 443, HTTP on 80 redirecting to it, and a warning', () => {
    const { design, warnings } = read(web('  alias: example.com'));
    expect(design.listeners?.map((l) => [l.Port, l.Protocol, l.DefaultActions[0]?.Type])).toEqual([
      [443, 'HTTPS', 'forward'],
      [80, 'HTTP', 'redirect'],
    ]);
    expect(warnings.map((w) => w.path)).toContain('http.alias');
  });

  it('http.target_container and target_port: the sidecar receives, on its port', () => {
    const { design, service } = read(
      web(`  target_container: envoy
sidecars:
  envoy:
    port: 8443
    image: envoy:v1`),
    );
    expect(service?.loadBalancers).toEqual([
      expect.objectContaining({ containerName: 'envoy', containerPort: 8443 }),
    ]);
    expect(design.targetGroups?.[0]?.Port).toBe(8443);
  });

  it('a Backend Service with http: an internal ALB; without: none', () => {
    const backend = (http: string) => `
name: api
type: Backend Service
image:
  location: api:1
  port: 8080
${http}`;
    expect(read(backend("http:\n  path: '/'")).design.loadBalancers?.[0]?.Scheme).toBe('internal');
    expect(read(backend('')).design.loadBalancers).toBeUndefined();
  });

  it('nlb: a Network Load Balancer of its own, listening on nlb.port', () => {
    const { design, service } = read(
      web(`nlb:
  port: 53/udp
  healthcheck:
    port: 80
    healthy_threshold: 3
    unhealthy_threshold: 3`).replace("http:\n  path: '/'", 'http: false'),
    );
    expect(design.loadBalancers).toEqual([
      expect.objectContaining({ Name: 'web-nlb', Type: 'network' }),
    ]);
    expect(design.listeners?.[0]).toMatchObject({ Port: 53, Protocol: 'UDP' });
    expect(design.targetGroups?.[0]).toMatchObject({
      Protocol: 'UDP',
      Port: 53,
      TargetType: 'ip',
      HealthCheckPort: '80',
      HealthyThresholdCount: 3,
      UnhealthyThresholdCount: 3,
    });
    expect(service?.loadBalancers?.[0]).toMatchObject({ containerName: 'web', containerPort: 53 });
    expect(design.taskDefinitions[0]?.containerDefinitions[0]?.portMappings).toContainEqual({
      containerPort: 53,
      protocol: 'udp',
    });
  });
});

describe('environments and what is not modelled', () => {
  const withEnvs = worker(`count: 1
environments:
  test:
    count: 2
  prod:
    count: 5
    deployment:
      rolling: recreate`);

  it("takes the first environment's overrides, and names it and the others", () => {
    const { service, warnings, label } = read(withEnvs);
    expect(service?.desiredCount).toBe(2);
    expect(label).toContain('environment test');
    expect(warnings[0]).toEqual({
      path: 'environments.test',
      message: 'overrides applied: Berth imports one environment, test; prod left out',
    });
  });

  it("takes the named environment's overrides, merged over the manifest", () => {
    const { service } = read(withEnvs, { env: 'prod' });
    expect(service?.desiredCount).toBe(5);
    expect(service?.deploymentConfiguration?.minimumHealthyPercent).toBe(0);
  });

  it('an override of image.location drops the manifest own image.build', () => {
    const { main, warnings } = read(`name: w
type: Worker Service
image:
  build: ./Dockerfile
environments:
  test:
    image:
      location: amazon/ecs-example`);
    expect(main?.image).toBe('amazon/ecs-example');
    expect(warnings.map((w) => w.path)).not.toContain('image.build');
  });

  it('warns once for each field it does not model, with its path', () => {
    const { warnings } = read(
      worker(`observability:
  tracing: awsxray
logging:
  retention: 1
publish:
  topics:
    - name: orders
network:
  connect: true
taskdef_overrides:
  - path: ContainerDefinitions[0].Ulimits[-]
    value: { Name: cpu }
variables:
  DB_NAME:
    from_cfn: MyDB
favourite_colour: blue`),
    );
    expect(warnings.slice(1).map((w) => w.path)).toEqual([
      'observability',
      'logging',
      'publish',
      'network.connect',
      'taskdef_overrides',
      'variables.DB_NAME',
      'favourite_colour',
    ]);
    expect(warnings.at(-1)?.message).toBe('is not modelled by Berth: ignored');
  });

  it('refuses what Copilot itself would refuse, naming the field', () => {
    expect(refused(web('').replace("http:\n  path: '/'", 'http: false'))).toEqual([
      {
        path: 'http',
        message: 'is false and there is no nlb: a Load Balanced Web Service needs one of them',
      },
    ]);
    expect(refused('name: x\ntype: Worker Service\n')).toEqual([
      { path: 'image', message: 'needs location or build' },
    ]);
    expect(refused(worker('count:\n  cpu_percentage: 70'))).toEqual([
      { path: 'count.range', message: 'is required to scale on a metric' },
    ]);
  });
});
