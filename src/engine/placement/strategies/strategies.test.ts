import { describe, expect, it } from 'vitest';
import { placeTask } from '../place-task';
import { arnOf, instance, request } from '../testing/builders';
import { countBy, placeSequence } from '../testing/place-sequence';
import { noRng, seededRng } from '../testing/seeded-rng';
import type { CandidateInstance } from '../types';

const AZ = 'ecs.availability-zone';
const threeAzs = (): CandidateInstance[] => [
  instance({ id: 'a1', az: 'us-east-1a' }),
  instance({ id: 'a2', az: 'us-east-1a' }),
  instance({ id: 'b1', az: 'us-east-1b' }),
  instance({ id: 'b2', az: 'us-east-1b' }),
  instance({ id: 'c1', az: 'us-east-1c' }),
  instance({ id: 'c2', az: 'us-east-1c' }),
];

describe('binpack (§4.2): the least remaining that still fits', () => {
  it.each([
    [
      'memory',
      { memoryMiB: 512 },
      [
        { freeMemoryMiB: 4096 },
        { freeMemoryMiB: 1024 },
        { freeMemoryMiB: 400 },
        { freeMemoryMiB: 2048 },
      ],
    ],
    [
      'cpu',
      { cpu: 256 },
      [{ freeCpu: 2048 }, { freeCpu: 512 }, { freeCpu: 128 }, { freeCpu: 1024 }],
    ],
  ] as const)('binpack(%s) picks the tightest fit', (field, taskSpec, specs) => {
    const instances = specs.map((s, i) => instance({ id: `i${i}`, ...s }));
    const decision = placeTask(
      request(taskSpec, { strategies: [{ type: 'binpack', field }] }),
      instances,
      noRng,
    );
    expect(decision.containerInstanceArn).toBe(arnOf('i1'));
    expect(decision.trace.strategies[0]).toMatchObject({
      strategy: `binpack(${field})`,
      best: expect.any(Number),
      keptCount: 1,
    });
  });

  it('ranks by what is left after the task', () => {
    const instances = [
      instance({ id: 'x', freeMemoryMiB: 4096 }),
      instance({ id: 'y', freeMemoryMiB: 1024 }),
    ];
    const decision = placeTask(
      request({ memoryMiB: 512 }, { strategies: [{ type: 'binpack', field: 'memory' }] }),
      instances,
      noRng,
    );
    expect(decision.trace.strategies[0]?.ranked).toEqual([
      { id: arnOf('x'), score: 3584 },
      { id: arnOf('y'), score: 512 },
    ]);
  });

  it('fills one instance before the next', () => {
    const req = request(
      { memoryMiB: 1024 },
      { strategies: [{ type: 'binpack', field: 'memory' }] },
    );
    const { instances } = placeSequence(
      req,
      [instance({ id: 'p' }), instance({ id: 'q', memoryMiB: 8192 })],
      noRng,
      4,
    );
    expect(instances.map((i) => i.taskGroupCounts['service:web'] ?? 0)).toEqual([4, 0]);
  });
});

