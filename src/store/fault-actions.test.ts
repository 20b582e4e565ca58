import { describe, expect, it } from 'vitest';
import { parseDesign } from '../design';
import { sampleJson } from '../design/testing';
import { failingRevisionCommands } from './fault-actions';

describe('a bad revision deployed on purpose', () => {
  it('registers the next revision, makes it fail and deploys it', () => {
    const parsed = parseDesign(sampleJson());
    if (!parsed.ok) throw new Error(parsed.message);
    const service = parsed.design.services[0];
    if (!service) throw new Error('no service');
    const commands = failingRevisionCommands(parsed.design, service.serviceName, 'FAIL_TO_START');
    expect(commands.map((c) => c.action)).toEqual([
      'RegisterTaskDefinition',
      'FailRevision',
      'UpdateService',
    ]);
    const family = service.taskDefinition.split(':')[0];
    expect(commands[1]?.input).toEqual({
      taskDefinition: `${family}:2`,
      failure: { type: 'FAIL_TO_START' },
    });
    expect(commands[2]?.input).toMatchObject({ taskDefinition: `${family}:2` });
  });
});
