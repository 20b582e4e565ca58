import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { sampleDesign } from '../design';
import type { MetricDatum } from '../engine';
import { parseArgs, type SimArgs } from './args';
import { loadRun, runDesign, runToEnd, startCheckpoint, startDesign } from './run';

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
    expect(parseArgs(['--resume', 'cp.json', '--until', '900', '--checkpoint-out=b.json'])).toEqual(
      {
        ok: true,
        args: { resumePath: 'cp.json', explain: [], untilSeconds: 900, checkpointOut: 'b.json' },
      },
    );
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
    // What the run cost so far: the cost helper's CostView, on DescribeState too.
    expect(typeof JSON.parse(readFileSync(stateOut, 'utf8')).cost?.totalUsd).toBe('number');
    expect(JSON.parse(readFileSync(metricsOut, 'utf8'))[0]).toHaveProperty('MetricName');
  }, 60_000);
});

/** The sample with two more services and a busier script: scale, terminate, RunTask, scale in. */
const busyText = JSON.stringify({
  ...sampleDesign,
  name: 'Busy: three services and a script',
  taskDefinitions: [
    ...(sampleDesign.taskDefinitions ?? []),
    {
      family: 'worker',
      networkMode: 'bridge',
      containerDefinitions: [
        { name: 'worker', image: 'public.ecr.aws/docker/library/busybox:1', cpu: 512, memory: 768 },
      ],
    },
  ],
  services: [
    ...(sampleDesign.services ?? []),
    { cluster: 'demo', serviceName: 'api', taskDefinition: 'web', desiredCount: 2 },
    { cluster: 'demo', serviceName: 'worker', taskDefinition: 'worker', desiredCount: 1 },
  ],
  workloads: [
    ...(sampleDesign.workloads ?? []),
    { family: 'worker', imagePullSeconds: 20, startSeconds: 3, stopSeconds: 30 },
  ],
  script: [
    {
      at: 120,
      action: 'UpdateService',
      input: { cluster: 'demo', service: 'web', desiredCount: 6 },
    },
    {
      at: 200,
      action: 'UpdateService',
      input: { cluster: 'demo', service: 'api', desiredCount: 4 },
    },
    { at: 240, action: 'TerminateInstance', input: { ec2InstanceId: 'i-0a1b2c3d4e5f60003' } },
    { at: 330, action: 'RunTask', input: { cluster: 'demo', taskDefinition: 'worker', count: 2 } },
    {
      at: 610,
      action: 'UpdateService',
      input: { cluster: 'demo', service: 'web', desiredCount: 2 },
    },
  ],
});

/** Play a loaded run, collecting what it hands out. */
function play(run: Parameters<typeof runToEnd>[0], explain: string[] = []) {
  const lines: string[] = [];
  const metrics: MetricDatum[] = [];
  const end = runToEnd(
    run,
    { onEvent: (l) => lines.push(l), onMetric: (m) => metrics.push(m) },
    explain,
  );
  return { lines, metrics, ...end, checkpoint: () => run.sim.checkpoint() };
}

function started(loaded: ReturnType<typeof startDesign>) {
  if (!loaded.ok) throw new Error(loaded.message);
  return loaded.run;
}

function runSim(args: string[]) {
  return spawnSync(process.execPath, ['--import', 'tsx', 'src/cli/sim.ts', ...args], {
    encoding: 'utf8',
  });
}

