// The valid documents the malformed corpus starts from: a Berth design (EC2 and Fargate
// services behind an ALB, a scheduled scaling action), a RegisterTaskDefinition input,
// describe-task-definition output and a CloudFormation template. Each call returns a
// fresh copy, so a case can break one field in place.

const REGION = 'us-east-1';
const ACCOUNT = '123456789012';
export const TG_ARN = `arn:aws:elasticloadbalancing:${REGION}:${ACCOUNT}:targetgroup/web/73e2d6bc24d8a067`;
const LB_ARN = `arn:aws:elasticloadbalancing:${REGION}:${ACCOUNT}:loadbalancer/app/front/50dc6c495c0c9188`;
const LISTENER_ARN = `arn:aws:elasticloadbalancing:${REGION}:${ACCOUNT}:listener/app/front/50dc6c495c0c9188/f2f7dc8efc522ab2`;

export type Doc = Record<string, unknown>;

export function berthDesign(): Doc {
  return {
    formatVersion: 1,
    name: 'Shop: web on EC2, edge on Fargate',
    seed: 42,
    startTime: '2026-01-01T00:00:00Z',
    region: REGION,
    clusters: [{ clusterName: 'prod' }, { clusterName: 'batch' }],
    containerInstances: [
      {
        cluster: 'prod',
        ec2InstanceId: 'i-0a1b2c3d4e5f60001',
        instanceType: 'm5.large',
        availabilityZone: 'us-east-1a',
        attributes: [{ name: 'team', value: 'web' }],
      },
      {
        cluster: 'prod',
        ec2InstanceId: 'i-0a1b2c3d4e5f60002',
        instanceType: 'm5.large',
        availabilityZone: 'us-east-1b',
      },
    ],
    taskDefinitions: [
      {
        family: 'web',
        networkMode: 'bridge',
        containerDefinitions: [
          {
            name: 'web',
            image: 'public.ecr.aws/nginx/nginx:1.27',
            cpu: 256,
            memory: 512,
            essential: true,
            portMappings: [{ containerPort: 80, hostPort: 0, protocol: 'tcp' }],
          },
          {
            name: 'log-router',
            image: 'public.ecr.aws/aws-observability/aws-for-fluent-bit:stable',
            cpu: 64,
            memory: 128,
            essential: false,
          },
        ],
      },
      {
        family: 'edge',
        networkMode: 'awsvpc',
        requiresCompatibilities: ['FARGATE'],
        cpu: '256',
        memory: '512',
        containerDefinitions: [
          {
            name: 'edge',
            image: 'public.ecr.aws/nginx/nginx:1.27',
            essential: true,
            portMappings: [{ containerPort: 80, protocol: 'tcp' }],
          },
        ],
      },
    ],
    services: [
      {
        cluster: 'prod',
        serviceName: 'web',
        taskDefinition: 'web',
        desiredCount: 3,
        launchType: 'EC2',
        deploymentConfiguration: { minimumHealthyPercent: 100, maximumPercent: 200 },
        loadBalancers: [{ targetGroupArn: TG_ARN, containerName: 'web', containerPort: 80 }],
        healthCheckGracePeriodSeconds: 30,
      },
      {
        cluster: 'prod',
        serviceName: 'edge',
        taskDefinition: 'edge',
        desiredCount: 2,
        launchType: 'FARGATE',
        networkConfiguration: {
          awsvpcConfiguration: {
            subnets: ['subnet-0a1b2c3d', 'subnet-0e1f2a3b'],
            securityGroups: ['sg-0a1b2c3d'],
            assignPublicIp: 'DISABLED',
          },
        },
      },
    ],
    workloads: [{ family: 'web', imagePullSeconds: 8, startSeconds: 4, stopSeconds: 2 }],
    loadBalancers: [
      { Name: 'front', Type: 'application', Scheme: 'internet-facing', LoadBalancerArn: LB_ARN },
    ],
    targetGroups: [
      {
        Name: 'web',
        Protocol: 'HTTP',
        Port: 80,
        TargetType: 'instance',
        HealthCheckPath: '/',
        HealthCheckIntervalSeconds: 10,
        TargetGroupArn: TG_ARN,
      },
    ],
    listeners: [
      {
        LoadBalancerArn: LB_ARN,
        Protocol: 'HTTP',
        Port: 80,
        DefaultActions: [{ Type: 'forward', TargetGroupArn: TG_ARN }],
        ListenerArn: LISTENER_ARN,
      },
    ],
    scalableTargets: [
      {
        ServiceNamespace: 'ecs',
        ResourceId: 'service/prod/web',
        ScalableDimension: 'ecs:service:DesiredCount',
        MinCapacity: 2,
        MaxCapacity: 6,
      },
    ],
    scheduledActions: [
      {
        ServiceNamespace: 'ecs',
        ResourceId: 'service/prod/web',
        ScalableDimension: 'ecs:service:DesiredCount',
        ScheduledActionName: 'morning',
        Schedule: 'cron(0 8 ? * MON-FRI *)',
        ScalableTargetAction: { MinCapacity: 4 },
      },
    ],
    traffic: [{ listenerArn: LISTENER_ARN, requestsPerSecond: 200 }],
    script: [
      {
        at: 300,
        action: 'UpdateService',
        input: { cluster: 'prod', service: 'web', desiredCount: 4 },
      },
    ],
    layout: {},
  };
}

