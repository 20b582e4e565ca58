import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  design,
  instance,
  minutes,
  seconds,
  service,
  taskDefinition,
} from '../../engine/testing/builders';
import { buildDesign, END_MS, resolve, scenarioArb } from '../../engine/testing/random-runs';
import { RunKeeper } from './run-keeper';

const KEYS = [
  'status:PENDING',
  'status:RUNNING',
  'status:STOPPED',
  'service:web:desired',
  'service:web:running',
  'service:web:pending',
];

function webDesign() {
  return design({
    containerInstances: [
      instance({ id: 'i-000000000000000a1', az: 'us-east-1a' }),
      instance({ id: 'i-000000000000000b1', az: 'us-east-1b' }),
    ],
    taskDefinitions: [taskDefinition('web')],
    services: [service('web', 3)],
  });
}

const scale = (desiredCount: number) =>
  ({
    action: 'UpdateService',
    input: { cluster: 'test', service: 'web', desiredCount },
  }) as const;

/** What a moment shows: the state and the log the page would draw. */
const moment = (k: RunKeeper) => JSON.stringify(k.snapshot());

describe('the run the worker keeps', () => {
  it('records every change: a run stepped in 10 s jumps and one played at once chart the same', () => {
    const stepped = new RunKeeper(webDesign(), 3, [], { everyMs: seconds(30) });
    for (let t = 10_000; t <= minutes(5); t += 10_000) {
      stepped.advance(t);
      if (t === 60_000) stepped.apply(scale(6));
    }
    const whole = new RunKeeper(webDesign(), 3, [], { everyMs: seconds(30) });
    whole.advance(60_000);
    whole.apply(scale(6));
    whole.advance(minutes(5));
    const a = stepped.window(0, minutes(5), 300, KEYS);
    const b = whole.window(0, minutes(5), 300, KEYS);
    expect(a).toEqual(b);
    expect(Math.max(...(a?.series['service:web:desired'] ?? []))).toBe(6);
    expect(a?.series['service:web:running']?.at(-1)).toBe(6);
  });

  it('a seek shows the moment exactly as a fresh run to it, and forgets nothing of the branch', () => {
    const keeper = new RunKeeper(webDesign(), 3, [], { everyMs: seconds(30) });
    keeper.advance(seconds(40));
    keeper.apply(scale(5));
    keeper.advance(minutes(4));
    const history = keeper.window(0, minutes(4), 500, KEYS);
    const events = keeper.eventsUntil(minutes(4), 1000).length;

    keeper.seek(seconds(95));
    const fresh = new RunKeeper(webDesign(), 3, keeper.spec().journal);
    fresh.advance(seconds(95));
    expect(moment(keeper)).toBe(moment(fresh));
    expect(keeper.endMs).toBe(minutes(4));

    // Playing on from the past replays the branch: recorded once, never doubled.
    keeper.advance(minutes(4));
    expect(keeper.window(0, minutes(4), 500, KEYS)).toEqual(history);
    expect(keeper.eventsUntil(minutes(4), 1000)).toHaveLength(events);
    keeper.seek(0);
    expect(keeper.nowMs).toBe(0);
    expect(keeper.window(0, minutes(4), 500, KEYS)).toEqual(history);
  });

  it('an edit in the past starts a branch; the old future stays and comes back as it was', () => {
    const keeper = new RunKeeper(webDesign(), 3, [], { everyMs: seconds(30) });
    keeper.advance(minutes(3));
    keeper.seek(minutes(1));
    const before = keeper.window(0, minutes(3), 200, KEYS);
    const { forked } = keeper.apply(scale(1));
    expect(forked).toBe(true);
    keeper.advance(minutes(2));
    const timeline = keeper.timeline();
    expect(timeline.branches.map((b) => [b.label, b.forkedAtMs, b.endMs])).toEqual([
      ['main', 0, minutes(3)],
      ['from 1:00', minutes(1), minutes(2)],
    ]);
    expect(keeper.spec().journal.map((e) => e.at)).toEqual([60]);
    // Same past up to the fork (its own ms already carries the edit), then the branch's own.
    const mine = keeper.window(0, minutes(1) - 1000, 59, KEYS);
    const theirs = keeper.window(0, minutes(1) - 1000, 59, KEYS, 1);
    expect(mine).toEqual(theirs);
    expect(keeper.window(0, minutes(2), 200, KEYS)?.series['service:web:running']?.at(-1)).toBe(1);

    keeper.switchBranch(1);
    expect(keeper.branchId).toBe(1);
    expect(keeper.nowMs).toBe(minutes(2));
    expect(keeper.window(0, minutes(3), 200, KEYS)).toEqual(before);
    const fresh = new RunKeeper(webDesign(), 3);
    fresh.advance(minutes(2));
    expect(moment(keeper)).toBe(moment(fresh));
  });

  it('reopens a run from its spec: the same moment, the same history, the same log', () => {
    const live = new RunKeeper(webDesign(), 9);
    live.advance(seconds(30));
    live.apply(scale(6));
    live.advance(minutes(2));
    live.apply({
      action: 'UpdateContainerInstancesState',
      input: { cluster: 'test', containerInstances: ['i-000000000000000a1'], status: 'DRAINING' },
    });
    live.advance(minutes(6));
    live.seek(minutes(3));
    const spec = JSON.parse(JSON.stringify(live.spec()));
    const reopened = RunKeeper.open(spec);
    expect(reopened.nowMs).toBe(minutes(3));
    expect(reopened.endMs).toBe(minutes(6));
    expect(moment(reopened)).toBe(moment(live));
    expect(reopened.window(0, minutes(6), 400, KEYS)).toEqual(
      live.window(0, minutes(6), 400, KEYS),
    );
    expect(reopened.timeline().marks).toEqual(live.timeline().marks);
  });

  it('keeps checkpoints within their budget by thinning them, and still seeks exactly', () => {
    const keeper = new RunKeeper(webDesign(), 3, [], {
      everyMs: seconds(10),
      budgetChars: 400_000,
      charsPerWork: Number.POSITIVE_INFINITY,
    });
    keeper.advance(minutes(30));
    const memory = keeper.memory();
    expect(memory.checkpointChars).toBeLessThanOrEqual(400_000);
    expect(memory.checkpointEveryMs).toBeGreaterThan(seconds(10));
    keeper.seek(minutes(17) + 500);
    const fresh = new RunKeeper(webDesign(), 3);
    fresh.advance(minutes(17) + 500);
    expect(moment(keeper)).toBe(moment(fresh));
  });

  it('passes over a due checkpoint while too little happened to be worth its size, and still seeks exactly', () => {
    const everyDue = new RunKeeper(webDesign(), 3, [], {
      everyMs: seconds(30),
      charsPerWork: Number.POSITIVE_INFINITY,
    });
    const byWork = new RunKeeper(webDesign(), 3, [], { everyMs: seconds(30) });
    for (const keeper of [everyDue, byWork]) {
      keeper.advance(minutes(1));
      keeper.apply(scale(6));
      keeper.advance(minutes(20));
    }
    // A quiet cluster of six tasks: a few datapoints a minute against a checkpoint's size.
    expect(everyDue.memory().checkpoints).toBe(41);
    expect(byWork.memory().checkpoints).toBeLessThan(10);
    expect(byWork.memory().checkpoints).toBeGreaterThan(1);
    byWork.seek(minutes(17) + 250);
    everyDue.seek(minutes(17) + 250);
    expect(moment(byWork)).toBe(moment(everyDue));
  });

  it('takes a checkpoint early after a burst of task changes, so the moments after it stay quick to reach', () => {
    const quiet = new RunKeeper(webDesign(), 3, [], { everyMs: minutes(60) });
    const busy = new RunKeeper(webDesign(), 3, [], {
      everyMs: minutes(60),
      changesPerCheckpoint: 5,
    });
    for (const keeper of [quiet, busy]) {
      for (let t = 5_000; t <= minutes(5); t += 5_000) {
        keeper.advance(t);
        if (t === 60_000) keeper.apply(scale(6));
      }
    }
    expect(quiet.memory().checkpoints).toBe(1);
    expect(busy.memory().checkpoints).toBeGreaterThan(1);
    busy.seek(minutes(2) + 250);
    const fresh = new RunKeeper(webDesign(), 3);
    fresh.advance(60_000);
    fresh.apply(scale(6));
    fresh.advance(minutes(2) + 250);
    expect(moment(busy)).toBe(moment(fresh));
  });

  it('for random runs, seeks and edits anywhere tell the same story as one uninterrupted run', () => {
    fc.assert(
      fc.property(scenarioArb, fc.array(fc.nat(END_MS), { maxLength: 4 }), (s, seeks) => {
        const d = buildDesign(s);
        const commands = [...s.commands].sort((a, b) => a.atMs - b.atMs);
        const keys = ['status:RUNNING', 'status:PENDING', 'status:STOPPED', 'service:svc0:running'];
        const play = (jumpAround: boolean) => {
          const k = new RunKeeper(d, s.seed, [], { everyMs: seconds(45) });
          const jumps = [...seeks];
          for (const { atMs, recipe } of commands) {
            k.advance(Math.max(atMs, k.nowMs));
            if (jumpAround && jumps.length > 0) {
              const back = Math.min(jumps.shift() ?? 0, k.endMs);
              const here = k.nowMs;
              k.seek(back);
              k.seek(here);
            }
            k.apply(resolve(k.simulation, s, recipe));
          }
          if (jumpAround) for (const at of jumps) k.seek(Math.min(at, k.endMs));
          k.advance(Math.max(END_MS, k.nowMs));
          return {
            window: k.window(0, END_MS, 120, keys),
            journal: k.spec().journal,
            state: moment(k),
            events: k.eventsUntil(END_MS, 10_000),
          };
        };
        const plain = play(false);
        const jumpy = play(true);
        expect(JSON.stringify(jumpy)).toBe(JSON.stringify(plain));
      }),
      { numRuns: 25 },
    );
  });
});
