import { describe, expect, it } from 'vitest';
import { cloudFormationImporter, readCloudFormationTemplate } from './index';
import { asDesign, fixture } from './testing';

function read(doc: unknown) {
  const r = readCloudFormationTemplate(doc);
  if (!r.ok) throw new Error(r.issues.map((i) => `${i.path}: ${i.message}`).join('\n'));
  return r;
}

function design(doc: unknown) {
  const r = read(doc);
  const parsed = asDesign(r.fragment);
  if (!parsed.ok) throw new Error(parsed.message);
  return { ...r, design: parsed.design };
}

describe('cloudFormationImporter.recognises', () => {
  it('knows a template by its format version or its typed resources', () => {
    expect(cloudFormationImporter.recognises({ AWSTemplateFormatVersion: '2010-09-09' })).toBe(
      true,
    );
    expect(
      cloudFormationImporter.recognises({ Resources: { A: { Type: 'AWS::ECS::Cluster' } } }),
    ).toBe(true);
    expect(cloudFormationImporter.recognises({ Resources: { A: { type: 'x' } } })).toBe(false);
    expect(cloudFormationImporter.recognises({ family: 'web', containerDefinitions: [] })).toBe(
      false,
    );
    expect(cloudFormationImporter.recognises([])).toBe(false);
  });
});

