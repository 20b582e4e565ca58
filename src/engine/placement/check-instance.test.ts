import { describe, expect, it } from 'vitest';
import { checkInstance } from './check-instance';
import { FULL_TRACE_MAX_INSTANCES } from './limits';
import { placeTask } from './place-task';
import { instance, request } from './testing/builders';
import { seededRng } from './testing/seeded-rng';

describe('checkInstance', () => {
  const daemon = request(
    { memoryMiB: 512 },
    {
      scheduler: 'daemon',
      constraints: [
        { type: 'memberOf', expression: 'attribute:ecs.os-type == linux' },
        { type: 'distinctInstance' },
      ],
    },
  );

  it('runs the whole pipeline on one instance', () => {
    expect(checkInstance(daemon, instance())).toBeUndefined();
    expect(checkInstance(daemon, instance({ freeMemoryMiB: 0 }))?.filter).toBe('memory');
  });

  it("'memberOf' checks whether a running task still belongs: its own resources and group do not count", () => {
    const running = instance({ freeMemoryMiB: 0, tasks: { 'service:web': 1 } });
    expect(checkInstance(daemon, running, 'memberOf')).toBeUndefined();
    const windows = instance({ attributes: { 'ecs.os-type': 'windows' } });
    expect(checkInstance(daemon, windows, 'memberOf')).toMatchObject({
      filter: 'memberOf',
      detail: 'memberOf(attribute:ecs.os-type == linux) false: ecs.os-type is windows',
    });
  });
});

describe('trace detail', () => {
  const cluster = (n: number) =>
    Array.from({ length: n }, (_, i) =>
      instance({ az: `us-east-1${'abc'[i % 3]}`, freeCpu: i % 10 === 0 ? 0 : 2048 }),
    );

  it(`lists every instance up to ${FULL_TRACE_MAX_INSTANCES} instances, counts only above`, () => {
    const small = placeTask(request(), cluster(FULL_TRACE_MAX_INSTANCES), seededRng(1)).trace;
    expect(small.rejected).toHaveLength(10);
    expect(small.strategies[0]?.ranked).toHaveLength(90);
    const big = placeTask(request(), cluster(FULL_TRACE_MAX_INSTANCES + 1), seededRng(1)).trace;
    expect(big.rejected).toBeUndefined();
    expect(big.strategies[0]?.ranked).toBeUndefined();
    expect(big.rejectedCounts).toEqual([
      { label: 'insufficient CPU', filter: 'cpu', reason: 'RESOURCE:CPU', count: 11 },
    ]);
  });

  it('keeps the per-AZ summary of a spread in every mode', () => {
    const trace = placeTask(request(), cluster(300), seededRng(1), { trace: 'counts' }).trace;
    expect(trace.strategies[0]).toEqual({
      strategy: 'spread(attribute:ecs.availability-zone)',
      best: 0,
      keptCount: 270,
      values: [
        { value: 'us-east-1a', score: 0 },
        { value: 'us-east-1b', score: 0 },
        { value: 'us-east-1c', score: 0 },
      ],
    });
    expect(JSON.stringify(trace).length).toBeLessThan(1000);
  });
});
