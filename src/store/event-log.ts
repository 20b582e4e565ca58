import type { ServiceEventView } from '../engine';

export const EVENT_LOG_CAP = 300;

/** Newest first, as the ECS console lists service events; bounded. */
export function prependEvents(
  log: readonly ServiceEventView[],
  incoming: readonly ServiceEventView[],
  cap = EVENT_LOG_CAP,
): readonly ServiceEventView[] {
  if (incoming.length === 0) return log;
  // Reverse first: within one millisecond, later in the frame means newer (sort is stable).
  const newest = [...incoming].reverse().sort((a, b) => b.createdAtMs - a.createdAtMs);
  return [...newest, ...log].slice(0, cap);
}

/** A service event message around the tasks it lists, as ECS writes them: `(task id) (task id) ...`. */
export interface TaskListMessage {
  /** The words before the list, e.g. `(service web) has stopped 1995 running tasks: `. */
  head: string;
  taskIds: readonly string[];
  /** What follows the list, e.g. `.` */
  tail: string;
}

const FIRST_REF = /\(task [^()\s]+\)/;
const NEXT_REF = /\(task ([^()\s]+)\)/y;

/**
 * The first run of `(task id)` references in a message, one space apart, split
 * out so a long one can be shown short; null when the message names no task.
 * head + taskRefs(taskIds) + tail is the message again, exactly.
 */
export function splitTaskList(message: string): TaskListMessage | null {
  const start = message.search(FIRST_REF);
  if (start < 0) return null;
  const taskIds: string[] = [];
  let end = start;
  let at = start;
  for (;;) {
    NEXT_REF.lastIndex = at;
    const match = NEXT_REF.exec(message);
    if (!match?.[1]) break;
    taskIds.push(match[1]);
    end = NEXT_REF.lastIndex;
    if (message[end] !== ' ') break;
    at = end + 1;
  }
  return { head: message.slice(0, start), taskIds, tail: message.slice(end) };
}

export function taskRefs(taskIds: readonly string[]): string {
  return taskIds.map((id) => `(task ${id})`).join(' ');
}

/** How many task references a long message shows before "+N more". */
export const TASKS_SHOWN = 5;

/** A message cut short: its first tasks, how many it leaves out, and its closing words. */
export interface ShortMessage {
  text: string;
  more: number;
  tail: string;
}

/** The message with only its first `shown` tasks; null when it lists no more than that. */
export function shortenTaskList(message: string, shown = TASKS_SHOWN): ShortMessage | null {
  const split = splitTaskList(message);
  if (!split || split.taskIds.length <= shown) return null;
  return {
    text: split.head + taskRefs(split.taskIds.slice(0, shown)),
    more: split.taskIds.length - shown,
    tail: split.tail,
  };
}

/** What a service event is about, for the log's filter. */
export type EventKind = 'tasks' | 'deployment' | 'health' | 'placement' | 'steady' | 'other';

export const EVENT_KINDS: readonly { kind: EventKind; label: string }[] = [
  { kind: 'tasks', label: 'Tasks started and stopped' },
  { kind: 'deployment', label: 'Deployments' },
  { kind: 'health', label: 'Health and failed starts' },
  { kind: 'placement', label: 'Placement' },
  { kind: 'steady', label: 'Steady state' },
  { kind: 'other', label: 'Other' },
];

/** By the words ECS uses for each kind of message (ecs-behavior §16). */
export function eventKind(message: string): EventKind {
  if (
    /deployment ecs-svc\/\S+ deployment completed|during a deployment|circuit breaker/.test(message)
  )
    return 'deployment';
  if (/unhealthy|health checks|unable to consistently start tasks/.test(message)) return 'health';
  if (/unable to place a task/.test(message)) return 'placement';
  if (/has (started|stopped) \d+ (running )?tasks|draining connections|targets in/.test(message))
    return 'tasks';
  if (/has reached a steady state/.test(message)) return 'steady';
  return 'other';
}

export interface EventFilter {
  service?: string;
  kind?: EventKind;
}

export function filterEvents(
  events: readonly ServiceEventView[],
  filter: EventFilter,
): readonly ServiceEventView[] {
  if (filter.service === undefined && filter.kind === undefined) return events;
  return events.filter(
    (e) =>
      (filter.service === undefined || e.serviceName === filter.service) &&
      (filter.kind === undefined || eventKind(e.message) === filter.kind),
  );
}
