import { describe, expect, it } from 'vitest';
import type { RegisterTaskDefinitionInput } from './aws-shapes';
import { launchTypeRefusal, requestedLaunchType } from './launch-types';
import { designInput, parsedDesign, refusal, taskDefinition } from './testing';

const FARGATE_ONLY: Partial<RegisterTaskDefinitionInput> = {
  requiresCompatibilities: ['FARGATE'],
  networkMode: 'awsvpc',
  cpu: '256',
  memory: '512',
};

function withService(td: Partial<RegisterTaskDefinitionInput>, service: Record<string, unknown>) {
  return designInput({
    clusters: [{ clusterName: 'demo', capacityProviders: ['FARGATE', 'FARGATE_SPOT'] }],
    taskDefinitions: [taskDefinition('web', td)],
    services: [{ serviceName: 'web', taskDefinition: 'web', desiredCount: 1, ...service }],
  });
}

describe('CreateService: the launch type must be one the task definition supports', () => {
  it.each<[string, Partial<RegisterTaskDefinitionInput>, Record<string, unknown>, string]>([
    [
      'FARGATE-only, no launchType (EC2 by default)',
      FARGATE_ONLY,
      {},
      'services[0].launchType: task definition web:1 does not support launch type EC2 (the default without launchType; requiresCompatibilities is ["FARGATE"])',
    ],
    [
      'FARGATE-only, launchType EC2',
      FARGATE_ONLY,
      { launchType: 'EC2' },
      'services[0].launchType: task definition web:1 does not support launch type EC2 (requiresCompatibilities is ["FARGATE"])',
    ],
    [
      'EC2-only, launchType FARGATE',
      { requiresCompatibilities: ['EC2'] },
      { launchType: 'FARGATE' },
      'services[0].launchType: task definition web:1 does not support launch type FARGATE (requiresCompatibilities is ["EC2"])',
    ],
    [
      'no requiresCompatibilities, launchType FARGATE',
      {},
      { launchType: 'FARGATE' },
      'services[0].launchType: task definition web:1 does not support launch type FARGATE (requiresCompatibilities is [])',
    ],
    [
      'a FARGATE daemon',
      FARGATE_ONLY,
      { launchType: 'FARGATE', schedulingStrategy: 'DAEMON', desiredCount: undefined },
      'services[0].launchType: FARGATE is not supported with the DAEMON scheduling strategy',
    ],
  ])('%s is refused', (_label, td, service, line) => {
    expect(refusal(withService(td, service))).toContain(line);
  });

  it("a FARGATE-only definition without launchType runs where the cluster's default strategy is Fargate", () => {
    const design = withService(FARGATE_ONLY, {});
    design.clusters = [
      {
        clusterName: 'demo',
        capacityProviders: ['FARGATE', 'FARGATE_SPOT'],
        defaultCapacityProviderStrategy: [{ capacityProvider: 'FARGATE', weight: 1 }],
      },
    ];
    expect(parsedDesign(design).services).toHaveLength(1);
  });

  it.each<[string, Partial<RegisterTaskDefinitionInput>, Record<string, unknown>]>([
    ['no requiresCompatibilities, no launchType', {}, {}],
    ['no requiresCompatibilities, EXTERNAL', {}, { launchType: 'EXTERNAL' }],
    ['FARGATE-only on FARGATE', FARGATE_ONLY, { launchType: 'FARGATE' }],
    [
      'EC2 and FARGATE on EC2',
      { ...FARGATE_ONLY, requiresCompatibilities: ['EC2', 'FARGATE'] },
      {},
    ],
    [
      'FARGATE-only through a Fargate capacity provider',
      FARGATE_ONLY,
      { capacityProviderStrategy: [{ capacityProvider: 'FARGATE', weight: 1 }] },
    ],
  ])('%s is accepted', (_label, td, service) => {
    expect(parsedDesign(withService(td, service)).services).toHaveLength(1);
  });

  it("answers in ECS's words", () => {
    expect(launchTypeRefusal(taskDefinition('web', FARGATE_ONLY), 'EC2')).toBe(
      'Task definition does not support launch_type EC2.',
    );
    expect(launchTypeRefusal(taskDefinition('web'), 'EC2')).toBeUndefined();
    expect(requestedLaunchType({})).toBe('EC2');
  });

  it("with neither launchType nor strategy, the cluster's default strategy decides (§4.7)", () => {
    const fargate = [{ capacityProvider: 'FARGATE_SPOT', weight: 1 }];
    expect(requestedLaunchType({}, fargate)).toBe('FARGATE');
    expect(requestedLaunchType({ launchType: 'EC2' }, fargate)).toBe('EC2');
    expect(requestedLaunchType({}, [{ capacityProvider: 'asg', weight: 1 }])).toBe('EC2');
  });
});
