import { describe, expect, it } from 'vitest';
import type { HistoryWindow } from '../../../worker/run';
import type { ChartInput, ScalingFacts } from './input';
import { chartPlan, chartQuery } from './plan';
import { placeLevels, placeMarks } from './reference-layout';

const facts: ScalingFacts = {
  serviceName: 'web',
  minCapacity: 2,
  maxCapacity: 12,
  policies: [
    {
      policyName: 'cpu50',
      policyType: 'TargetTrackingScaling',
      metricName: 'CPUUtilization',
      targetValue: 50,
      alarms: [
        { alarmName: 'hi', threshold: 50, comparisonOperator: 'GreaterThanThreshold' },
        { alarmName: 'lo', threshold: 45, comparisonOperator: 'LessThanThreshold' },
      ],
    },
  ],
  activities: [
    { atMs: 300_000, from: 2, to: 4, by: 'cpu50' },
    { atMs: 420_000, from: 4, to: 8, by: 'cpu50' },
  ],
};

function input(patch: Partial<ChartInput>): ChartInput {
  return {
    mode: 'scaling',
    services: [],
    allServices: ['web'],
    deploymentService: 'web',
    listener: undefined,
    targetGroups: [],
    calls: [],
    comparing: false,
    scaling: facts,
    scaledServices: ['web'],
    capacity: {
      groups: [{ name: 'web-asg', minSize: 1, maxSize: 6 }],
      providers: [{ name: 'nodes', groupName: 'web-asg', targetCapacity: 100 }],
    },
    cost: { priceDate: '2026-01-01', usdPerHour: 0.192 },
    ...patch,
  };
}

const times = [60_000, 120_000, 180_000, 240_000, 300_000, 360_000, 420_000, 480_000];
const history = (series: Record<string, number[]>) => ({
  toMs: 600_000,
  shown: { fromMs: 0, toMs: 600_000, times, series } satisfies HistoryWindow,
  compared: null,
});

