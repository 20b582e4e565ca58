import { describe, expect, it } from 'vitest';
import { parseDesign, type ScriptAction } from '../../design';
import { sampleDocument } from '../design-storage';
import { summarizeService, updateService } from '../edits';
import { deployCommands, deploymentConfigCommand, revisionCommand } from './commands';
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
