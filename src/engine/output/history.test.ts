import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseDesign, type ScriptAction, sampleDesign } from '../../design';
import type {
  DeploymentCounts,
  Frame,
  HistorySample,
  ServiceCounts,
  ServiceView,
  TaskStateCounts,
} from '../api';
import { createSimulation, restoreSimulation, type Simulation } from '../simulation';
import { design, instance, minutes, seconds, service, taskDefinition } from '../testing/builders';
import { buildDesign, END_MS, resolve, scenarioArb } from '../testing/random-runs';
import { coalesceHistory } from './history';

const sample = () => {
  const parsed = parseDesign(sampleDesign);
  if (!parsed.ok) throw new Error(parsed.message);
  return parsed.design;
};

/** Advance in steps of `stepMs` up to `toMs`, keeping every frame. */
function frames(sim: Simulation, toMs: number, stepMs = toMs - sim.nowMs): Frame[] {
  const out: Frame[] = [];
  for (let t = Math.min(sim.nowMs + stepMs, toMs); ; t = Math.min(t + stepMs, toMs)) {
    out.push(sim.advance(t));
    if (t >= toMs) return out;
  }
}

const historyOf = (fs: readonly Frame[]) => fs.flatMap((f) => f.history);

/** The view's deployments that have tasks, as a sample records them. */
function deploymentsOf(view: ServiceView): Record<string, DeploymentCounts> {
  return Object.fromEntries(
    view.deployments
      .filter((d) => d.runningCount + d.pendingCount + d.healthyCount > 0)
      .map((d) => [
        d.id,
        {
          taskDefinition: d.taskDefinition,
          runningCount: d.runningCount,
          pendingCount: d.pendingCount,
          healthyCount: d.healthyCount,
        },
      ]),
  );
}

function serviceCounts(sim: Simulation): Record<string, ServiceCounts> {
  return Object.fromEntries(
    sim.snapshot().services.map((s) => [
      s.serviceName,
      {
        desiredCount: s.desiredCount,
        runningCount: s.runningCount,
        pendingCount: s.pendingCount,
        healthyCount: s.healthyCount,
        lowerBound: s.bounds.lower,
        upperBound: s.bounds.upper,
        deployments: deploymentsOf(s),
      },
    ]),
  );
}

/** The counts a chart holds after drawing `history` on top of the starting state. */
function fold(
  start: { taskStateCounts: TaskStateCounts; services: Record<string, ServiceCounts> },
  history: readonly HistorySample[],
) {
  let taskStateCounts = start.taskStateCounts;
  const services = { ...start.services };
  for (const s of history) {
    if (s.taskStateCounts) taskStateCounts = s.taskStateCounts;
    Object.assign(services, s.services);
  }
  return { taskStateCounts, services };
}

/** A journal from playing the scenario's commands live, as a person's edits would be. */
function liveJournal(s: Parameters<typeof buildDesign>[0]): readonly ScriptAction[] {
  const sim = createSimulation(buildDesign(s));
  for (const { atMs, recipe } of [...s.commands].sort((a, b) => a.atMs - b.atMs)) {
    sim.advance(Math.max(atMs, sim.nowMs));
    sim.apply(resolve(sim, s, recipe));
  }
  return sim.journal();
}

