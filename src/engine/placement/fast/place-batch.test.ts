import { describe, expect, it } from 'vitest';
import { instance, request, tcp } from '../testing/builders';
import { noRng, seededRng } from '../testing/seeded-rng';
import type { CandidateInstance, PlacementRequest } from '../types';
import { explainBatchTask } from './explain';
import { placeBatch } from './place-batch';
import { scanBatch } from './scan-batch';
import type { BatchResult } from './types';

const arnsOf = (r: { chosen: Int32Array; instances: readonly CandidateInstance[] }) =>
  [...r.chosen].map((i) => (i < 0 ? '-' : r.instances[i]!.ec2InstanceId));

const withoutPath = ({ path: _, ...rest }: BatchResult) => rest;

const spreadBinpack = (more: Parameters<typeof request>[1] = {}): PlacementRequest =>
  request(
    { cpu: 256, memoryMiB: 1024 },
    {
      strategies: [
        { type: 'spread', field: 'attribute:ecs.availability-zone' },
        { type: 'binpack', field: 'memory' },
      ],
      ...more,
    },
  );

describe('placeBatch, worked cases', () => {
  it('fills the fullest instance of the emptiest AZ, no draw when one candidate is best', () => {
    const instances = [
      instance({ id: 'a-big', az: 'us-east-1a', memoryMiB: 8192 }),
      instance({ id: 'a-small', az: 'us-east-1a', memoryMiB: 2048 }),
      instance({ id: 'b', az: 'us-east-1b', memoryMiB: 4096, tasks: { 'service:web': 1 } }),
    ];
    const result = placeBatch(spreadBinpack(), instances, 3, noRng);
    expect(arnsOf(result)).toEqual(['i-a-small', 'i-a-small', 'i-b']);
    expect([...result.tieAmong]).toEqual([1, 1, 1]);
  });

  it('draws among ties across AZs in input order, as the scan does', () => {
    const instances = ['us-east-1c', 'us-east-1a', 'us-east-1b'].map((az, n) =>
      instance({ id: `x${n}`, az }),
    );
    const rng = seededRng(7);
    const result = placeBatch(spreadBinpack(), instances, 6, rng);
    expect(withoutPath(result)).toEqual(
      withoutPath(scanBatch(spreadBinpack(), instances, 6, seededRng(7))),
    );
    expect(result.tieAmong[0]).toBe(3);
    expect(rng.draws).toBeGreaterThan(0);
  });

  it('fails every task after the last that fits, with the scan failure', () => {
    const instances = [instance({ id: 'only', memoryMiB: 2048 })];
    const result = placeBatch(spreadBinpack(), instances, 4, noRng);
    expect(result.placedCount).toBe(2);
    expect([...result.chosen]).toEqual([0, 0, -1, -1]);
    expect(result.failed?.failure?.reason).toBe('RESOURCE:MEMORY');
    expect(result.instances[0]!.remainingMemoryMiB).toBe(0);
  });

  it('records a random strategy draw as the scan trace does: tie-break 1 of 1', () => {
    const instances = [instance({ id: 'r1' }), instance({ id: 'r2' })];
    const req = request({}, { strategies: [{ type: 'random' }] });
    const result = placeBatch(req, instances, 2, seededRng(3));
    expect([...result.tieAmong]).toEqual([1, 1]);
    expect(withoutPath(result)).toEqual(withoutPath(scanBatch(req, instances, 2, seededRng(3))));
  });

  it('hands out host ports per task and stops at the port a task needs twice', () => {
    const instances = [instance({ id: 'p1' }), instance({ id: 'p2' })];
    const req = request({ ports: [tcp(80, 80), tcp(3000)] }, { strategies: [] });
    const result = placeBatch(req, instances, 3, seededRng(1));
    expect(result.placedCount).toBe(2);
    expect(result.hostPorts?.[0]?.map((p) => p.hostPort)).toEqual([80, 32768]);
    expect(result.failed?.failure?.reason).toBe('RESOURCE:PORTS');
  });

  it('falls back to the scan for input the index would read differently', () => {
    const twin = instance({ id: 'twin' });
    const nan = instance({ id: 'nan', freeMemoryMiB: Number.NaN });
    for (const instances of [[twin, { ...twin }], [nan]]) {
      const result = placeBatch(spreadBinpack(), instances, 2, seededRng(5));
      expect(result.path).toBe('scan');
      expect(result).toEqual(scanBatch(spreadBinpack(), instances, 2, seededRng(5)));
    }
  });

  it('explains task k with the full trace placeTask kept', () => {
    const instances = ['us-east-1a', 'us-east-1b'].map((az, n) => instance({ id: `e${n}`, az }));
    const decision = explainBatchTask(spreadBinpack(), instances, () => seededRng(9), 2);
    expect(decision.trace.strategies.map((s) => s.strategy)).toEqual([
      'spread(attribute:ecs.availability-zone)',
      'binpack(memory)',
    ]);
    expect(decision.trace.strategies[0]?.ranked).toHaveLength(2);
    const result = placeBatch(spreadBinpack(), instances, 3, seededRng(9));
    expect(decision.containerInstanceArn).toBe(
      result.instances[result.chosen[2]!]!.containerInstanceArn,
    );
  });
});
