// The malformed corpus as data: which valid document each case starts from and the one
// thing it breaks. `path` is what the refusal must name (a substring of an issue's path);
// `needs` marks the cases read by an importer the pipeline may not have registered yet.

import {
  berthDesign,
  cloudFormationTemplate,
  type Doc,
  describeOutput,
  registerInput,
  TG_ARN,
} from './bases';
import { removeAt, setAt } from './edit';

const BASES = {
  berth: berthDesign,
  register: registerInput,
  describe: describeOutput,
  cfn: cloudFormationTemplate,
} as const;

export type Needs = 'ecs' | 'cloudformation';

export interface CaseSpec {
  name: string;
  base: keyof typeof BASES;
  set?: Record<string, unknown>;
  remove?: string[];
  path: string;
  why: string;
  yaml?: boolean;
  /** Known to be accepted today, or named elsewhere: the test expects it to fail until fixed. */
  gap?: string;
}

export interface Case extends CaseSpec {
  needs?: Needs;
  doc(): Doc;
}

const HTML = '<img src=x onerror="alert(1)">';
const LONG = 'a'.repeat(100_000);
const TD0 = 'taskDefinitions[0]';
const C0 = `${TD0}.containerDefinitions[0]`;
const FARGATE_TD = 'taskDefinitions[1]';

