import { describe, expect, it } from 'vitest';
import { parseDesign, sampleDesign } from '../design';
import type { SimMessage } from './protocol';
import { createSimApi } from './sim-api';

function sample() {
  const parsed = parseDesign(structuredClone(sampleDesign));
  if (!parsed.ok) throw new Error(parsed.message);
  return parsed.design;
}

describe('the worker API for the heartbeat and the test faults', () => {
  it('answers pings', () => {
    const api = createSimApi({ now: () => 0 });
    expect(api.ping()).toBe(1);
    expect(api.ping()).toBe(2);
  });

  it('refuses test faults unless started for tests', () => {
    const api = createSimApi({ now: () => 0 });
    api.load({ design: sample() });
    expect(api.fault('throw')).toBe(false);
    const messages: SimMessage[] = [];
    api.subscribe((m) => messages.push(m));
    api.step(10);
    expect(messages.map((m) => m.kind)).toEqual(['frame']);
  });

  it('a thrown step reaches the page as an error, once; the next step runs', () => {
    const api = createSimApi({ now: () => 0, testFaults: true });
    api.load({ design: sample() });
    const messages: SimMessage[] = [];
    api.subscribe((m) => messages.push(m));
    expect(api.fault('throw')).toBe(true);
    api.step(10);
    expect(messages).toEqual([
      { kind: 'error', message: 'test fault: the engine threw on purpose' },
    ]);
    api.step(10);
    expect(messages.at(-1)?.kind).toBe('frame');
  });

  it('a long replay beats while it works, about twice a wall second', () => {
    let wall = 0;
    // Each look at the clock: 100 ms of wall time, as a slow replay would take.
    const api = createSimApi({
      now: () => {
        wall += 100;
        return wall;
      },
    });
    const messages: SimMessage[] = [];
    api.subscribe((m) => messages.push(m));
    const design = sample();
    // An hour of the sample, reopened at its end: thirty checkpoint intervals replayed.
    expect(
      api.load({ design, seed: design.seed, journal: [], atMs: 3_600_000, endMs: 3_600_000 }),
    ).toEqual({ ok: true, nowMs: 3_600_000 });
    const beats = messages.filter((m) => m.kind === 'beat').length;
    expect(beats).toBeGreaterThan(0);
    // The beats come during the replay, before the reset that ends it.
    expect(messages.at(-1)?.kind).toBe('reset');
  });
});
