import { describe, expect, it } from 'vitest';

import { designInput, parsedDesign, sampleJson } from './testing';

// biome-ignore lint/suspicious/noExplicitAny: tests break the document on purpose
type Doc = any;

/** A task definition as `aws ecs describe-task-definition` users paste it, minus the read-only fields. */
const pastedTaskDefinition: Doc = {
  family: 'api',
  taskRoleArn: 'arn:aws:iam::123456789012:role/api-task',
  executionRoleArn: 'arn:aws:iam::123456789012:role/ecsTaskExecutionRole',
  networkMode: 'awsvpc',
  containerDefinitions: [
    {
      name: 'api',
      image: '123456789012.dkr.ecr.us-east-1.amazonaws.com/api:2.4.1',
      cpu: 512,
      memory: 1024,
      memoryReservation: 768,
      portMappings: [
        { containerPort: 8080, hostPort: 8080, protocol: 'tcp', name: 'http', appProtocol: 'http' },
      ],
      essential: true,
      environment: [{ name: 'LOG_LEVEL', value: 'info' }],
      secrets: [
        { name: 'DB_PASSWORD', valueFrom: 'arn:aws:ssm:us-east-1:123456789012:parameter/db' },
      ],
      logConfiguration: {
        logDriver: 'awslogs',
        options: {
          'awslogs-group': '/ecs/api',
          'awslogs-region': 'us-east-1',
          'awslogs-stream-prefix': 'api',
        },
      },
      healthCheck: {
        command: ['CMD-SHELL', 'curl -f http://localhost:8080/health || exit 1'],
        interval: 30,
        timeout: 5,
        retries: 3,
        startPeriod: 60,
      },
      dependsOn: [{ containerName: 'envoy', condition: 'HEALTHY' }],
      ulimits: [{ name: 'nofile', softLimit: 65536, hardLimit: 65536 }],
      dockerLabels: { team: 'payments' },
      stopTimeout: 30,
    },
    {
      name: 'envoy',
      image: 'public.ecr.aws/appmesh/aws-appmesh-envoy:v1.29',
      memoryReservation: 128,
      essential: false,
      healthCheck: {
        command: ['CMD-SHELL', 'curl -s http://localhost:9901/ready'],
        interval: 5,
        retries: 3,
      },
    },
  ],
  volumes: [{ name: 'scratch', host: {} }],
  requiresCompatibilities: ['EC2'],
  cpu: '1024',
  memory: '2048',
  runtimePlatform: { cpuArchitecture: 'X86_64', operatingSystemFamily: 'LINUX' },
  tags: [{ key: 'cost-center', value: 'cc-42' }],
  enableFaultInjection: false,
};

describe('parseDesign keeps what it does not simulate', () => {
  it('returns a pasted task definition unchanged, byte for byte', () => {
    const text = JSON.stringify(designInput({ taskDefinitions: [pastedTaskDefinition] }));
    const design = parsedDesign(text);
    expect(JSON.stringify(design.taskDefinitions[0])).toBe(JSON.stringify(pastedTaskDefinition));
  });

  it('keeps unknown fields and the key order everywhere, defaults last', () => {
    const doc = { layout: {}, ...sampleJson(), x_note: 'mine', seed: 3 } as Doc;
    doc.services[0] = { extra: { a: 1 }, ...doc.services[0], propagateTags: 'SERVICE' };
    delete doc.workloads;
    const design = parsedDesign(doc);
    expect(Object.keys(design)).toEqual([...Object.keys(doc), 'workloads']);
    expect(JSON.stringify(design.services[0])).toBe(JSON.stringify(doc.services[0]));
  });

  it('does not let __proto__ through', () => {
    const design = parsedDesign(
      JSON.stringify(sampleJson()).replace(
        '{"formatVersion"',
        '{"__proto__":{"polluted":1},"formatVersion"',
      ),
    ) as Doc;
    expect(design.polluted).toBeUndefined();
    expect(Object.getPrototypeOf(design)).toBe(Object.prototype);
  });
});