const SPECS: readonly CaseSpec[] = [
  // Wrong types.
  {
    name: 'design-container-memory-string',
    base: 'berth',
    set: { [`${C0}.memory`]: '512 MiB' },
    path: `${C0}.memory`,
    why: 'container memory as a string with a unit',
  },
  {
    name: 'design-desired-count-string',
    base: 'berth',
    set: { 'services[0].desiredCount': '3' },
    path: 'services[0].desiredCount',
    why: 'desiredCount as a string',
  },
  {
    name: 'design-essential-string',
    base: 'berth',
    set: { [`${C0}.essential`]: 'yes' },
    path: `${C0}.essential`,
    why: 'essential as "yes"',
  },
  {
    name: 'design-seed-string',
    base: 'berth',
    set: { seed: 'forty-two' },
    path: 'seed',
    why: 'seed not a number',
  },
  {
    name: 'design-clusters-object',
    base: 'berth',
    set: { clusters: { clusterName: 'prod' } },
    path: 'clusters',
    why: 'clusters as one object instead of a list',
  },
  {
    name: 'design-port-mappings-object',
    base: 'berth',
    set: { [`${C0}.portMappings`]: { containerPort: 80 } },
    path: `${C0}.portMappings`,
    why: 'portMappings as an object',
  },
  {
    name: 'design-start-time-words',
    base: 'berth',
    set: { startTime: 'yesterday at noon' },
    path: 'startTime',
    why: 'startTime not a date',
  },
  {
    name: 'design-script-at-string',
    base: 'berth',
    set: { 'script[0].at': 'soon' },
    path: 'script[0].at',
    why: 'a script action at "soon"',
  },
  {
    name: 'design-tg-port-string',
    base: 'berth',
    set: { 'targetGroups[0].Port': 'eighty' },
    path: 'targetGroups[0].Port',
    why: 'target group port as a word',
    yaml: true,
  },
  // Missing required fields.
  {
    name: 'design-missing-family',
    base: 'berth',
    remove: [`${TD0}.family`],
    path: `${TD0}.family`,
    why: 'a task definition without family',
  },
  {
    name: 'design-missing-container-definitions',
    base: 'berth',
    remove: [`${TD0}.containerDefinitions`],
    path: `${TD0}.containerDefinitions`,
    why: 'a task definition without containers',
  },
  {
    name: 'design-empty-container-definitions',
    base: 'berth',
    set: { [`${TD0}.containerDefinitions`]: [] },
    path: `${TD0}.containerDefinitions`,
    why: 'a task definition with an empty container list',
  },
  {
    name: 'design-missing-image',
    base: 'berth',
    remove: [`${C0}.image`],
    path: `${C0}.image`,
    why: 'a container without image',
  },
  {
    name: 'design-missing-service-name',
    base: 'berth',
    remove: ['services[0].serviceName'],
    path: 'services[0].serviceName',
    why: 'a service without serviceName',
  },
  {
    name: 'design-missing-cluster-name',
    base: 'berth',
    remove: ['clusters[1].clusterName'],
    path: 'clusters[1].clusterName',
    why: 'a cluster without clusterName',
    yaml: true,
  },
  {
    name: 'design-missing-instance-id',
    base: 'berth',
    remove: ['containerInstances[0].ec2InstanceId'],
    path: 'containerInstances[0].ec2InstanceId',
    why: 'an instance without ec2InstanceId',
  },
  {
    name: 'design-missing-tg-protocol',
    base: 'berth',
    remove: ['targetGroups[0].Protocol'],
    path: 'targetGroups[0].Protocol',
    why: 'an instance target group without Protocol',
  },
  {
    name: 'design-fargate-missing-memory',
    base: 'berth',
    remove: [`${FARGATE_TD}.memory`],
    path: `${FARGATE_TD}.memory`,
    why: 'a Fargate task definition without task memory',
  },
  // Impossible Fargate sizes (ecs-behavior.md 6.1).
  {
    name: 'design-fargate-256-4096',
    base: 'berth',
    set: { [`${FARGATE_TD}.memory`]: '4096' },
    path: `${FARGATE_TD}.cpu`,
    why: "cpu 256 allows 512-2048 MiB, not 4096 (AWS: Invalid 'cpu' setting for task)",
  },
  {
    name: 'design-fargate-cpu-384',
    base: 'berth',
    set: { [`${FARGATE_TD}.cpu`]: '384' },
    path: `${FARGATE_TD}.cpu`,
    why: 'no Fargate size has 384 CPU units',
  },
  {
    name: 'design-fargate-1024-1536',
    base: 'berth',
    set: { [`${FARGATE_TD}.cpu`]: '1024', [`${FARGATE_TD}.memory`]: '1536' },
    path: `${FARGATE_TD}.cpu`,
    why: '1 vCPU takes whole GiB from 2 GiB',
    yaml: true,
  },
  {
    name: 'design-fargate-bridge',
    base: 'berth',
    set: { [`${FARGATE_TD}.networkMode`]: 'bridge' },
    path: `${FARGATE_TD}.networkMode`,
    why: 'Fargate needs awsvpc',
  },
  // Unknown enum values.
  {
    name: 'design-network-mode-bridged',
    base: 'berth',
    set: { [`${TD0}.networkMode`]: 'bridged' },
    path: `${TD0}.networkMode`,
    why: 'networkMode "bridged"',
  },
  {
    name: 'design-launch-type-fargate2',
    base: 'berth',
    set: { 'services[1].launchType': 'FARGATE2' },
    path: 'services[1].launchType',
    why: 'launchType "FARGATE2"',
  },
  {
    name: 'design-protocol-tcpx',
    base: 'berth',
    set: { [`${C0}.portMappings[0].protocol`]: 'tcpx' },
    path: `${C0}.portMappings[0].protocol`,
    why: 'port protocol "tcpx"',
  },
  {
    name: 'design-assign-public-ip-yes',
    base: 'berth',
    set: { 'services[1].networkConfiguration.awsvpcConfiguration.assignPublicIp': 'YES' },
    path: 'services[1].networkConfiguration.awsvpcConfiguration.assignPublicIp',
    why: 'assignPublicIp "YES"',
  },
  {
    name: 'design-lb-scheme-public',
    base: 'berth',
    set: { 'loadBalancers[0].Scheme': 'public' },
    path: 'loadBalancers[0].Scheme',
    why: 'load balancer Scheme "public"',
  },
  {
    name: 'design-instance-type-unknown',
    base: 'berth',
    set: { 'containerInstances[1].instanceType': 'm5.huge' },
    path: 'containerInstances[1]',
    why: 'an instance type EC2 does not have (named in the message; the path is registeredResources, what would stand in for it)',
  },
  {
    name: 'design-script-action-unknown',
    base: 'berth',
    set: { 'script[0].action': 'UpdateServices' },
    path: 'script[0].action',
    why: 'a script action no operation has',
  },
  {
    name: 'design-format-version-99',
    base: 'berth',
    set: { formatVersion: 99 },
    path: 'formatVersion',
    why: 'a format version from the future',
  },
  // Oversized strings and HTML where ECS allows only letters, digits, hyphens and underscores.
  {
    name: 'design-family-100k',
    base: 'berth',
    set: {
      [`${TD0}.family`]: LONG,
    },
    path: `${TD0}.family`,
    why: 'a 100,000-character family (ECS allows 255)',
  },
  {
    name: 'design-service-name-300',
    base: 'berth',
    set: { 'services[1].serviceName': 'e'.repeat(300) },
    path: 'services[1].serviceName',
    why: 'a 300-character service name',
  },
  {
    name: 'design-html-service-name',
    base: 'berth',
    set: { 'services[0].serviceName': HTML },
    path: 'services[0].serviceName',
    why: 'HTML as a service name',
  },
  {
    name: 'design-html-family',
    base: 'berth',
    set: {
      [`${TD0}.family`]: '<b>web</b>',
      'services[0].taskDefinition': '<b>web</b>',
      'workloads[0].family': '<b>web</b>',
    },
    path: `${TD0}.family`,
    why: 'HTML as a family',
  },
  {
    name: 'design-html-cluster-name',
    base: 'berth',
    set: { 'clusters[1].clusterName': HTML },
    path: 'clusters[1].clusterName',
    why: 'HTML as a cluster name',
    yaml: true,
  },
  {
    name: 'design-html-container-name',
    base: 'berth',
    set: { [`${TD0}.containerDefinitions[1].name`]: '<script>x</script>' },
    path: `${TD0}.containerDefinitions[1].name`,
    why: 'HTML as a container name',
  },
  // Nulls where a value is required.
  {
    name: 'design-null-desired-count',
    base: 'berth',
    set: { 'services[0].desiredCount': null },
    path: 'services[0].desiredCount',
    why: 'desiredCount null',
  },
  {
    name: 'design-null-family',
    base: 'berth',
    set: { [`${TD0}.family`]: null },
    path: `${TD0}.family`,
    why: 'family null',
  },
  {
    name: 'design-null-image',
    base: 'berth',
    set: { [`${C0}.image`]: null },
    path: `${C0}.image`,
    why: 'image null',
  },
  {
    name: 'design-null-clusters',
    base: 'berth',
    set: { clusters: null },
    path: 'clusters',
    why: 'clusters null',
  },
  // Negative counts.
  {
    name: 'design-negative-desired-count',
    base: 'berth',
    set: { 'services[0].desiredCount': -1 },
    path: 'services[0].desiredCount',
    why: 'desiredCount -1',
  },
  {
    name: 'design-negative-min-capacity',
    base: 'berth',
    set: { 'scalableTargets[0].MinCapacity': -2 },
    path: 'scalableTargets[0].MinCapacity',
    why: 'MinCapacity -2',
  },
  {
    name: 'design-negative-container-cpu',
    base: 'berth',
    set: { [`${C0}.cpu`]: -256 },
    path: `${C0}.cpu`,
    why: 'container cpu -256',
  },
  {
    name: 'design-negative-requests',
    base: 'berth',
    set: { 'traffic[0].requestsPerSecond': -50 },
    path: 'traffic[0].requestsPerSecond',
    why: 'traffic of -50 requests a second',
  },
  // Duplicate names.
  {
    name: 'design-duplicate-service',
    base: 'berth',
    set: { 'services[1].serviceName': 'web' },
    path: 'services[1].serviceName',
    why: 'two services named web in one cluster',
  },
  {
    name: 'design-duplicate-cluster',
    base: 'berth',
    set: { 'clusters[1].clusterName': 'prod' },
    path: 'clusters[1].clusterName',
    why: 'two clusters named prod',
  },
  {
    name: 'design-duplicate-container',
    base: 'berth',
    set: { [`${TD0}.containerDefinitions[1].name`]: 'web' },
    path: `${TD0}.containerDefinitions[1].name`,
    why: 'two containers named web in one task definition',
  },
  {
    name: 'design-duplicate-instance',
    base: 'berth',
    set: { 'containerInstances[1].ec2InstanceId': 'i-0a1b2c3d4e5f60001' },
    path: 'containerInstances[1].ec2InstanceId',
    why: 'the same EC2 instance twice',
  },
  // References to what is not there.
  {
    name: 'design-missing-task-definition',
    base: 'berth',
    set: { 'services[0].taskDefinition': 'web-v2' },
    path: 'services[0].taskDefinition',
    why: 'a service naming a family that is not defined',
  },
  {
    name: 'design-missing-target-group',
    base: 'berth',
    set: {
      'services[0].loadBalancers[0].targetGroupArn': TG_ARN.replace(
        'web/73e2d6bc24d8a067',
        'api/0123456789abcdef',
      ),
    },
    path: 'services[0].loadBalancers[0].targetGroupArn',
    why: 'a service behind a target group that is not defined',
  },
  {
    name: 'design-listener-missing-target-group',
    base: 'berth',
    set: {
      'listeners[0].DefaultActions[0].TargetGroupArn': TG_ARN.replace(
        '73e2d6bc24d8a067',
        '0000000000000000',
      ),
    },
    path: 'listeners[0].DefaultActions[0].TargetGroupArn',
    why: 'a listener forwarding to a target group that is not defined',
  },
  {
    name: 'design-missing-cluster',
    base: 'berth',
    set: { 'containerInstances[1].cluster': 'staging' },
    path: 'containerInstances[1].cluster',
    why: 'an instance in a cluster that is not defined',
  },
  {
    name: 'design-service-missing-cluster',
    base: 'berth',
    set: { 'services[1].cluster': 'staging' },
    path: 'services[1].cluster',
    why: 'a service in a cluster that is not defined',
  },
  {
    name: 'design-missing-container-for-lb',
    base: 'berth',
    set: { 'services[0].loadBalancers[0].containerName': 'nginx' },
    path: 'services[0].loadBalancers[0].containerName',
    why: 'a load balancer naming a container the task definition lacks',
  },
  {
    name: 'design-scaling-missing-service',
    base: 'berth',
    set: {
      'scalableTargets[0].ResourceId': 'service/prod/api',
      'scheduledActions[0].ResourceId': 'service/prod/api',
    },
    path: 'scalableTargets[0].ResourceId',
    why: 'a scalable target for a service that is not defined',
  },
  // Bad ARNs.
  {
    name: 'design-bad-target-group-arn',
    base: 'berth',
    set: {
      'services[0].loadBalancers[0].targetGroupArn': 'arn:aws:elb:us-east-1:targetgroup/web',
      'targetGroups[0].TargetGroupArn': 'arn:aws:elb:us-east-1:targetgroup/web',
      'listeners[0].DefaultActions[0].TargetGroupArn': 'arn:aws:elb:us-east-1:targetgroup/web',
    },
    path: 'targetGroupArn',
    why: 'a target group ARN without account, wrong service',
  },
  {
    name: 'design-execution-role-not-iam',
    base: 'berth',
    set: { [`${FARGATE_TD}.executionRoleArn`]: 'arn:aws:iam:us-east-1:123456789012:role/exec' },
    path: `${FARGATE_TD}.executionRoleArn`,
    why: 'an executionRoleArn with a region, where IAM ARNs have none',
  },
  {
    name: 'design-task-role-short-account',
    base: 'berth',
    set: { [`${TD0}.taskRoleArn`]: 'arn:aws:iam::1234:role/web' },
    path: `${TD0}.taskRoleArn`,
    why: 'a taskRoleArn with a 4-digit account',
  },
  {
    name: 'register-execution-role-user',
    base: 'register',
    set: { executionRoleArn: 'arn:aws:iam::123456789012:user/deploy' },
    path: 'executionRoleArn',
    why: 'an executionRoleArn naming an IAM user, not a role',
  },
  {
    name: 'design-bad-alternate-target-group-arn',
    base: 'berth',
    set: {
      'services[0].loadBalancers[0].advancedConfiguration': {
        alternateTargetGroupArn: 'arn:aws:ecs:us-east-1:123456789012:targetgroup/web-green',
      },
    },
    path: 'services[0].loadBalancers[0].advancedConfiguration.alternateTargetGroupArn',
    why: 'an alternate target group ARN of the wrong service',
  },
  {
    name: 'design-bad-task-definition-arn',
    base: 'berth',
    set: {
      'services[0].taskDefinition': 'arn:aws:ecs:us-east-1:123456789012:taskdefinition/web:1',
    },
    path: 'services[0].taskDefinition',
    why: 'a task definition ARN with taskdefinition/ instead of task-definition/',
  },
  {
    name: 'design-bad-listener-arn',
    base: 'berth',
    set: { 'traffic[0].listenerArn': 'listener/app/front' },
    path: 'traffic[0].listenerArn',
    why: 'traffic on a listener ARN cut short',
  },
  // Bad cron expressions.
  {
    name: 'design-cron-five-fields',
    base: 'berth',
    set: { 'scheduledActions[0].Schedule': 'cron(0 8 * * *)' },
    path: 'scheduledActions[0].Schedule',
    why: 'a Unix cron (five fields) where AWS wants six',
  },
  {
    name: 'design-cron-minute-61',
    base: 'berth',
    set: { 'scheduledActions[0].Schedule': 'cron(61 8 ? * MON-FRI *)' },
    path: 'scheduledActions[0].Schedule',
    why: 'minute 61',
  },
  {
    name: 'design-cron-no-parens',
    base: 'berth',
    set: { 'scheduledActions[0].Schedule': '0 8 ? * MON-FRI *' },
    path: 'scheduledActions[0].Schedule',
    why: 'a cron without cron( )',
    yaml: true,
  },
  // Ports out of range.
  {
    name: 'design-container-port-70000',
    base: 'berth',
    set: { [`${C0}.portMappings[0].containerPort`]: 70000 },
    path: `${C0}.portMappings[0].containerPort`,
    why: 'containerPort 70000',
  },
  {
    name: 'design-host-port-negative',
    base: 'berth',
    set: { [`${C0}.portMappings[0].hostPort`]: -1 },
    path: `${C0}.portMappings[0].hostPort`,
    why: 'hostPort -1',
  },
  {
    name: 'design-listener-port-0',
    base: 'berth',
    set: { 'listeners[0].Port': 0 },
    path: 'listeners[0].Port',
    why: 'listener port 0',
  },
  {
    name: 'design-lb-container-port-65536',
    base: 'berth',
    set: { 'services[0].loadBalancers[0].containerPort': 65536 },
    path: 'services[0].loadBalancers[0].containerPort',
    why: 'load balancer containerPort 65536',
  },
  // RegisterTaskDefinition input (the ECS importer).
  {
    name: 'register-fargate-256-4096',
    base: 'register',
    set: { cpu: '256', memory: '4096' },
    path: 'cpu',
    why: 'cpu 256 with memory 4096',
  },
  {
    name: 'register-network-mode-bridged',
    base: 'register',
    set: { networkMode: 'bridged' },
    path: 'networkMode',
    why: 'networkMode "bridged"',
  },
  {
    name: 'register-container-memory-string',
    base: 'register',
    set: { 'containerDefinitions[0].memory': 'lots' },
    path: 'containerDefinitions[0].memory',
    why: 'container memory "lots"',
  },
  {
    name: 'register-missing-image',
    base: 'register',
    remove: ['containerDefinitions[0].image'],
    path: 'containerDefinitions[0].image',
    why: 'a container without image',
  },
  {
    name: 'register-port-99999',
    base: 'register',
    set: { 'containerDefinitions[0].portMappings[0].containerPort': 99999 },
    path: 'containerDefinitions[0].portMappings[0].containerPort',
    why: 'containerPort 99999',
    yaml: true,
  },
  {
    name: 'register-family-html',
    base: 'register',
    set: { family: '<img src=x>' },
    path: 'family',
    why: 'HTML as a family',
  },
  {
    name: 'register-compatibility-fargate2',
    base: 'register',
    set: { 'requiresCompatibilities[0]': 'FARGATE2' },
    path: 'requiresCompatibilities[0]',
    why: 'requiresCompatibilities "FARGATE2"',
  },
  {
    name: 'register-null-container-definitions',
    base: 'register',
    set: { containerDefinitions: null },
    path: 'containerDefinitions',
    why: 'containerDefinitions null (a task definition needs at least one container)',
  },
  // describe-task-definition output.
  {
    name: 'describe-null-container-definitions',
    base: 'describe',
    set: { 'taskDefinition.containerDefinitions': null },
    path: 'taskDefinition.containerDefinitions',
    why: 'containerDefinitions null (a task definition needs at least one container)',
  },
  {
    name: 'describe-fargate-cpu-3000',
    base: 'describe',
    set: { 'taskDefinition.cpu': '3000' },
    path: 'cpu',
    why: 'task cpu 3000',
  },
  {
    name: 'describe-negative-memory-reservation',
    base: 'describe',
    set: { 'taskDefinition.containerDefinitions[0].memoryReservation': -128 },
    path: 'containerDefinitions[0].memoryReservation',
    why: 'memoryReservation -128',
  },
  // CloudFormation templates.
  {
    name: 'cfn-fargate-256-4096',
    base: 'cfn',
    set: {
      'Resources.TaskDefinition.Properties.Cpu': '256',
      'Resources.TaskDefinition.Properties.Memory': '4096',
    },
    path: 'Resources.TaskDefinition.Properties.Cpu',
    why: 'Cpu 256 with Memory 4096 (named where the template writes it)',
    yaml: true,
  },
  {
    name: 'cfn-launch-type-fargate2',
    base: 'cfn',
    set: { 'Resources.Service.Properties.LaunchType': 'FARGATE2' },
    path: 'LaunchType',
    why: 'LaunchType FARGATE2',
  },
  {
    name: 'cfn-negative-desired-count',
    base: 'cfn',
    set: { 'Resources.Service.Properties.DesiredCount': -2 },
    path: 'DesiredCount',
    why: 'DesiredCount -2',
    yaml: true,
  },
  {
    name: 'cfn-ref-missing-task-definition',
    base: 'cfn',
    set: { 'Resources.Service.Properties.TaskDefinition': { Ref: 'ApiTaskDefinition' } },
    path: 'Resources.Service.Properties.TaskDefinition',
    why: 'a Ref to a resource the template lacks (CloudFormation: Unresolved resource dependencies)',
  },
  {
    name: 'cfn-ref-missing-cluster',
    base: 'cfn',
    set: { 'Resources.Service.Properties.Cluster': { Ref: 'Missing' } },
    path: 'Resources.Service.Properties.Cluster',
    why: 'a Ref to neither a resource nor a parameter',
    yaml: true,
  },
  {
    name: 'cfn-getatt-missing-role',
    base: 'cfn',
    set: {
      'Resources.TaskDefinition.Properties.ExecutionRoleArn': {
        'Fn::GetAtt': ['ExecutionRole', 'Arn'],
      },
    },
    path: 'Resources.TaskDefinition.Properties.ExecutionRoleArn',
    why: 'Fn::GetAtt of a role the template lacks',
  },
  {
    name: 'cfn-sub-missing-parameter',
    base: 'cfn',
    set: {
      'Resources.TaskDefinition.Properties.ContainerDefinitions[0].Image': {
        'Fn::Sub': `\${Repository}:1.4.2`,
      },
    },
    path: 'Resources.TaskDefinition.Properties.ContainerDefinitions[0].Image',
    why: 'Fn::Sub of a parameter the template lacks',
    yaml: true,
  },
  {
    name: 'cfn-depends-on-missing',
    base: 'cfn',
    set: { 'Resources.Service.DependsOn': 'Listener' },
    path: 'Resources.Service.DependsOn',
    why: 'DependsOn a resource the template lacks',
  },
  {
    name: 'cfn-tg-missing-protocol',
    base: 'cfn',
    set: {
      'Resources.TargetGroup': {
        Type: 'AWS::ElasticLoadBalancingV2::TargetGroup',
        Properties: { Port: 8080, TargetType: 'ip', VpcId: 'vpc-0a1b2c3d' },
      },
    },
    path: 'Resources.TargetGroup.Properties.Protocol',
    why: 'an ip target group without Protocol (ELB: A protocol must be specified)',
    yaml: true,
  },
  {
    name: 'cfn-execution-role-no-account',
    base: 'cfn',
    set: { 'Resources.TaskDefinition.Properties.ExecutionRoleArn': 'arn:aws:iam::role/exec' },
    path: 'Resources.TaskDefinition.Properties.ExecutionRoleArn',
    why: 'an ExecutionRoleArn without its account',
  },
  {
    name: 'cfn-no-essential-container',
    base: 'cfn',
    set: { 'Resources.TaskDefinition.Properties.ContainerDefinitions[0].Essential': false },
    path: 'Resources.TaskDefinition.Properties.ContainerDefinitions',
    why: 'no essential container (named where the template writes it)',
  },
  {
    name: 'cfn-container-port-string',
    base: 'cfn',
    set: {
      'Resources.TaskDefinition.Properties.ContainerDefinitions[0].PortMappings[0].ContainerPort':
        'http',
    },
    path: 'ContainerPort',
    why: 'ContainerPort "http"',
  },
];

const NEEDS: Partial<Record<CaseSpec['base'], Needs>> = {
  register: 'ecs',
  describe: 'ecs',
  cfn: 'cloudformation',
};

export const CASES: readonly Case[] = SPECS.map((spec) => {
  const needs = NEEDS[spec.base];
  return {
    ...spec,
    ...(needs ? { needs } : {}),
    doc() {
      const doc = BASES[spec.base]();
      for (const [path, value] of Object.entries(spec.set ?? {})) setAt(doc, path, value);
      for (const path of spec.remove ?? []) removeAt(doc, path);
      return doc;
    },
  };
});
