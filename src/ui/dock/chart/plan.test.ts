import { describe, expect, it } from 'vitest';
import type { HistoryWindow } from '../../../worker/run';
import type { ChartInput } from './input';
import { chartPlan, chartQuery } from './plan';
import { COMPARE } from './series';

const OLD = 'ecs-svc/1111111111111111111';
const NEW = 'ecs-svc/2222222222222222222';

function input(patch: Partial<ChartInput>): ChartInput {
  return {
    mode: 'status',
    services: [],
    allServices: ['web'],
    deploymentService: 'web',
    listener: { id: 'l', label: 'front HTTP:80', targetGroups: ['blue', 'green'] },
    targetGroups: ['blue', 'green'],
    calls: [],
    comparing: false,
    ...patch,
  };
}

const win = (
  series: Record<string, number[]>,
  extra: Partial<HistoryWindow> = {},
): HistoryWindow => ({
  fromMs: 0,
  toMs: 180_000,
  times: [60_000, 120_000, 180_000],
  series,
  ...extra,
});

describe('chart modes', () => {
  it('tasks by deployment asks for every deployment of the service and stacks them, oldest first', () => {
    const i = input({ mode: 'deployments', comparing: true });
    expect(chartQuery(i)).toEqual({
      keys: [
        'deployment:web:*:running',
        'deployment:web:*:pending',
        'service:web:desired',
        'service:web:healthy',
        'service:web:lower',
        'service:web:upper',
        'service:web:running',
      ],
      compareKeys: ['service:web:running'],
    });
    const shown = win(
      {
        [`deployment:web:${OLD}:running`]: [4, 2, 0],
        [`deployment:web:${NEW}:running`]: [0, 4, 4],
        [`deployment:web:${OLD}:pending`]: [0, 0, 0],
        [`deployment:web:${NEW}:pending`]: [4, 0, 0],
        'service:web:desired': [4, 4, 4],
        'service:web:healthy': [4, 4, 4],
        'service:web:lower': [2, 2, 2],
        'service:web:upper': [8, 8, 8],
        'service:web:running': [4, 6, 4],
      },
      { labels: { [`deployment:web:${OLD}`]: 'web:1', [`deployment:web:${NEW}`]: 'web:2' } },
    );
    const compared = win({ 'service:web:running': [4, 4, 5] });
    const plan = chartPlan({ toMs: 180_000, shown, compared }, i, {
      [NEW]: 'PRIMARY',
      [OLD]: 'ACTIVE',
    });
    expect(plan.series.map((s) => [s.kind, s.name])).toEqual([
      ['band', 'min-max bounds'],
      ['area', 'web:1 running'],
      ['area', 'web:2 (PRIMARY) running'],
      ['area', 'web:1 pending'],
      ['area', 'web:2 (PRIMARY) pending'],
      ['desired', 'desired'],
      ['healthy', 'healthy'],
      ['compare', 'running (other branch)'],
    ]);
    expect(plan.series.find((s) => s.kind === 'band')?.upperKey).toBe('service:web:upper');
    expect(plan.legend.map((e) => e.label)).toEqual([
      'web:1',
      'web:2 (PRIMARY)',
      'healthy',
      'min–max',
      'running, other branch',
    ]);
    expect(plan.rows[1]?.[`${COMPARE}service:web:running`]).toBe(4);
    // The axis holds the upper bound: 8.
    expect(plan.yAxis).toMatchObject({ max: 8, format: 'count' });
  });

  it('a deployment with no task in the window is left out', () => {
    const shown = win({
      [`deployment:web:${OLD}:running`]: [0, 0, 0],
      [`deployment:web:${NEW}:running`]: [3, 3, 3],
      [`deployment:web:${OLD}:pending`]: [0, 0, 0],
      [`deployment:web:${NEW}:pending`]: [0, 0, 0],
    });
    const plan = chartPlan(
      { toMs: 180_000, shown, compared: null },
      input({ mode: 'deployments' }),
      {},
    );
    expect(plan.series.filter((s) => s.kind === 'area')).toHaveLength(2);
    expect(plan.legend[0]?.label).toBe(NEW);
  });

  it("traffic split: each group's share of the listener's requests, served or 503, to 100%", () => {
    const i = input({ mode: 'split' });
    expect(chartQuery(i).keys).toEqual([
      'tg:blue:served',
      'tg:blue:failed',
      'tg:green:served',
      'tg:green:failed',
    ]);
    const shown = win({
      'tg:blue:served': [0, 180, 0],
      'tg:blue:failed': [0, 0, 0],
      'tg:green:served': [0, 15, 200],
      'tg:green:failed': [0, 5, 0],
    });
    const plan = chartPlan({ toMs: 180_000, shown, compared: null }, i, {});
    expect(plan.rows.map((r) => [r['split:blue'], r['split:green']])).toEqual([
      [0, 0],
      [90, 10],
      [0, 100],
    ]);
    expect(plan.yAxis).toEqual({ max: 100, ticks: [0, 25, 50, 75, 100], format: 'percent' });
    expect(plan.series.every((s) => s.stackId === 'split')).toBe(true);
  });

  it('calls: served and failed of each, the failures in reds, named after the call and its route', () => {
    const i = input({
      mode: 'calls',
      calls: [
        { label: 'dns-client → api.berth.local', via: 'DNS' },
        { label: 'sc-client → api:8080', via: 'Service Connect' },
      ],
    });
    const plan = chartPlan({ toMs: 180_000, shown: win({}), compared: null }, i, {});
    expect(plan.series.map((s) => s.name)).toEqual([
      'dns-client → api.berth.local (DNS) served/s',
      'dns-client → api.berth.local (DNS) failed/s',
      'sc-client → api:8080 (Service Connect) served/s',
      'sc-client → api:8080 (Service Connect) failed/s',
    ]);
    const failed = plan.series.filter((s) => s.kind === 'failed').map((s) => s.color);
    expect(new Set(failed).size).toBe(2);
    expect(plan.legend.map((e) => e.group)).toEqual([
      'dns-client → api.berth.local (DNS)',
      'dns-client → api.berth.local (DNS)',
      'sc-client → api:8080 (Service Connect)',
      'sc-client → api:8080 (Service Connect)',
    ]);
  });
});
