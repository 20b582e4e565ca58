import { describe, expect, it } from 'vitest';
import { instance } from '../testing/builders';
import { CandidateSnapshots, sameCandidate } from './snapshots';

describe('candidates kept for traces rebuilt on demand', () => {
  it('shares an instance unchanged since the last placement, and keeps a changed one apart', () => {
    const snapshots = new CandidateSnapshots();
    const a = instance({ id: 'a', freeCpu: 1024 });
    const b = instance({ id: 'b', freeCpu: 1024 });
    const first = snapshots.keep([a, b]);
    // The next pass builds fresh objects: b is as it was, a took a task.
    const second = snapshots.keep([{ ...a, remainingCpu: 512 }, { ...b }]);
    expect(second[1]).toBe(first[1]);
    expect(second[0]).not.toBe(first[0]);
    expect(second[0]?.remainingCpu).toBe(512);
    expect(first[0]?.remainingCpu).toBe(1024);
  });

  it('copies attributes, so PutAttributes on the instance later does not rewrite the past', () => {
    const snapshots = new CandidateSnapshots();
    const live = instance({ id: 'a', attributes: { stack: 'blue' } });
    const [kept] = snapshots.keep([live]);
    (live.attributes as Record<string, string>).stack = 'green';
    expect(kept?.attributes.stack).toBe('blue');
    const [again] = snapshots.keep([live]);
    expect(again).not.toBe(kept);
    expect(again?.attributes.stack).toBe('green');
  });

  it('tells port sets and group counts apart by content and order', () => {
    const a = instance({ id: 'a', tcpPorts: [80], tasks: { 'service:web': 1 } });
    expect(sameCandidate(a, { ...a, reservedTcpPorts: new Set(a.reservedTcpPorts) })).toBe(true);
    expect(sameCandidate(a, { ...a, reservedTcpPorts: new Set([...a.reservedTcpPorts, 81]) })).toBe(
      false,
    );
    expect(sameCandidate(a, { ...a, taskGroupCounts: { 'service:web': 2 } })).toBe(false);
    expect(sameCandidate(a, { ...a, remainingGpus: 0 })).toBe(false);
  });
});
