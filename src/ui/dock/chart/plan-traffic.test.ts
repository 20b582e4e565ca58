import { describe, expect, it } from 'vitest';
import type { ChartInput } from './input';
import { requestsPlan, splitPlan } from './plan-traffic';

const input: ChartInput = {
  mode: 'split',
  services: [],
  allServices: ['web'],
  deploymentService: undefined,
  listener: { id: 'l', label: 'front HTTP:80', targetGroups: ['blue', 'green'] },
  targetGroups: ['blue', 'green'],
  calls: [],
  comparing: false,
};

describe('charts of a minute’s requests', () => {
  // A canary at 10% from 0:53: the minute 1:00-2:00, all of it 10%, is drawn over 1:00-2:00,
  // not from 2:00 on.
  it('draw each minute’s split and requests over the minute they sum', () => {
    expect(splitPlan([], input).series.every((s) => s.minuteBefore)).toBe(true);
    expect(requestsPlan([], input).series.every((s) => s.minuteBefore)).toBe(true);
  });
});
