import { describe, expect, it } from 'vitest';
import { sampleDocument } from './design-storage';
import { updateInstance, updateService } from './edits';
import { simChange } from './sim-sync';

describe('simChange', () => {
  const sample = sampleDocument();

  it('leaves the run alone for canvas-only changes', () => {
    expect(simChange(sample, { ...sample, layout: { 'service:web': { x: 1, y: 1 } } })).toEqual({
      kind: 'none',
    });
    expect(simChange(sample, { ...sample, name: 'Renamed' })).toEqual({ kind: 'none' });
  });

  it('turns a desired count change into UpdateService', () => {
    expect(simChange(sample, updateService(sample, 'web', { desiredCount: 5 }))).toEqual({
      kind: 'commands',
      commands: [
        { action: 'UpdateService', input: { cluster: 'demo', service: 'web', desiredCount: 5 } },
      ],
    });
  });

  it('restarts for anything structural', () => {
    expect(simChange(sample, updateService(sample, 'web', { image: 'nginx:2' })).kind).toBe(
      'reload',
    );
    const id = sample.containerInstances[0]?.ec2InstanceId ?? '';
    expect(simChange(sample, updateInstance(sample, id, { instanceType: 'c5.large' })).kind).toBe(
      'reload',
    );
  });
});
