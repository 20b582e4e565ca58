import { describe, expect, it } from 'vitest';
import { minutes } from '../testing/builders';
import { simulate } from '../testing/harness';
import { desiredOf, WEB_RESOURCE, webDesign } from './testing';

const key = {
  ServiceNamespace: 'ecs' as const,
  ResourceId: WEB_RESOURCE,
  ScalableDimension: 'ecs:service:DesiredCount' as const,
};

function scheduled(actions: Record<string, unknown>[], extra: Record<string, unknown> = {}) {
  return webDesign({
    desired: 2,
    extra: {
      scalableTargets: [{ ...key, MinCapacity: 1, MaxCapacity: 10 }],
      scheduledActions: actions.map((a, i) => ({ ...key, ScheduledActionName: `s${i}`, ...a })),
      ...extra,
    },
  });
}

function desiredByMinute(run: ReturnType<typeof simulate>, from: number, to: number): number[] {
  const out: number[] = [];
  for (let m = from; m <= to; m++) out.push(desiredOf(run.until(minutes(m))));
  return out;
}

describe('scheduled scaling (ecs-behavior §12.4)', () => {
  it('at(): a new minimum above the desired count scales out to it, at that minute', () => {
    const run = simulate(
      scheduled([
        { Schedule: 'at(2026-01-01T00:05:00)', ScalableTargetAction: { MinCapacity: 5 } },
      ]),
    );
    expect(desiredByMinute(run, 4, 6)).toEqual([2, 5, 5]);
  });

  it('cron(): a new maximum below the desired count scales in to it, on the matching minutes', () => {
    // 2026-01-01 is a Thursday (THU = 5).
    const run = simulate(
      scheduled([
        { Schedule: 'cron(10 0 ? * THU *)', ScalableTargetAction: { MaxCapacity: 1 } },
        {
          Schedule: 'cron(20 0 1 JAN ? 2026)',
          ScalableTargetAction: { MinCapacity: 3, MaxCapacity: 10 },
        },
      ]),
    );
    expect(desiredByMinute(run, 9, 11)).toEqual([2, 1, 1]);
    expect(desiredByMinute(run, 19, 21)).toEqual([1, 3, 3]);
  });

  it('rate(): every interval from when it was put', () => {
    const run = simulate(
      scheduled([{ Schedule: 'rate(10 minutes)', ScalableTargetAction: { MinCapacity: 4 } }]),
    );
    expect(desiredByMinute(run, 9, 10)).toEqual([2, 4]);
    run.apply({ action: 'UpdateService', input: { service: 'web', desiredCount: 2 } });
    // A desired count set below min stays until the next run of the schedule (§12.1).
    expect(desiredByMinute(run, 19, 20)).toEqual([2, 4]);
  });

  it('runs during a cooldown, and not while ScheduledScalingSuspended', () => {
    const suspended = simulate(
      scheduled(
        [{ Schedule: 'at(2026-01-01T00:05:00)', ScalableTargetAction: { MinCapacity: 5 } }],
        {
          scalableTargets: [
            {
              ...key,
              MinCapacity: 1,
              MaxCapacity: 10,
              SuspendedState: { ScheduledScalingSuspended: true },
            },
          ],
        },
      ),
    ).until(minutes(10));
    expect(desiredOf(suspended)).toBe(2);
  });

  it('PutScheduledAction and DeleteScheduledAction as script actions', () => {
    const run = simulate(webDesign({ desired: 2 }));
    run.until(minutes(1));
    run.apply({
      action: 'RegisterScalableTarget',
      input: { ...key, MinCapacity: 1, MaxCapacity: 10 },
    });
    run.apply({
      action: 'PutScheduledAction',
      input: {
        ...key,
        ScheduledActionName: 'later',
        Schedule: 'at(2026-01-01T00:05:00)',
        ScalableTargetAction: { MinCapacity: 6 },
      },
    });
    run.apply({
      action: 'PutScheduledAction',
      input: {
        ...key,
        ScheduledActionName: 'never',
        Schedule: 'at(2026-01-01T00:04:00)',
        ScalableTargetAction: { MinCapacity: 9 },
      },
    });
    run.apply({
      action: 'DeleteScheduledAction',
      input: { ...key, ScheduledActionName: 'never' },
    });
    expect(desiredByMinute(run, 4, 5)).toEqual([2, 6]);
    const gone = run.sim.apply({
      action: 'DeleteScheduledAction',
      input: { ...key, ScheduledActionName: 'never' },
    });
    expect(gone.error?.code).toBe('ObjectNotFoundException');
  });
});
