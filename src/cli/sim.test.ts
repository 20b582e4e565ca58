import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { sampleDesign } from '../design';
import { parseArgs } from './args';
import { runDesign } from './run';

const sampleText = JSON.stringify(sampleDesign);

function collect(text: string, args: { untilSeconds?: number; seed?: number } = {}) {
  const lines: string[] = [];
  const result = runDesign(text, args, (l) => lines.push(l));
  return { lines, result };
}

describe('headless runner', () => {
  it('prints EventBridge events in their real envelope, one per line', () => {
    const { lines } = collect(sampleText, { untilSeconds: 60 });
    expect(lines.length).toBeGreaterThan(3);
    const first = JSON.parse(lines[0] ?? '{}');
    expect(Object.keys(first)).toEqual([
      'version',
      'id',
      'detail-type',
      'source',
      'account',
      'time',
      'region',
      'resources',
      'detail',
    ]);
    expect(first.source).toBe('aws.ecs');
  });

  it('same design and seed: byte-identical output; another seed differs', () => {
    const a = collect(sampleText);
    const b = collect(sampleText);
    expect(b.lines.join('\n')).toBe(a.lines.join('\n'));
    expect(JSON.stringify(b.result)).toBe(JSON.stringify(a.result));
    const c = collect(sampleText, { seed: 9 });
    expect(c.lines.join('\n')).not.toBe(a.lines.join('\n'));
  });

  it('the state holds DescribeServices, DescribeTasks, DescribeContainerInstances and action responses', () => {
    const { result } = collect(sampleText, { untilSeconds: 400 });
    if (!result.ok) throw new Error(result.message);
    const { state } = result;
    expect(state.time).toBe('2026-01-01T00:06:40.000Z');
    expect(state.services[0]).toMatchObject({
      serviceName: 'web',
      desiredCount: 6,
      runningCount: 6,
    });
    expect(state.containerInstances[0]).toHaveProperty('remainingResources');
    expect(state.containerInstances[0]).toHaveProperty('runningTasksCount');
    expect(state.actions.map((a) => a.action)).toEqual(['UpdateService', 'TerminateInstance']);
  });

  it('explains a task and a waiting service', () => {
    const lines: string[] = [];
    const first = runDesign(sampleText, { untilSeconds: 30 }, (l) => lines.push(l));
    if (!first.ok) throw new Error(first.message);
    const taskId = String(first.state.tasks[0]?.taskArn).split('/').at(-1) ?? '';
    const result = runDesign(
      sampleText,
      { untilSeconds: 30, explain: [taskId, 'service:web'] },
      () => {},
    );
    if (!result.ok) throw new Error(result.message);
    expect(result.explanations[0]).toMatch(
      new RegExp(`^task ${taskId} \\(service:web\\): placed on i-`),
    );
    expect(result.explanations[0]).toContain('spread(attribute:ecs.availability-zone)');
    expect(result.explanations[1]).toBe('service:web: no task is waiting for a place');
  });

  it('parses its arguments and names a mistake', () => {
    expect(parseArgs(['d.json', '--until', '90', '--seed=3'])).toEqual({
      ok: true,
      args: { designPath: 'd.json', explain: [], untilSeconds: 90, seed: 3 },
    });
    const bad = parseArgs(['d.json', '--until', 'soon']);
    expect(bad.ok).toBe(false);
    expect(!bad.ok && bad.message).toContain('--until');
  });

  it('as a program: exit 2 and the gate messages for a malformed design; files written otherwise', () => {
    const dir = mkdtempSync(join(tmpdir(), 'berth-sim-'));
    const bad = join(dir, 'bad.json');
    writeFileSync(
      bad,
      JSON.stringify({
        ...sampleDesign,
        services: [{ ...sampleDesign.services?.[0], desiredCount: '3' }],
      }),
    );
    const failed = spawnSync(process.execPath, ['--import', 'tsx', 'src/cli/sim.ts', bad], {
      encoding: 'utf8',
    });
    expect(failed.status).toBe(2);
    expect(failed.stderr).toContain('services[0].desiredCount: expected a number');

    const good = join(dir, 'good.json');
    const stateOut = join(dir, 'state.json');
    const metricsOut = join(dir, 'metrics.json');
    writeFileSync(good, sampleText);
    const ok = spawnSync(
      process.execPath,
      [
        '--import',
        'tsx',
        'src/cli/sim.ts',
        good,
        '--until',
        '120',
        '--state-out',
        stateOut,
        '--metrics-out',
        metricsOut,
      ],
      { encoding: 'utf8' },
    );
    expect(ok.stderr).toBe('');
    expect(ok.status).toBe(0);
    const lines = ok.stdout.trim().split('\n');
    expect(lines.every((l) => JSON.parse(l).source === 'aws.ecs')).toBe(true);
    expect(JSON.parse(readFileSync(stateOut, 'utf8')).time).toBe('2026-01-01T00:02:00.000Z');
    expect(JSON.parse(readFileSync(metricsOut, 'utf8'))[0]).toHaveProperty('MetricName');
  }, 60_000);
});
