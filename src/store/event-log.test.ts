import { describe, expect, it } from 'vitest';
import { prependEvents, shortenTaskList, splitTaskList, taskRefs } from './event-log';

const ids = (n: number) => Array.from({ length: n }, (_, i) => `${i}`.padStart(32, 'a'));
const stopped = (n: number) =>
  `(service web) has stopped ${n} running tasks: ${ids(n)
    .map((id) => `(task ${id})`)
    .join(' ')}.`;

describe('splitTaskList', () => {
  it.each([
    [
      'a scale-in, as ECS words it',
      stopped(3),
      { head: '(service web) has stopped 3 running tasks: ', taskIds: ids(3), tail: '.' },
    ],
    [
      'one task in the middle of a sentence',
      '(service web) (task abc) failed container health checks.',
      { head: '(service web) ', taskIds: ['abc'], tail: ' failed container health checks.' },
    ],
    [
      'only the first run of references',
      '(task a) (task b), then (task c)',
      { head: '', taskIds: ['a', 'b'], tail: ', then (task c)' },
    ],
    [
      'a space that no reference follows',
      '(task a) (task b) and more',
      { head: '', taskIds: ['a', 'b'], tail: ' and more' },
    ],
    [
      'a malformed reference before a good one',
      '(task ) (task b)',
      { head: '(task ) ', taskIds: ['b'], tail: '' },
    ],
  ])('splits %s', (_, message, parts) => {
    expect(splitTaskList(message)).toEqual(parts);
  });

  it('names no task in a message without references', () => {
    expect(splitTaskList('(service web) has reached a steady state.')).toBeNull();
  });

  it('gives the message back exactly when joined', () => {
    for (const message of [stopped(1), stopped(40), '(task a) (task b), then (task c)']) {
      const split = splitTaskList(message);
      expect(split && split.head + taskRefs(split.taskIds) + split.tail).toBe(message);
    }
  });
});

describe('shortenTaskList', () => {
  it('keeps the first five tasks and counts the rest', () => {
    const short = shortenTaskList(stopped(2000));
    expect(short?.more).toBe(1995);
    expect(short?.tail).toBe('.');
    expect(short?.text).toBe(
      `(service web) has stopped 2000 running tasks: ${taskRefs(ids(2000).slice(0, 5))}`,
    );
  });

  it('leaves a message of five tasks or fewer whole', () => {
    expect(shortenTaskList(stopped(5))).toBeNull();
    expect(shortenTaskList('(service web) has reached a steady state.')).toBeNull();
    expect(shortenTaskList(stopped(6))?.more).toBe(1);
  });
});

describe('prependEvents', () => {
  it('puts the newest first and keeps the cap', () => {
    const event = (id: string, createdAtMs: number) => ({
      id,
      serviceName: 'web',
      createdAtMs,
      message: id,
    });
    const log = prependEvents([event('a', 0)], [event('b', 5), event('c', 5)], 2);
    expect(log.map((e) => e.id)).toEqual(['c', 'b']);
  });
});