describe('spread (§4.2): even over the distinct values of the field', () => {
  it('spread(attribute:ecs.availability-zone) puts two tasks in each of three AZs', () => {
    const req = request({}, { strategies: [{ type: 'spread', field: `attribute:${AZ}` }] });
    const { instances } = placeSequence(req, threeAzs(), seededRng(7), 6);
    expect(countBy(instances, AZ, 'service:web')).toEqual({
      'us-east-1a': 2,
      'us-east-1b': 2,
      'us-east-1c': 2,
    });
  });

  it.each(['instanceId', 'host'])('spread(%s) evens tasks over instances', (field) => {
    const req = request({}, { strategies: [{ type: 'spread', field }] });
    const { instances } = placeSequence(req, threeAzs(), seededRng(2), 12);
    expect(instances.map((i) => i.taskGroupCounts['service:web'])).toEqual([2, 2, 2, 2, 2, 2]);
  });

  it('counts only tasks of the group, over all instances including full ones', () => {
    const instances = [
      instance({ id: 'a-full', az: 'us-east-1a', freeMemoryMiB: 0, tasks: { 'service:web': 3 } }),
      instance({ id: 'a-free', az: 'us-east-1a' }),
      instance({ id: 'b-busy', az: 'us-east-1b', tasks: { 'service:other': 9, 'service:web': 1 } }),
    ];
    const decision = placeTask(
      request({}, { strategies: [{ type: 'spread', field: `attribute:${AZ}` }] }),
      instances,
      noRng,
    );
    expect(decision.containerInstanceArn).toBe(arnOf('b-busy'));
    expect(decision.trace.strategies[0]?.ranked).toEqual([
      { id: arnOf('a-free'), score: 3, value: 'us-east-1a' },
      { id: arnOf('b-busy'), score: 1, value: 'us-east-1b' },
    ]);
  });

  it('instances without the attribute share one value', () => {
    const bare = { ...instance({ id: 'bare' }), attributes: {} };
    const decision = placeTask(
      request({}, { strategies: [{ type: 'spread', field: 'attribute:rack' }] }),
      [bare, instance({ id: 'racked', attributes: { rack: 'r1' }, tasks: { 'service:web': 1 } })],
      noRng,
    );
    expect(decision.trace.strategies[0]?.ranked?.[0]).toEqual({
      id: arnOf('bare'),
      score: 0,
      value: '(none)',
    });
  });
});

describe('chains (§4.2): each strategy breaks the ties of the one before', () => {
  it('[spread AZ, binpack memory]: even over AZs, packed inside each AZ', () => {
    const instances = [
      instance({ id: 'a-big', az: 'us-east-1a', memoryMiB: 8192 }),
      instance({ id: 'a-small', az: 'us-east-1a', memoryMiB: 2048 }),
      instance({ id: 'b-big', az: 'us-east-1b', memoryMiB: 8192 }),
      instance({ id: 'b-small', az: 'us-east-1b', memoryMiB: 2048 }),
    ];
    const req = request(
      { memoryMiB: 1024 },
      {
        strategies: [
          { type: 'spread', field: `attribute:${AZ}` },
          { type: 'binpack', field: 'memory' },
        ],
      },
    );
    const { instances: after, steps } = placeSequence(req, instances, seededRng(5), 4);
    expect(after.map((i) => i.taskGroupCounts['service:web'] ?? 0)).toEqual([0, 2, 0, 2]);
    expect(steps[0]?.decision.trace.strategies.map((s) => s.strategy)).toEqual([
      'spread(attribute:ecs.availability-zone)',
      'binpack(memory)',
    ]);
  });

  it('[spread AZ, spread instanceId]: even over AZs, then over instances in each AZ', () => {
    const req = request(
      {},
      {
        strategies: [
          { type: 'spread', field: `attribute:${AZ}` },
          { type: 'spread', field: 'instanceId' },
        ],
      },
    );
    const { instances } = placeSequence(req, threeAzs(), seededRng(11), 6);
    expect(instances.map((i) => i.taskGroupCounts['service:web'])).toEqual([1, 1, 1, 1, 1, 1]);
  });

  it('a strategy never blocks: when nothing ties, the rest are not consulted', () => {
    const instances = [instance({ id: 'x', freeMemoryMiB: 600 }), instance({ id: 'y' })];
    const req = request(
      {},
      {
        strategies: [
          { type: 'binpack', field: 'memory' },
          { type: 'spread', field: 'instanceId' },
        ],
      },
    );
    const decision = placeTask(req, instances, noRng);
    expect(decision.containerInstanceArn).toBe(arnOf('x'));
    expect(decision.trace.strategies).toHaveLength(1);
  });

  it('random in a chain picks one candidate with the rng', () => {
    const rng = seededRng(4);
    const decision = placeTask(request({}, { strategies: [{ type: 'random' }] }), threeAzs(), rng);
    expect(rng.draws).toBe(1);
    expect(decision.trace.strategies[0]).toEqual({
      strategy: 'random',
      keptCount: 1,
      // The full trace names every candidate of the draw, so "Why here?" can mark them.
      ranked: threeAzs().map((i) => ({ id: i.containerInstanceArn, score: 0 })),
    });
  });

  it('random keeps counts only in a counts trace', () => {
    const decision = placeTask(
      request({}, { strategies: [{ type: 'random' }] }),
      threeAzs(),
      seededRng(4),
      { trace: 'counts' },
    );
    expect(decision.trace.strategies[0]).toEqual({ strategy: 'random', keptCount: 1 });
  });
});

