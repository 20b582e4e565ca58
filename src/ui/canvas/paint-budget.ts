import { useEffect, useRef, useState } from 'react';
import { flushSync } from 'react-dom';
import { type RunState, useRunStore } from '../../store/run';

/**
 * One frame can change 2,000 tasks at once (a service placed, or all its tasks
 * turning RUNNING together). Repainting every instance in that frame is one
 * long task of hundreds of milliseconds: no frame drawn, no input handled.
 * Instead, instances take turns: each animation frame renders as many as fit
 * in a few milliseconds, oldest request first, and leaves the rest to the next
 * frame. An instance that changes again before its turn keeps its place and
 * renders the newest state once.
 */
const BUDGET_MS = 6;

const queue = new Map<object, () => void>();
let scheduled = false;

function flush(): void {
  scheduled = false;
  const start = performance.now();
  for (const [key, commit] of queue) {
    queue.delete(key);
    // Synchronous, so the time spent rendering and committing is what the budget measures.
    flushSync(commit);
    if (performance.now() - start > BUDGET_MS) break;
  }
  if (queue.size > 0) schedule();
}

function schedule(): void {
  if (scheduled) return;
  scheduled = true;
  requestAnimationFrame(flush);
}

/** Ask for `commit` at the next turn of `key`; a later request for the same key replaces it. */
export function requestPaint(key: object, commit: () => void): void {
  queue.set(key, commit);
  schedule();
}

export function cancelPaint(key: object): void {
  queue.delete(key);
}

/**
 * A slice of the run store, repainted on the canvas's budget rather than at
 * once with every other node. `select` must be stable (useCallback), and
 * return the same value while nothing it reads changed.
 */
export function usePaintedRun<T>(select: (state: RunState) => T): T {
  const [shown, setShown] = useState(() => select(useRunStore.getState()));
  const shownRef = useRef(shown);
  useEffect(() => {
    const key = {};
    const commit = () => {
      const next = select(useRunStore.getState());
      shownRef.current = next;
      setShown(() => next);
    };
    const check = (state: RunState) => {
      if (select(state) === shownRef.current) cancelPaint(key);
      else requestPaint(key, commit);
    };
    // The store may have moved on between the render and this effect.
    check(useRunStore.getState());
    const unsubscribe = useRunStore.subscribe(check);
    return () => {
      unsubscribe();
      cancelPaint(key);
    };
  }, [select]);
  return shown;
}
