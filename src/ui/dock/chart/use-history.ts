import { useEffect, useRef, useState } from 'react';
import { useRunStore } from '../../../store/run';
import { fetchHistory } from '../../../store/sim-control';
import type { HistoryWindow } from '../../../worker/run';
import { timeDomainEnd } from './axis';

/** The chart asks the worker at most this often: a few redraws a second, whatever the speed. */
const REFRESH_MS = 250;

export interface ChartHistory {
  toMs: number;
  shown: HistoryWindow | null;
  compared: HistoryWindow | null;
}

/**
 * The history the chart draws, fetched from the worker for the whole run so far at about
 * one point per pixel column, refreshed while the run plays and after a jump.
 */
export function useHistory(
  keys: readonly string[],
  compareKeys: readonly string[],
  compareBranchId: number | null,
  columns: number,
): ChartHistory {
  const endMs = useRunStore((s) => s.endMs);
  // A seek changes nothing recorded: the chart redraws for new history, not for a jump.
  const generation = useRunStore((s) => s.runGeneration);
  const branchId = useRunStore((s) => s.timeline.branchId);
  const toMs = timeDomainEnd(endMs);
  const [history, setHistory] = useState<ChartHistory>({ toMs, shown: null, compared: null });
  const state = useRef({ inFlight: false, again: false, last: 0, timer: 0 });
  const latest = useRef({ keys, compareKeys, compareBranchId, columns, toMs });
  latest.current = { keys, compareKeys, compareBranchId, columns, toMs };
  const keyText = keys.join('|');
  const compareText = compareKeys.join('|');

  // The effect reads the query through `latest`; these are what should trigger a fetch.
  // biome-ignore lint/correctness/useExhaustiveDependencies: triggers, read through a ref
  useEffect(() => {
    const s = state.current;
    const run = () => {
      s.inFlight = true;
      s.last = performance.now();
      const q = latest.current;
      const columns = Math.max(2, Math.round(q.columns));
      const shown = fetchHistory({ fromMs: 0, toMs: q.toMs, columns, keys: q.keys });
      const compared =
        q.compareBranchId === null
          ? Promise.resolve(null)
          : fetchHistory({
              fromMs: 0,
              toMs: q.toMs,
              columns,
              keys: q.compareKeys,
              branchId: q.compareBranchId,
            });
      void Promise.all([shown, compared])
        .then(([a, b]) => setHistory({ toMs: q.toMs, shown: a, compared: b }))
        .finally(() => {
          s.inFlight = false;
          if (s.again) {
            s.again = false;
            request();
          }
        });
    };
    const request = () => {
      if (s.inFlight) {
        s.again = true;
        return;
      }
      const wait = REFRESH_MS - (performance.now() - s.last);
      if (wait <= 0) run();
      else if (!s.timer)
        s.timer = window.setTimeout(() => {
          s.timer = 0;
          request();
        }, wait);
    };
    request();
  }, [endMs, generation, branchId, keyText, compareText, compareBranchId, columns]);

  useEffect(() => () => window.clearTimeout(state.current.timer), []);
  return history;
}
