import { describe, expect, it } from 'vitest';
import { chooseTaskToStop } from './scale-in';
import { arnOf, instance, request } from './testing/builders';
import { noRng, seededRng } from './testing/seeded-rng';
import type { CandidateInstance, PickRng, PlacementStrategy, TaskOnInstance } from './types';

const GROUP = 'service:web';

/** One task entry per live task of the group on each instance: 'a1#0', 'a1#1', ... */
function tasksOn(instances: readonly CandidateInstance[]): TaskOnInstance[] {
  return instances.flatMap((i) => {
    const id = i.containerInstanceArn.slice(i.containerInstanceArn.lastIndexOf('/') + 1);
    return Array.from({ length: i.taskGroupCounts[GROUP] ?? 0 }, (_, n) => ({
      taskArn: `${id}#${n}`,
      containerInstanceArn: i.containerInstanceArn,
    }));
  });
}

function stop(
  instances: CandidateInstance[],
  strategies: PlacementStrategy[] = [],
  rng: PickRng = seededRng(1),
) {
  return chooseTaskToStop(tasksOn(instances), instances, request({}, { strategies }), rng);
}

describe('chooseTaskToStop: strategies reversed (§4.2, §4.3)', () => {
  it('default service: the AZ with the most tasks of the service, then the instance with the most', () => {
    const instances = [
      instance({ id: 'a1', az: 'us-east-1a', tasks: { [GROUP]: 2 } }),
      instance({ id: 'a2', az: 'us-east-1a', tasks: { [GROUP]: 1 } }),
      instance({ id: 'b1', az: 'us-east-1b', tasks: { [GROUP]: 2 } }),
      instance({ id: 'c1', az: 'us-east-1c', tasks: { [GROUP]: 1, 'service:other': 5 } }),
    ];
    const choice = stop(instances);
    expect(choice.taskArn).toMatch(/^a1#/);
    expect(choice.trace.defaultStrategies).toBe(true);
    expect(choice.trace.strategies.map((s) => s.keptCount)).toEqual([3, 2]);
    expect(choice.trace.tieBreak.among).toBe(2);
  });

  it('repeated scale-in keeps the AZs balanced', () => {
    let instances = [
      instance({ id: 'a1', az: 'us-east-1a', tasks: { [GROUP]: 3 } }),
      instance({ id: 'b1', az: 'us-east-1b', tasks: { [GROUP]: 2 } }),
      instance({ id: 'c1', az: 'us-east-1c', tasks: { [GROUP]: 1 } }),
    ];
    const rng = seededRng(3);
    for (let n = 0; n < 3; n++) {
      const choice = chooseTaskToStop(tasksOn(instances), instances, request(), rng);
      const arn = tasksOn(instances).find(
        (t) => t.taskArn === choice.taskArn,
      )?.containerInstanceArn;
      instances = instances.map((i) =>
        i.containerInstanceArn === arn
          ? { ...i, taskGroupCounts: { [GROUP]: (i.taskGroupCounts[GROUP] ?? 0) - 1 } }
          : i,
      );
    }
    expect(instances.map((i) => i.taskGroupCounts[GROUP])).toEqual([1, 1, 1]);
  });

  it('binpack: the task whose instance would have the most of the resource left', () => {
    const instances = [
      instance({ id: 'tight', freeMemoryMiB: 256, tasks: { [GROUP]: 3 } }),
      instance({ id: 'roomy', freeMemoryMiB: 3000, tasks: { [GROUP]: 1 } }),
    ];
    const choice = stop(instances, [{ type: 'binpack', field: 'memory' }], noRng);
    expect(choice.taskArn).toBe('roomy#0');
    expect(choice.trace.strategies[0]?.ranked?.map((r) => r.score)).toEqual([768, 768, 768, 3512]);
  });

  it('spread(instanceId): the most loaded instance', () => {
    const instances = [
      instance({ id: 'one', tasks: { [GROUP]: 1 } }),
      instance({ id: 'three', tasks: { [GROUP]: 3 } }),
    ];
    expect(stop(instances, [{ type: 'spread', field: 'instanceId' }]).taskArn).toMatch(/^three#/);
  });

  it('spread over AZs: random within the most loaded AZ', () => {
    const instances = [
      instance({ id: 'a1', az: 'us-east-1a', tasks: { [GROUP]: 1 } }),
      instance({ id: 'a2', az: 'us-east-1a', tasks: { [GROUP]: 2 } }),
      instance({ id: 'b1', az: 'us-east-1b', tasks: { [GROUP]: 2 } }),
    ];
    const strategies: PlacementStrategy[] = [
      { type: 'spread', field: 'attribute:ecs.availability-zone' },
    ];
    const picks = new Set(
      Array.from({ length: 40 }, (_, seed) => stop(instances, strategies, seededRng(seed)).taskArn),
    );
    expect([...picks].sort()).toEqual(['a1#0', 'a2#0', 'a2#1']);
  });

  it('a task on an instance no longer known goes first', () => {
    const instances = [instance({ id: 'a1', tasks: { [GROUP]: 2 } })];
    const tasks = [...tasksOn(instances), { taskArn: 'lost', containerInstanceArn: arnOf('gone') }];
    const choice = chooseTaskToStop(tasks, instances, request(), noRng);
    expect(choice.taskArn).toBe('lost');
  });

  it('needs at least one task', () => {
    expect(() => chooseTaskToStop([], [], request(), noRng)).toThrow(RangeError);
  });
});
