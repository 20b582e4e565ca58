import { describe, expect, it } from 'vitest';
import type { BerthNode } from '../canvas/flow-nodes';
import { selectionRows, totalsText } from './multi-selection';

const instance = (id: string, cpu: number, memory: number) =>
  ({
    id: `instance:${id}`,
    type: 'instance',
    position: { x: 0, y: 0 },
    data: {
      ec2InstanceId: id,
      cluster: 'demo',
      instanceType: 'm5.large',
      az: 'us-east-1a',
      registeredCpu: cpu,
      registeredMemoryMiB: memory,
    },
  }) as unknown as BerthNode;
const service = (name: string, desiredCount: number, schedulingStrategy = 'REPLICA') =>
  ({
    id: `service:${name}`,
    type: 'service',
    position: { x: 0, y: 0 },
    data: { summary: { serviceName: name, family: name, desiredCount, schedulingStrategy } },
  }) as unknown as BerthNode;
const lane = {
  id: 'lane:demo:us-east-1a',
  type: 'lane',
  position: { x: 0, y: 0 },
  data: {},
} as unknown as BerthNode;

describe('the several-selected inspector', () => {
  it('lists each node in the order selected and adds up what they register', () => {
    const { rows, totals } = selectionRows([
      service('web', 3),
      instance('i-1', 2048, 7618),
      lane,
      instance('i-2', 2048, 7618),
    ]);
    expect(rows.map((r) => `${r.kind} ${r.name}`)).toEqual(['Service web', 'EC2 i-1', 'EC2 i-2']);
    expect(rows[1]?.detail).toBe('m5.large · us-east-1a · 2,048 CPU units');
    expect(totalsText(totals)).toEqual([
      '2 instances: 4,096 CPU units, 15,236 MiB',
      '1 service: 3 tasks desired',
    ]);
  });

  it('counts a DAEMON service as a service with no desired count of its own', () => {
    const { rows, totals } = selectionRows([service('agent', 0, 'DAEMON'), service('web', 1)]);
    expect(rows[0]?.detail).toBe('agent · DAEMON');
    expect(totalsText(totals)).toEqual(['2 services: 1 task desired']);
  });
});
