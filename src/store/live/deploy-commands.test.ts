import { describe, expect, it } from 'vitest';
import { parseDesign, type ScriptAction } from '../../design';
import { sampleDocument } from '../design-storage';
import { summarizeService, updateService } from '../edits';
import {
  codeDeployCommands,
  deployCommands,
  deploymentConfigCommand,
  failTargetCommand,
  failZoneCommand,
  revisionCommand,
} from './commands';
import { shownDesign } from './shown-design';

const sample = () => {
  const parsed = parseDesign(sampleDocument());
  if (!parsed.ok) throw new Error(parsed.message);
  return parsed.design;
};

describe('a changed container on a running cluster is a deployment', () => {
  it('registers the next revision, then deploys the family to it', () => {
    const design = sample();
    const web = design.services[0]!;
    const changed = updateService(design, web.serviceName, { image: 'nginx:1.28' });
    const next = changed.taskDefinitions[0]!;
    const commands = deployCommands(web, next);
    expect(commands.map((c) => c.action)).toEqual(['RegisterTaskDefinition', 'UpdateService']);
    expect(commands[1]?.input).toMatchObject({ service: web.serviceName, taskDefinition: 'web' });

    // The canvas shows the new revision from the moment the commands apply.
    const journal: ScriptAction[] = commands.map((c) => ({ at: 30, ...c }) as ScriptAction);
    const before = shownDesign(design, journal, 29_000);
    const after = shownDesign(design, journal, 30_000);
    expect(summarizeService(before, before.services[0]!)).toMatchObject({ revision: 1 });
    expect(summarizeService(after, after.services[0]!)).toMatchObject({
      revision: 2,
      image: 'nginx:1.28',
    });
  });

  it('another revision or a new configuration is one UpdateService, and nothing when unchanged', () => {
    const web = sample().services[0]!;
    expect(revisionCommand(web, web.taskDefinition)).toEqual([]);
    expect(revisionCommand(web, 'web:1')[0]?.input).toMatchObject({ taskDefinition: 'web:1' });
    const same = deploymentConfigCommand(web, web.deploymentConfiguration ?? {});
    expect(same).toEqual([]);
    const breaker = deploymentConfigCommand(web, {
      deploymentCircuitBreaker: { enable: true, rollback: true },
    });
    expect(breaker[0]?.input).toMatchObject({
      deploymentConfiguration: { deploymentCircuitBreaker: { enable: true, rollback: true } },
    });
  });
});

describe('a CODE_DEPLOY service deploys through CodeDeploy', () => {
  it('registers the next revision, then CreateDeployment with an AppSpec naming it', () => {
    const design = sample();
    const web = {
      ...design.services[0]!,
      deploymentController: { type: 'CODE_DEPLOY' as const },
      loadBalancers: [{ targetGroupArn: 'blue', containerName: 'web', containerPort: 80 }],
    };
    const withGroup = {
      ...design,
      codeDeploy: {
        applications: [{ applicationName: 'shop' }],
        deploymentGroups: [
          {
            applicationName: 'shop',
            deploymentGroupName: 'web',
            ecsServices: [{ serviceName: 'web', clusterName: 'demo' }],
            loadBalancerInfo: {
              targetGroupPairInfoList: [
                {
                  targetGroups: [{ name: 'blue' }, { name: 'green' }],
                  prodTrafficRoute: { listenerArns: ['arn:listener'] },
                },
              ],
            },
          },
        ],
      },
    };
    const next = updateService(design, 'web', { image: 'nginx:1.28' }).taskDefinitions[0]!;
    const commands = codeDeployCommands(withGroup, web, next);
    expect(commands.map((c) => c.action)).toEqual(['RegisterTaskDefinition', 'CreateDeployment']);
    const input = commands[1]?.input as { revision: { appSpecContent: { content: string } } };
    const spec = JSON.parse(input.revision.appSpecContent.content);
    expect(spec.Resources[0].TargetService.Properties).toEqual({
      TaskDefinition: 'web:2',
      LoadBalancerInfo: { ContainerName: 'web', ContainerPort: 80 },
    });
  });

  it('faults are commands too', () => {
    expect(failZoneCommand('us-east-1a', 'demo')).toEqual([
      {
        action: 'FailAvailabilityZone',
        input: { cluster: 'demo', availabilityZone: 'us-east-1a' },
      },
    ]);
    expect(failTargetCommand('web')[0]?.input).toEqual({ targetGroupArn: 'web', count: 1 });
  });
});
