import { describe, expect, it } from 'vitest';
import { parseDesign } from '../../design';
import { sampleDocument } from '../design-storage';
import { emptyDesign } from './empty';
import { addInstance, removeInstance, updateInstance } from './instances';

describe('instance edits', () => {
  it('adds an instance the design gate accepts, with its position in layout', () => {
    const { design, ec2InstanceId } = addInstance(emptyDesign(), 'c5.large', 'us-east-1b', {
      x: 10,
      y: 20,
    });
    expect(parseDesign(design).ok).toBe(true);
    expect(design.containerInstances).toEqual([
      {
        cluster: 'default',
        ec2InstanceId,
        instanceType: 'c5.large',
        availabilityZone: 'us-east-1b',
      },
    ]);
    expect(design.layout[`instance:${ec2InstanceId}`]).toEqual({ x: 10, y: 20 });
  });

  it('changes type and zone in both spellings an imported instance may use', () => {
    const base = emptyDesign();
    const imported = {
      ...base,
      containerInstances: [
        {
          ec2InstanceId: 'i-0abc',
          attributes: [
            { name: 'ecs.instance-type', value: 'm5.large' },
            { name: 'ecs.availability-zone', value: 'us-east-1a' },
          ],
          registeredResources: [
            { name: 'CPU', type: 'INTEGER', integerValue: 2048 },
            { name: 'PORTS', type: 'STRINGSET', stringSetValue: ['22'] },
          ],
        },
      ],
    };
    const next = updateInstance(imported, 'i-0abc', {
      instanceType: 'c5.xlarge',
      availabilityZone: 'us-east-1c',
    });
    const ci = next.containerInstances[0];
    expect(ci?.instanceType).toBe('c5.xlarge');
    expect(ci?.availabilityZone).toBe('us-east-1c');
    expect(ci?.attributes?.map((a) => a.value)).toEqual(['c5.xlarge', 'us-east-1c']);
    // The old type's CPU no longer applies; other resources stay.
    expect(ci?.registeredResources?.map((r) => r.name)).toEqual(['PORTS']);
    expect(parseDesign(next).ok).toBe(true);
  });

  it('removes an instance and its position', () => {
    const sample = sampleDocument();
    const id = sample.containerInstances[0]?.ec2InstanceId ?? '';
    const moved = { ...sample, layout: { [`instance:${id}`]: { x: 1, y: 2 } } };
    const next = removeInstance(moved, id);
    expect(next.containerInstances.map((ci) => ci.ec2InstanceId)).not.toContain(id);
    expect(next.layout).toEqual({});
  });
});