/** What `aws ecs register-task-definition --cli-input-json` takes. */
export function registerInput(): Doc {
  return {
    family: 'api',
    networkMode: 'awsvpc',
    requiresCompatibilities: ['FARGATE'],
    cpu: '512',
    memory: '1024',
    executionRoleArn: `arn:aws:iam::${ACCOUNT}:role/ecsTaskExecutionRole`,
    containerDefinitions: [
      {
        name: 'api',
        image: `${ACCOUNT}.dkr.ecr.${REGION}.amazonaws.com/api:1.4.2`,
        essential: true,
        portMappings: [{ containerPort: 8080, protocol: 'tcp' }],
        environment: [{ name: 'PORT', value: '8080' }],
        logConfiguration: {
          logDriver: 'awslogs',
          options: {
            'awslogs-group': '/ecs/api',
            'awslogs-region': REGION,
            'awslogs-stream-prefix': 'ecs',
          },
        },
      },
    ],
  };
}

/** What `aws ecs describe-task-definition --task-definition api:7` prints. */
export function describeOutput(): Doc {
  return {
    taskDefinition: {
      taskDefinitionArn: `arn:aws:ecs:${REGION}:${ACCOUNT}:task-definition/api:7`,
      ...registerInput(),
      revision: 7,
      status: 'ACTIVE',
      compatibilities: ['EC2', 'FARGATE'],
      registeredAt: '2026-11-02T10:14:03.120000+00:00',
      registeredBy: `arn:aws:sts::${ACCOUNT}:assumed-role/deploy/ci`,
    },
  };
}

/** A small service stack: a cluster, a Fargate task definition and its service. */
export function cloudFormationTemplate(): Doc {
  return {
    AWSTemplateFormatVersion: '2010-09-09',
    Description: 'api service on Fargate',
    Resources: {
      Cluster: { Type: 'AWS::ECS::Cluster', Properties: { ClusterName: 'prod' } },
      TaskDefinition: {
        Type: 'AWS::ECS::TaskDefinition',
        Properties: {
          Family: 'api',
          NetworkMode: 'awsvpc',
          RequiresCompatibilities: ['FARGATE'],
          Cpu: '512',
          Memory: '1024',
          ContainerDefinitions: [
            {
              Name: 'api',
              Image: 'public.ecr.aws/nginx/nginx:1.27',
              Essential: true,
              PortMappings: [{ ContainerPort: 8080, Protocol: 'tcp' }],
            },
          ],
        },
      },
      Service: {
        Type: 'AWS::ECS::Service',
        Properties: {
          ServiceName: 'api',
          Cluster: { Ref: 'Cluster' },
          TaskDefinition: { Ref: 'TaskDefinition' },
          DesiredCount: 2,
          LaunchType: 'FARGATE',
          NetworkConfiguration: {
            AwsvpcConfiguration: { Subnets: ['subnet-0a1b2c3d'], AssignPublicIp: 'DISABLED' },
          },
        },
      },
    },
  };
}
