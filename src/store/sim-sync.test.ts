import { describe, expect, it } from 'vitest';
import { sampleDocument } from './design-storage';
import {
  addInstance,
  removeInstance,
  setCustomAttributes,
  setInstanceStatus,
  updateInstance,
  updateService,
} from './edits';
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

  const first = sample.containerInstances[0]?.ec2InstanceId ?? '';

  it('sends placement changes as UpdateService, an empty list to clear', () => {
    const constrained = updateService(sample, 'web', {
      placementConstraints: [{ type: 'memberOf', expression: 'attribute:tier == web' }],
      placementStrategy: [{ type: 'binpack', field: 'memory' }],
    });
    expect(simChange(sample, constrained)).toEqual({
      kind: 'commands',
      commands: [
        {
          action: 'UpdateService',
          input: {
            cluster: 'demo',
            service: 'web',
            placementConstraints: [{ type: 'memberOf', expression: 'attribute:tier == web' }],
            placementStrategy: [{ type: 'binpack', field: 'memory' }],
          },
        },
      ],
    });
    const cleared = updateService(constrained, 'web', { placementConstraints: [] });
    expect(simChange(constrained, cleared)).toEqual({
      kind: 'commands',
      commands: [
        {
          action: 'UpdateService',
          input: { cluster: 'demo', service: 'web', placementConstraints: [] },
        },
      ],
    });
  });

  it('drains and reactivates an instance with UpdateContainerInstancesState', () => {
    const drained = setInstanceStatus(sample, first, 'DRAINING');
    expect(drained.containerInstances[0]?.status).toBe('DRAINING');
    expect(simChange(sample, drained)).toEqual({
      kind: 'commands',
      commands: [
        {
          action: 'UpdateContainerInstancesState',
          input: { cluster: 'demo', containerInstances: [first], status: 'DRAINING' },
        },
      ],
    });
    const back = setInstanceStatus(drained, first, 'ACTIVE');
    expect(back.containerInstances[0]).toEqual(sample.containerInstances[0]);
    expect(simChange(drained, back)).toMatchObject({
      commands: [{ input: { status: 'ACTIVE' } }],
    });
  });

  it('puts new and changed custom attributes and deletes dropped ones, by EC2 id', () => {
    const tagged = setCustomAttributes(sample, first, [
      { name: 'tier', value: 'gpu' },
      { name: 'spot' },
    ]);
    expect(simChange(sample, tagged)).toEqual({
      kind: 'commands',
      commands: [
        {
          action: 'PutAttributes',
          input: {
            cluster: 'demo',
            attributes: [
              { name: 'tier', value: 'gpu', targetType: 'container-instance', targetId: first },
              { name: 'spot', targetType: 'container-instance', targetId: first },
            ],
          },
        },
      ],
    });
    const changed = setCustomAttributes(tagged, first, [{ name: 'tier', value: 'cpu' }]);
    expect(simChange(tagged, changed)).toMatchObject({
      commands: [
        { action: 'PutAttributes', input: { attributes: [{ name: 'tier', value: 'cpu' }] } },
        { action: 'DeleteAttributes', input: { attributes: [{ name: 'spot', targetId: first }] } },
      ],
    });
  });

  it('registers an instance added while running, and terminates one removed', () => {
    const { design: grown, ec2InstanceId } = addInstance(sample, 'c5.large', 'us-east-1b', {
      x: 0,
      y: 0,
    });
    expect(simChange(sample, grown)).toEqual({
      kind: 'commands',
      commands: [
        {
          action: 'RegisterContainerInstance',
          input: {
            cluster: 'demo',
            ec2InstanceId,
            instanceType: 'c5.large',
            availabilityZone: 'us-east-1b',
          },
        },
      ],
    });
    expect(simChange(grown, removeInstance(grown, ec2InstanceId))).toEqual({
      kind: 'commands',
      commands: [{ action: 'TerminateInstance', input: { ec2InstanceId } }],
    });
  });

  it('restarts when a built-in attribute changes', () => {
    const typed = {
      ...sample,
      containerInstances: sample.containerInstances.map((ci, i) =>
        i === 0 ? { ...ci, attributes: [{ name: 'ecs.os-type', value: 'windows' }] } : ci,
      ),
    };
    expect(simChange(sample, typed).kind).toBe('reload');
  });
});