describe('defaults (§4.3)', () => {
  it('a service spreads over AZs by tasks of the service, then picks the instance with the fewest', () => {
    const instances = [
      instance({ id: 'a1', az: 'us-east-1a', tasks: { 'service:web': 1 } }),
      instance({ id: 'a2', az: 'us-east-1a', tasks: { 'service:web': 1 } }),
      instance({ id: 'b1', az: 'us-east-1b', tasks: { 'service:web': 1 } }),
      instance({ id: 'b2', az: 'us-east-1b', tasks: { 'service:other': 5 } }),
    ];
    const decision = placeTask(request(), instances, noRng);
    expect(decision.containerInstanceArn).toBe(arnOf('b2'));
    expect(decision.trace.defaultStrategies).toBe(true);
    expect(decision.trace.strategies.map((s) => [s.strategy, s.keptCount])).toEqual([
      ['spread(attribute:ecs.availability-zone)', 2],
      ['spread(instanceId)', 1],
    ]);
  });

  it('a service with no strategy evens six tasks over three AZs and six instances', () => {
    const { instances } = placeSequence(request(), threeAzs(), seededRng(13), 6);
    expect(instances.map((i) => i.taskGroupCounts['service:web'])).toEqual([1, 1, 1, 1, 1, 1]);
  });

  it('RunTask with no strategy is random across the cluster', () => {
    const rng = seededRng(21);
    const decision = placeTask(
      request({ group: 'family:batch' }, { scheduler: 'runTask' }),
      threeAzs(),
      rng,
    );
    expect(decision.trace.strategies[0]?.strategy).toBe('random');
    expect(rng.draws).toBe(1);
    const picks = new Set(
      Array.from(
        { length: 60 },
        (_, seed) =>
          placeTask(request({}, { scheduler: 'runTask' }), threeAzs(), seededRng(seed))
            .containerInstanceArn,
      ),
    );
    expect(picks.size).toBe(6);
  });

  it('daemon placement ignores strategies', () => {
    const req = request(
      {},
      { scheduler: 'daemon', strategies: [{ type: 'binpack', field: 'memory' }] },
    );
    const decision = placeTask(req, [instance()], noRng);
    expect(decision.trace.strategies).toEqual([]);
  });
});

describe('ties', () => {
  it('the seeded rng settles what the strategies leave, and the trace says among how many', () => {
    const req = request({}, { strategies: [{ type: 'binpack', field: 'memory' }] });
    const decision = placeTask(req, threeAzs(), seededRng(8));
    expect(decision.trace.tieBreak?.among).toBe(6);
    expect(decision.trace.strategies[0]?.keptCount).toBe(6);
  });

  it('the same seed gives the same placements', () => {
    const run = (seed: number) =>
      placeSequence(
        request({}, { scheduler: 'runTask' }),
        threeAzs(),
        seededRng(seed),
        10,
      ).steps.map((s) => s.decision.containerInstanceArn);
    expect(run(99)).toEqual(run(99));
  });

  it("the 'counts' trace keeps counts and best scores but not per-instance entries", () => {
    const instances = [...threeAzs(), instance({ status: 'DRAINING' })];
    const decision = placeTask(request(), instances, seededRng(1), { trace: 'counts' });
    expect(decision.trace.rejected).toBeUndefined();
    expect(decision.trace.rejectedCounts).toEqual([
      { label: 'status DRAINING', filter: 'status', reason: 'MISSING', count: 1 },
    ]);
    expect(decision.trace.strategies.every((s) => s.ranked === undefined && s.keptCount > 0)).toBe(
      true,
    );
  });
});
