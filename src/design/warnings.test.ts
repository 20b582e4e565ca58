import { describe, expect, it } from 'vitest';
import { parseDesign } from './parse';
import { sampleJson } from './testing';

// biome-ignore lint/suspicious/noExplicitAny: tests break the document on purpose
type Doc = any;

describe('parseDesign warns about script actions that will fail', () => {
  it.each([
    [
      'an unknown cluster',
      { action: 'UpdateService', input: { cluster: 'prod', service: 'web' } },
      'script[0].input.cluster: cluster "prod" is not in clusters',
    ],
    [
      'an unknown service',
      { action: 'UpdateService', input: { service: 'api' } },
      'script[0].input.service: service api is not in cluster demo',
    ],
    [
      'an unregistered revision',
      { action: 'UpdateService', input: { service: 'web', taskDefinition: 'web:9' } },
      'script[0].input.taskDefinition: web:9 is not registered in taskDefinitions',
    ],
    [
      'RunTask of an unknown family',
      { action: 'RunTask', input: { taskDefinition: 'api' } },
      'script[0].input.taskDefinition: api is not registered in taskDefinitions',
    ],
    [
      'an unknown instance',
      { action: 'TerminateInstance', input: { ec2InstanceId: 'i-9' } },
      'script[0].input.ec2InstanceId: i-9 is not in containerInstances',
    ],
  ])('%s', (_label, action, line) => {
    const doc = sampleJson() as Doc;
    doc.script = [{ at: 10, ...action }];
    const result = parseDesign(doc);
    if (!result.ok) throw new Error(result.message);
    expect(result.warnings.map((w) => `${w.path}: ${w.message}`)).toEqual([line]);
  });

  it('a RegisterTaskDefinition that ECS would refuse, and a revision it registers used after it', () => {
    const doc = sampleJson() as Doc;
    const td = structuredClone(doc.taskDefinitions[0]);
    doc.script = [
      { at: 10, action: 'UpdateService', input: { service: 'web', taskDefinition: 'web:2' } },
      { at: 20, action: 'RegisterTaskDefinition', input: td },
      { at: 30, action: 'UpdateService', input: { service: 'web', taskDefinition: 'web:2' } },
      {
        at: 40,
        action: 'RegisterTaskDefinition',
        input: {
          ...td,
          containerDefinitions: [{ ...td.containerDefinitions[0], essential: false }],
        },
      },
    ];
    const result = parseDesign(doc);
    if (!result.ok) throw new Error(result.message);
    expect(result.warnings.map((w) => `${w.path}: ${w.message}`)).toEqual([
      'script[0].input.taskDefinition: web:2 is not registered in taskDefinitions',
      'script[3].input.containerDefinitions: needs at least one essential container',
    ]);
  });

  it('a workload set to fail health checks it does not have', () => {
    const doc = sampleJson() as Doc;
    doc.workloads = [{ family: 'web', failure: { type: 'FAIL_HEALTH_CHECK' } }];
    const result = parseDesign(doc);
    if (!result.ok) throw new Error(result.message);
    expect(result.warnings.map((w) => w.path)).toEqual(['workloads[0].failure.type']);
    doc.taskDefinitions[0].containerDefinitions[0].healthCheck = { command: ['CMD', 'true'] };
    const checked = parseDesign(doc);
    expect(checked.ok && checked.warnings).toEqual([]);
  });

  it('accepts a service named by its ARN', () => {
    const doc = sampleJson() as Doc;
    const service = 'arn:aws:ecs:us-east-1:123456789012:service/demo/web';
    doc.script = [{ at: 10, action: 'UpdateService', input: { cluster: 'demo', service } }];
    const result = parseDesign(doc);
    expect(result.ok && result.warnings).toEqual([]);
  });
});

describe('parseDesign warns about top-level fields it does not know', () => {
  it.each([
    [
      'service',
      'service: is not a field of the design: kept, but not used (did you mean services?)',
    ],
    [
      'Workloads',
      'Workloads: is not a field of the design: kept, but not used (did you mean workloads?)',
    ],
    ['x_note', 'x_note: is not a field of the design: kept, but not used'],
  ])('%s', (field, line) => {
    const doc = { ...sampleJson(), [field]: [] };
    const result = parseDesign(doc);
    if (!result.ok) throw new Error(result.message);
    expect(result.warnings.map((w) => `${w.path}: ${w.message}`)).toEqual([line]);
    expect((result.design as Doc)[field]).toEqual([]);
  });
});