describe('checkpoint and resume', () => {
  const T2 = 900;
  const busyRun = (untilSeconds: number, explain: string[] = []) =>
    play(started(startDesign(busyText, { untilSeconds })), explain);
  const firstCheckpoint = (T: number) => busyRun(T).checkpoint();
  const taskId = String(busyRun(T2).state.tasks[0]?.taskArn).split('/').at(-1) ?? '';
  const explain = [taskId, 'service:worker', 'service:api'];
  const whole = busyRun(T2, explain);

  // At 0:00, on a minute, on a script action, between minutes, mid-RunTask, at the end.
  it.each([0, 60, 120, 199.5, 331, 600, T2])(
    'a checkpoint at %s s resumed to 900 s prints, ends and explains as one run',
    (T) => {
      const first = busyRun(T);
      // Through JSON text, as the file carries it.
      const text = JSON.stringify(first.checkpoint());
      const resumed = play(
        started(startCheckpoint(text, 'cp.json', { untilSeconds: T2 })),
        explain,
      );
      expect([...first.lines, ...resumed.lines].join('\n')).toBe(whole.lines.join('\n'));
      expect(JSON.stringify(resumed.state)).toBe(JSON.stringify(whole.state));
      expect(JSON.stringify([...first.metrics, ...resumed.metrics])).toBe(
        JSON.stringify(whole.metrics),
      );
      expect(resumed.explanations).toEqual(whole.explanations);
    },
  );

  it('a resumed run without --until ends where the uninterrupted one would', () => {
    const text = JSON.stringify(firstCheckpoint(400));
    const resumed = started(startCheckpoint(text, 'cp.json', {}));
    expect(resumed.untilMs).toBe(started(startDesign(busyText, {})).untilMs);
  });

  it('as a program: stdout after T and --state-out are byte-identical to one run to T2', () => {
    const dir = mkdtempSync(join(tmpdir(), 'berth-resume-'));
    const design = join(dir, 'busy.json');
    writeFileSync(design, busyText);
    const out = (name: string) => join(dir, name);
    const full = runSim([design, '--until', '900', '--state-out', out('full.json')]);
    const head = runSim([design, '--until', '331', '--checkpoint-out', out('cp.json')]);
    const tail = runSim([
      '--resume',
      out('cp.json'),
      '--until',
      '900',
      '--state-out',
      out('resumed.json'),
      '--metrics-out',
      out('metrics.json'),
    ]);
    for (const r of [full, head, tail]) {
      expect(r.stderr).toBe('');
      expect(r.status).toBe(0);
    }
    expect(tail.stdout.length).toBeGreaterThan(0);
    expect(head.stdout + tail.stdout).toBe(full.stdout);
    expect(readFileSync(out('resumed.json'), 'utf8')).toBe(readFileSync(out('full.json'), 'utf8'));
    expect(JSON.parse(readFileSync(out('cp.json'), 'utf8'))).toMatchObject({
      format: 'berth-checkpoint',
      nowMs: 331_000,
    });
    // Streamed as it comes, and still the bytes JSON.stringify(all, null, 2) gives.
    const afterT = play(
      started(
        startCheckpoint(readFileSync(out('cp.json'), 'utf8'), 'cp', {
          untilSeconds: 900,
        }),
      ),
    );
    expect(readFileSync(out('metrics.json'), 'utf8')).toBe(
      `${JSON.stringify(afterT.metrics, null, 2)}\n`,
    );
  }, 60_000);
});

