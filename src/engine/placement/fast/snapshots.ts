import type { CandidateInstance } from '../types';

/**
 * The candidates a placement saw, kept so its trace can be rebuilt on demand
 * (explainBatchTask) instead of stored: a trace lists most instances of the cluster, a
 * kept candidate list points at candidates shared with every other placement that saw
 * the same instance in the same state. Each scheduling pass builds fresh candidate
 * objects, so `keep` hands back the last kept one of an instance while its content is
 * the same: a checkpoint (which stores each candidate object once) then grows by the
 * instances a placement changed, not by the whole cluster per placed task.
 *
 * Kept candidates are frozen copies: attributes are copied (PutAttributes changes an
 * instance's in place), the port sets and group counts are already the candidate's own.
 * Not run state: an empty one (after a restore) only shares less.
 */
export class CandidateSnapshots {
  private readonly last = new Map<string, CandidateInstance>();

  /** `candidates` as kept, in the same order, each equal in content to the one given. */
  keep(candidates: readonly CandidateInstance[]): CandidateInstance[] {
    const out: CandidateInstance[] = new Array(candidates.length);
    for (let i = 0; i < candidates.length; i++) {
      const c = candidates[i] as CandidateInstance;
      const seen = this.last.get(c.containerInstanceArn);
      if (seen !== undefined && sameCandidate(seen, c)) {
        out[i] = seen;
        continue;
      }
      const kept: CandidateInstance = { ...c, attributes: { ...c.attributes } };
      this.last.set(c.containerInstanceArn, kept);
      out[i] = kept;
    }
    return out;
  }

  /** Forget an instance that is gone (its last state stays in the lists that hold it). */
  forget(containerInstanceArn: string): void {
    this.last.delete(containerInstanceArn);
  }
}

function sameRecord(
  a: Readonly<Record<string, string | number>>,
  b: Readonly<Record<string, string | number>>,
): boolean {
  if (a === b) return true;
  const keys = Object.keys(a);
  if (keys.length !== Object.keys(b).length) return false;
  // In order: a checkpoint writes keys in insertion order, and so does a trace.
  let i = 0;
  for (const k in b) if (keys[i++] !== k || a[k] !== b[k]) return false;
  return true;
}

function sameSet(a: ReadonlySet<number> | undefined, b: ReadonlySet<number> | undefined): boolean {
  if (a === b) return true;
  if (a === undefined || b === undefined || a.size !== b.size) return false;
  // In insertion order: the host-port scan reads them so.
  const it = b.values();
  for (const v of a) if (it.next().value !== v) return false;
  return true;
}

/** Whether placement would see no difference between `a` and `b` (every field, in order). */
export function sameCandidate(a: CandidateInstance, b: CandidateInstance): boolean {
  return (
    a.containerInstanceArn === b.containerInstanceArn &&
    a.ec2InstanceId === b.ec2InstanceId &&
    a.status === b.status &&
    a.agentConnected === b.agentConnected &&
    a.agentVersion === b.agentVersion &&
    a.registeredAtMs === b.registeredAtMs &&
    a.registeredCpu === b.registeredCpu &&
    a.registeredMemoryMiB === b.registeredMemoryMiB &&
    a.remainingCpu === b.remainingCpu &&
    a.remainingMemoryMiB === b.remainingMemoryMiB &&
    a.remainingGpus === b.remainingGpus &&
    'remainingGpus' in a === 'remainingGpus' in b &&
    a.eniLimit === b.eniLimit &&
    a.eniUsed === b.eniUsed &&
    a.runningTasksCount === b.runningTasksCount &&
    a.dynamicPortRange?.from === b.dynamicPortRange?.from &&
    a.dynamicPortRange?.to === b.dynamicPortRange?.to &&
    'dynamicPortRange' in a === 'dynamicPortRange' in b &&
    sameSet(a.reservedTcpPorts, b.reservedTcpPorts) &&
    sameSet(a.reservedUdpPorts, b.reservedUdpPorts) &&
    sameSet(a.dynamicTcpPorts, b.dynamicTcpPorts) &&
    sameSet(a.dynamicUdpPorts, b.dynamicUdpPorts) &&
    sameRecord(a.attributes, b.attributes) &&
    sameRecord(a.taskGroupCounts, b.taskGroupCounts) &&
    Object.keys(a).length === Object.keys(b).length
  );
}
