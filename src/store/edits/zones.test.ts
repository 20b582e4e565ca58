import { describe, expect, it } from 'vitest';
import type { DesignDocument } from '../../design';
import { emptyDesign } from './empty';
import { addInstance } from './instances';
import { zonesOf, zonesOfCluster } from './zones';

describe('zones per cluster', () => {
  it('gives each cluster the region default lanes plus the zones its own instances use', () => {
    let design: DesignDocument = {
      ...emptyDesign('eu-west-1'),
      clusters: [{ clusterName: 'prod' }, { clusterName: 'batch' }],
    };
    design = addInstance(design, 'm5.large', 'eu-west-1d', undefined, 'batch').design;
    expect(zonesOfCluster(design, 'prod')).toEqual(['eu-west-1a', 'eu-west-1b', 'eu-west-1c']);
    expect(zonesOfCluster(design, 'batch')).toEqual([
      'eu-west-1a',
      'eu-west-1b',
      'eu-west-1c',
      'eu-west-1d',
    ]);
    expect(zonesOf(design)).toHaveLength(4);
  });

  it('counts an instance that names no cluster, or its cluster by ARN, as the right one', () => {
    const design: DesignDocument = {
      ...emptyDesign(),
      clusters: [{ clusterName: 'first' }, { clusterName: 'second' }],
      containerInstances: [
        { ec2InstanceId: 'i-1', instanceType: 'm5.large', availabilityZone: 'us-east-1f' },
        {
          cluster: 'arn:aws:ecs:us-east-1:123456789012:cluster/second',
          ec2InstanceId: 'i-2',
          instanceType: 'm5.large',
          availabilityZone: 'us-east-1e',
        },
      ],
    };
    expect(zonesOfCluster(design, 'first')).toContain('us-east-1f');
    expect(zonesOfCluster(design, 'first')).not.toContain('us-east-1e');
    expect(zonesOfCluster(design, 'second')).toContain('us-east-1e');
  });
});