describe('refusing a resume', () => {
  const dir = mkdtempSync(join(tmpdir(), 'berth-refuse-'));
  const path = (name: string, text: string) => {
    writeFileSync(join(dir, name), text);
    return join(dir, name);
  };
  const run = started(startDesign(busyText, { untilSeconds: 300 }));
  runToEnd(run, { onEvent: () => {} });
  const checkpoint = run.sim.checkpoint();
  const cp = path('cp.json', JSON.stringify(checkpoint));
  const refused = (args: Partial<SimArgs>) => {
    const loaded = loadRun({ explain: [], ...args } as SimArgs);
    if (loaded.ok) throw new Error('expected a refusal');
    expect(loaded.message).not.toContain('\n');
    return loaded.message;
  };

  it.each([
    [
      'a missing file',
      { resumePath: join(dir, 'nope.json') },
      /^--resume: cannot read .*nope\.json: ENOENT$/,
    ],
    [
      'text that is not JSON',
      { resumePath: path('t.json', 'hello\n') },
      /^--resume: .*t\.json is not a Berth checkpoint: not JSON/,
    ],
    [
      'a design',
      { resumePath: path('d.json', busyText) },
      /is not a Berth checkpoint: format: expected "berth-checkpoint", got nothing$/,
    ],
    [
      'another version',
      { resumePath: path('v.json', JSON.stringify({ ...checkpoint, version: 2 })) },
      /: version: expected 1, got 2$/,
    ],
    [
      'a lost field',
      { resumePath: path('q.json', JSON.stringify({ ...checkpoint, tasks: undefined })) },
      /: tasks: expected an array, got nothing$/,
    ],
    [
      'a broken design',
      {
        resumePath: path(
          'b.json',
          JSON.stringify({
            ...checkpoint,
            design: {
              ...checkpoint.design,
              services: [{ ...checkpoint.design.services[0], desiredCount: '3' }],
            },
          }),
        ),
      },
      /: design\.services\[0\]\.desiredCount: expected a number/,
    ],
    [
      '--until before the checkpoint',
      { resumePath: cp, untilSeconds: 299 },
      /^--until: 299 s is before the checkpoint \(300 s\); expected seconds >= 300$/,
    ],
  ] as const)('%s', (_, args, message) => {
    expect(refused(args)).toMatch(message);
  });

  it('names --resume with a design file, and --seed, in the arguments', () => {
    const both = parseArgs(['--resume', 'cp.json', 'd.json']);
    expect(!both.ok && both.message).toMatch(/^--resume: takes no design file/);
    const seed = parseArgs(['--resume', 'cp.json', '--seed', '3']);
    expect(!seed.ok && seed.message).toMatch(/^--seed: /);
  });

  it('as a program: exit 2, one line on stderr, no output written', () => {
    const stateOut = join(dir, 'never.json');
    for (const args of [
      ['--resume', join(dir, 'nope.json')],
      ['--resume', cp, join(dir, 'd.json')],
      ['--resume', cp, '--until', '10', '--state-out', stateOut],
    ]) {
      const r = runSim(args);
      expect(r.status).toBe(2);
      expect(r.stdout).toBe('');
      expect(r.stderr.trim().split('\n')).toHaveLength(1);
    }
    expect(() => readFileSync(stateOut)).toThrow();
  }, 60_000);
});

describe('what the runner keeps', () => {
  it('without --metrics-out the run hands out no metrics and its result holds none', () => {
    const lines: string[] = [];
    const result = runDesign(sampleText, { untilSeconds: 600 }, (l) => lines.push(l));
    expect(result.ok).toBe(true);
    expect(Object.keys(result).sort()).toEqual(['explanations', 'ok', 'state']);
    let count = 0;
    runDesign(
      sampleText,
      { untilSeconds: 600 },
      () => {},
      () => count++,
    );
    // A datum a minute from 0:00 to 10:00 for two cluster and three service metrics and,
    // from 1:00, the service's CPUUtilization and MemoryUtilization.
    expect(count).toBe(11 * 5 + 10 * 2);
  });

  it('the runner holds no reference to a datum once its sink has it (node --expose-gc)', () => {
    // A simulated day; the sink keeps only weak references, so after a full GC every
    // datum must be gone unless the runner itself kept it.
    const script = `
      const { runDesign } = await import('./src/cli/run.ts');
      const { sampleDesign } = await import('./src/design/index.ts');
      const refs = [];
      runDesign(JSON.stringify(sampleDesign), { untilSeconds: 86400 }, () => {}, (d) => refs.push(new WeakRef(d)));
      await new Promise((r) => setTimeout(r, 0));
      globalThis.gc();
      console.log(JSON.stringify({ handed: refs.length, alive: refs.filter((r) => r.deref()).length }));
    `;
    const child = spawnSync(
      process.execPath,
      ['--expose-gc', '--import', 'tsx', '--input-type=module', '--eval', script],
      { encoding: 'utf8' },
    );
    expect(child.stderr).toBe('');
    const { handed, alive } = JSON.parse(child.stdout);
    expect(handed).toBe(1441 * 5 + 1440 * 2);
    expect(alive).toBe(0);
  }, 60_000);
});
