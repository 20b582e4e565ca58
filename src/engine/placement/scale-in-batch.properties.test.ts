import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { chooseTasksToStop, stopOneByOne } from './scale-in-batch';
import { arnOf, instance, request } from './testing/builders';
import { seededRng } from './testing/seeded-rng';
import type { PlacementStrategy, Scheduler, TaskOnInstance } from './types';

// The indexed scale-in must stop the same tasks in the same order, with the same
// draws, as one chooseTaskToStop per task: for any cluster, order and strategies.

const GROUP = 'service:web';

const strategy = fc.constantFrom<PlacementStrategy>(
  { type: 'spread', field: 'attribute:ecs.availability-zone' },
  { type: 'spread', field: 'instanceId' },
  { type: 'spread', field: 'host' },
  { type: 'spread', field: 'attribute:ecs.instance-type' },
  { type: 'spread', field: 'attribute:rack' },
  { type: 'spread', field: 'nonsense' },
  { type: 'binpack', field: 'memory' },
  { type: 'binpack', field: 'cpu' },
  { type: 'random' },
);

const scenario = fc
  .record({
    instances: fc.array(
      fc.record({
        az: fc.constantFrom('us-east-1a', 'us-east-1b', 'us-east-1c'),
        type: fc.constantFrom('m5.large', 'c5.large'),
        freeMemoryMiB: fc.constantFrom(0, 512, 1024, 3000),
        freeCpu: fc.constantFrom(0, 256, 1024),
        rack: fc.option(fc.constantFrom('r1', 'r2'), { nil: undefined }),
        tasks: fc.nat(6),
        /** Tasks of the group counted but not offered (STOPPING ones). */
        extra: fc.nat(2),
      }),
      { minLength: 1, maxLength: 8 },
    ),
    orphans: fc.nat(2),
    strategies: fc.array(strategy, { maxLength: 3 }),
    scheduler: fc.constantFrom<Scheduler>('service', 'service', 'daemon', 'runTask'),
    order: fc.array(fc.nat(), { maxLength: 60 }),
    stops: fc.nat(40),
    seed: fc.nat(),
  })
  .map((s) => {
    const instances = s.instances.map((x, i) =>
      instance({
        id: `c${i}`,
        az: x.az,
        type: x.type,
        freeMemoryMiB: x.freeMemoryMiB,
        freeCpu: x.freeCpu,
        tasks: { [GROUP]: x.tasks + x.extra },
        ...(x.rack === undefined ? {} : { attributes: { rack: x.rack } }),
      }),
    );
    const tasks: TaskOnInstance[] = s.instances.flatMap((x, i) =>
      Array.from({ length: x.tasks }, (_, n) => ({
        taskArn: `c${i}#${n}`,
        containerInstanceArn: instances[i]!.containerInstanceArn,
      })),
    );
    for (let n = 0; n < s.orphans; n++)
      tasks.push({ taskArn: `gone#${n}`, containerInstanceArn: arnOf('gone') });
    // A shuffled live order: what the service's task set holds is not grouped by instance.
    s.order.forEach((j, k) => {
      const a = k % Math.max(1, tasks.length);
      const b = j % Math.max(1, tasks.length);
      [tasks[a], tasks[b]] = [tasks[b]!, tasks[a]!];
    });
    return { ...s, instances, tasks: tasks.filter((t) => t !== undefined) };
  });

describe('chooseTasksToStop', () => {
  it('stops what one chooseTaskToStop per task stops, with the same draws', () => {
    fc.assert(
      fc.property(scenario, (s) => {
        const req = request({}, { strategies: s.strategies, scheduler: s.scheduler });
        const fastRng = seededRng(s.seed);
        const slowRng = seededRng(s.seed);
        const fast = chooseTasksToStop(s.tasks, s.instances, req, s.stops, fastRng);
        const slow = stopOneByOne(s.tasks, s.instances, req, s.stops, slowRng);
        expect(fast).toEqual(slow);
        expect(fastRng.draws).toBe(slowRng.draws);
        expect(fast).toHaveLength(Math.min(s.stops, s.tasks.length));
      }),
      { numRuns: 500 },
    );
  });

  it('leaves the instances it was given untouched', () => {
    const instances = [instance({ id: 'a', tasks: { [GROUP]: 2 } })];
    const tasks = [0, 1].map((n) => ({
      taskArn: `a#${n}`,
      containerInstanceArn: instances[0]!.containerInstanceArn,
    }));
    chooseTasksToStop(tasks, instances, request(), 2, seededRng(1));
    expect(instances[0]?.taskGroupCounts[GROUP]).toBe(2);
  });
});
