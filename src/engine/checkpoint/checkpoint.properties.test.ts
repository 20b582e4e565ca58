import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { HistorySample } from '../api';
import { coalesceHistory } from '../output/history';
import { createSimulation, restoreSimulation, type Simulation } from '../simulation';
import { design, instance, seconds, service, taskDefinition } from '../testing/builders';
import {
  buildDesign,
  END_MS,
  instanceId,
  resolve,
  type Scenario,
  scenarioArb,
} from '../testing/random-runs';

/** What a run shows: every event, message, datapoint and count sample in order, and the final state. */
interface Story {
  stream: unknown[];
  end: unknown;
}

/**
 * Each kind of output is its own stream: how a run is sliced into frames changes which
 * frame carries an event, never the order within a kind.
 */
function record(sim: Simulation, stream: unknown[], toMs: number): void {
  const frame = sim.advance(toMs);
  const kinds = stream as unknown[][];
  if (kinds.length === 0) kinds.push([], [], [], []);
  kinds[0]?.push(...frame.events);
  kinds[1]?.push(...frame.serviceEvents);
  kinds[2]?.push(...frame.metrics);
  kinds[3]?.push(...frame.history);
}

/**
 * A live edit applied at the very ms a frame ended adds a second sample at that ms to the
 * next frame, where a replay has one: the same history once neighbours at one ms merge.
 */
function coalesced(stream: unknown[]): unknown[] {
  const kinds = [...(stream as unknown[][])];
  kinds[3] = coalesceHistory((kinds[3] ?? []) as HistorySample[]);
  return kinds;
}

function ending(sim: Simulation): unknown {
  const explanations = sim.snapshot().tasks.map((t) => sim.explainTask(t.taskArn) ?? null);
  return {
    describe: sim.describe(),
    snapshot: sim.snapshot(),
    journal: sim.journal(),
    explanations,
  };
}

/** The first difference, short enough to read in a failure. */
function expectSameStream(actual: unknown[], expected: unknown[]): void {
  const a = actual.flatMap((kind, k) =>
    (kind as unknown[]).map((x) => `${k} ${JSON.stringify(x)}`),
  );
  const b = expected.flatMap((kind, k) =>
    (kind as unknown[]).map((x) => `${k} ${JSON.stringify(x)}`),
  );
  const i = a.findIndex((line, k) => line !== b[k]);
  const at = i === -1 && a.length !== b.length ? Math.min(a.length, b.length) : i;
  if (at !== -1) expect(`#${at}: ${a[at]}`).toBe(`#${at}: ${b[at]}`);
}

/** Play the scenario's commands live, optionally checkpointing and restoring at `breakAtMs`. */
function playLive(s: Scenario, breakAtMs?: number): Story {
  let sim = createSimulation(buildDesign(s));
  const stream: unknown[] = [];
  const commands = [...s.commands].sort((a, b) => a.atMs - b.atMs);
  let broken = breakAtMs === undefined;
  const maybeBreak = (beforeMs: number) => {
    if (broken || breakAtMs === undefined || breakAtMs > beforeMs) return;
    record(sim, stream, breakAtMs);
    sim = restoreSimulation(JSON.parse(JSON.stringify(sim.checkpoint())));
    broken = true;
  };
  for (const { atMs, recipe: r } of commands) {
    maybeBreak(atMs);
    record(sim, stream, Math.max(atMs, sim.nowMs));
    sim.apply(resolve(sim, s, r));
  }
  maybeBreak(END_MS);
  record(sim, stream, END_MS);
  return { stream, end: ending(sim) };
}

describe('a run is a value', () => {
  it('checkpoint at any moment, restore, and the run goes on exactly as without the break', () => {
    fc.assert(
      fc.property(scenarioArb, (s) => {
        const whole = playLive(s);
        const broken = playLive(s, s.breakAtMs);
        expectSameStream(broken.stream, whole.stream);
        expect(JSON.stringify(broken.end)).toBe(JSON.stringify(whole.end));
      }),
      { numRuns: 60 },
    );
  });

  it('design + seed + journal replays the live run byte for byte, and so does a restore mid-replay', () => {
    fc.assert(
      fc.property(scenarioArb, (s) => {
        const live = playLive(s);
        const journal = (live.end as { journal: Parameters<typeof createSimulation>[2] }).journal;
        const replay = createSimulation(buildDesign(s), s.seed, journal);
        const stream: unknown[] = [];
        record(replay, stream, Math.min(s.breakAtMs, END_MS));
        const resumed = restoreSimulation(JSON.parse(JSON.stringify(replay.checkpoint())));
        record(resumed, stream, END_MS);
        expectSameStream(coalesced(stream), coalesced(live.stream));
        expect(JSON.stringify(ending(resumed))).toBe(JSON.stringify(live.end));
      }),
      { numRuns: 60 },
    );
  });

  it('an edit while journal entries wait cuts them off: the new branch goes on from there', () => {
    const d = design({
      containerInstances: [instance({ id: instanceId(0) })],
      taskDefinitions: [taskDefinition('web')],
      services: [service('web', 2)],
    });
    const sim = createSimulation(d, 7, [
      {
        at: 30,
        action: 'UpdateService',
        input: { cluster: 'test', service: 'web', desiredCount: 4 },
      },
      {
        at: 90,
        action: 'UpdateService',
        input: { cluster: 'test', service: 'web', desiredCount: 6 },
      },
    ]);
    sim.advance(seconds(60));
    sim.apply({
      action: 'UpdateService',
      input: { cluster: 'test', service: 'web', desiredCount: 1 },
    });
    sim.advance(seconds(120));
    expect(
      sim.journal().map((e) => [e.at, (e.input as { desiredCount: number }).desiredCount]),
    ).toEqual([
      [30, 4],
      [60, 1],
    ]);
    expect(sim.describe().services[0]?.desiredCount).toBe(1);
  });

  it('refuses a journal out of time order, naming the entry', () => {
    const d = design({ taskDefinitions: [taskDefinition('web')], services: [service('web', 1)] });
    const scale = { action: 'UpdateService' as const, input: { service: 'web', desiredCount: 2 } };
    expect(() =>
      createSimulation(d, 1, [
        { at: 20, ...scale },
        { at: 10, ...scale },
      ]),
    ).toThrow('journal[1].at: 10 s comes before journal[0].at (20 s)');
  });
});
