import type { EcsEvent, ServiceEventView } from '../../engine';
import type { MarkKind, TimelineMark } from './types';

/** A mark of the same kind and service within this span adds nothing to the timeline. */
const QUIET_MS = 60_000;
export const MAX_MARKS = 2_000;

function serviceMark(e: ServiceEventView): MarkKind | undefined {
  if (e.message.includes('was unable to place')) return 'placement-failure';
  if (e.message.includes('has reached a steady state')) return 'steady-state';
  return undefined;
}

/** The notable events of a frame as marks, quieter than the log: one per kind and subject a minute. */
export function marksOf(
  events: readonly EcsEvent[],
  recorded: readonly ServiceEventView[],
  marks: TimelineMark[],
  /** The design's startTime in epoch ms: EventBridge events carry wall-clock times. */
  startMs: number,
  /** Instance events before this virtual ms were seen on an earlier pass. */
  fromMs: number,
): void {
  const last = new Map<string, number>();
  for (let i = marks.length - 1; i >= 0 && i >= marks.length - 50; i--) {
    const m = marks[i];
    if (m && !last.has(`${m.kind} ${m.text}`)) last.set(`${m.kind} ${m.text}`, m.atMs);
  }
  const push = (atMs: number, kind: MarkKind, text: string) => {
    const key = `${kind} ${text}`;
    const before = last.get(key);
    if (before !== undefined && atMs - before < QUIET_MS) return;
    if (marks.length >= MAX_MARKS) return;
    last.set(key, atMs);
    marks.push({ atMs, kind, text });
  };
  for (const e of recorded) {
    const kind = serviceMark(e);
    if (kind) push(e.createdAtMs, kind, e.serviceName);
  }
  for (const e of events) {
    if (e['detail-type'] !== 'ECS Container Instance State Change') continue;
    if (e.detail.status !== 'INACTIVE') continue;
    const atMs = Date.parse(e.time) - startMs;
    if (atMs < fromMs) continue;
    const id = typeof e.detail.ec2InstanceId === 'string' ? e.detail.ec2InstanceId : '';
    push(atMs, 'instance-terminated', id);
  }
}
