import type { AssignedPort } from '../types';
import type { BatchResult } from './types';

/** What a placer writes per task; both placers share it so their results compare whole. */
export interface BatchRecord {
  chosen: Int32Array;
  tieAmong: Int32Array;
  tieIndex: Int32Array;
  hostPorts?: (AssignedPort[] | undefined)[];
}

export function emptyRecord(count: number, withHostPorts: boolean): BatchRecord {
  const record: BatchRecord = {
    chosen: new Int32Array(count).fill(-1),
    tieAmong: new Int32Array(count),
    tieIndex: new Int32Array(count),
  };
  if (withHostPorts)
    record.hostPorts = new Array<AssignedPort[] | undefined>(count).fill(undefined);
  return record;
}

export function toResult(
  record: BatchRecord,
  placedCount: number,
  instances: BatchResult['instances'],
  failed: BatchResult['failed'],
  path: BatchResult['path'],
): BatchResult {
  const result: BatchResult = { placedCount, ...record, instances, path };
  if (failed) result.failed = failed;
  return result;
}
