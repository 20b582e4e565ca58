import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { startHeartbeat } from './heartbeat';

/** The page's wall clock, moved by hand so a stalled page can be told from a silent worker. */
let wall = 0;
const now = () => wall;

/** Let `ms` of wall time pass, one timer tick a second, as a page that listens. */
async function pass(ms: number): Promise<void> {
  for (let t = 0; t < ms; t += 100) {
    wall += 100;
    await vi.advanceTimersByTimeAsync(100);
  }
}

const answering = () => Promise.resolve(1);
const silent = () => new Promise<number>(() => {});

describe('the heartbeat on the worker', () => {
  beforeEach(() => {
    wall = 0;
    vi.useFakeTimers({ toFake: ['setInterval', 'clearInterval'] });
  });
  afterEach(() => vi.useRealTimers());

  it('never calls a worker that answers hung, however long the run', async () => {
    const onHung = vi.fn();
    const ping = vi.fn(answering);
    startHeartbeat({ ping, onHung, now });
    await pass(60_000);
    expect(onHung).not.toHaveBeenCalled();
    // One ping a second, not a flood of them.
    expect(ping.mock.calls.length).toBeGreaterThanOrEqual(59);
    expect(ping.mock.calls.length).toBeLessThanOrEqual(60);
  });

  it('gives a starting worker 15 s to answer its first ping', async () => {
    const onHung = vi.fn();
    startHeartbeat({ ping: silent, onHung, now });
    await pass(15_900);
    expect(onHung).not.toHaveBeenCalled();
    await pass(200);
    expect(onHung).toHaveBeenCalledWith(15_000);
  });

  it('calls a silent worker hung about 3 s after the unanswered ping, once', async () => {
    const onHung = vi.fn();
    let booted = false;
    const ping = vi.fn(() => (booted ? silent() : answering()));
    startHeartbeat({ ping, onHung, now });
    await pass(1_000);
    booted = true;
    await pass(3_900);
    expect(onHung).not.toHaveBeenCalled();
    await pass(200);
    expect(onHung).toHaveBeenCalledTimes(1);
    // The ping at 2 s went unanswered until 5 s: 3 s of silence.
    expect(onHung).toHaveBeenCalledWith(3_000);
    await pass(10_000);
    expect(onHung).toHaveBeenCalledTimes(1);
    // Only one ping was ever out unanswered: a stuck worker is not sent a queue of them.
    expect(ping).toHaveBeenCalledTimes(2);
  });

  it('a worker that stops answering mid-run is noticed within a few seconds', async () => {
    const onHung = vi.fn();
    let stuck = false;
    startHeartbeat({ ping: () => (stuck ? silent() : answering()), onHung, now });
    await pass(10_000);
    stuck = true;
    const stuckAt = wall;
    while (onHung.mock.calls.length === 0 && wall - stuckAt < 10_000) await pass(100);
    expect(wall - stuckAt).toBeGreaterThanOrEqual(3_000);
    expect(wall - stuckAt).toBeLessThanOrEqual(4_100);
  });

  it('beats of a long replay keep a busy worker alive; silence after them does not', async () => {
    const onHung = vi.fn();
    let booted = false;
    const beat = startHeartbeat({ ping: () => (booted ? silent() : answering()), onHung, now });
    await pass(1_000);
    booted = true;
    // Ten seconds busy in one call, saying so twice a second.
    for (let i = 0; i < 20; i++) {
      await pass(500);
      beat.alive();
    }
    expect(onHung).not.toHaveBeenCalled();
    const lastBeat = wall;
    await pass(4_000);
    expect(onHung).toHaveBeenCalledTimes(1);
    expect(onHung.mock.calls[0]?.[0]).toBeGreaterThanOrEqual(3_000);
    expect(wall - lastBeat).toBeLessThanOrEqual(4_000);
  });

  it('a page that was not listening (a background tab, a long render) does not blame the worker', async () => {
    const onHung = vi.fn();
    let booted = false;
    startHeartbeat({ ping: () => (booted ? silent() : answering()), onHung, now });
    await pass(1_000);
    booted = true;
    await pass(1_000); // the ping goes out
    // The page's timers ran a minute late: the answer could not have been heard.
    wall += 60_000;
    await vi.advanceTimersByTimeAsync(1_000);
    expect(onHung).not.toHaveBeenCalled();
    // Listening again, the worker still says nothing: 3 s later it is hung.
    await pass(2_900);
    expect(onHung).not.toHaveBeenCalled();
    await pass(200);
    expect(onHung).toHaveBeenCalledTimes(1);
  });

  it('stops pinging when stopped', async () => {
    const onHung = vi.fn();
    const ping = vi.fn(silent);
    const beat = startHeartbeat({ ping, onHung, now });
    beat.stop();
    await pass(10_000);
    expect(ping).not.toHaveBeenCalled();
    expect(onHung).not.toHaveBeenCalled();
  });
});