describe('fixtures', () => {
  it('fargate-public-service.json: parameters resolved, exports reported with their paths', () => {
    const r = design(fixture('fargate-public-service.json'));
    expect(r.label).toBe('CloudFormation template (1 task definition, 1 service)');
    const td = r.design.taskDefinitions[0];
    expect(td).toMatchObject({
      family: 'nginx',
      cpu: '256',
      memory: '512',
      networkMode: 'awsvpc',
      requiresCompatibilities: ['FARGATE'],
      containerDefinitions: [
        {
          name: 'nginx',
          image: 'nginx',
          cpu: 256,
          memory: 512,
          essential: true,
          portMappings: [{ containerPort: 80 }],
        },
      ],
    });
    // Fn::If on an empty Role gives AWS::NoValue: no taskRoleArn, and no warning for it.
    expect(td).not.toHaveProperty('taskRoleArn');
    expect(r.design.services[0]).toMatchObject({
      serviceName: 'nginx',
      taskDefinition: 'nginx',
      desiredCount: 2,
      launchType: 'FARGATE',
      deploymentConfiguration: { maximumPercent: 200, minimumHealthyPercent: 75 },
      networkConfiguration: {
        awsvpcConfiguration: { assignPublicIp: 'ENABLED', subnets: [], securityGroups: [] },
      },
      loadBalancers: [
        {
          containerName: 'nginx',
          containerPort: 80,
          targetGroupArn: expect.stringMatching(/:targetgroup\/nginx\/[0-9a-f]{16}$/),
        },
      ],
    });
    expect(r.design.services[0]).not.toHaveProperty('cluster');
    expect(r.design.targetGroups?.[0]).toMatchObject({ Name: 'nginx', Port: 80, TargetType: 'ip' });
    expect(r.design.listenerRules).toBeUndefined();
    const warnings = r.warnings.map((w) => `${w.path}: ${w.message}`);
    expect(warnings).toContain(
      'Resources.Service.Properties.NetworkConfiguration.AwsvpcConfiguration.Subnets[0]: Fn::ImportValue cannot be resolved inside this template; left out',
    );
    expect(warnings).toContain(
      'Resources.Service.Properties.Cluster: Fn::ImportValue cannot be resolved inside this template; left out',
    );
    expect(warnings).toContain(
      'Resources.LoadBalancerRule.Properties: its listener is not in this template: the rule is left out',
    );
    expect(warnings.some((w) => w.includes('TaskRoleArn'))).toBe(false);
  });

  it('refarch-product-service.yaml: unmodelled resources in one warning; refs to them stand in', () => {
    const r = design(fixture('refarch-product-service.yaml'));
    expect(r.warnings[0]).toEqual({
      path: 'Resources',
      message: 'not modelled, ignored: 2 resources (AWS::IAM::Role x1, AWS::Logs::LogGroup x1)',
    });
    const td = r.design.taskDefinitions[0];
    expect(td?.containerDefinitions[0]).toMatchObject({
      name: 'product-service',
      memory: 128,
      logConfiguration: {
        logDriver: 'awslogs',
        options: { 'awslogs-group': 'berth', 'awslogs-region': 'us-east-1' },
      },
    });
    expect(r.design.services[0]).toMatchObject({
      serviceName: 'Service',
      taskDefinition: 'product-service',
      desiredCount: 2,
      role: 'ecs-service-berth',
    });
    const warnings = r.warnings.map((w) => `${w.path}: ${w.message}`);
    expect(warnings).toContain(
      'Resources.Service.Properties.Cluster: parameter Cluster has no Default; left out',
    );
    expect(warnings).toContain(
      'Resources.TargetGroup.Properties.VpcId: parameter VPC has no Default; left out',
    );
    expect(warnings.at(-1)).toMatch(/stand-ins .*: ServiceRole$/);
  });

  it('ec2-capacity-autoscaling.yaml: capacity, load balancing and scaling, all cross-references resolved', () => {
    const r = design(fixture('ec2-capacity-autoscaling.yaml'));
    const d = r.design;
    expect(d.clusters).toEqual([
      {
        clusterName: 'web-cluster',
        settings: [{ name: 'containerInsights', value: 'enabled' }],
        capacityProviders: ['CapacityProvider'],
        defaultCapacityProviderStrategy: [{ capacityProvider: 'CapacityProvider', weight: 1 }],
      },
    ]);
    const lt = d.launchTemplates?.[0];
    expect(lt?.LaunchTemplateName).toBe('berth-instances');
    expect(lt?.LaunchTemplateId).toMatch(/^lt-[0-9a-f]{17}$/);
    expect(lt?.LaunchTemplateData).not.toHaveProperty('ImageId');
    expect(atob(lt?.LaunchTemplateData.UserData ?? '')).toContain('ECS_CLUSTER=web-cluster');
    expect(d.autoScalingGroups?.[0]).toMatchObject({
      AutoScalingGroupName: 'ECSAutoScalingGroup',
      MinSize: 0,
      MaxSize: 6,
      DesiredCapacity: 2,
      VPCZoneIdentifier: 'subnet-us-east-1a,subnet-us-east-1b',
      LaunchTemplate: { LaunchTemplateId: lt?.LaunchTemplateId, Version: '1' },
    });
    expect(d.capacityProviders?.[0]).toMatchObject({
      name: 'CapacityProvider',
      autoScalingGroupProvider: {
        autoScalingGroupArn: 'ECSAutoScalingGroup',
        managedTerminationProtection: 'ENABLED',
      },
    });
    const web = d.taskDefinitions[0]?.containerDefinitions[0];
    expect(web?.environment).toEqual([
      { name: 'STAGE', value: 'prod' },
      { name: 'WORKERS', value: '4' },
    ]);
    expect(web?.healthCheck).toEqual({
      command: ['CMD-SHELL', 'curl -f http://localhost/ || exit 1'],
      interval: 10,
      retries: 3,
    });
    expect(d.services[0]).toMatchObject({
      serviceName: 'web',
      cluster: 'web-cluster',
      placementStrategy: [
        { type: 'spread', field: 'attribute:ecs.availability-zone' },
        { type: 'binpack', field: 'memory' },
      ],
      deploymentConfiguration: { deploymentCircuitBreaker: { enable: true, rollback: true } },
    });
    expect(d.loadBalancers?.[0]).toMatchObject({
      Name: 'LoadBalancer',
      Attributes: [{ Key: 'idle_timeout.timeout_seconds', Value: '60' }],
    });
    expect(d.targetGroups?.[0]?.Attributes).toEqual([
      { Key: 'deregistration_delay.timeout_seconds', Value: '30' },
    ]);
    expect(d.listeners?.[0]?.LoadBalancerArn).toBe(d.loadBalancers?.[0]?.LoadBalancerArn);
    expect(d.listeners?.[0]?.DefaultActions[0]?.TargetGroupArn).toBe(
      d.targetGroups?.[0]?.TargetGroupArn,
    );
    expect(d.scalableTargets).toEqual([
      {
        ServiceNamespace: 'ecs',
        ScalableDimension: 'ecs:service:DesiredCount',
        ResourceId: 'service/web-cluster/web',
        MinCapacity: 2,
        MaxCapacity: 10,
      },
    ]);
    expect(d.scheduledActions?.[0]).toMatchObject({
      ResourceId: 'service/web-cluster/web',
      ScheduledActionName: 'business-hours',
    });
    expect(d.scalingPolicies?.map((p) => [p.PolicyName, p.ResourceId])).toEqual([
      ['cpu70', 'service/web-cluster/web'],
      ['requests-step', 'service/web-cluster/web'],
    ]);
    const alarm = d.alarms?.[0];
    expect(alarm?.AlarmName).toBe('RequestsHigh');
    expect(alarm?.AlarmActions?.[0]).toMatch(
      /^arn:aws:autoscaling:us-east-1:123456789012:scalingPolicy:[0-9a-f-]{36}:resource\/ecs\/service\/web-cluster\/web:policyName\/requests-step$/,
    );
    expect(alarm?.Dimensions?.[0]?.Value).toMatch(/^targetgroup\/WebTargetGroup\/[0-9a-f]{16}$/);
    const warnings = r.warnings.map((w) => `${w.path}: ${w.message}`);
    expect(warnings).toContain(
      'Resources.ContainerInstances.Properties.LaunchTemplateData.ImageId: parameter LatestAmiId is read from SSM Parameter Store when the stack is made; left out',
    );
    expect(warnings[0]).toBe(
      'Resources: not modelled, ignored: 4 resources (AWS::EC2::SecurityGroup x1, AWS::IAM::InstanceProfile x1, AWS::IAM::Role x1, AWS::Logs::LogGroup x1)',
    );
  });
});

