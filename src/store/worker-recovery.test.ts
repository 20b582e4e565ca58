import * as Comlink from 'comlink';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { type SimWorker, simWorkerOf } from '../worker/client';
import { createSimApi } from '../worker/sim-api';
import { useDesignStore } from './design';
import { importDesign } from './design-actions';
import { sampleDocument } from './design-storage';
import { useRunStore } from './run';
import { useSessionStore } from './session';
import {
  applyLive,
  connectSimulation,
  fetchHistory,
  injectTestFault,
  restartStopped,
  step,
} from './sim-control';
import { canRestoreAt, stopSentence, useWorkerStore } from './worker-state';
import { watchWorker } from './worker-watch';

const waitFor = async (check: () => boolean) => {
  for (let i = 0; i < 300 && !check(); i++) await new Promise((r) => setTimeout(r, 10));
  expect(check()).toBe(true);
};

/** A worker over a MessageChannel that the test can end, and see ended. */
const channels: MessageChannel[] = [];
function spawn(): SimWorker {
  const channel = new MessageChannel();
  channels.push(channel);
  Comlink.expose(createSimApi({ now: () => 0, tickMs: 5, testFaults: true }), channel.port2);
  return simWorkerOf(channel.port1);
}

const run = () => useRunStore.getState();
const stop = () => useWorkerStore.getState().stop;

describe('a run whose worker dies', () => {
  beforeAll(async () => {
    expect(importDesign(JSON.stringify({ ...sampleDocument(), script: [] })).ok).toBe(true);
    const first = spawn();
    await connectSimulation(first.client, { worker: first, respawn: spawn });
    await waitFor(() => run().status === 'ready');
  });
  afterAll(() => {
    for (const c of channels) {
      c.port1.close();
      c.port2.close();
    }
  });

  it('keeps the design and the journal, says so, and restarts at the moment it stopped', async () => {
    step(60);
    await waitFor(() => run().nowMs === 60_000);
    await applyLive([
      { action: 'UpdateService', input: { cluster: 'demo', service: 'web', desiredCount: 4 } },
    ]);
    step(30);
    await waitFor(() => run().nowMs === 90_000 && run().services.web?.runningCount === 4);
    const design = useDesignStore.getState().design;
    const journal = run().timeline.journal;
    expect(journal).toHaveLength(1);

    const query = { fromMs: 0, toMs: 90_000, columns: 10, keys: ['status:RUNNING'] };
    const drawn = await fetchHistory(query);
    expect(drawn?.series['status:RUNNING']?.at(-1)).toBe(4);
    expect(await injectTestFault('throw')).toBe(true);
    step(10);
    await waitFor(() => stop() !== null);
    // The chart keeps what it drew: nothing answers now, so the last answer does.
    expect(await fetchHistory(query)).toEqual(drawn);
    const stopped = stop();
    if (!stopped) throw new Error('not stopped');
    expect(stopSentence(stopped)).toBe(
      'The simulation stopped: the engine failed at 1:30 (test fault: the engine threw on purpose). ' +
        'Your design and the command you applied are kept.',
    );
    expect(canRestoreAt(stopped)).toBe(true);
    expect(run().status).toBe('stopped');
    // What was on screen stays: the design, the journal, the tasks at 1:30.
    expect(useDesignStore.getState().design).toBe(design);
    expect(run().timeline.journal).toBe(journal);
    expect(run().nowMs).toBe(90_000);
    expect(run().services.web?.runningCount).toBe(4);
    // The controls go nowhere while stopped: an edit says so instead of vanishing.
    step(10);
    await applyLive([
      { action: 'UpdateService', input: { cluster: 'demo', service: 'web', desiredCount: 2 } },
    ]);
    expect(useSessionStore.getState().notice?.text).toBe(
      'The simulation is stopped: restart it, then UpdateService again.',
    );

    await restartStopped('checkpoint');
    await waitFor(() => run().status === 'ready');
    expect(stop()).toBeNull();
    expect(run().nowMs).toBe(90_000);
    expect(run().timeline.journal).toEqual(journal);
    expect(run().services.web?.desiredCount).toBe(4);
    expect(run().services.web?.runningCount).toBe(4);
    expect(useSessionStore.getState().notice?.text).toBe('The simulation restarted from 1:30.');
    // And it goes on.
    step(10);
    await waitFor(() => run().nowMs === 100_000);
  });

  it('Restart at 0:00 keeps the journal as the run to come', async () => {
    expect(await injectTestFault('throw')).toBe(true);
    step(10);
    await waitFor(() => stop() !== null);
    await restartStopped('start');
    await waitFor(() => run().status === 'ready');
    expect(run().nowMs).toBe(0);
    expect(run().timeline.journal).toHaveLength(1);
    step(90);
    await waitFor(() => run().nowMs === 90_000 && run().services.web?.desiredCount === 4);
  });

  it('a design change while stopped starts the new run in a new worker, with Undo', async () => {
    const at = run().nowMs;
    step(30);
    await waitFor(() => run().nowMs === at + 30_000);
    expect(await injectTestFault('throw')).toBe(true);
    step(10);
    await waitFor(() => stop() !== null);
    const before = channels.length;
    const design = useDesignStore.getState().design;
    useDesignStore.setState({ design: { ...design, seed: design.seed + 1 } });
    await waitFor(() => run().status === 'ready');
    expect(channels.length).toBe(before + 1);
    expect(stop()).toBeNull();
    expect(run().nowMs).toBe(0);
    expect(useSessionStore.getState().notice?.text).toBe(
      'The design changed, so the run restarted at 0:00.',
    );
    expect(useSessionStore.getState().notice?.action?.label).toBe('Undo');
  });
});

describe('the watch on the worker', () => {
  it('reports an error that escaped the worker, once, and stops listening', () => {
    const target = new EventTarget();
    const endpoint = Object.assign(target, { postMessage: () => {}, terminate: vi.fn() });
    const watched = simWorkerOf(endpoint);
    const onStop = vi.fn();
    const watch = watchWorker(watched, onStop, { everyMs: 60_000 });
    const error = Object.assign(new Event('error', { cancelable: true }), {
      message: 'Uncaught RangeError: Maximum call stack size exceeded',
    });
    target.dispatchEvent(error);
    expect(error.defaultPrevented).toBe(true);
    target.dispatchEvent(new Event('messageerror'));
    expect(onStop).toHaveBeenCalledTimes(1);
    expect(onStop).toHaveBeenCalledWith(
      'its worker failed (Uncaught RangeError: Maximum call stack size exceeded)',
    );
    watch.stop();
  });

  it('reports a worker that stopped answering as hung', async () => {
    vi.useFakeTimers();
    try {
      const silent: SimWorker = {
        // Started, answered once, then stuck.
        client: {
          ping: vi
            .fn(() => new Promise<number>(() => {}))
            .mockImplementationOnce(() => Promise.resolve(1)),
        } as unknown as SimWorker['client'],
        onFailure: () => () => {},
        terminate: () => {},
      };
      const onStop = vi.fn();
      watchWorker(silent, onStop, { now: () => Date.now() });
      await vi.advanceTimersByTimeAsync(6_000);
      expect(onStop).toHaveBeenCalledWith('it did not answer for 3 seconds, so it was ended');
    } finally {
      vi.useRealTimers();
    }
  });
});
