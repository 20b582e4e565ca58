import { describe, expect, it } from 'vitest';
import { eventKind, filterEvents } from './event-log';

describe('what a service event is about (the log filter)', () => {
  it.each([
    ['(service web) has started 3 tasks: (task a) (task b) (task c).', 'tasks'],
    ['(service web) has stopped 1 running tasks: (task a).', 'tasks'],
    ['(service web) deployment ecs-svc/1234567890123456789 deployment completed.', 'deployment'],
    [
      'service web was unable to stop or start tasks during a deployment because of the service deployment configuration. Update the minimumHealthyPercent or maximumPercent value and try again.',
      'deployment',
    ],
    ['(service web) (task abc) failed container health checks.', 'health'],
    ['service web is unable to consistently start tasks successfully.', 'health'],
    [
      'service web was unable to place a task because no container instance met all of its requirements.',
      'placement',
    ],
    ['service web has reached a steady state.', 'steady'],
  ])('%s', (message, kind) => {
    expect(eventKind(message)).toBe(kind);
  });

  it('filters by service and kind together', () => {
    const events = [
      {
        id: '1',
        serviceName: 'web',
        createdAtMs: 0,
        message: 'service web has reached a steady state.',
      },
      {
        id: '2',
        serviceName: 'api',
        createdAtMs: 0,
        message: 'service api has reached a steady state.',
      },
      {
        id: '3',
        serviceName: 'web',
        createdAtMs: 0,
        message: '(service web) has started 1 tasks: (task a).',
      },
    ];
    expect(filterEvents(events, {}).map((e) => e.id)).toEqual(['1', '2', '3']);
    expect(filterEvents(events, { service: 'web' }).map((e) => e.id)).toEqual(['1', '3']);
    expect(filterEvents(events, { service: 'web', kind: 'steady' }).map((e) => e.id)).toEqual([
      '1',
    ]);
  });
});