describe('refusals and intrinsics', () => {
  it('refuses what the design cannot hold at its template path, with the rule', () => {
    const r = readCloudFormationTemplate({
      Resources: {
        Web: {
          Type: 'AWS::ECS::TaskDefinition',
          Properties: {
            ContainerDefinitions: [
              { Name: 'web', Image: 'nginx', Memory: 0, PortMappings: [{ ContainerPort: 70000 }] },
            ],
          },
        },
      },
    });
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.issues).toEqual([
      {
        path: 'Resources.Web.Properties.ContainerDefinitions[0].Memory',
        message: 'must be at least 1, got 0',
      },
      {
        path: 'Resources.Web.Properties.ContainerDefinitions[0].PortMappings[0].ContainerPort',
        message: 'must be at most 65535, got 70000',
      },
    ]);
  });

  it('refuses a template without resources, or a resource without a type', () => {
    expect(readCloudFormationTemplate({ AWSTemplateFormatVersion: '2010-09-09' })).toMatchObject({
      ok: false,
      issues: [{ path: 'Resources' }],
    });
    expect(readCloudFormationTemplate({ Resources: { A: { Properties: {} } } })).toMatchObject({
      ok: false,
      issues: [{ path: 'Resources.A.Type' }],
    });
  });

  it('evaluates Sub, Join, Select, Split, FindInMap, GetAZs and conditions', () => {
    const r = read({
      Parameters: {
        Env: { Type: 'String', Default: 'prod' },
        Ports: { Type: 'CommaDelimitedList', Default: '80,443' },
      },
      Mappings: { Sizes: { prod: { Memory: 1024 } } },
      Conditions: { IsProd: { 'Fn::Equals': [{ Ref: 'Env' }, 'prod'] } },
      Resources: {
        Td: {
          Type: 'AWS::ECS::TaskDefinition',
          Properties: {
            // biome-ignore lint/suspicious/noTemplateCurlyInString: CloudFormation's own ${} syntax
            Family: { 'Fn::Sub': '${Env}-web' },
            ContainerDefinitions: [
              {
                Name: { 'Fn::Join': ['-', ['web', { Ref: 'Env' }]] },
                Image: { 'Fn::Select': [1, { 'Fn::Split': [',', 'a,nginx,b'] }] },
                Memory: { 'Fn::FindInMap': ['Sizes', { Ref: 'Env' }, 'Memory'] },
                Cpu: { 'Fn::If': ['IsProd', 512, 256] },
                PortMappings: [{ ContainerPort: { 'Fn::Select': [1, { Ref: 'Ports' }] } }],
                Environment: [
                  { Name: 'AZ', Value: { 'Fn::Select': [0, { 'Fn::GetAZs': '' }] } },
                  {
                    Name: 'T',
                    // biome-ignore lint/suspicious/noTemplateCurlyInString: CloudFormation's own ${} syntax
                    Value: { 'Fn::Sub': ['${!Literal}-${X}', { X: { Ref: 'AWS::AccountId' } }] },
                  },
                ],
              },
            ],
          },
        },
        Skipped: { Type: 'AWS::ECS::Cluster', Condition: 'IsDev', Properties: {} },
      },
      Outputs: {},
    });
    expect((r.fragment.taskDefinitions as unknown[] | undefined)?.[0]).toEqual({
      family: 'prod-web',
      containerDefinitions: [
        {
          name: 'web-prod',
          image: 'nginx',
          memory: 1024,
          cpu: 512,
          portMappings: [{ containerPort: 443 }],
          environment: [
            { name: 'AZ', value: 'us-east-1a' },
            // biome-ignore lint/suspicious/noTemplateCurlyInString: CloudFormation's own ${} syntax
            { name: 'T', value: '${Literal}-123456789012' },
          ],
        },
      ],
    });
    expect(r.warnings).toContainEqual({
      path: 'Resources.Skipped.Condition',
      message: 'condition IsDev is not in Conditions; the resource is read as if it holds',
    });
  });

  it('renames the properties CloudFormation spells otherwise, and keeps map keys as written', () => {
    const r = read({
      Resources: {
        Td: {
          Type: 'AWS::ECS::TaskDefinition',
          Properties: {
            Family: 'files',
            ContainerDefinitions: [
              { Name: 'app', Image: 'app', Memory: 256, DockerLabels: { 'com.example.Team': 'a' } },
            ],
            Volumes: [
              {
                Name: 'data',
                EFSVolumeConfiguration: {
                  FilesystemId: 'fs-1',
                  AuthorizationConfig: { IAM: 'ENABLED', AccessPointId: 'fsap-1' },
                },
              },
            ],
            ProxyConfiguration: {
              Type: 'APPMESH',
              ContainerName: 'envoy',
              ProxyConfigurationProperties: [{ Name: 'AppPorts', Value: '8080' }],
            },
          },
        },
      },
    });
    expect((r.fragment.taskDefinitions as unknown[] | undefined)?.[0]).toMatchObject({
      containerDefinitions: [{ dockerLabels: { 'com.example.Team': 'a' } }],
      volumes: [
        {
          name: 'data',
          efsVolumeConfiguration: {
            fileSystemId: 'fs-1',
            authorizationConfig: { iam: 'ENABLED', accessPointId: 'fsap-1' },
          },
        },
      ],
      proxyConfiguration: {
        type: 'APPMESH',
        containerName: 'envoy',
        properties: [{ name: 'AppPorts', value: '8080' }],
      },
    });
  });
});
