import type { AssignedPort, CandidateInstance, PlacementDecision } from '../types';

/**
 * Many tasks of one request, placed one after another. Compact on purpose:
 * a few numbers per task; the full trace of any task is rebuilt on demand
 * (explainBatchTask). Once a task fails, every later one fails the same
 * way, since a failure changes nothing: placed tasks are a prefix.
 */
export interface BatchResult {
  /** Tasks placed: tasks 0..placedCount-1. */
  placedCount: number;
  /** Per task, the index of its instance in the instances given; -1 when not placed. */
  chosen: Int32Array;
  /** Per task, the trace's tieBreak: the pick among the candidates left after the strategies. */
  tieAmong: Int32Array;
  tieIndex: Int32Array;
  /** Per task, index-aligned with task.portMappings; only when the task maps host ports. */
  hostPorts?: (AssignedPort[] | undefined)[];
  /** The decision every task from placedCount on got, trace included. */
  failed?: PlacementDecision;
  /** The instances after the placed tasks, in the order given, as applyPlacement leaves them. */
  instances: CandidateInstance[];
  /** 'indexed', or 'scan' when the input needed the fallback (placeBatch's doc says when). */
  path: 'indexed' | 'scan';
}