describe('the scaling charts', () => {
  it('draws the metric against its target and alarms, each activity a tick from → to', () => {
    const i = input({});
    expect(chartQuery(i)).toEqual({
      keys: ['scaling:web:CPUUtilization'],
      compareKeys: ['scaling:web:CPUUtilization'],
    });
    const plan = chartPlan(
      history({ 'scaling:web:CPUUtilization': [20, 20, 100, 100, 100, 90, 60, 45] }),
      i,
      {},
    );
    expect(plan.series.map((s) => s.key)).toEqual(['scaling:web:CPUUtilization']);
    // The scale-out alarm of target tracking sits on the target: one label says both.
    expect(plan.levels?.map((l) => [l.value, l.label, l.style])).toEqual([
      [50, 'target 50% = scale-out alarm', 'target'],
      [45, 'scale-in alarm < 45%', 'threshold'],
    ]);
    expect(plan.marks?.map((m) => [m.t, m.label, m.direction])).toEqual([
      [300, '2 → 4', 'out'],
      [420, '4 → 8', 'out'],
    ]);
    expect(plan.yAxis).toEqual({ max: 100, ticks: [0, 25, 50, 75, 100], format: 'percent' });
    expect(plan.legend[0]).toMatchObject({ id: 'metric.CPUUtilization', format: 'percent' });
  });

  it('draws desired, running and pending with the bounds that fit and the same ticks', () => {
    const i = input({ mode: 'scalingTasks' });
    expect(chartQuery(i).keys).toEqual([
      'service:web:desired',
      'service:web:running',
      'service:web:pending',
    ]);
    const plan = chartPlan(
      history({
        'service:web:desired': [2, 2, 2, 2, 4, 4, 8, 8],
        'service:web:running': [2, 2, 2, 2, 2, 4, 4, 6],
        'service:web:pending': [0, 0, 0, 0, 2, 0, 4, 2],
      }),
      i,
      {},
    );
    // 8 x 1.2 rounds up to 10: max 12 would flatten the lines, so only min 2 is drawn.
    expect(plan.yAxis.max).toBe(10);
    expect(plan.levels?.map((l) => l.label)).toEqual(['min 2']);
    expect(plan.marks).toHaveLength(2);
    expect(plan.legend.map((l) => l.id)).toEqual([
      'tasks.desired',
      'tasks.running',
      'tasks.pending',
      'tasks.bounds',
    ]);
  });

  it("marks each step of a group's desired capacity on its instances and its provider's reservation", () => {
    const rows = {
      'asg:web-asg:desired': [1, 1, 1, 1, 1, 2, 2, 3],
      'asg:web-asg:inService': [1, 1, 1, 1, 1, 1, 2, 2],
      'asg:web-asg:pending': [0, 0, 0, 0, 0, 1, 0, 1],
      'cpr:nodes': [50, 50, 50, 100, 200, 200, 150, 100],
    };
    const instances = chartPlan(history(rows), input({ mode: 'instances' }), {});
    expect(chartQuery(input({ mode: 'instances' })).keys).toEqual([
      'asg:web-asg:desired',
      'asg:web-asg:inService',
      'asg:web-asg:pending',
    ]);
    expect(instances.marks?.map((m) => [m.t, m.label])).toEqual([
      [360, '1 → 2'],
      [480, '2 → 3'],
    ]);
    expect(instances.legend.find((l) => l.id === 'asg.web-asg.inService')?.valueKey).toBe(
      'asg:web-asg:inService',
    );

    const reservation = chartPlan(history(rows), input({ mode: 'reservation' }), {});
    expect(chartQuery(input({ mode: 'reservation' })).keys).toEqual([
      'cpr:nodes',
      'asg:web-asg:desired',
    ]);
    expect(reservation.levels?.map((l) => l.label)).toEqual(['targetCapacity 100%']);
    expect(reservation.yAxis.format).toBe('percent');
    expect(reservation.yAxis.max).toBeGreaterThanOrEqual(200);
    expect(reservation.marks).toHaveLength(2);
  });

  it('draws the cost so far in dollars, dated by its price list, with the rate now', () => {
    const plan = chartPlan(
      history({ 'cost:totalUsd': [0.0032, 0.0064, 0.0096, 0.0128, 0.016, 0.0224, 0.0288, 0.0352] }),
      input({ mode: 'cost' }),
      {},
    );
    expect(plan.note).toBe('us-east-1 list prices of 2026-01-01');
    expect(plan.yAxis).toEqual({ max: 0.04, ticks: [0, 0.01, 0.02, 0.03, 0.04], format: 'usd' });
    expect(plan.legend.map((l) => l.label)).toEqual(['cost so far', 'now $0.192/h']);
  });

  it('without a scalable target view yet, asks for nothing and draws nothing', () => {
    const { scaling: _, ...rest } = input({});
    expect(chartQuery(rest).keys).toEqual([]);
    expect(chartPlan(history({}), rest, {}).series).toEqual([]);
  });
});

describe('labels that never cover one another', () => {
  it('joins the label of a level just under another to it', () => {
    const placed = placeLevels(
      [
        { id: 'lo', value: 45, label: 'lo', color: '', style: 'threshold' },
        { id: 't', value: 50, label: 't', color: '', style: 'target' },
        { id: 'max', value: 90, label: 'max', color: '', style: 'bound' },
      ],
      100,
      150,
    );
    expect(placed.map((l) => [l.id, l.text])).toEqual([
      ['max', 'max'],
      ['t', 't · lo'],
      ['lo', ''],
    ]);
  });

  it('stacks close ticks on three lines, then draws the tick alone; near the right edge the label goes left', () => {
    const mark = (t: number) => ({
      id: String(t),
      t,
      label: '10 → 12',
      title: '',
      direction: 'out' as const,
    });
    const placed = placeMarks([mark(0), mark(10), mark(20), mark(30), mark(600)], 600, 600);
    expect(placed.map((m) => [m.row, m.side])).toEqual([
      [0, 'right'],
      [1, 'right'],
      [2, 'right'],
      [null, 'right'],
      [0, 'left'],
    ]);
  });
});