describe('frame history', () => {
  it('is the same whether a run is stepped in 10 s advances or advanced in one go', () => {
    const stepped = historyOf(frames(createSimulation(sample()), minutes(8), seconds(10)));
    const whole = historyOf(frames(createSimulation(sample()), minutes(8)));
    expect(stepped.length).toBeGreaterThan(5);
    expect(JSON.stringify(stepped)).toBe(JSON.stringify(whole));
  });

  it('is the same however a replay of random commands is sliced', () => {
    fc.assert(
      fc.property(scenarioArb, fc.integer({ min: 250, max: 60_000 }), (s, stepMs) => {
        const journal = liveJournal(s);
        const replay = () => createSimulation(buildDesign(s), s.seed, journal);
        const stepped = historyOf(frames(replay(), END_MS, stepMs));
        const whole = historyOf(frames(replay(), END_MS));
        expect(JSON.stringify(stepped)).toBe(JSON.stringify(whole));
        // One sample per ms, in time order.
        expect(whole.every((x, i) => i === 0 || x.atMs > (whole[i - 1]?.atMs ?? -1))).toBe(true);
      }),
      { numRuns: 40 },
    );
  });

  it("ends, frame by frame, at the frame's counts and the service views' counts", () => {
    fc.assert(
      fc.property(scenarioArb, (s) => {
        const sim = createSimulation(buildDesign(s));
        const start = sim.snapshot();
        let drawn = { taskStateCounts: start.taskStateCounts, services: serviceCounts(sim) };
        const check = (frame: Frame) => {
          const last = frame.history.findLast((x) => x.taskStateCounts);
          if (last) expect(last.taskStateCounts).toEqual(frame.taskStateCounts);
          for (const view of frame.services) {
            const counts = frame.history.findLast((x) => x.services?.[view.serviceName]);
            if (!counts) continue;
            expect(counts.services?.[view.serviceName]).toEqual({
              desiredCount: view.desiredCount,
              runningCount: view.runningCount,
              pendingCount: view.pendingCount,
              healthyCount: view.healthyCount,
              lowerBound: view.bounds.lower,
              upperBound: view.bounds.upper,
              deployments: deploymentsOf(view),
            });
          }
          drawn = fold(drawn, frame.history);
          expect(drawn).toEqual({
            taskStateCounts: frame.taskStateCounts,
            services: serviceCounts(sim),
          });
        };
        for (const { atMs, recipe } of [...s.commands].sort((a, b) => a.atMs - b.atMs)) {
          check(sim.advance(Math.max(atMs, sim.nowMs)));
          sim.apply(resolve(sim, s, recipe));
        }
        for (let t = sim.nowMs; t < END_MS; ) {
          t = Math.min(t + seconds(30), END_MS);
          check(sim.advance(t));
        }
      }),
      { numRuns: 40 },
    );
  });

  it('has a sample at every ms at which a count changed, holding the values at its end', () => {
    const d = design({
      containerInstances: [instance({ id: 'i-00000000000000001' })],
      taskDefinitions: [taskDefinition('web'), taskDefinition('api', { networkMode: 'awsvpc' })],
      services: [
        service('web', 2),
        service('api', 1, {
          networkConfiguration: { awsvpcConfiguration: { subnets: ['subnet-0123456789abcdef0'] } },
        }),
      ],
      script: [
        { at: 20, action: 'UpdateService', input: { service: 'web', desiredCount: 4 } },
        { at: 40, action: 'TerminateInstance', input: { ec2InstanceId: 'i-00000000000000001' } },
      ],
    });
    const history = historyOf(frames(createSimulation(d), seconds(60)));
    // The same run looked at after every single ms.
    const sim = createSimulation(d);
    let before = JSON.stringify({ counts: sim.snapshot().taskStateCounts, s: serviceCounts(sim) });
    const changedAt: number[] = [];
    for (let t = 0; t <= seconds(60); t++) {
      const frame = sim.advance(t);
      const now = JSON.stringify({ counts: frame.taskStateCounts, s: serviceCounts(sim) });
      if (now !== before) changedAt.push(t);
      before = now;
      const at = history.find((x) => x.atMs === t);
      if (at)
        expect(fold({ taskStateCounts: frame.taskStateCounts, services: {} }, [at])).toEqual({
          taskStateCounts: frame.taskStateCounts,
          services: Object.fromEntries(
            Object.keys(at.services ?? {}).map((n) => [n, serviceCounts(sim)[n]]),
          ),
        });
    }
    // The minute's series (cost, capacity, scaling) are samples of their own.
    const counted = history.filter((x) => x.taskStateCounts || x.services);
    expect(counted.map((x) => x.atMs)).toEqual(changedAt);
  });

  it('names only the services whose counts changed, desiredCount included', () => {
    const d = design({
      containerInstances: [instance()],
      taskDefinitions: [taskDefinition('web'), taskDefinition('api')],
      services: [service('web', 1), service('api', 1)],
    });
    const sim = createSimulation(d);
    sim.advance(minutes(1));
    sim.apply({ action: 'UpdateService', input: { service: 'web', desiredCount: 0 } });
    const [atEdit] = sim.advance(minutes(1)).history;
    expect(atEdit?.atMs).toBe(minutes(1));
    expect(atEdit?.services).toEqual({
      web: {
        desiredCount: 0,
        runningCount: 0,
        pendingCount: 0,
        healthyCount: 0,
        lowerBound: 0,
        upperBound: 0,
        // The task still STOPPING counts in no deployment's counts.
        deployments: {},
      },
    });
    // Nothing else moved at that ms: the web task is still STOPPING, counted by lastStatus.
    expect(atEdit?.taskStateCounts).toMatchObject({ RUNNING: 1, STOPPING: 1 });
  });

  it('comes through a checkpoint taken in the middle of an ms', () => {
    const d = sample();
    const edit = { action: 'UpdateService', input: { service: 'web', desiredCount: 1 } } as const;
    const whole = createSimulation(d);
    const wholeFrames = [whole.advance(seconds(90))];
    whole.apply(edit);
    wholeFrames.push(...frames(whole, minutes(5), seconds(10)));

    const first = createSimulation(d);
    const brokenFrames = [first.advance(seconds(90))];
    first.apply(edit);
    const resumed = restoreSimulation(JSON.parse(JSON.stringify(first.checkpoint())));
    brokenFrames.push(...frames(resumed, minutes(5), seconds(10)));
    expect(JSON.stringify(historyOf(brokenFrames))).toBe(JSON.stringify(historyOf(wholeFrames)));
  });
});

describe('coalesceHistory', () => {
  it('merges neighbours at one ms, later values winning, and keeps the rest', () => {
    const counts = (running: number) => ({
      desiredCount: 2,
      runningCount: running,
      pendingCount: 0,
      healthyCount: 0,
      lowerBound: 2,
      upperBound: 4,
    });
    expect(
      coalesceHistory([
        { atMs: 5, services: { web: counts(0) } },
        { atMs: 9, services: { web: counts(1), api: counts(0) } },
        { atMs: 9, services: { web: counts(2) } },
        { atMs: 12, services: { api: counts(1) } },
      ]),
    ).toEqual([
      { atMs: 5, services: { web: counts(0) } },
      { atMs: 9, services: { web: counts(2), api: counts(0) } },
      { atMs: 12, services: { api: counts(1) } },
    ]);
  });
});
