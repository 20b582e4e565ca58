import { describe, expect, it } from 'vitest';
import { asgDesign, onProvider } from '../../engine/capacity/testing';
import { minutes, seconds, service } from '../../engine/testing/builders';
import { COST_KEY, groupKey, History, providerKey, scalingKey } from './history';
import { mergeFrames } from './merge-frames';
import { RunKeeper } from './run-keeper';

// The chart series of capacity, scaling and cost, through the worker's history: keys,
// windows, replays after a seek, and the shared past of a branch.

const KEYS = [
  groupKey('nodes', 'desired'),
  groupKey('nodes', 'inService'),
  groupKey('nodes', 'pending'),
  providerKey('cp'),
  COST_KEY,
];

const d = () => asgDesign({ services: [service('web', 1, onProvider)] });

describe('capacity and scaling series', () => {
  it('keys of each sample: scaling:<service>:<MetricName>, asg:<group>:<field>, cpr:<provider>, cost:totalUsd', () => {
    const h = new History();
    h.add({
      atMs: 60_000,
      scaling: { 'web:CPUUtilization': 75 },
      groups: { nodes: { desired: 2, inService: 1, pending: 1 } },
      providers: { cp: 150 },
      costUsd: 0.25,
    });
    h.add({ atMs: 120_000, scaling: { 'web:CPUUtilization': 40 }, providers: { cp: 100 } });
    expect(h.valueAt(scalingKey('web', 'CPUUtilization'), 90_000)).toBe(75);
    expect(h.valueAt('scaling:web:CPUUtilization', 120_000)).toBe(40);
    expect(h.valueAt('asg:nodes:pending', 60_000)).toBe(1);
    expect(h.valueAt('cpr:cp', 130_000)).toBe(100);
    expect(h.valueAt('cost:totalUsd', 130_000)).toBe(0.25);
    const past = h.until(90_000);
    expect(past.valueAt('cpr:cp', 200_000)).toBe(150);
    expect(past.valueAt('scaling:web:CPUUtilization', 200_000)).toBe(75);
  });

  it('a run charts the group, the reservation and the cost, the same after a seek back and a replay', () => {
    const keeper = new RunKeeper(d(), 7, [], { everyMs: seconds(30) });
    keeper.advance(minutes(3));
    const win = keeper.window(0, minutes(3), 6, KEYS);
    expect(win?.times).toEqual([30_000, 60_000, 90_000, 120_000, 150_000, 180_000]);
    expect(win?.series['asg:nodes:desired']).toEqual([2, 2, 2, 2, 2, 2]);
    expect(win?.series['asg:nodes:pending']).toEqual([2, 0, 0, 0, 0, 0]);
    expect(win?.series['asg:nodes:inService']).toEqual([0, 2, 2, 2, 2, 2]);
    expect(win?.series['cpr:cp']).toEqual([200, 50, 50, 50, 50, 50]);
    keeper.seek(seconds(45));
    keeper.advance(minutes(3));
    expect(keeper.window(0, minutes(3), 6, KEYS)).toEqual(win);
  });

  it('a branch keeps the shared past and records its own future', () => {
    const keeper = new RunKeeper(d(), 7, [], { everyMs: seconds(30) });
    keeper.advance(minutes(3));
    keeper.seek(seconds(90));
    keeper.apply({
      action: 'UpdateService',
      input: { cluster: 'test', service: 'web', desiredCount: 0 },
    });
    keeper.advance(minutes(3));
    const win = keeper.window(0, minutes(3), 6, KEYS);
    expect(win?.series['cpr:cp']?.slice(0, 3)).toEqual([200, 50, 50]);
    // No task left: M = 0, so 0% from the next minute.
    expect(win?.series['cpr:cp']?.slice(3)).toEqual([0, 0, 0]);
  });

  it('merged frames keep the latest capacity, scaling and cost', () => {
    const keeper = new RunKeeper(d(), 7);
    const a = keeper.advance(seconds(30));
    const b = keeper.advance(minutes(1));
    const merged = mergeFrames(a, b);
    expect(merged.capacity).toEqual(b.capacity);
    expect(merged.cost).toEqual(b.cost);
    const { capacity: _c, ...bare } = b;
    expect(mergeFrames(a, bare).capacity).toEqual(a.capacity);
  });
});
