import { create } from 'zustand';
import type { PlacementExplanation } from '../engine';
import { type ExplainTarget, type PlacementMarks, placementMarks } from './explain-marks';
import { useRunStore } from './run';
import { select, useSessionStore } from './session';
import { fetchExplanation } from './sim-control';

export type ExplainStatus = 'loading' | 'ready' | 'error';

/**
 * The open "Why here?" / "Why not placed?" panel. "Why not placed?" stays
 * pinned until closed, so the canvas keeps its marks while a person selects
 * and fixes an instance; "Why here?" belongs to its task and closes as soon as
 * the selection moves off it (a dimmed canvas with nothing selected to explain
 * it reads as a bug).
 */
export interface ExplainState {
  target: ExplainTarget | null;
  /** null once answered means: the task is unknown, or the service no longer waits. */
  explanation: PlacementExplanation | null;
  status: ExplainStatus;
  error: string | null;
  /** Per EC2 instance id; the canvas nodes each read their own. */
  marks: PlacementMarks;
}

const NO_MARKS: PlacementMarks = {};

export const useExplainStore = create<ExplainState>()(() => ({
  target: null,
  explanation: null,
  status: 'ready',
  error: null,
  marks: NO_MARKS,
}));

const set = useExplainStore.setState;
/** Answers can arrive out of order; only the latest request's answer is kept. */
let request = 0;
/** The last answer as text: an unchanged answer keeps its objects, so nodes skip a render. */
let lastAnswer = '';

async function refresh(): Promise<void> {
  const { target } = useExplainStore.getState();
  if (!target) return;
  const mine = ++request;
  try {
    const explanation = await fetchExplanation(target);
    if (mine !== request) return;
    const answer = JSON.stringify(explanation);
    if (answer === lastAnswer && useExplainStore.getState().status === 'ready') return;
    lastAnswer = answer;
    const marks = placementMarks(explanation);
    set({
      explanation,
      status: 'ready',
      error: null,
      marks: Object.keys(marks).length > 0 ? marks : NO_MARKS,
    });
  } catch (error) {
    if (mine !== request) return;
    set({ status: 'error', error: error instanceof Error ? error.message : String(error) });
  }
}

function open(target: ExplainTarget): void {
  request++;
  lastAnswer = '';
  set({ target, explanation: null, status: 'loading', error: null, marks: NO_MARKS });
  void refresh();
}

/** Select a task and explain why it is where it is. */
export function explainTask(arn: string): void {
  select({ kind: 'task', arn });
  open({ kind: 'task', arn });
}

/** Select a service and explain why its next task has no place. */
export function explainService(name: string): void {
  select({ kind: 'service', name });
  open({ kind: 'service', name });
}

/** A removed service has nothing left to explain. */
export function closeExplainOf(serviceNames: readonly string[]): void {
  const { target } = useExplainStore.getState();
  if (target?.kind === 'service' && serviceNames.includes(target.name)) closeExplain();
}

export function closeExplain(): void {
  request++;
  lastAnswer = '';
  set({ target: null, explanation: null, status: 'ready', error: null, marks: NO_MARKS });
}

/** Back to what the panel explains, after a person selected something else. */
export function selectExplained(): void {
  const { target } = useExplainStore.getState();
  if (target?.kind === 'task') select({ kind: 'task', arn: target.arn });
  if (target?.kind === 'service') select({ kind: 'service', name: target.name });
}

/** A waiting service's reasons change as instances change; ask at once, then at most this often. */
const REFRESH_MS = 250;
let timer: ReturnType<typeof setTimeout> | undefined;
let lastAskedAt = Number.NEGATIVE_INFINITY;

function scheduleRefresh(): void {
  if (timer !== undefined) return;
  const wait = Math.max(0, lastAskedAt + REFRESH_MS - performance.now());
  timer = setTimeout(() => {
    timer = undefined;
    lastAskedAt = performance.now();
    void refresh();
  }, wait);
}

// "Why here?" explains the selected task only: selecting anything else closes it.
useSessionStore.subscribe((session, previous) => {
  if (session.selection === previous.selection) return;
  const { target } = useExplainStore.getState();
  if (target?.kind !== 'task') return;
  const sel = session.selection;
  if (sel?.kind !== 'task' || sel.arn !== target.arn) closeExplain();
});

// A restart forgets every task, so a task's panel closes; a service's panel asks again.
// While a service waits, frames that touch it or any instance may change the reasons.
useRunStore.subscribe((run, previous) => {
  const { target } = useExplainStore.getState();
  if (!target) return;
  if (run.generation !== previous.generation) {
    if (target.kind === 'task') {
      closeExplain();
      if (useSessionStore.getState().selection?.kind === 'task') select(null);
    } else void refresh();
    return;
  }
  if (target.kind !== 'service') return;
  if (
    run.services[target.name] !== previous.services[target.name] ||
    run.instances !== previous.instances
  )
    scheduleRefresh();
});
